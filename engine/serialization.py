"""Weights files: a small JSON document, checked strictly on the way in.

Never ``eval`` or ``pickle``: a weights file may come from anyone.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import activations
from engine.network import layer_param_names

FORMAT = "neuron-tuner/params"
VERSION = 1
MAX_BYTES = 1_000_000
# A weights file nests 3 deep (the document, its meta, the layer sizes);
# json.loads recurses once per level, so the bound also rules out RecursionError.
MAX_DEPTH = 32
MAX_INT_DIGITS = 4300  # Python's default limit on int(str)
# Layer sizes a file may carry: input, up to 3 hidden layers, output.
MIN_LAYERS, MAX_LAYERS, MAX_WIDTH = 2, 5, 64


class ParamsFileError(ValueError):
    """A weights file that cannot be used; the message names the problem."""


def params_document(names, values, meta: dict | None = None) -> dict:
    """The weights file as a dict; ``meta`` may carry the network's shape
    (``shape_meta``), checked here as it is on reading."""
    values = np.asarray(values, dtype=float)
    if len(names) != values.size:
        raise ValueError(f"{len(names)} names but {values.size} values")
    if not np.all(np.isfinite(values)):
        raise ValueError("cannot save NaN or infinite parameters")
    sizes, _ = _check_shape(dict(meta or {}))
    if sizes is not None and list(names) != layer_param_names(sizes):
        raise ValueError(f"the parameter names do not fit the layer sizes {list(sizes)}")
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
        raise ParamsFileError(f"the file is larger than {limit:,} bytes (weights files are at "
                              f"most {limit / 1e6:g} MB)")
    return data


# --- JSON with bounded depth, no duplicate keys and no NaN ---------------------

# A JSON string, or an unterminated one up to the end of the text. Written so
# that every match attempt succeeds without backtracking: the scan is linear
# even on text made of quotes and backslashes.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest in JSON ``text`` (brackets inside strings
    do not count), found by a linear scan without recursion, so it is safe on
    text that would make ``json.loads`` raise ``RecursionError``. For text
    that is not JSON the answer is only an upper bound of what a parser would
    reach before its first syntax error."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if not brackets:
        return 0
    codes = np.frombuffer(brackets.encode("ascii"), dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return max(0, int(np.max(np.cumsum(steps))))


def _short(value) -> str:
    """``repr(value)``, cut to a length that fits in one line of a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _reject_constant(name: str):
    raise ParamsFileError(f"the file contains {name}, which is not a finite number")


def _parse_int(literal: str) -> int:
    # Converting a string of n digits to int takes time ∝ n², so refuse long
    # ones before Python does (its own limit may be raised or switched off).
    if len(literal.lstrip("-")) > MAX_INT_DIGITS:
        raise ParamsFileError(
            f"not a usable JSON file (a number has more than {MAX_INT_DIGITS:,} digits)")
    return int(literal)


def _object_without_duplicates(pairs: list[tuple[str, object]]) -> dict:
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ParamsFileError(f"the file gives the key {_short(key)} twice")
        obj[key] = value
    return obj


def _parse_json(text: str):
    text = text.removeprefix("\ufeff")  # a byte-order mark, as editors on Windows write
    if text.startswith("\ufeff"):  # json's own message here speaks of "utf-8-sig"
        raise ParamsFileError("not a JSON file (it starts with a second byte-order mark)")
    if json_depth(text) > MAX_DEPTH:
        raise ParamsFileError(f"not a usable JSON file (nested too deeply: more than "
                              f"{MAX_DEPTH} levels of brackets)")
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int,
                          object_pairs_hook=_object_without_duplicates)
    except json.JSONDecodeError as err:
        raise ParamsFileError(
            f"not a JSON file ({err.msg} at line {err.lineno}, column {err.colno})") from None


# --- what a weights file holds ---------------------------------------------------

_PARAM_NAME = re.compile(r"w\d{1,4}_\d{1,4}_\d{1,4}|b\d{1,4}_\d{1,4}")


@dataclass(frozen=True)
class ParamsFile:
    """A checked weights file: parameter ``names`` and their ``values`` (same
    length, finite), its ``meta`` object, and — when ``meta`` carries them —
    the network's layer ``sizes`` and hidden ``activation`` (else None).
    Whether the shape suits a tab is the tab's to decide."""

    names: list[str]
    values: np.ndarray
    meta: dict
    sizes: tuple[int, ...] | None = None
    activation: str | None = None


def shape_meta(network) -> dict:
    """The ``meta`` entries that record ``network``'s shape in a weights file."""
    return {"sizes": list(network.sizes), "activation": network.hidden_activation}


def _check_shape(meta: dict) -> tuple[tuple[int, ...] | None, str | None]:
    """The layer sizes and activation ``meta`` carries (None where absent)."""
    sizes, activation = meta.get("sizes"), meta.get("activation")
    if sizes is not None and not (
            isinstance(sizes, list) and MIN_LAYERS <= len(sizes) <= MAX_LAYERS
            and all(type(s) is int and 1 <= s <= MAX_WIDTH for s in sizes)):
        raise ParamsFileError(
            f"the layer sizes must be a list of {MIN_LAYERS} to {MAX_LAYERS} whole numbers "
            f"from 1 to {MAX_WIDTH}, not {_short(sizes)}")
    if activation is not None and not (isinstance(activation, str)
                                       and activation in activations.ACTIVATIONS):
        raise ParamsFileError(f"the activation {_short(activation)} is not one this app knows")
    return (None if sizes is None else tuple(sizes)), activation


def _check_names(names: list, n_values: int, sizes: tuple[int, ...] | None) -> None:
    seen = set()
    for name in names:
        if not (isinstance(name, str) and _PARAM_NAME.fullmatch(name)):
            raise ParamsFileError(
                f"{_short(name)} is not a parameter name (names look like w1_0_3 or b2_5)")
        if name in seen:
            raise ParamsFileError(f"the file names the parameter {name!r} twice")
        seen.add(name)
    if len(names) != n_values:
        raise ParamsFileError(
            f"the file names {len(names)} parameters but holds {n_values} numbers")
    if sizes is not None and names != layer_param_names(sizes):
        raise ParamsFileError(f"the parameter names do not fit the layer sizes {list(sizes)}")


def _check_values(names: list[str], values: list) -> np.ndarray:
    for name, value in zip(names, values, strict=True):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParamsFileError(f"{name} is {_short(value)}, not a number")
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            raise ParamsFileError(f"{name} is not a finite number")
    return np.array(values, dtype=float)


def _parse_file(text: str) -> ParamsFile:
    doc = _parse_json(text)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ParamsFileError(f"not a Neuron Tuner weights file (format tag is not {FORMAT!r})")
    version = doc.get("version")
    if type(version) is not int or version != VERSION:  # not 1.0, not true
        raise ParamsFileError(
            f"unsupported version {_short(version)} (this app reads the whole number {VERSION})")
    names, values, meta = doc.get("names"), doc.get("values"), doc.get("meta", {})
    if not isinstance(names, list) or not isinstance(values, list):
        raise ParamsFileError("the file needs a 'names' list and a 'values' list")
    if not isinstance(meta, dict):
        raise ParamsFileError(f"the file's 'meta' must be an object, not {_short(meta)}")
    sizes, activation = _check_shape(meta)
    _check_names(names, len(values), sizes)
    return ParamsFile(names, _check_values(names, values), meta, sizes, activation)


def match_names(names: list[str], expected: list[str]) -> None:
    """Raise ``ParamsFileError`` saying how ``names`` differ from ``expected``."""
    if names == expected:
        return
    if len(names) != len(expected):
        raise ParamsFileError(
            f"the file has {len(names)} numbers, the network needs {len(expected)}")
    wrong = next(n for n, e in zip(names, expected, strict=True) if n != e)
    raise ParamsFileError(
        f"the parameter names differ from this network's (first difference: {wrong!r})")


def parse_params(text: str, expected_names) -> np.ndarray:
    """Check a weights document and return its values in ``expected_names`` order."""
    document = _parse_file(text)
    match_names(document.names, list(expected_names))
    return document.values


def _read_text(path) -> str:
    try:
        return read_bounded(path, MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise ParamsFileError("the file is not text in UTF-8") from None


def load_params(path, expected_names) -> np.ndarray:
    """The values of the weights file at ``path``, which must name exactly
    ``expected_names``, in that order. Raises ``ParamsFileError`` (a
    ``ValueError``) naming the problem with any file that is not such a file."""
    return parse_params(_read_text(path), expected_names)


def read_params_file(path) -> ParamsFile:
    """The weights file at ``path``, checked on its own (names, numbers,
    layer sizes and activation when present), for a tab that can switch to
    the file's shape. Raises ``ParamsFileError`` naming the problem."""
    return _parse_file(_read_text(path))


# What each hidden activation looks like in the generated code, applied to z.
_NUMPY_ACTIVATIONS = {
    "relu": "np.maximum(0.0, z)",
    "leaky_relu": "np.where(z > 0, z, {alpha!r} * z)".format(
        alpha=activations.ACTIVATIONS["leaky_relu"].defaults()["alpha"]),
    "linear": "z",
    "sigmoid": "1.0 / (1.0 + np.exp(-z))",
    "tanh": "np.tanh(z)",
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
        lines += [f"    z = a @ W{k} + b{k}", f"    a = {activation}"]
    lines += [f"    return a @ W{last} + b{last}", ""]
    return "\n".join(lines)
