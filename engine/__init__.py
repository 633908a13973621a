"""Neuron Tuner's maths: pure NumPy and the standard library, no Qt.

One module per concept — ``activations``, ``network``, ``losses``,
``datasets``, ``targets``, ``perceptron``, ``bean_sgd``, ``optim``,
``presets``, ``serialization``, ``geometry`` — each usable from a notebook.
"""
