"""The zh_CN translation is complete and its compiled .qm is current."""

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui import i18n

FOLDER = Path(i18n.ROOT) / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{\d+\}")


def messages(ts_path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module", params=i18n.TRANSLATED)
def language(request):
    return request.param


def test_engine_strings_module_is_current():
    generated = (Path(i18n.ROOT) / "gui" / "engine_strings.py").read_text(encoding="utf-8")
    assert generated == i18n.engine_strings_module(), "run ./dev translations"


def test_every_source_string_is_in_the_ts_file(language, tmp_path):
    committed = FOLDER / i18n.ts_name(language)
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    i18n.run_lupdate(fresh)
    assert messages(fresh).keys() == messages(committed).keys(), "run ./dev translations"


def test_every_entry_is_translated(language):
    unfinished = [source for (_context, source), translation
                  in messages(FOLDER / i18n.ts_name(language)).items()
                  if translation.get("type") in ("unfinished", "vanished", "obsolete")
                  or not (translation.text or "").strip()]
    assert unfinished == []


def test_translations_keep_their_placeholders(language):
    for (_context, source), translation in messages(FOLDER / i18n.ts_name(language)).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text or "")), source


def test_qm_file_is_compiled_from_the_current_ts(language, tmp_path):
    fresh = tmp_path / i18n.qm_name(language)
    i18n.run_lrelease(FOLDER / i18n.ts_name(language), fresh)
    assert fresh.read_bytes() == (FOLDER / i18n.qm_name(language)).read_bytes(), (
        "the .qm is stale: run ./dev translations")


def test_installing_chinese_translates_the_interface(qapp):
    from PySide6.QtCore import QCoreApplication

    try:
        assert i18n.install_language("zh_CN")
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        assert i18n.engine_text("right for a regression output layer") != (
            "right for a regression output layer")
    finally:
        i18n.install_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
