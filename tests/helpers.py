"""Plain helpers shared by several test modules. Pytest puts tests/ on
sys.path (there is no tests/__init__.py), so they import as ``helpers``, as
``reference_post000`` does. No Qt import here: engine tests use this too."""

import numpy as np

# central_difference's step; gradient tests keep kinks (ReLU) further than this
# from their samples, or the difference would straddle one.
FD_STEP = 1e-6


def central_difference(f, theta: np.ndarray, h: float = FD_STEP) -> np.ndarray:
    """The gradient of scalar ``f`` at ``theta``, one coordinate at a time —
    computed without the engine, so it can check the engine's backward pass."""
    grad = np.zeros_like(theta)
    for k in range(theta.size):
        up, down = theta.copy(), theta.copy()
        up[k] += h
        down[k] -= h
        grad[k] = (f(up) - f(down)) / (2 * h)
    return grad


def find_child(parent, cls, name):
    """``parent``'s child of type ``cls`` named ``name``; a missing one fails
    the test here, with its name, instead of later as an AttributeError on None."""
    found = parent.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name}"
    return found


def enclosing_scroll_area(widget):
    """The QScrollArea ``widget`` lies in, or None (Qt imported here only, so
    that engine tests can use this module without it)."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None
