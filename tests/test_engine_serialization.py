"""engine.serialization: the weights file format, atomic saving and a strict
reader that names the problem with every bad file."""

import inspect
import json
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine.network import MLP
from engine.serialization import (
    FORMAT,
    VERSION,
    ParamsFileError,
    load_params,
    parse_params,
    save_params,
)

NAMES = MLP().param_names()


def _document(**changes) -> dict:
    doc = {"format": FORMAT, "version": VERSION, "names": list(NAMES),
           "values": [0.5] * len(NAMES), "meta": {}}
    doc.update(changes)
    return doc


def _write(tmp_path, text, name="weights.json"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _values_text(literal: str, position: int = 5) -> str:
    """A valid document whose value number ``position`` is the raw JSON ``literal``."""
    values = ["0.5"] * len(NAMES)
    values[position] = literal
    return json.dumps(_document(values="VALUES")).replace('"VALUES"', f"[{', '.join(values)}]")


def test_public_signatures():
    empty = inspect.Parameter.empty

    def signature(fn):
        return [(p.name, p.default) for p in inspect.signature(fn).parameters.values()]

    assert signature(save_params) == [("path", empty), ("names", empty), ("values", empty),
                                      ("meta", None)]
    assert signature(load_params) == [("path", empty), ("expected_names", empty)]
    assert issubclass(ParamsFileError, ValueError)


# --- writing -----------------------------------------------------------------

def test_save_writes_the_documented_json(tmp_path):
    path = tmp_path / "net.json"
    values = np.linspace(-1, 1, 97)
    save_params(path, NAMES, values, meta={"tab": "sine", "note": "hand-tuned"})
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc == {"format": "neuron-tuner/params", "version": 1, "names": NAMES,
                   "values": values.tolist(), "meta": {"tab": "sine", "note": "hand-tuned"}}
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]  # no temporary file left


def test_save_replaces_atomically_and_keeps_the_old_file_on_failure(tmp_path):
    path = tmp_path / "net.json"
    save_params(path, NAMES, np.zeros(97))
    first = path.read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        save_params(path, NAMES, np.r_[np.zeros(96), np.nan])
    with pytest.raises(ValueError):
        save_params(path, NAMES, np.zeros(96))
    with pytest.raises(TypeError):  # meta that JSON cannot hold fails before any write
        save_params(path, NAMES, np.ones(97), meta={"x": object()})
    assert path.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]
    save_params(path, NAMES, np.ones(97))
    np.testing.assert_array_equal(load_params(path, NAMES), np.ones(97))


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "net.json"
    save_params(path, NAMES, np.zeros(97))
    first = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("engine.serialization.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_params(path, NAMES, np.ones(97))
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hnp.arrays(np.float64, 97, elements=st.floats(allow_nan=False, allow_infinity=False)),
       st.dictionaries(st.text(max_size=8), st.one_of(st.integers(), st.text(max_size=8)),
                       max_size=3))
def test_save_then_load_round_trips(tmp_path, values, meta):
    path = tmp_path / "round.json"
    save_params(path, NAMES, values, meta=meta)
    loaded = load_params(path, NAMES)
    assert loaded.dtype == np.float64
    np.testing.assert_array_equal(loaded, values)
    assert json.loads(path.read_text(encoding="utf-8"))["meta"] == meta


def test_loaded_values_drive_a_network(tmp_path):
    net = MLP(rng=1)
    path = tmp_path / "net.json"
    save_params(path, net.param_names(), net.get_flat())
    twin = MLP()
    twin.set_flat(load_params(path, twin.param_names()))
    np.testing.assert_array_equal(twin.predict([0.0, 0.3]), net.predict([0.0, 0.3]))


# --- reading bad files ---------------------------------------------------------

BAD_DOCUMENTS = {
    "not JSON": ("{not json", "not a JSON file"),
    "empty": ("", "not a JSON file"),
    "a list": ("[1, 2, 3]", "format tag"),
    "wrong tag": (json.dumps(_document(format="other-app/params")), "format tag"),
    "no tag": (json.dumps({k: v for k, v in _document().items() if k != "format"}),
               "format tag"),
    "wrong version": (json.dumps(_document(version=2)), "version 2"),
    "version as text": (json.dumps(_document(version="1")), "version '1'"),
    "other names": (json.dumps(_document(names=["w1_0_1", *NAMES[1:]])), "'w1_0_1'"),
    "names reordered": (json.dumps(_document(names=[NAMES[1], NAMES[0], *NAMES[2:]])),
                        "names differ"),
    "too few names": (json.dumps(_document(names=NAMES[:96])), "names 96 parameters"),
    "too few values": (json.dumps(_document(values=[0.5] * 96)), "96 numbers"),
    "too many values": (json.dumps(_document(values=[0.5] * 98)), "98 numbers"),
    "values not a list": (json.dumps(_document(values="0.5")), "'values' list"),
    "names missing": (json.dumps({k: v for k, v in _document().items() if k != "names"}),
                      "'names' list"),
    "a string value": (_values_text('"0.5"'), "w1_0_5 is '0.5', not a number"),
    "a boolean value": (_values_text("true"), "w1_0_5 is True, not a number"),
    "a null value": (_values_text("null"), "w1_0_5 is None, not a number"),
    "a nested list": (_values_text("[1]"), "w1_0_5 is [1], not a number"),
    "NaN literal": (_values_text("NaN"), "NaN"),
    "Infinity literal": (_values_text("Infinity"), "Infinity"),
    "-Infinity literal": (_values_text("-Infinity"), "-Infinity"),
    "1e400": (_values_text("1e400"), "w1_0_5 is not a finite number"),
    "10**400": (_values_text("1" + "0" * 400), "w1_0_5 is not a finite number"),
    "huge integer": (_values_text("9" * 5000), "not a usable JSON file"),
    "deep nesting": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_each_bad_file_names_its_problem(tmp_path, case):
    text, message = BAD_DOCUMENTS[case]
    path = _write(tmp_path, text)
    with pytest.raises(ParamsFileError) as info:
        load_params(path, NAMES)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_file_over_one_megabyte_is_refused_before_reading(tmp_path):
    doc = _document(meta={"padding": "x" * 1_000_001})
    path = _write(tmp_path, json.dumps(doc))
    assert os.path.getsize(path) > 1_000_000
    with pytest.raises(ParamsFileError, match="at most 1 MB"):
        load_params(path, NAMES)


def test_file_just_under_the_limit_is_read(tmp_path):
    base = len(json.dumps(_document(meta={"padding": ""})))
    path = _write(tmp_path, json.dumps(_document(meta={"padding": "x" * (999_000 - base)})))
    np.testing.assert_array_equal(load_params(path, NAMES), np.full(97, 0.5))


def test_file_not_in_utf8_is_refused(tmp_path):
    text = json.dumps(_document(meta={"note": "café"}), ensure_ascii=False)
    path = _write(tmp_path, text.encode("latin-1"))
    with pytest.raises(ParamsFileError, match="UTF-8"):
        load_params(path, NAMES)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ParamsFileError, match="cannot read the file"):
        load_params(tmp_path / "nowhere.json", NAMES)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ParamsFileError, match="cannot read the file"):
        load_params(tmp_path, NAMES)


def test_parse_params_accepts_integers_and_returns_floats():
    values = list(range(97))
    out = parse_params(json.dumps(_document(values=values)), NAMES)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, np.arange(97.0))
