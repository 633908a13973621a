"""The teacher's guide states facts the app must keep: every worked solution,
loaded into its tab through ``load_state``, reaches the number the guide's
table quotes; the guide names every exercise and its pictures exist."""

import re
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import numpy as np
import pytest

from engine import losses
from engine.exercises import EXERCISES, EXERCISES_BY_KEY, check
from gui.main_window import TAB_SPECS

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDES = ("teachers-guide.md", "teachers-guide.zh_CN.md")
TABLE = re.compile(r"<!-- solutions:.*?-->\n(.*?)<!-- /solutions -->", re.S)


def quoted_values(guide: str) -> dict[str, str]:
    """exercise key → the value the guide's solutions table quotes."""
    text = (DOCS / guide).read_text(encoding="utf-8")
    table = TABLE.search(text)
    assert table, f"{guide} has no solutions table"
    rows = [line.strip("|").split("|") for line in table.group(1).splitlines()[2:]]
    return {cells[0].strip(): cells[-1].strip() for cells in rows}


def agrees(measured: float, quoted: str) -> bool:
    """``measured`` rounds to ``quoted`` at the quoted number's last digit."""
    value = Decimal(quoted)
    unit = Decimal(1).scaleb(value.as_tuple().exponent)
    return abs(Decimal(repr(measured)) - value) <= unit / 2


@pytest.fixture(scope="module")
def tabs(qapp):
    made = {}
    for _name, module, cls in TAB_SPECS:
        tab = getattr(import_module(module), cls)()
        made[tab.objectName()] = tab
    yield made
    for tab in made.values():
        tab.stop_animation()
        tab.deleteLater()


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_lists_every_exercise_in_course_order(guide):
    assert list(quoted_values(guide)) == [e.key for e in EXERCISES]
    text = " ".join((DOCS / guide).read_text(encoding="utf-8").split())  # lines wrap
    for number, exercise in enumerate(EXERCISES, start=1):
        assert f"{number} `{exercise.key}`" in text, exercise.key  # in its tab's section


def test_both_guides_quote_the_same_numbers():
    assert quoted_values(GUIDES[0]) == quoted_values(GUIDES[1])


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guides_pictures_exist(guide):
    text = (DOCS / guide).read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) == len(TAB_SPECS)
    for picture in pictures:
        assert (DOCS / picture).read_bytes().startswith(b"\x89PNG"), picture


@pytest.mark.parametrize("key", [e.key for e in EXERCISES])
def test_each_solution_reaches_the_number_the_guide_quotes(tabs, key):
    exercise = EXERCISES_BY_KEY[key]
    tab = tabs[exercise.tab]
    tab.reset_tab()
    tab.load_state(exercise.solution)
    snapshot = tab.exercise_snapshot()
    assert check(exercise, snapshot)
    name, measure = exercise.measure
    measured = measure(snapshot)
    quoted = quoted_values(GUIDES[0])[key]
    assert agrees(measured, quoted), f"{key}: {name} is {measured}, the guide says {quoted}"


def test_training_the_posts_network_stalls_below_half(tabs):
    """The guide says training the 2-3-3 network gets stuck below 50 %."""
    spiral = tabs["spiralTab"]
    spiral.reset_tab()
    for _ in range(200):
        spiral.model.train(10)
    proba = spiral.classifier.predict_proba(spiral.X)
    assert losses.accuracy(proba, spiral.y) < 0.5
    assert np.isclose(len(spiral.model.history), 2000)
