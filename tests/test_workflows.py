"""The GitHub Actions workflows (.github/workflows/), which cannot run here:
their structure, read with a small reader for the block-YAML subset they are
written in (no YAML library is a dependency; a construct outside the subset
fails the test rather than being misread).

What is checked: every job runs somewhere and every step either runs a
command or uses a pinned action; every `${{ matrix.x }}` names a matrix key
of its job; `needs` names a job; the test workflow runs `./dev test` on Linux,
Windows and macOS with the oldest supported Python and 3.13; the release
workflow builds and smoke-tests the bundle on the three systems on a tag and
attaches the archives to the release.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SYSTEMS = ("ubuntu", "windows", "macos")

KEY = re.compile(r"""^(?P<key>[A-Za-z0-9_.-]+|"[^"]*"|'[^']*'):(?:\s+(?P<rest>.*))?$""")
PINNED_ACTION = re.compile(r"^[\w.-]+/[\w.-]+@v\d+$")
MATRIX_REF = re.compile(r"\$\{\{\s*matrix\.([\w-]+)\s*\}\}")


# --- a reader for the block-YAML subset the workflows use ---------------------

def _strip_comment(text: str) -> str:
    """``text`` without a trailing `` # comment`` (a # outside quotes)."""
    quote = None
    for k, char in enumerate(text):
        if char in "'\"" and quote in (None, char):
            quote = None if quote else char
        elif char == "#" and quote is None and (k == 0 or text[k - 1].isspace()):
            return text[:k].rstrip()
    return text.rstrip()


def _scalar(text: str):
    if text[:1] in "'\"":
        assert text[-1] == text[0] and len(text) > 1, f"unclosed quote: {text}"
        return text[1:-1]
    if text.startswith("["):
        assert text.endswith("]"), f"unclosed flow sequence: {text}"
        return [_scalar(item.strip()) for item in text[1:-1].split(",") if item.strip()]
    assert not text.startswith(("{", "&", "*", "!", ">")), f"outside the subset: {text}"
    if text in ("true", "false"):
        return text == "true"
    return int(text) if re.fullmatch(r"-?\d+", text) else text


class _Reader:
    def __init__(self, text: str):
        assert "\t" not in text, "tabs in YAML indentation"
        self.raw = text.splitlines()
        self.i = 0

    def _line(self) -> tuple[int, str] | None:
        """The next meaningful line as (indent, text), skipping blanks and comments."""
        while self.i < len(self.raw):
            text = _strip_comment(self.raw[self.i])
            if text.strip():
                return len(text) - len(text.lstrip()), text.strip()
            self.i += 1
        return None

    def block(self, indent: int):
        line = self._line()
        assert line is not None and line[0] == indent, f"line {self.i + 1}: bad indentation"
        return self.sequence(indent) if line[1].startswith("- ") else self.mapping(indent)

    def mapping(self, indent: int) -> dict:
        result: dict = {}
        while (line := self._line()) is not None and line[0] == indent:
            match = KEY.match(line[1])
            assert match, f"line {self.i + 1}: not a 'key: value' line: {line[1]}"
            key = _scalar(match["key"])
            assert key not in result, f"line {self.i + 1}: duplicate key {key}"
            result[key] = self.value(indent, match["rest"])
        assert line is None or line[0] < indent, f"line {self.i + 1}: bad indentation"
        return result

    def value(self, indent: int, rest: str | None):
        self.i += 1
        if rest == "|":
            return self.literal(indent)
        if rest:
            return _scalar(rest)
        line = self._line()
        if line is None or line[0] <= indent:  # `pull_request:` alone: null
            return None
        return self.block(line[0])

    def literal(self, indent: int) -> str:
        """A ``|`` block: the following lines indented deeper, verbatim."""
        lines = []
        while self.i < len(self.raw) and (not self.raw[self.i].strip() or
                                          len(self.raw[self.i]) - len(self.raw[self.i].lstrip())
                                          > indent):
            lines.append(self.raw[self.i])
            self.i += 1
        margin = min(len(t) - len(t.lstrip()) for t in lines if t.strip())
        return "\n".join(t[margin:] for t in lines).strip("\n") + "\n"

    def sequence(self, indent: int) -> list:
        result = []
        while (line := self._line()) is not None and line[0] == indent:
            assert line[1].startswith("- "), f"line {self.i + 1}: expected '- item'"
            item = line[1][2:].strip()
            if KEY.match(item):  # a mapping that starts on the dash's line
                self.raw[self.i] = " " * (indent + 2) + item
                result.append(self.mapping(indent + 2))
            else:
                self.i += 1
                result.append(_scalar(item))
        return result


def read_yaml(text: str):
    reader = _Reader(text)
    document = reader.block(0)
    assert reader._line() is None, f"line {reader.i + 1}: left unread"
    return document


def workflow(name: str) -> dict:
    return read_yaml((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps_text(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in job["steps"] if "uses" in step]


# --- the reader reads what it should ------------------------------------------

def test_reader_reads_the_subset():
    text = """\
name: x   # a comment
on:
  push:
    tags: ["v*", 'w']
jobs:
  a:
    runs-on: ${{ matrix.os }}
    steps:
      - uses: actions/checkout@v4
        with:
          n: 3
      - run: |
          echo "# not a comment"

          echo two
      - plain
last:
"""
    assert read_yaml(text) == {
        "name": "x",
        "on": {"push": {"tags": ["v*", "w"]}},
        "jobs": {"a": {"runs-on": "${{ matrix.os }}", "steps": [
            {"uses": "actions/checkout@v4", "with": {"n": 3}},
            {"run": 'echo "# not a comment"\n\necho two\n'},
            "plain"]}},
        "last": None}


@pytest.mark.parametrize("bad", ["a: 1\n  b: 2\n", "a: {b: 1}\n", "a: 1\na: 2\n", "a:\tb\n"])
def test_reader_refuses_what_it_cannot_read(bad):
    with pytest.raises(AssertionError):
        read_yaml(bad)


# --- every workflow ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["test.yml", "release.yml"])
def test_every_job_and_step_is_well_formed(name):
    flow = workflow(name)
    assert {"name", "on", "jobs"} <= flow.keys()
    for job_name, job in flow["jobs"].items():
        assert "runs-on" in job and job["steps"], job_name
        matrix = job.get("strategy", {}).get("matrix", {})
        for needed in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs",
                                                                                       []):
            assert needed in flow["jobs"], f"{job_name} needs a job that does not exist"
        for ref in MATRIX_REF.findall(str(job)):
            assert ref in matrix, f"{job_name} uses matrix.{ref}, not in its matrix"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{job_name}: {step}"
            assert "with" not in step or "uses" in step, f"{job_name}: 'with' without 'uses'"
            assert "shell" not in step or "run" in step, f"{job_name}: 'shell' without 'run'"
            if "uses" in step:
                assert PINNED_ACTION.match(step["uses"]), f"pin {step['uses']} to a major"
            if "if" in step:
                assert re.fullmatch(r"runner\.os [!=]= '(Linux|Windows|macOS)'", step["if"])


def test_tests_run_on_three_systems_with_the_oldest_and_newest_python():
    job = workflow("test.yml")["jobs"]["test"]
    matrix = job["strategy"]["matrix"]
    oldest = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert sorted(s.split("-")[0] for s in matrix["os"]) == sorted(SYSTEMS)
    assert {oldest.removeprefix(">="), "3.13"} <= set(matrix["python"])
    assert job["runs-on"] == "${{ matrix.os }}"
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    assert "./dev test" in steps_text(job)
    assert "-m pytest" in steps_text(job)  # Windows, where ./dev's POSIX venv does not fit


def test_release_builds_checks_and_attaches_the_bundle_on_a_tag():
    flow = workflow("release.yml")
    assert flow["on"]["push"]["tags"] == ["v*"]
    bundle, release = flow["jobs"]["bundle"], flow["jobs"]["release"]
    assert sorted(s.split("-")[0] for s in bundle["strategy"]["matrix"]["os"]) == sorted(SYSTEMS)
    assert "./dev bundle\n./dev bundle --check" in steps_text(bundle)
    assert "packaging/bundle.py --check" in steps_text(bundle)  # Windows
    assert any(u.startswith("actions/upload-artifact@") for u in uses(bundle))
    assert release["needs"] == "bundle"
    assert release["permissions"] == {"contents": "write"}
    assert flow["permissions"] == {"contents": "read"}  # only the release job may write
    assert any(u.startswith("actions/download-artifact@") for u in uses(release))
    assert any(u.startswith("softprops/action-gh-release@") for u in uses(release))
