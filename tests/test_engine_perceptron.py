"""engine.perceptron: post 001's gates, XOR from two layers, linear
separability of the 16 two-input Boolean functions, Rosenblatt's rule."""

import inspect
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import perceptron
from engine.perceptron import AND, GATES, NAND, OR, XOR, Perceptron, truth_table

XOR_OUT = (0, 1, 1, 0)
XNOR_OUT = (1, 0, 0, 1)


def _post_001_gate(w1, w2, b):
    """Post 001's gate, transcribed: tmp = w·x + b; return 0 if tmp <= 0 else 1."""
    def gate(x1, x2):
        x = np.array([x1, x2])
        w = np.array([w1, w2])
        tmp = np.sum(w * x) + b
        return 0 if tmp <= 0 else 1
    return gate


def _grid_outputs() -> set[tuple[int, ...]]:
    """Every truth table one perceptron (w1, w2, b) on a grid produces."""
    values = np.linspace(-2, 2, 41)
    w1, w2, b = np.meshgrid(values, values, values, indexing="ij")
    nets = [w1 * x1 + w2 * x2 + b for x1, x2 in perceptron.INPUTS]
    tables = np.stack([(net > 0).astype(int) for net in nets], axis=-1).reshape(-1, 4)
    return {tuple(row) for row in np.unique(tables, axis=0)}


def test_public_signatures():
    def names(fn):
        return [p.name for p in inspect.signature(fn).parameters.values()]

    assert names(Perceptron) == ["w1", "w2", "b"]
    assert names(truth_table) == ["fn"]
    assert names(perceptron.is_linearly_separable) == ["outputs"]
    learning = inspect.signature(perceptron.perceptron_learning).parameters
    assert list(learning)[:3] == ["targets", "lr", "epochs"]
    assert learning["lr"].default == 0.1


def test_gate_weights_of_post_001_and_saito():
    assert GATES == {"AND": (0.5, 0.5, -0.7), "NAND": (-0.5, -0.5, 0.7),
                     "OR": (0.5, 0.5, -0.2)}


@pytest.mark.parametrize(("gate", "outputs"), [
    (AND, (0, 0, 0, 1)), (NAND, (1, 1, 1, 0)), (OR, (0, 1, 1, 1)), (XOR, XOR_OUT),
])
def test_truth_tables(gate, outputs):
    assert truth_table(gate) == [(0, 0, outputs[0]), (0, 1, outputs[1]),
                                 (1, 0, outputs[2]), (1, 1, outputs[3])]


@pytest.mark.parametrize("name", ["AND", "NAND", "OR"])
def test_gates_equal_the_post_transcription(name):
    reference = _post_001_gate(*GATES[name])
    gate = getattr(perceptron, name)
    for x1, x2 in perceptron.INPUTS:
        assert gate(x1, x2) == reference(x1, x2)


def test_xor_is_and_of_nand_and_or():
    for x1, x2 in perceptron.INPUTS:
        assert XOR(x1, x2) == AND(NAND(x1, x2), OR(x1, x2)) == (x1 ^ x2)


def test_perceptron_rule_is_strictly_greater_than_zero():
    gate = Perceptron(1.0, 1.0, -1.0)
    assert gate(0, 1) == 0  # net exactly 0 → 0, as post 001 (tmp <= 0 → 0)
    assert gate(1, 1) == 1
    assert gate.net(1, 1) == pytest.approx(1.0)
    np.testing.assert_array_equal(gate(np.array([0, 1, 1]), np.array([0, 0, 1])), [0, 0, 1])
    assert isinstance(AND(1, 1), int)


def test_no_single_perceptron_on_a_grid_gives_xor():
    reachable = _grid_outputs()
    assert XOR_OUT not in reachable
    assert XNOR_OUT not in reachable
    assert len(reachable) == 14


def test_fourteen_of_sixteen_functions_are_linearly_separable():
    functions = perceptron.all_boolean_functions()
    assert len(set(functions)) == 16
    assert functions[1] == (0, 0, 0, 1)  # AND, numbered by its outputs read as binary
    separable = {f for f in functions if perceptron.is_linearly_separable(f)}
    assert len(separable) == 14
    assert set(functions) - separable == {XOR_OUT, XNOR_OUT}
    assert separable == _grid_outputs()  # an independent check of the same claim


def test_perceptron_learning_converges_on_and():
    result = perceptron.perceptron_learning((0, 0, 0, 1), lr=0.1)
    assert result.converged
    assert result.history.shape[1] == 3
    np.testing.assert_array_equal(result.history[0], [0.0, 0.0, 0.0])
    learned = Perceptron(*result.history[-1])
    assert [learned(x1, x2) for x1, x2 in perceptron.INPUTS] == [0, 0, 0, 1]
    # Rosenblatt's first epoch by hand: only 11 is misclassified (target 1, output 0)
    # → w += 0.1·(1, 1), b += 0.1.
    np.testing.assert_allclose(result.history[1], [0.1, 0.1, 0.1])


def test_perceptron_learning_never_converges_on_xor():
    result = perceptron.perceptron_learning(XOR_OUT, lr=0.1, epochs=50)
    assert not result.converged
    assert len(result.history) == 51


@pytest.mark.parametrize("targets", [(0, 1, 1), (0, 1, 2, 1), (0, 0, 0, 0, 1)])
def test_perceptron_learning_rejects_bad_targets(targets):
    with pytest.raises(ValueError):
        perceptron.perceptron_learning(targets)


def test_every_separable_function_is_learned_from_any_start():
    starts = [(0.0, 0.0, 0.0), (1.0, -1.0, 0.5), (-0.3, 0.7, -0.2)]
    for outputs, start in itertools.product(perceptron.all_boolean_functions(), starts):
        result = perceptron.perceptron_learning(outputs, lr=0.5, epochs=500, start=start)
        assert result.converged == (outputs not in (XOR_OUT, XNOR_OUT))


# --- issue 12: one step rule for the gate, the learning rule and the tables -----

def test_step_counts_a_sum_within_rounding_of_zero_as_zero():
    sums = np.array([-1.0, -6e-10, -4e-10, -0.0, 0.0, 4e-10, 6e-10, 1.0])
    np.testing.assert_array_equal(perceptron.step(sums), [0, 0, 0, 0, 0, 0, 1, 1])
    assert perceptron.step(0.1 + 0.2 - 0.3) == 0  # 5.6e−17 in floating point
    assert perceptron.step(1e-9) == 1
    assert perceptron.step(np.array(2.0)).dtype.kind == "i"
    assert str(perceptron.round_net(-1e-12)) == "0.0"  # no "-0" in a table


def test_gate_learning_rule_and_table_agree_on_a_sum_of_zero_on_paper():
    weights = (0.1, 0.2, -0.3)  # input 11 sums to 5.6e−17, 0 on paper
    assert Perceptron(*weights)(1, 1) == 0
    assert list(perceptron.gate_table(*weights)[1]) == [0, 0, 0, 0]
    # The learning rule sees the same outputs: no mistake, nothing changes.
    result = perceptron.perceptron_learning((0, 0, 0, 0), start=weights)
    assert result.converged
    np.testing.assert_array_equal(result.history, [weights, weights])
    steps = perceptron.perceptron_learning_steps((0, 0, 0, 0), start=weights)
    np.testing.assert_array_equal(steps, [weights] * 5)


tenths = st.integers(-10, 10).map(lambda k: k / 10)


@settings(max_examples=300, deadline=None)
@given(tenths, tenths, tenths)
def test_the_three_rules_agree_on_every_weight_of_a_tenths_grid(w1, w2, b):
    """On weights in tenths many sums are 0 on paper and ±1e−17 in floats:
    the gate, the table and the learning rule must still give one answer."""
    gate = Perceptron(w1, w2, b)
    outputs = tuple(gate(x1, x2) for x1, x2 in perceptron.INPUTS)
    assert tuple(perceptron.gate_table(w1, w2, b)[1]) == outputs
    assert tuple(gate(*np.array(perceptron.INPUTS).T)) == outputs
    # Learning towards the gate's own outputs finds no mistake in epoch 1.
    result = perceptron.perceptron_learning(outputs, lr=0.1, epochs=1, start=(w1, w2, b))
    assert result.converged and np.array_equal(result.history[1], (w1, w2, b))
    hidden = [row[2] for row in perceptron.two_layer_truth_table((w1, w2, b), (0, 0, 1),
                                                                 (1, 0, 0))]
    assert tuple(hidden) == outputs
