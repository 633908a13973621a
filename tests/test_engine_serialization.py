"""engine.serialization: the weights file format, atomic saving and a strict
reader that names the problem with every bad file."""

import inspect
import json
import os
import threading

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine.network import MLP, layer_param_names
from engine.serialization import (
    FORMAT,
    MAX_BYTES,
    MAX_DEPTH,
    VERSION,
    ParamsFile,
    ParamsFileError,
    json_depth,
    load_params,
    numpy_code,
    params_bytes,
    params_document,
    parse_params,
    read_params_file,
    save_params,
    shape_meta,
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
    assert signature(read_params_file) == [("path", empty)]
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


def _assert_one_sentence(message: str) -> None:
    """A message the window can show as it is: one short line, not a traceback."""
    assert message and "\n" not in message and len(message) <= 160, message


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_each_bad_file_names_its_problem(tmp_path, case):
    text, message = BAD_DOCUMENTS[case]
    path = _write(tmp_path, text)
    with pytest.raises(ParamsFileError) as info:
        load_params(path, NAMES)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)
    _assert_one_sentence(str(info.value))


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


# --- issue 14: duplicate keys, the version, a BOM, bounded depth ---------------

def _with_duplicate(key: str, literal: str) -> str:
    """A valid document with ``"key": literal`` written a second time at the end."""
    return json.dumps(_document())[:-1] + f', "{key}": {literal}}}'


@pytest.mark.parametrize(("text", "key"), [
    (_with_duplicate("names", json.dumps(NAMES)), "'names'"),  # even with the same value
    (_with_duplicate("values", json.dumps([1.0] * 97)), "'values'"),
    (_with_duplicate("version", "1"), "'version'"),
    (json.dumps(_document(meta="META")).replace('"META"', '{"tab": "sine", "tab": "spiral"}'),
     "'tab'"),
])
def test_duplicate_keys_are_refused(tmp_path, text, key):
    with pytest.raises(ParamsFileError, match=f"gives the key {key} twice"):
        load_params(_write(tmp_path, text), NAMES)


@pytest.mark.parametrize("version", ["1.0", "true", '"1"', "1e0", "2", "0", "null", "[1]"])
def test_version_is_only_the_integer_one(tmp_path, version):
    text = json.dumps(_document(version="V")).replace('"V"', version)
    with pytest.raises(ParamsFileError, match="unsupported version") as info:
        load_params(_write(tmp_path, text), NAMES)
    assert "whole number 1" in str(info.value)


def test_a_missing_version_is_refused(tmp_path):
    doc = {k: v for k, v in _document().items() if k != "version"}
    with pytest.raises(ParamsFileError, match="unsupported version None"):
        load_params(_write(tmp_path, json.dumps(doc)), NAMES)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    data = b"\xef\xbb\xbf" + json.dumps(_document(values=list(range(97)))).encode()
    np.testing.assert_array_equal(load_params(_write(tmp_path, data), NAMES), np.arange(97.0))
    assert read_params_file(tmp_path / "weights.json").names == NAMES
    # parse_params takes text: a BOM left by a decoder is accepted there too.
    np.testing.assert_array_equal(parse_params(data.decode("utf-8"), NAMES), np.arange(97.0))


@pytest.mark.parametrize(("data", "message"), [
    (b"\xef\xbb\xbf\xef\xbb\xbf{}", "second byte-order mark"),  # only one mark is a mark
    (json.dumps(_document()).encode("utf-16"), "not text in UTF-8"),
    (b"\xef\xbb\xbf", "not a JSON file"),
])
def test_other_marks_and_encodings_are_refused(tmp_path, data, message):
    with pytest.raises(ParamsFileError, match=message):
        load_params(_write(tmp_path, data), NAMES)


def _nested(depth: int) -> object:
    value: object = 0
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_up_to_the_bound_is_read_one_more_is_refused(tmp_path):
    # The document and meta are 2 levels; the note adds the rest.
    at_limit = json.dumps(_document(meta={"note": _nested(MAX_DEPTH - 2)}))
    assert json_depth(at_limit) == MAX_DEPTH
    np.testing.assert_array_equal(load_params(_write(tmp_path, at_limit), NAMES), np.full(97, 0.5))
    over = json.dumps(_document(meta={"note": _nested(MAX_DEPTH - 1)}))
    with pytest.raises(ParamsFileError, match="nested too deeply"):
        load_params(_write(tmp_path, over), NAMES)


@pytest.mark.parametrize(("text", "depth"), [
    ("", 0), ("0", 0), ("[]", 1), ("{}", 1), ('{"a": [1, {"b": []}]}', 4),
    ('["[[[[", "{{"]', 1),  # brackets in strings do not count
    ('["a\\\\", "[["]', 1),  # an escaped backslash ends before the quote
    ('["a\\"[[[", 1]', 1),  # an escaped quote does not end the string
    ('["[[[', 1),  # an unterminated string runs to the end
    ("]]]][[", 0),  # a parser stops at the first "]": nothing nested before it
    ("[" * 100_000, 100_000),
])
def test_json_depth(text, depth):
    assert json_depth(text) == depth


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    text = json.dumps(_document(meta={"note": "[" * 100_000 + "{" * 1000}))
    np.testing.assert_array_equal(load_params(_write(tmp_path, text), NAMES), np.full(97, 0.5))


@pytest.mark.parametrize("text", [
    "[" * 100_000,  # unbalanced
    "{" + '"a":{' * 50_000,
    '{"a": ' + "[" * 5000 + "]" * 5000 + "}",
    "[" * 1000 + '"' + "\\\\" * 1000,
])
def test_deep_nesting_never_reaches_the_parser(tmp_path, text):
    with pytest.raises(ParamsFileError, match="nested too deeply"):
        load_params(_write(tmp_path, text), NAMES)


@pytest.mark.parametrize(("literal", "message"), [
    ("9" * 4300, "w1_0_5 is not a finite number"),  # within int(), beyond a float
    ("9" * 4301, "more than 4,300 digits"),
    ("-" + "9" * 4301, "more than 4,300 digits"),
    ("1" + "0" * 300_000 + ".0", "w1_0_5 is not a finite number"),  # a float literal: inf
    ("-1e999", "w1_0_5 is not a finite number"),
])
def test_huge_numbers_are_refused_quickly(tmp_path, literal, message):
    with pytest.raises(ParamsFileError, match=message):
        load_params(_write(tmp_path, _values_text(literal)), NAMES)


# --- issue 14: special files, the size limit, symbolic links --------------------

def _load_within_a_second(path):
    """Run ``load_params`` in a thread, so a hang fails the test instead of
    hanging it; returns the exception it raised (None if it returned)."""
    outcome = {}

    def run():
        try:
            load_params(path, NAMES)
            outcome["error"] = None
        except Exception as err:  # any type: the test checks which one it was
            outcome["error"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=1.0)
    assert not thread.is_alive(), f"loading {path} did not return within a second"
    return outcome["error"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_refused_within_a_second():
    error = _load_within_a_second("/dev/zero")
    assert isinstance(error, ParamsFileError)
    assert "not a regular file" in str(error)


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_within_a_second(fifo):
    error = _load_within_a_second(fifo)
    assert isinstance(error, ParamsFileError)
    assert "not a regular file" in str(error)


def test_a_symbolic_link_to_a_fifo_or_device_is_refused(tmp_path, fifo):
    for target in (fifo, "/dev/zero"):
        link = tmp_path / "link.json"
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        error = _load_within_a_second(link)
        assert isinstance(error, ParamsFileError) and "not a regular file" in str(error)


def test_a_fifo_swapped_in_after_the_check_does_not_hang(fifo, monkeypatch):
    """The path is checked, then opened: if it became a FIFO in between, the
    non-blocking open returns at once and the second check refuses it."""
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr("engine.serialization.os.stat",
                        lambda path, *a, **k: regular if path == fifo else real_stat(path, *a, **k))
    error = _load_within_a_second(fifo)
    assert isinstance(error, ParamsFileError) and "not a regular file" in str(error)


def _document_of_size(size: int) -> str:
    base = len(json.dumps(_document(meta={"padding": ""})))
    text = json.dumps(_document(meta={"padding": "x" * (size - base)}))
    assert len(text.encode("utf-8")) == size
    return text


def test_a_file_exactly_at_the_limit_is_read_one_byte_more_is_refused(tmp_path):
    path = _write(tmp_path, _document_of_size(MAX_BYTES))
    np.testing.assert_array_equal(load_params(path, NAMES), np.full(97, 0.5))
    path = _write(tmp_path, _document_of_size(MAX_BYTES + 1))
    with pytest.raises(ParamsFileError, match="larger than 1,000,000 bytes") as info:
        load_params(path, NAMES)
    _assert_one_sentence(str(info.value))


def test_a_symbolic_link_to_a_regular_file_is_read(tmp_path):
    target = tmp_path / "real.json"
    save_params(target, NAMES, np.arange(97.0))
    link = tmp_path / "link.json"
    link.symlink_to(target)
    np.testing.assert_array_equal(load_params(link, NAMES), np.arange(97.0))
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "gone.json")
    with pytest.raises(ParamsFileError, match="cannot read the file: No such file"):
        load_params(dangling, NAMES)


# --- issue 16: the network's shape in the file -------------------------------------

def _shaped_text(sizes, activation="relu", values=None, **meta) -> str:
    names = layer_param_names(sizes)
    values = np.linspace(-1, 1, len(names)) if values is None else values
    return params_bytes(names, values, {"sizes": list(sizes), "activation": activation,
                                        **meta}).decode("utf-8")


@pytest.mark.parametrize(("sizes", "activation"), [
    ((1, 8, 8, 1), "relu"), ((1, 1, 1), "tanh"), ((1, 16, 16, 16, 1), "leaky_relu"),
    ((2, 64, 3), "relu"), ((1, 4, 1), "sigmoid"),
])
def test_read_params_file_returns_the_shape(tmp_path, sizes, activation):
    net = MLP(sizes, activation, rng=3)
    path = tmp_path / "net.json"
    path.write_bytes(params_bytes(net.param_names(), net.get_flat(),
                                  {"tab": "sine", **shape_meta(net)}))
    loaded = read_params_file(path)
    assert isinstance(loaded, ParamsFile)
    assert loaded.sizes == tuple(sizes) and loaded.activation == activation
    assert loaded.names == net.param_names()
    np.testing.assert_array_equal(loaded.values, net.get_flat())
    assert loaded.meta == {"tab": "sine", "sizes": list(sizes), "activation": activation}
    twin = MLP(loaded.sizes, loaded.activation)
    twin.set_flat(loaded.values)
    X = np.random.default_rng(0).uniform(-1, 1, (5, sizes[0]))
    np.testing.assert_array_equal(twin.forward(X), net.forward(X))


def test_a_file_without_a_shape_reads_with_none(tmp_path):
    loaded = read_params_file(_write(tmp_path, json.dumps(_document(meta={"tab": "sine"}))))
    assert (loaded.sizes, loaded.activation) == (None, None)
    assert loaded.names == NAMES and loaded.meta == {"tab": "sine"}
    no_meta = {k: v for k, v in _document().items() if k != "meta"}
    assert read_params_file(_write(tmp_path, json.dumps(no_meta))).meta == {}


def test_load_params_still_reads_a_file_with_a_shape(tmp_path):
    path = _write(tmp_path, _shaped_text((1, 8, 8, 1), values=np.arange(97.0)))
    np.testing.assert_array_equal(load_params(path, NAMES), np.arange(97.0))
    with pytest.raises(ParamsFileError, match="the file has 13 numbers, the network needs 97"):
        load_params(_write(tmp_path, _shaped_text((1, 4, 1))), NAMES)


def _with_meta(**meta) -> str:
    return json.dumps(_document(meta=meta))


@pytest.mark.parametrize(("text", "message"), [
    (_with_meta(sizes=[1]), "layer sizes must be a list of 2 to 5 whole numbers"),
    (_with_meta(sizes=[1, 2, 2, 2, 2, 1]), "from 1 to 64, not \\[1, 2, 2, 2, 2, 1\\]"),
    (_with_meta(sizes=[1, 0, 1]), "layer sizes"),
    (_with_meta(sizes=[1, 65, 1]), "layer sizes"),
    (_with_meta(sizes=[1, 8.0, 8, 1]), "layer sizes"),
    (_with_meta(sizes=[1, True, 1]), "layer sizes"),
    (_with_meta(sizes=[1, "8", 8, 1]), "layer sizes"),
    (_with_meta(sizes="1-8-8-1"), "layer sizes"),
    (_with_meta(sizes={"0": 1}), "layer sizes"),
    (_with_meta(sizes=[1, -8, 8, 1]), "layer sizes"),
    (_with_meta(sizes=[1, 4, 1]), "names do not fit the layer sizes \\[1, 4, 1\\]"),
    (_with_meta(sizes=[1, 8, 8, 1], activation="swish"), "activation 'swish' is not one"),
    (_with_meta(activation=3), "activation 3 is not one"),
    (_with_meta(activation=["relu"]), "activation"),
    (json.dumps(_document(meta=[1, 2])), "'meta' must be an object"),
    (json.dumps(_document(names=[*NAMES[:96], "x"])), "'x' is not a parameter name"),
    (json.dumps(_document(names=[*NAMES[:96], 7])), "7 is not a parameter name"),
    (json.dumps(_document(names=[*NAMES[:96], "w1_0_0"])), "'w1_0_0' twice"),
    (json.dumps(_document(names=[*NAMES[:96], "w1_0_" + "9" * 500])), "is not a parameter"),
    (json.dumps(_document(values=[0.5] * 96)), "names 97 parameters but holds 96 numbers"),
])
def test_read_params_file_refuses_a_bad_shape_or_names(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(ParamsFileError, match=message) as info:
        read_params_file(path)
    _assert_one_sentence(str(info.value))
    with pytest.raises(ParamsFileError):  # the same rules for a tab of a fixed shape
        load_params(path, NAMES)


def test_a_bad_shape_is_refused_on_writing_too(tmp_path):
    with pytest.raises(ValueError, match="layer sizes"):
        params_document(NAMES, np.zeros(97), {"sizes": [1, 8, 8, 1, 1, 1]})
    with pytest.raises(ValueError, match="names do not fit"):
        params_document(NAMES, np.zeros(97), {"sizes": [1, 4, 1]})
    with pytest.raises(ValueError, match="activation"):
        save_params(tmp_path / "x.json", NAMES, np.zeros(97), {"activation": "swish"})
    assert list(tmp_path.iterdir()) == []


# --- issue 14: fuzz ------------------------------------------------------------------

VALID = json.dumps(_document(values=[0.25] * 97, meta={"sizes": [1, 8, 8, 1],
                                                        "activation": "relu"}))
RAW_TOKENS = ["NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 4301,
              "1" + "0" * 400, "-0", "1E-400", "true", "null", '"1"', "[]", "{}", '"\\ud800"',
              "0x10", "01", ".5", "+1", "1.", '"\\u0000"', "[" * 40 + "]" * 40]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (st.lists(children, max_size=4)
                      | st.dictionaries(st.text(max_size=6), children, max_size=4)),
    max_leaves=12)


@st.composite
def adversarial_files(draw) -> bytes:
    kind = draw(st.sampled_from([
        "bytes", "text", "json", "field", "value", "token", "depth", "bom", "duplicate",
        "bad utf-8", "truncated", "over the limit", "meta"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "text":
        return draw(st.text(max_size=400)).encode("utf-8", "surrogatepass")
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "field":  # one top-level field replaced by anything
        doc = json.loads(VALID)
        doc[draw(st.sampled_from([*doc, "extra"]))] = draw(json_values)
        return json.dumps(doc).encode()
    if kind == "meta":
        doc = json.loads(VALID)
        doc["meta"][draw(st.sampled_from(["sizes", "activation"]))] = draw(
            json_values | st.lists(st.integers(-3, 70), max_size=7))
        return json.dumps(doc).encode()
    if kind == "value":
        return _values_text(json.dumps(draw(json_values)), draw(st.integers(0, 96))).encode()
    if kind == "token":
        return _values_text(draw(st.sampled_from(RAW_TOKENS)), draw(st.integers(0, 96))).encode()
    if kind == "depth":
        depth = draw(st.integers(MAX_DEPTH - 4, MAX_DEPTH + 4) | st.integers(1000, 200_000))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        return (opener * depth + closer * draw(st.integers(0, depth))).encode()
    if kind == "bom":
        return b"\xef\xbb\xbf" * draw(st.integers(1, 3)) + VALID.encode()
    if kind == "duplicate":
        key = draw(st.sampled_from(["format", "version", "names", "values", "meta"]))
        doc = json.loads(VALID)
        return (VALID[:-1] + f', "{key}": {json.dumps(doc[key])}}}').encode()
    if kind == "bad utf-8":
        data = bytearray(VALID.encode())
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"]))
        return bytes(data)
    if kind == "truncated":
        return VALID.encode()[:draw(st.integers(0, len(VALID) - 1))]
    return _document_of_size(MAX_BYTES + 1).encode()  # over the limit


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(adversarial_files())
def test_fuzz_the_loader_raises_only_params_file_error(tmp_path, data):
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    for load in (lambda: load_params(path, NAMES), lambda: read_params_file(path)):
        try:
            result = load()
        except ParamsFileError as err:
            _assert_one_sentence(str(err))
            continue
        values = result if isinstance(result, np.ndarray) else result.values
        assert values.dtype == np.float64 and np.all(np.isfinite(values))


# --- issue 16: NumPy code for every shape and hidden activation ------------------

@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "tanh", "sigmoid"])
@pytest.mark.parametrize("sizes", [(1, 1, 1), (1, 8, 8, 1), (1, 16, 16, 16, 1)])
def test_numpy_code_rebuilds_every_shape_and_activation(sizes, activation):
    net = MLP(sizes, activation)
    net.set_flat(np.random.default_rng(4).normal(0, 1, net.n_params))
    namespace: dict = {}
    exec(numpy_code(net), namespace)  # test only: the app never evaluates code
    x = np.linspace(-1, 2, 61)
    np.testing.assert_allclose(namespace["forward"](x)[:, 0], net.predict(x),
                               rtol=1e-12, atol=1e-12)
    for k, layer in enumerate(net.layers, start=1):
        np.testing.assert_array_equal(namespace[f"W{k}"], layer.weights)
