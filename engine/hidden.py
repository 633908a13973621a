"""What each hidden neuron of a 2-input ReLU classifier computes over the plane.

The spiral tab draws one small map per hidden neuron: its ReLU output at
every cell centre of ``engine.network.grid_points`` (the class map's grid).
Computed in float32, neurons first — row k of a layer's result is neuron k's
whole map, contiguous — so a view can show it without copying.
``class_map_from_hidden`` finishes the class map from those outputs: for 64
neurons half the time of ``engine.network.class_map``'s row blocks.
"""

from __future__ import annotations

import numpy as np

from engine.network import Classifier, Extent, grid_points


def hidden_maps(model: Classifier, extent: Extent = (-1.0, 1.0, -1.0, 1.0),
                cells: int = 150, out: list[np.ndarray] | None = None) -> list[np.ndarray]:
    """Per hidden layer, a float32 array of shape (width, cells, cells):
    ``[k, i, j]`` is neuron k's ReLU output at the centre of cell (i along x,
    j along y), as ``class_map`` indexes its cells. Layer 1 is
    ReLU(w_x·x + w_y·y + b); later layers take the previous layer's outputs.
    ``out``, the result of an earlier call, is overwritten where its arrays
    have the right shape: 64 maps are 5.8 MB, and fresh memory each frame
    costs the page faults of touching it."""
    if model.sizes[0] != 2:
        raise ValueError(f"neuron maps need a 2-input network, this one has {model.sizes[0]}")
    if model.hidden_activation != "relu":
        raise ValueError("neuron maps assume ReLU hidden layers")
    cells = int(cells)
    a = grid_points(extent, cells).T.astype(np.float32)  # (2, cells²)
    maps = []
    for k, layer in enumerate(model.layers[:-1]):
        weights = layer.weights.T.astype(np.float32)
        reused = out is not None and k < len(out) and out[k].shape == (len(weights), cells, cells)
        z = np.matmul(weights, a, out=out[k].reshape(len(weights), -1) if reused else None)
        z += layer.biases.T.astype(np.float32)  # (width, cells²)
        np.maximum(z, 0.0, out=z)
        maps.append(z.reshape(-1, cells, cells))
        a = z
    return maps


def class_map_from_hidden(model: Classifier, maps: list[np.ndarray]
                          ) -> tuple[np.ndarray, np.ndarray]:
    """``engine.network.class_map`` of ``model`` over the grid ``maps``
    (``hidden_maps``) was computed on: ``(classes, confidence)``, each
    (cells, cells), from the last hidden layer's outputs through the output
    layer. Float32 like ``class_map``; only the order of the sums differs."""
    last = maps[-1]
    cells = last.shape[1]
    out = model.layers[-1]
    logits = out.weights.T.astype(np.float32) @ last.reshape(len(last), -1)  # (C, cells²)
    logits += out.biases.T.astype(np.float32)
    classes = np.argmax(logits, axis=0)
    logits -= np.max(logits, axis=0)
    np.exp(logits, out=logits)
    confidence = 1.0 / np.sum(logits, axis=0)
    return classes.reshape(cells, cells), confidence.astype(float).reshape(cells, cells)


def neuron_terms(model: Classifier, layer: int, index: int) -> tuple[np.ndarray, float]:
    """The incoming weights and the bias of neuron ``index`` of hidden
    ``layer`` (1-based): it computes ReLU(weights · inputs + bias)."""
    if not 1 <= layer < len(model.sizes) - 1 or not 0 <= index < model.sizes[layer]:
        raise ValueError(f"no hidden neuron {index} in layer {layer}")
    dense = model.layers[layer - 1]
    return dense.weights[:, index].copy(), float(dense.biases[0, index])
