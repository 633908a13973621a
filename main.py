"""Neuron Tuner — run ``python main.py --help`` for the options."""

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
