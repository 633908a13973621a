"""The progress report a student hands in: one self-contained HTML page.

It holds the student's name, the date, every exercise with done / not done
and when, and each tab's current plot as a PNG embedded in the page (no
files beside it), laid out to print on A4. Every text goes through tr(), so
the report is in the interface language.
"""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape

from PySide6.QtCore import QObject

from engine.exercises import EXERCISES
from gui.i18n import engine_text

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
       Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; }
.meta { margin: 0 0 1.5mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.state { white-space: nowrap; font-weight: bold; }
tr.done td.state { color: #0a6b2c; }
tr.open td.state { color: #777; }
td.when { white-space: nowrap; }
td.tab { min-width: 5.5em; }
figure { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
figure img { display: block; max-width: 100%; max-height: 110mm; width: auto; height: auto;
             border: 1px solid #ccc; }
figcaption { font-weight: bold; margin: 0 0 1.5mm; }
"""


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def short_time(iso: str) -> str:
    """An ISO time as "YYYY-MM-DD HH:MM" (the text itself if it does not parse)."""
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def tab_pictures(window) -> list[tuple[str, bytes]]:
    """(tab title, PNG of its plot) for every tab with a plot, rendered by the
    code File → Export plot uses."""
    from gui.main_window import plot_bytes  # the window module imports this package

    pictures = []
    for page in window.pages():
        plot = page.export_plot()
        if plot is not None:
            pictures.append((page.tab_title(), plot_bytes(plot, ".png")))
    return pictures


class ProgressReport(QObject):
    """Builds the report's HTML; its texts are translated in this context."""

    def html(self, window, student: str, when: datetime | None = None) -> str:
        panel = window.exercises
        when = when or datetime.now()
        language = "zh-CN" if getattr(window, "language", "en") == "zh_CN" else "en"
        title = self.tr("Neuron Tuner — progress report")
        rows = "\n".join(self._row(number, exercise, panel)
                         for number, exercise in enumerate(EXERCISES, start=1))
        figures = "\n".join(
            f'<figure><figcaption>{escape(name)}</figcaption>'
            f'<img src="{png_data_uri(png)}" alt="{escape(self.tr("Plot of {0}").format(name))}">'
            f'</figure>' for name, png in tab_pictures(window))
        return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="meta">{escape(self.tr("Student: {0}").format(student))}</p>
<p class="meta">{escape(self.tr("Date: {0}").format(when.strftime("%Y-%m-%d %H:%M")))}</p>
<p class="meta">{escape(self.tr("{0} of {1} exercises done").format(
    len(panel.done), len(EXERCISES)))}</p>
<h2>{escape(self.tr("Exercises"))}</h2>
<table>
<thead><tr><th>#</th><th>{escape(self.tr("Tab"))}</th><th>{escape(self.tr("Exercise"))}</th>
<th>{escape(self.tr("Done"))}</th><th>{escape(self.tr("When"))}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<h2>{escape(self.tr("The tabs as they are now"))}</h2>
{figures}
</body>
</html>
"""

    def _row(self, number: int, exercise, panel) -> str:
        done = exercise.key in panel.done
        state = self.tr("✓ done") if done else self.tr("not done")
        when = short_time(panel.completed_at.get(exercise.key, "")) if done else ""
        return (f'<tr class="exercise {"done" if done else "open"}" '
                f'data-key="{escape(exercise.key)}"><td>{number}</td>'
                f'<td class="tab">{escape(panel.tab_name(exercise.tab))}</td>'
                f'<td>{escape(engine_text(exercise.goal))}</td>'
                f'<td class="state">{escape(state)}</td><td class="when">{escape(when)}</td></tr>')
