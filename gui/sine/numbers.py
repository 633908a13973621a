"""How the sine tab prints a number: one place, so no readout, caption, tooltip
or label ever shows a negative zero ("-0.000")."""

from __future__ import annotations

import math


def _unsigned_zero(text: str) -> str:
    """``text`` without its minus sign when every digit in it is 0."""
    if text.startswith("-") and not any(c in "123456789" for c in text.split("e")[0]):
        return text[1:]
    return text


def fixed(value: float, decimals: int = 3) -> str:
    """``decimals`` places, as the spin boxes show a value (0.500, -1.250, 0.000)."""
    if not math.isfinite(value):
        return "—"
    return _unsigned_zero(f"{value:.{decimals}f}")


def significant(value: float) -> str:
    """Four significant digits, trailing zeros kept (0.5000, 0.001543, 4.412e-05)."""
    if not math.isfinite(value):
        return "—"
    return _unsigned_zero(f"{value:#.4g}")


def exact(value: float) -> str:
    """Three decimals like the spin boxes, more when the value holds more digits."""
    if abs(value - round(value, 3)) < 1e-12:
        return fixed(value)
    return _unsigned_zero(f"{value:.6g}")
