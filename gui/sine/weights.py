"""The sine-fit tab's weights files: any 1 → … → 1 network.

A file holds ``names`` and ``values`` as always, and in ``meta`` the layer
sizes and the hidden activation (a file without them is the classic
1→8→8→1 ReLU net). Reading goes through the engine's bounded loader, which
checks the names against the shape the file declares; every value must lie
within the sliders' range (``PARAM_LIMIT``), as for a saved session.
"""

from __future__ import annotations

import json

from engine.network import MLP
from engine.serialization import ParamsFileError, load_params, params_bytes, read_bounded
from gui.common.files import write_file
from gui.sine.model import ACTIVATION, SIZES, NetworkState, check_params, check_shape


def _declared_shape(path) -> tuple[tuple[int, ...], str]:
    """The sizes and activation a file's ``meta`` declares (the classic net
    when it declares none); a file that cannot be parsed at all gets the
    classic net too, so that ``load_params`` words the real problem."""
    try:
        doc = json.loads(read_bounded(path).decode("utf-8-sig"))
    except (ParamsFileError, ValueError, RecursionError):
        return SIZES, ACTIVATION
    meta = doc.get("meta") if isinstance(doc, dict) else None
    if not isinstance(meta, dict):
        return SIZES, ACTIVATION
    try:
        return check_shape(meta.get("sizes", list(SIZES)), meta.get("activation", ACTIVATION))
    except ValueError as err:
        raise ParamsFileError(f"unsupported network: {err}") from None


def read_weights(path) -> NetworkState:
    """The network a weights file holds; ``ParamsFileError`` (a ``ValueError``)
    naming the problem for anything the tab cannot show."""
    sizes, activation = _declared_shape(path)
    names = MLP(sizes, activation).param_names()
    values = load_params(path, names)
    try:
        check_params(values.tolist(), names)
    except ValueError as err:
        raise ParamsFileError(str(err)) from None
    return NetworkState(sizes, activation, values)


def write_weights(path, state: NetworkState, target: str) -> None:
    """Write ``state`` atomically; ``OSError`` or ``ValueError`` naming the problem."""
    names = MLP(state.sizes, state.activation).param_names()
    meta = {"app": "Neuron Tuner", "tab": "sine", "target": target,
            "sizes": list(state.sizes), "activation": state.activation}
    write_file(path, params_bytes(names, state.values, meta=meta))
