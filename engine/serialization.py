"""Weights files: a small JSON document, checked strictly on the way in.

Never ``eval`` or ``pickle``: a weights file may come from anyone.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import numpy as np

FORMAT = "neuron-tuner/params"
VERSION = 1
MAX_BYTES = 1_000_000


class ParamsFileError(ValueError):
    """A weights file that cannot be used; the message names the problem."""


def params_document(names, values, meta: dict | None = None) -> dict:
    values = np.asarray(values, dtype=float)
    if len(names) != values.size:
        raise ValueError(f"{len(names)} names but {values.size} values")
    if not np.all(np.isfinite(values)):
        raise ValueError("cannot save NaN or infinite parameters")
    return {"format": FORMAT, "version": VERSION, "names": list(names),
            "values": values.tolist(), "meta": dict(meta or {})}


def save_params(path, names, values, meta: dict | None = None) -> None:
    """Write the parameters atomically: a temporary file, then a rename, so a
    crash never leaves half a file where a good one was."""
    text = json.dumps(params_document(names, values, meta), indent=1, allow_nan=False)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _reject_constant(name: str):
    raise ParamsFileError(f"the file contains {name}, which is not a finite number")


def parse_params(text: str, expected_names) -> np.ndarray:
    """Check a weights document and return its values in ``expected_names`` order."""
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise ParamsFileError(f"not a JSON file ({err.msg}, line {err.lineno})") from None
    except ParamsFileError:
        raise
    except ValueError as err:  # e.g. an integer literal of more than 4300 digits
        raise ParamsFileError(f"not a usable JSON file ({err})") from None
    except RecursionError:  # thousands of nested brackets
        raise ParamsFileError("not a usable JSON file (nested too deeply)") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ParamsFileError(f"not a Neuron Tuner weights file (format tag is not {FORMAT!r})")
    if doc.get("version") != VERSION:
        raise ParamsFileError(
            f"unsupported version {doc.get('version')!r} (this app reads {VERSION})")
    names, values = doc.get("names"), doc.get("values")
    if not isinstance(names, list) or not isinstance(values, list):
        raise ParamsFileError("the file needs a 'names' list and a 'values' list")
    expected = list(expected_names)
    if len(values) != len(expected):
        raise ParamsFileError(
            f"the file has {len(values)} numbers, the network needs {len(expected)}")
    if names != expected:
        wrong = next((n for n, e in zip(names, expected, strict=False) if n != e), None)
        raise ParamsFileError(
            f"the parameter names differ from this network's (first difference: {wrong!r})"
            if wrong is not None else
            f"the file names {len(names)} parameters, the network has {len(expected)}")
    for name, value in zip(names, values, strict=True):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParamsFileError(f"{name} is {value!r}, not a number")
        try:
            finite = math.isfinite(float(value))
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            raise ParamsFileError(f"{name} is not a finite number")
    return np.array(values, dtype=float)


def load_params(path, expected_names) -> np.ndarray:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ParamsFileError(f"the file is {size:,} bytes; weights files are at most 1 MB")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ParamsFileError("not a text file (it is not UTF-8)") from None
    except OSError as err:
        raise ParamsFileError(f"cannot read the file: {err.strerror or err}") from None
    return parse_params(text, expected_names)


# What each hidden activation looks like in the generated code.
_NUMPY_ACTIVATIONS = {
    "relu": "np.maximum(0.0, {z})",
    "linear": "{z}",
    "sigmoid": "1.0 / (1.0 + np.exp(-({z})))",
    "tanh": "np.tanh({z})",
}


def _array_code(name: str, array: np.ndarray) -> str:
    # repr() of a Python float is the shortest text that reads back to the same
    # double, so the snippet rebuilds the weights exactly.
    rows = [f"[{', '.join(repr(float(v)) for v in row)}]" for row in np.atleast_2d(array)]
    indent = " " * (len(name) + len(" = np.array(["))
    return f"{name} = np.array([" + f",\n{indent}".join(rows) + "])"


def numpy_code(network) -> str:
    """A standalone Python snippet that rebuilds a regression network's weights
    as NumPy arrays ``W1, b1, W2, b2, …`` (weights shaped (inputs, neurons),
    biases (1, neurons), as NNFS) and a ``forward(x)`` that uses them."""
    if network.hidden_activation not in _NUMPY_ACTIVATIONS:
        raise ValueError(f"no NumPy code for the {network.hidden_activation!r} activation")
    sizes = " → ".join(str(s) for s in network.sizes)
    lines = [f"# Neuron Tuner network {sizes}, {network.hidden_activation} hidden layers.",
             "import numpy as np", ""]
    for k, layer in enumerate(network.layers, start=1):
        lines += [_array_code(f"W{k}", layer.weights), _array_code(f"b{k}", layer.biases)]
    activation = _NUMPY_ACTIVATIONS[network.hidden_activation]
    lines += ["", "", "def forward(x):",
              f'    """x: shape (n,) or (n, {network.sizes[0]}); returns shape (n, '
              f'{network.sizes[-1]})."""',
              f"    a = np.asarray(x, dtype=float).reshape(-1, {network.sizes[0]})"]
    last = len(network.layers)
    for k in range(1, last):
        lines.append(f"    a = {activation.format(z=f'a @ W{k} + b{k}')}")
    lines += [f"    return a @ W{last} + b{last}", ""]
    return "\n".join(lines)
