"""Run NumPy's matrix products on the calling thread only, for a while.

The spiral net's products are small (6000 × 64 at most). OpenBLAS splits
them over worker threads anyway; on a two-core machine shared with the GUI
the hand-over costs far more than the product (measured: one Adam step of the
1000-point, 6-class, 64-neuron net took 42 ms of CPU with two threads and
4.3 ms with one). ``openblas_set_num_threads_local`` (OpenBLAS ≥ 0.3.27, as
NumPy 2 bundles it) changes this for the calling thread alone and returns the
old value, so nothing else in the process is affected. Where NumPy uses
another BLAS the context does nothing.
"""

from __future__ import annotations

import ctypes
from contextlib import contextmanager
from pathlib import Path

import numpy as np


def _find_local_setter():
    package = Path(np.__file__).resolve().parent
    folders = (package.parent / "numpy.libs", package / ".dylibs")
    for library in (p for folder in folders if folder.is_dir()
                    for p in sorted(folder.iterdir()) if "openblas" in p.name.lower()):
        try:
            setter = ctypes.CDLL(str(library)).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        setter.argtypes, setter.restype = [ctypes.c_int], ctypes.c_int
        return setter
    return None


_set_local_threads = _find_local_setter()


@contextmanager
def one_blas_thread():
    """Matrix products inside the block run on this thread alone."""
    if _set_local_threads is None:
        yield
        return
    previous = _set_local_threads(1)
    try:
        yield
    finally:
        _set_local_threads(previous)
