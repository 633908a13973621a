"""Issue 16, sine part: any 1 → … → 1 network, shaped by the learner through
the tab's controls — and the engine's backprop checked against finite
differences for several shapes and every hidden activation the tab offers."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import central_difference, find_child
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QSlider, QSpinBox

from engine import presets
from engine.network import MLP
from engine.serialization import save_params
from gui.sine.model import ACTIVATION_KEYS, NetworkState
from gui.sine.tab import SineFitTab

SHAPES = [(1, 1, 1), (1, 4, 1), (1, 16, 1), (1, 8, 8, 1), (1, 3, 5, 1), (1, 1, 1, 1, 1),
          (1, 2, 7, 3, 1), (1, 16, 16, 16, 1)]


@pytest.fixture
def tab(show_tab):
    return show_tab(SineFitTab())


def sliders(tab) -> set[str]:
    return {s.objectName() for s in tab.findChildren(QSlider) if s.objectName().endswith(
        "_slider")}


def shown_output(tab) -> np.ndarray:
    x, y = tab.output_curve.getData()
    assert np.array_equal(x, tab.x_values)
    return y


def check_network_on_show(tab, sizes, activation):
    assert tab.network.sizes == sizes and tab.network.hidden_activation == activation
    tab.panel.finish_building()
    names = MLP(sizes, activation).param_names()
    assert tab.network.param_names() == names
    assert sliders(tab) == {f"{name}_slider" for name in names}  # none of the old shape
    for name in names:
        box = find_child(tab, QDoubleSpinBox, f"{name}_spin")
        assert box.value() == pytest.approx(tab.network.get_param(name), abs=5e-4)
    assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    hidden = sizes[1:-1]
    assert find_child(tab, QSpinBox, "sineLayersSpin").value() == len(hidden)
    for k in range(3):
        spin = find_child(tab, QSpinBox, f"sineWidth{k + 1}Spin")
        assert spin.isEnabled() == (k < len(hidden))
        if k < len(hidden):
            assert spin.value() == hidden[k]
    assert find_child(tab, QComboBox, "sineActivationCombo").currentData() == activation
    assert len(tab.plot.neuron_curves) == sizes[-2]


@pytest.mark.parametrize("sizes", SHAPES)
def test_each_shape_has_named_sliders_and_the_curve_of_its_network(tab, sizes):
    tab.set_shape(sizes)
    check_network_on_show(tab, sizes, "relu")


@pytest.mark.parametrize("activation", ACTIVATION_KEYS)
def test_each_activation_through_the_combo_box(tab, activation):
    combo = find_child(tab, QComboBox, "sineActivationCombo")
    assert combo.currentData() == "relu"  # the default stays 1→8→8→1 ReLU
    combo.setCurrentIndex(combo.findData(activation))
    check_network_on_show(tab, (1, 8, 8, 1), activation)
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    contributions = tab.network.contributions(tab.x_values)
    for k, curve in enumerate(tab.plot.neuron_curves):
        assert np.array_equal(curve.getData()[1], contributions[:, k])
    note = find_child(tab, QLabel, "sineNeuronNote").text()
    if activation in ("tanh", "sigmoid"):
        assert tab.plot.kink_lines == [] and "No kinks for tanh/sigmoid" in note
    else:
        assert len(tab.plot.kink_lines) == 8 and "kink" in note


def test_the_layer_and_width_spin_boxes_reshape_the_network(tab):
    layers = find_child(tab, QSpinBox, "sineLayersSpin")
    layers.setValue(3)
    assert tab.network.sizes == (1, 8, 8, 1, 1)
    find_child(tab, QSpinBox, "sineWidth3Spin").setValue(5)
    find_child(tab, QSpinBox, "sineWidth1Spin").setValue(16)
    check_network_on_show(tab, (1, 16, 8, 5, 1), "relu")
    layers.setValue(1)
    check_network_on_show(tab, (1, 16, 1), "relu")


def test_a_shape_change_keeps_shared_weights_and_is_one_undo_step(tab):
    before = NetworkState(tab.network.sizes, "relu", tab.network.get_flat())
    kept = {name: tab.network.get_param(name) for name in ("w1_0_0", "b1_0", "w2_0_0", "b3_0")}
    count = tab.undo_stack.count()
    tab.set_shape((1, 12, 8, 1), "tanh")
    assert tab.undo_stack.count() == count + 1
    for name, value in kept.items():
        assert tab.network.get_param(name) == value
    new = tab.network.layers[0].weights[0, 8:]
    assert np.all(new != 0) and np.all(np.abs(new) < 1)  # small and random
    tab.undo()
    check_network_on_show(tab, (1, 8, 8, 1), "relu")
    assert np.array_equal(tab.network.get_flat(), before.values)
    tab.redo()
    check_network_on_show(tab, (1, 12, 8, 1), "tanh")


def test_new_weights_are_seeded(tab):
    tab.set_shape((1, 9, 8, 1))
    first = tab.network.get_flat()
    tab.undo()
    tab.set_shape((1, 9, 8, 1))
    assert np.array_equal(tab.network.get_flat(), first)


def test_a_file_round_trip_of_another_shape(tab, tmp_path):
    tab.set_shape((1, 5, 3, 1), "sigmoid")
    find_child(tab, QDoubleSpinBox, "w2_4_2_spin").setValue(-2.5)
    saved = tab.network.get_flat()
    path = tmp_path / "deep.json"
    assert tab.save_weights(path).ok
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["meta"]["sizes"] == [1, 5, 3, 1]
    assert document["meta"]["activation"] == "sigmoid"
    assert document["names"] == MLP((1, 5, 3, 1)).param_names()
    tab.reset_tab()
    assert tab.network.sizes == (1, 8, 8, 1)
    assert tab.load_weights(path).ok
    check_network_on_show(tab, (1, 5, 3, 1), "sigmoid")
    assert np.array_equal(tab.network.get_flat(), saved)
    assert tab.undo_stack.count() == 1
    tab.undo()
    check_network_on_show(tab, (1, 8, 8, 1), "relu")
    assert np.array_equal(tab.network.get_flat(), presets.nnfs_first_step())


@pytest.mark.parametrize(("sizes", "problem"), [
    ([1, 8, 8, 8, 8, 1], "2 to 5 whole numbers"),  # four hidden layers
    ([1, 17, 1], "1 to 16 neurons"),
    ([2, 8, 1], "one input"),
    ([1, 8, 2], "one output"),
    ("1-8-1", "2 to 5 whole numbers"),
])
def test_a_file_of_an_unsupported_shape_changes_nothing(tab, tmp_path, sizes, problem):
    path = tmp_path / "odd.json"
    # Written by hand: the engine refuses to write a shape it cannot read.
    names = MLP(sizes).param_names() if isinstance(sizes, list) else MLP((1, 8, 1)).param_names()
    path.write_text(json.dumps({"format": "neuron-tuner/params", "version": 1, "names": names,
                                "values": [0.0] * len(names),
                                "meta": {"sizes": sizes, "activation": "relu"}}))
    before = tab.state_dict()
    result = tab.load_weights(path)
    assert not result.ok and problem in result.message
    assert tab.state_dict() == before and tab.undo_stack.count() == 0
    check_network_on_show(tab, (1, 8, 8, 1), "relu")


def test_a_file_with_an_unknown_activation_changes_nothing(tab, tmp_path):
    path = tmp_path / "elu.json"
    names = MLP((1, 8, 8, 1)).param_names()
    save_params(path, names, np.zeros(len(names)), meta={"sizes": [1, 8, 8, 1],
                                                         "activation": "elu"})
    result = tab.load_weights(path)
    assert not result.ok and "elu" in result.message


def test_an_old_file_without_a_shape_is_the_classic_network(tab, tmp_path):
    tab.set_shape((1, 4, 1))
    path = tmp_path / "old.json"
    names = MLP((1, 8, 8, 1)).param_names()
    save_params(path, names, presets.hand_tuned_sine())
    assert tab.load_weights(path).ok
    check_network_on_show(tab, (1, 8, 8, 1), "relu")


def test_a_saved_session_carries_the_shape_and_activation(tab, qtbot):
    tab.set_shape((1, 6, 1), "leaky_relu")
    find_child(tab, QDoubleSpinBox, "w2_3_0_spin").setValue(1.5)
    state = json.loads(json.dumps(tab.state_dict()))
    assert state["sizes"] == [1, 6, 1] and state["activation"] == "leaky_relu"
    other = SineFitTab()
    qtbot.addWidget(other)
    other.load_state(state)
    check_network_on_show(other, (1, 6, 1), "leaky_relu")
    assert np.array_equal(other.network.get_flat(), tab.network.get_flat())
    assert other.state_dict() == state


@pytest.mark.parametrize("change", [
    {"sizes": [1, 4, 1]},  # params for another shape
    {"sizes": [1, 4, 1], "params": [0.0] * 13 + [0.0]},
    {"sizes": [1, 20, 1], "params": [0.0] * 61},
    {"activation": "softmax"},
    {"sizes": [1, True, 1], "params": [0.0] * 4},
])
def test_a_bad_shape_in_a_state_raises_and_changes_nothing(tab, change):
    before = tab.state_dict()
    with pytest.raises(ValueError):
        tab.load_state({**before, **change})
    assert tab.state_dict() == before


@pytest.mark.parametrize(("sizes", "activation"), [((1, 4, 1), "tanh"),
                                                   ((1, 6, 6, 6, 1), "leaky_relu")])
def test_auto_fit_works_for_other_shapes(tab, qtbot, sizes, activation):
    tab.set_shape(sizes, activation)
    tab.presetCombo.setCurrentText("Random")
    start = tab.model.metrics["mse"]
    tab.autofit.max_steps = 300
    find_child(tab, QComboBox, "presetCombo")  # the run below starts from these weights
    tab.autoFitButton.click()
    qtbot.waitUntil(lambda: not tab.autofit.is_running(), timeout=20_000)
    assert tab.model.metrics["mse"] < start
    assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    assert tab.network.sizes == sizes


# --- the engine's backprop, for any shape and activation (hypothesis) ---

@settings(max_examples=40, deadline=None)
@given(hidden=st.lists(st.integers(1, 5), min_size=1, max_size=3),
       activation=st.sampled_from(ACTIVATION_KEYS),
       seed=st.integers(0, 2**31 - 1))
def test_mlp_gradient_matches_finite_differences(hidden, activation, seed):
    gen = np.random.default_rng(seed)
    net = MLP((1, *hidden, 1), activation)
    theta = gen.normal(0.0, 1.0, net.n_params)
    net.set_flat(theta)
    x = gen.uniform(0.0, 1.0, 12)
    y = np.sin(2 * np.pi * x)
    if activation in ("relu", "leaky_relu"):  # no sample within the FD step of a kink
        pre = [out["z"] for out in net.layer_outputs(x.reshape(-1, 1))[:-1]]
        assume(all(np.min(np.abs(z)) > 1e-4 for z in pre))

    def loss(values):
        net.set_flat(values)
        return net.loss_and_gradient(x, y)[0]

    expected = central_difference(loss, theta)
    net.set_flat(theta)
    _, gradient = net.loss_and_gradient(x, y)
    np.testing.assert_allclose(gradient, expected, rtol=1e-4, atol=1e-6)


def test_a_large_panel_finishes_building_by_itself(tab, qtbot):
    tab.set_shape((1, 16, 16, 16, 1))
    assert find_child(tab, QSlider, "w1_0_0_slider").isVisible()  # the page on show at once
    qtbot.waitUntil(tab.panel.is_built, timeout=10_000)
    assert len(sliders(tab)) == 593


def test_the_guided_build_from_another_shape_asks_then_returns_to_1_8_8_1(tab, qtbot):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    tab.set_shape((1, 4, 1), "tanh")
    find_child(tab, QPushButton, "guidedBuildButton").click()
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible())
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    check_network_on_show(tab, (1, 8, 8, 1), "relu")
    assert np.array_equal(tab.network.get_flat(), presets.guided_sine_steps()[0])
    assert tab.diagram.highlighted_pair() == 0
    tab.undo()
    check_network_on_show(tab, (1, 4, 1), "tanh")
