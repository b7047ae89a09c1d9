"""The map export as one use case: a print map (PDF, PNG) or a web map (HTML).

``naturplan export`` and the window's *Filer → Eksportér kort…* both build a
:class:`MapExportRequest` and call :func:`export_map`; what the file says and how it is made
is decided here once (issue 21 §2, QGIS Processing's lesson: one algorithm, front ends only
fill its parameters).

The rules, decided once:

- The format is the request's ``fmt``, else the suffix of its path (:func:`map_format`).
- Measure first: a web map with candidates and ``analysis`` on measures each candidate
  (CO2e, conflicts, flood, ΔECA) for its popups; a print map and a plan without candidates
  have nothing to measure. Cancel while connectivity is measured skips connectivity (its
  popup rows stay empty, the notes say why) and the page is still written.
- Progress: measuring takes the first 30 %, writing the rest; without measuring, writing
  takes all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from naturplan.core.errors import ExportError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.export.layout.page import PrintOptions
from naturplan.export.model import PlanData
from naturplan.pagemodel.layers import ExportLayer
from naturplan.text.numbers import format_number

FORMATS = ("pdf", "png", "html")
#: The share of the progress bar the measuring takes before a web map is written.
MEASURE_SHARE = 0.3


@dataclass
class MapExportRequest:
    """What to export, as a front end fills it in.

    Attributes
    ----------
    path
        The file to write.
    layers
        The map's layers in drawing order (style, shown or not).
    data
        The plan: dataset, share, ledger, candidates, project settings.
    fmt
        ``pdf``, ``png`` or ``html``; None: the suffix of *path*.
    preset
        The print preset (print maps only; None: the default preset).
    options
        Title, subtitle, extent, scale and basemap (the web map uses title and subtitle).
    lang
        ``da`` or ``en``.
    analysis
        Measure the candidates for the web map's popups (see the module docstring).
    network
        Today's measured connectivity network when the caller has it (the window's analysis).
    """

    path: Path
    layers: list[ExportLayer]
    data: PlanData
    fmt: str | None = None
    preset: Any = None
    options: PrintOptions = field(default_factory=PrintOptions)
    lang: str = "da"
    analysis: bool = True
    network: Any = None


@dataclass
class MapExportReport:
    """What :func:`export_map` wrote: the file, its format and size in bytes, the notices
    (what the page does not show as asked) and the layers left out of a web map."""

    path: Path
    fmt: str
    size: int
    notices: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    measured: bool = False

    def size_text(self, lang: str = "da") -> str:
        """The size in MB as the reader writes it: ``1,4`` (da), ``1.4`` (en)."""
        return format_number(self.size / 1e6, 1, lang)


def map_format(path: Path, fmt: str | None = None) -> str:
    """The format: *fmt*, else the suffix of *path*.

    Raises
    ------
    ExportError
        If neither names ``pdf``, ``png`` or ``html``.
    """
    chosen = fmt or Path(path).suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise ExportError("Cannot tell the format of {name}: choose pdf, png or html.",
                          name=Path(path).name)
    return chosen


def measures_first(request: MapExportRequest, fmt: str) -> bool:
    """Whether the candidates are measured before writing (see the module docstring)."""
    return fmt == "html" and request.analysis and bool(request.data.candidates)


def export_map(request: MapExportRequest, feedback: Feedback | None = None) -> MapExportReport:
    """Write the map the request asks for; the request's data is not changed.

    Raises
    ------
    ExportError
        If the format is unknown; :class:`FileWriteError` if the file cannot be written
        completely (nothing is left behind); :class:`FactorTableError` if the project's
        factor table is broken.
    OperationCancelled
        If *feedback* is cancelled (no file is left behind).
    """
    fb = as_feedback(feedback)
    fmt = map_format(request.path, request.fmt)
    if fmt != "html":
        return _print(request, fmt, fb)
    from naturplan.export.webmap import export_webmap

    data, writing, measured = request.data, fb, False
    if measures_first(request, fmt):
        data, skipped = _measured(request, fb.part(0.0, MEASURE_SHARE))
        measured = True
        # after Cancel skipped connectivity, the page is still written
        writing = fb.part(MEASURE_SHARE, 1.0)
        if skipped:
            writing = Feedback(writing.report)
    options = request.options
    report = export_webmap(request.path, request.layers, data, request.lang,
                           options.title or "", options.subtitle or "", writing)
    return MapExportReport(report.path, fmt, report.size, [], list(report.left_out), measured)


def _print(request: MapExportRequest, fmt: str, fb: Feedback) -> MapExportReport:
    from naturplan.export.layout.page import export_print
    from naturplan.export.layout.presets import find_preset

    preset = request.preset if request.preset is not None else find_preset(None)
    printed = export_print(request.path, fmt, preset, request.layers, request.data,
                           request.options, request.lang, fb)
    return MapExportReport(printed.path, fmt, printed.size, list(printed.notices))


def _measured(request: MapExportRequest, fb: Feedback) -> tuple[PlanData, bool]:
    """A copy of the request's data with the candidates measured, and whether Cancel skipped
    connectivity."""
    from naturplan.usecases.measures import measure_plan

    data = replace(request.data)
    measure_plan(data, skip_connectivity_on_cancel=True, network=request.network, feedback=fb)
    return data, "connectivity_cancelled" in (data.measured.gaps if data.measured else ())
