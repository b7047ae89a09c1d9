"""Today's designations in words (issue 22 item 2), the same for the analysis panel, the
parcel card and the command line: "ligger i vedtaget skovrejsningsområde (1112): 4,2 ha
(85 %)", "overlapper MARS-projekt Nørreå (klima-lavbund, forundersøgelse): 1,3 ha (26 %)".

Without a layer the line says what was not checked and why, never "0 ha" and never "ligger
ikke i": nothing was looked at.
"""

from __future__ import annotations

from html import escape

from naturplan.core.analysis.designations import DesignationCheck, DesignationHit
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_ha, format_number, format_percent

CONTEXT = "designations"

#: The reasons a part is empty (English source texts; translated by :func:`missing_reason`).
NO_PLANDATA = ("not checked: no layer of Plandata's retningslinjer 1112–1115 "
               "(role designations)")
NO_MARS = "not checked: no layer of MARS projects (role mars_projects)"

#: Theme → the messages for adopted (V), proposed (F), another status and no status.
_THEME_MESSAGES: dict[int, tuple[str, str, str, str]] = {
    1112: ("in adopted afforestation area (1112): {area} ({pct})",
           "in proposed afforestation area (1112): {area} ({pct})",
           "in afforestation area (1112, status {status}): {area} ({pct})",
           "in afforestation area (1112): {area} ({pct})"),
    1113: ("in adopted lowland area (1113): {area} ({pct})",
           "in proposed lowland area (1113): {area} ({pct})",
           "in lowland area (1113, status {status}): {area} ({pct})",
           "in lowland area (1113): {area} ({pct})"),
    1114: ("in adopted nature protection area (1114): {area} ({pct})",
           "in proposed nature protection area (1114): {area} ({pct})",
           "in nature protection area (1114, status {status}): {area} ({pct})",
           "in nature protection area (1114): {area} ({pct})"),
    1115: ("in adopted ecological connection (1115): {area} ({pct})",
           "in proposed ecological connection (1115): {area} ({pct})",
           "in ecological connection (1115, status {status}): {area} ({pct})",
           "in ecological connection (1115): {area} ({pct})"),
}
_OTHER_THEME = ("in retningslinje of theme {theme} (status {status}): {area} ({pct})",
                "in retningslinje of theme {theme}: {area} ({pct})")


def _area(hit: DesignationHit, lang: str) -> dict[str, str]:
    # Under 0.1 ha in m² ("420 m²"), never a measured "0,0 ha".
    area = (format_ha(hit.area_m2, 1, lang) if hit.area_m2 >= 1000
            else f"{format_number(hit.area_m2, 0, lang)} m²")
    pct = format_percent(hit.share, 0 if hit.share >= 0.1 else 1, lang)
    return {"area": area, "pct": pct if hit.share >= 0.001 else "< " + format_percent(
        0.001, 1, lang)}


def plandata_line(hit: DesignationHit, lang: str = "da") -> str:
    """One retningslinje group: theme, status, hectares and share of the area checked."""
    found = _THEME_MESSAGES.get(hit.theme or 0)
    status = hit.status or ""
    if found is None:
        source = _OTHER_THEME[0] if status else _OTHER_THEME[1]
    elif status == "V":
        source = found[0]
    elif status == "F":
        source = found[1]
    else:
        source = found[2] if status else found[3]
    return tr(lang, CONTEXT, source, None, theme=str(hit.theme), status=status,
              **_area(hit, lang))


def mars_line(hit: DesignationHit, lang: str = "da") -> str:
    """One MARS project: its name (else id), type and phase, hectares and share."""
    name = hit.names[0] if hit.names else (hit.project_id or "?")
    details = ", ".join(v.lower() for v in (hit.project_type, hit.phase) if v)
    source = ("overlaps MARS project {name} ({details}): {area} ({pct})" if details
              else "overlaps MARS project {name}: {area} ({pct})")
    return tr(lang, CONTEXT, source, None, name=name, details=details, **_area(hit, lang))


def check_lines(check: DesignationCheck | None, lang: str = "da") -> list[str]:
    """The lines of one check: each retningslinje group and MARS project it lies in; for a
    layer that is there but has nothing here, that it has nothing; for a missing layer, the
    reason nothing was checked."""
    check = check or DesignationCheck()
    lines: list[str] = []
    if check.plandata is None:
        lines.append(tr(lang, CONTEXT, NO_PLANDATA))
    elif check.plandata:
        lines += [plandata_line(h, lang) for h in check.plandata]
    else:
        lines.append(tr(lang, CONTEXT, "no retningslinje of the layer overlaps"))
    if check.mars is None:
        lines.append(tr(lang, CONTEXT, NO_MARS))
    elif check.mars:
        lines += [mars_line(h, lang) for h in check.mars]
    else:
        lines.append(tr(lang, CONTEXT, "no MARS project of the layer overlaps"))
    return lines


def heading(lang: str = "da") -> str:
    """The heading of the designations' section."""
    return tr(lang, CONTEXT, "Today's designations (Plandata, MARS)")


def check_html(check: DesignationCheck | None, lang: str = "da") -> str:
    """The analysis panel's section: the heading in bold, one line each, the reasons for a
    missing layer in italics."""
    check = check or DesignationCheck()
    missing = {tr(lang, CONTEXT, NO_PLANDATA), tr(lang, CONTEXT, NO_MARS)}
    rows = [f"<i>{escape(line)}</i>" if line in missing else escape(line)
            for line in check_lines(check, lang)]
    return f"<b>{escape(heading(lang))}</b><br>" + "<br>".join(rows)


def section_parts(check: DesignationCheck | None, lang: str = "da"
                  ) -> tuple[str, str, tuple[str, ...]] | None:
    """The parcel card's section: (heading, first line, the other lines); None when neither
    layer is loaded (then :func:`missing_notes` says so)."""
    if check is None or not check.checked:
        return None
    lines = check_lines(check, lang)
    return heading(lang), lines[0], tuple(lines[1:])


def missing_notes(check: DesignationCheck | None, lang: str = "da") -> tuple[str, ...]:
    """Without either layer: the card's notes that nothing was checked, and why."""
    if check is not None and check.checked:
        return ()
    return tuple(f"{heading(lang)}: {line}" for line in check_lines(check, lang))
