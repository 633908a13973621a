"""The sine-fit tab's weights files: any 1 → … → 1 network.

A file holds ``names`` and ``values`` as always, and in ``meta`` the layer
sizes and the hidden activation (a file without them is the classic
1→8→8→1 ReLU net). Reading goes through the engine's bounded loader, which
checks the names against the shape the file declares; every value must lie
within the sliders' range (``PARAM_LIMIT``), as for a saved session.
"""

from __future__ import annotations

from engine.network import MLP
from engine.serialization import ParamsFileError, match_names, params_bytes, read_params_file
from gui.common.checks import checked_params
from gui.common.files import write_file
from gui.sine.model import ACTIVATION, PARAM_LIMIT, SIZES, NetworkState, check_shape


def read_weights(path) -> NetworkState:
    """The network a weights file holds; ``ParamsFileError`` (a ``ValueError``)
    naming the problem for anything the tab cannot show."""
    file = read_params_file(path)  # bounded and strict; names fit declared sizes
    try:
        sizes, activation = check_shape(list(file.sizes or SIZES), file.activation or ACTIVATION)
    except ValueError as err:
        raise ParamsFileError(f"unsupported network: {err}") from None
    names = MLP(sizes, activation).param_names()
    match_names(file.names, names)
    try:
        checked_params(file.values.tolist(), names, PARAM_LIMIT)
    except ValueError as err:
        raise ParamsFileError(str(err)) from None
    return NetworkState(sizes, activation, file.values)


def write_weights(path, state: NetworkState, target: str) -> None:
    """Write ``state`` atomically; ``OSError`` or ``ValueError`` naming the problem."""
    names = MLP(state.sizes, state.activation).param_names()
    meta = {"app": "Neuron Tuner", "tab": "sine", "target": target,
            "sizes": list(state.sizes), "activation": state.activation}
    write_file(path, params_bytes(names, state.values, meta=meta))
