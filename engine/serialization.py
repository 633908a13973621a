"""Weights files: a small JSON document, checked strictly on the way in.

Never ``eval`` or ``pickle``: a weights file may come from anyone.
"""

from __future__ import annotations

import json
import math
import os
import stat
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


def params_bytes(names, values, meta: dict | None = None) -> bytes:
    """The weights file's bytes (UTF-8 JSON); the GUI writes them atomically."""
    text = json.dumps(params_document(names, values, meta), indent=1, allow_nan=False)
    return text.encode("utf-8")


def save_params(path, names, values, meta: dict | None = None) -> None:
    """Write the parameters atomically (for notebooks and scripts; the GUI
    writes ``params_bytes`` through Qt's QSaveFile): a temporary file, then a
    rename, so a crash never leaves half a file where a good one was."""
    data = params_bytes(names, values, meta)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_NOT_REGULAR = "cannot read the file: it is not a regular file (a folder, device or pipe)"


def read_bounded(path, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file, for any file kind: a FIFO,
    a device (``/dev/zero``) or a directory is refused before it is opened,
    and no more than ``limit + 1`` bytes are ever read, whatever ``stat`` says."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ParamsFileError(_NOT_REGULAR)
        # O_NONBLOCK: if the path is swapped for a FIFO after the check, open
        # still returns at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ParamsFileError(_NOT_REGULAR)
            data = handle.read(limit + 1)
    except OSError as err:
        raise ParamsFileError(f"cannot read the file: {err.strerror or err}") from None
    if len(data) > limit:
        raise ParamsFileError(f"the file is larger than {limit:,} bytes; files here are at most "
                              f"{limit / 1e6:g} MB")
    return data


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
    data = read_bounded(path, MAX_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ParamsFileError("not a text file (it is not UTF-8)") from None
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
