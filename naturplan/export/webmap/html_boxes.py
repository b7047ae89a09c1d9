"""The HTML of the web map's boxes (title, legend, ledger, notes), every text escaped here.

The page puts these strings into the document as HTML, so each text from a style file, a
data file or a project goes through :func:`html.escape` first.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from naturplan.core.layers.style import LegendEntry, LineStyle
from naturplan.export.attribution import Attribution
from naturplan.pagemodel.page import LedgerTable, LegendGroup
from naturplan.text.i18n import tr

esc = html.escape


def title_html(title: str, subtitle: str) -> str:
    """The title box."""
    return f"<h1>{esc(title)}</h1><p>{esc(subtitle)}</p>"


def _swatch(entry: LegendEntry, opacity: float) -> str:
    if entry.symbol is None:
        color = entry.color or "#cccccc"
        return (f'<span class="np-swatch" style="background:{esc(color)};'
                f'opacity:{entry.opacity * opacity:.2f}"></span>')
    s = entry.symbol
    fill_alpha = 0.0 if s.pattern.value == "none" else s.fill_opacity * opacity
    if s.pattern.value in ("hatch", "cross"):
        fill_alpha *= 0.3
    border = "none" if s.line_style is LineStyle.NONE else (
        f"{max(s.line_width, 1):.0f}px "
        f"{'dashed' if s.line_style is LineStyle.DASH else 'solid'} {esc(s.outline)}")
    r, g, b = int(s.fill[1:3], 16), int(s.fill[3:5], 16), int(s.fill[5:7], 16)
    return (f'<span class="np-swatch" style="background:rgba({r},{g},{b},{fill_alpha:.2f});'
            f'border:{border}"></span>')


def legend_html(groups: Sequence[LegendGroup], lang: str) -> str:
    """The legend: a heading per layer and a swatch per class (opens and closes)."""
    parts = [f"<details open><summary><b>{esc(tr(lang, 'export', 'Legend'))}</b></summary>"]
    for group in groups:
        parts.append(f"<div><b>{esc(group.title)}</b></div>")
        for entry in group.entries:
            parts.append(f'<div class="np-row">{_swatch(entry, group.opacity)}'
                         f"<span>{esc(entry.label.get(lang))}</span></div>")
    parts.append("</details>")
    return "".join(parts)


def ledger_html(table: LedgerTable) -> str:
    """The ledger box: the table, the new nature by kind and the notes."""
    head = "".join(f"<th>{esc(h)}</th>" for h in table.header)
    rows = "".join(
        f"<tr><th>{esc(label)}</th><td class=\"num\">{esc(now)}</td>"
        f"<td class=\"num\">{esc(later)}</td></tr>"
        for label, now, later in table.rows
    )
    kinds = "".join(f"<tr><th>{esc(k)}</th><td class=\"num\">{esc(v)}</td></tr>"
                    for k, v in table.by_kind)
    notes = "".join(f'<div class="np-note">{esc(n)}</div>' for n in table.notes)
    return (f"<h2>{esc(table.title)}</h2><table><tr>{head}</tr>{rows}</table>"
            f"<h2>{esc(table.by_kind_title)}</h2><table>{kinds}</table>{notes}")


def notes_html(notes: Sequence[str], synthetic: Sequence[str], lang: str) -> str:
    """Notes on the map, the synthetic layers named in red."""
    parts = [f"<div>{esc(n)}</div>" for n in notes]
    if synthetic:
        text = tr(lang, "export", "Synthetic sample data, not real data: {layers}.",
                  layers=", ".join(synthetic))
        parts.append(f'<div class="np-synthetic">{esc(text)}</div>')
    return "".join(parts)


def attribution_html(lines: Sequence[Attribution]) -> str:
    """The sources, one line each."""
    return "".join(f'<div class="np-notes">{esc(a.line())}</div>' for a in lines)


def sources_html(summary: str, body: str) -> str:
    """A box that opens on a click (``<details>``: plain HTML, no script)."""
    return f"<details><summary><b>{esc(summary)}</b></summary>{body}</details>"
