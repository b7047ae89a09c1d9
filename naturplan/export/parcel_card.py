"""The status card in words: one presentation for the command line, the GUI dock and the PDF.

:func:`card_text` turns a :class:`~naturplan.core.parcels.status.StatusCard` (numbers) and
the legal-bases table into a :class:`CardText` in the user's language: the plain-language
first line, the parcel's facts, a section per layer with its overlaps and the source's
attributes, the slivers, what each protection means with its legal basis, and the sources.
:func:`card_document` is the same card as JSON-ready data (numbers, not words).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from naturplan.core.parcels.status import StatusCard, ThemeFinding
from naturplan.core.parcels.themes import SourceInfo, Theme
from naturplan.export.attribution import format_date, load_table
from naturplan.export.designations import designations_json
from naturplan.io.parcels import LegalBasis
from naturplan.text import designation_words
from naturplan.text.i18n import tr
from naturplan.text.labels import kind_label, status_label
from naturplan.text.numbers import format_number, format_percent

CONTEXT = "parcels"
#: Share of the parcel at or above which "in" replaces "partly in".
WHOLE = 0.995
#: A Natura 2000 site under this share of the parcel is named in its section, not in the
#: headline, when a larger site is named there.
NAMED_SHARE = 0.01
#: §3 type names (Danish data values) in English.
P3_ENGLISH = {"sø": "lake", "mose": "bog or fen", "eng": "meadow", "strandeng": "salt marsh",
              "overdrev": "dry grassland", "hede": "heath"}
_CARBON = {">12": ">12 %", "6-12": "6–12 %", "<6": "<6 %"}


@dataclass(frozen=True)
class Section:
    """One layer's part of the card: a heading, its summary line and rows of details."""

    heading: str
    summary: str
    rows: tuple[tuple[str, str], ...] = ()
    source: str = ""


@dataclass(frozen=True)
class LegalText:
    """What a protection means and its legal basis, in one language."""

    title: str
    meaning: str
    law: str
    source: str
    url: str = ""


@dataclass(frozen=True)
class CardText:
    """The card in words, ready to lay out."""

    title: str
    headline: str
    facts: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    slivers: str
    legal: tuple[LegalText, ...]
    sources: tuple[str, ...]
    footer: str
    synthetic: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    lang: str = "da"

    def lines(self) -> list[str]:
        """The card as plain text lines (the command line's output)."""
        out = [self.title, self.headline, ""]
        out += [f"{k}: {v}" for k, v in self.facts]
        for section in self.sections:
            out += ["", f"{section.heading} — {section.summary}"]
            out += [f"    {k}: {v}" if k else f"    {v}" for k, v in section.rows]
        if self.slivers:
            out += ["", self.slivers]
        if self.notes:
            out += ["", *self.notes]
        if self.legal:
            out += ["", tr(self.lang, CONTEXT, "What it means")]
            for item in self.legal:
                out += [f"  {item.title}: {item.meaning}", f"    {item.law}"]
        out += ["", tr(self.lang, CONTEXT, "Sources"), *[f"  {s}" for s in self.sources]]
        out += ["", self.footer]
        return out


def _t(lang: str, source: str, n: int | None = None, **params: Any) -> str:
    return tr(lang, CONTEXT, source, n, **params)


def _pct(share: float, lang: str) -> str:
    decimals = 0 if share >= 0.1 or share == 0 else 1
    return format_percent(share, decimals, lang)


def _m2(area: float, lang: str) -> str:
    if area >= 100_000:
        return f"{format_number(area / 10_000, 1, lang)} ha"
    return f"{format_number(area, 0 if area >= 10 else 1, lang)} m²"


def _type_name(name: str, lang: str) -> str:
    low = name.strip().lower()
    return P3_ENGLISH.get(low, low) if lang == "en" else low


def _site_shares(findings: list[ThemeFinding]) -> list[tuple[str, float]]:
    """(site code, share of the parcel) of every Natura 2000 site on it (slivers left out),
    largest first."""
    shares: dict[str, float] = {}
    for finding in findings:
        for feature in finding.features:
            if feature.sliver:
                continue
            attrs = dict(feature.attributes)
            code = str(attrs.get("Site_ident") or attrs.get("Objektnavn") or "").strip()
            shares[code] = min(shares.get(code, 0.0) + feature.share, 1.0)
    return sorted(shares.items(), key=lambda item: -item[1])


def _natura2000_headline(findings: list[ThemeFinding], lang: str) -> str:
    """Each site with its own share; a site under :data:`NAMED_SHARE` of the parcel is left
    to the section when a larger one is named (one site at 100 % and another at 0,6 % must
    not read as if both covered the parcel)."""
    sites = _site_shares(findings)
    named = [(c, v) for c, v in sites if v >= NAMED_SHARE] or sites[:1]
    whole = [c for c, v in named if v >= WHOLE and c]
    parts = [_t(lang, "in Natura 2000 site {codes}", codes=", ".join(whole))] if whole else []
    parts += [_t(lang, "partly in Natura 2000 site {codes} ({pct})", codes=c, pct=_pct(v, lang))
              for c, v in named if v < WHOLE]
    return " · ".join(p.strip() for p in parts)


def _codes(finding: ThemeFinding) -> str:
    codes = []
    for feature in finding.features:
        if feature.sliver:
            continue
        attrs = dict(feature.attributes)
        codes.append(str(attrs.get("Site_ident") or attrs.get("Objektnavn") or "").strip())
    return ", ".join(dict.fromkeys(c for c in codes if c))


def headline(card: StatusCard, lang: str = "da") -> str:
    """The first line in plain words: "§3-beskyttet natur på 23 % af jordstykket (eng,
    mose) · i Natura 2000-område DK00FX001 · delvis lavbund >12 % kulstof"."""
    parts: list[str] = []
    by_theme: dict[Theme, list[ThemeFinding]] = {}
    for finding in card.applying():
        by_theme.setdefault(finding.theme, []).append(finding)
    for theme, findings in by_theme.items():
        parts.append(_headline_part(theme, findings, lang))
    if not parts:
        return _t(lang, "No protection or designation in the loaded layers")
    return " · ".join(p for p in parts if p)


def _headline_part(theme: Theme, findings: list[ThemeFinding], lang: str) -> str:
    share = max(f.share for f in findings)
    pct = _pct(share, lang)
    if theme is Theme.NATURE_P3:
        types = ", ".join(dict.fromkeys(_type_name(c, lang) for f in findings for c in f.classes))
        text = _t(lang, "§3 protected nature on {pct} of the parcel", pct=pct)
        return f"{text} ({types})" if types else text
    if theme is Theme.NATURA2000:
        return _natura2000_headline(findings, lang)
    if theme is Theme.LOWLAND:
        classes = [c for f in findings for c in f.classes]
        best = next((c for c in (">12", "6-12", "<6") if c in classes), "")
        carbon = _CARBON.get(best, best)
        if share >= WHOLE:
            return _t(lang, "lowland soil {carbon} carbon", carbon=carbon)
        return _t(lang, "partly lowland soil {carbon} carbon ({pct})", carbon=carbon, pct=pct)
    if theme is Theme.FLOOD:
        depth = max((f.flood.max_depth for f in findings if f.flood is not None), default=math.nan)
        if math.isfinite(depth):
            return _t(lang, "{pct} in the flood zone (up to {depth} m)", pct=pct,
                      depth=format_number(depth, 2 if depth < 1 else 1, lang))
        return _t(lang, "{pct} in the flood zone", pct=pct)
    if theme is Theme.FOREST_ZONES:
        zones = [c for f in findings for c in f.classes]
        if "unwanted" in zones:
            return _t(lang, "afforestation unwanted")
        if "wanted" in zones:
            return _t(lang, "afforestation wanted")
        return _t(lang, "in an afforestation zone")
    if theme is Theme.CANDIDATES:
        names = ", ".join(dict.fromkeys(
            str(dict(x.attributes).get("name") or dict(x.attributes).get("id") or "")
            for f in findings for x in f.features if not x.sliver))
        return _t(lang, "in candidate area {names}", names=names)
    restrictions = {
        Theme.FREDSKOV: "protected forest (fredskov) on {pct}",
        Theme.STRANDBESKYTTELSE: "beach protection zone on {pct}",
        Theme.KLITFREDNING: "dune protection on {pct}",
        Theme.STORMFALD: "storm damage registered on {pct}",
    }
    return _t(lang, restrictions[theme], pct=pct)


def theme_label(theme: Theme, lang: str) -> str:
    """The heading of a theme's section ("Natura 2000", "Oversvømmelse")."""
    labels = {
        Theme.NATURE_P3: "Protected nature (§3)",
        Theme.NATURA2000: "Natura 2000",
        Theme.FREDSKOV: "Protected forest (fredskov)",
        Theme.STRANDBESKYTTELSE: "Beach protection zone",
        Theme.KLITFREDNING: "Dune protection",
        Theme.STORMFALD: "Storm damage registration",
        Theme.LOWLAND: "Lowland soil",
        Theme.FLOOD: "Flooding",
        Theme.FOREST_ZONES: "Afforestation zone",
        Theme.CANDIDATES: "Candidate area",
    }
    return _t(lang, labels[theme])


def card_text(card: StatusCard, legal: Mapping[str, LegalBasis], lang: str = "da") -> CardText:
    """The card in *lang* ("da" or "en")."""
    ref = card.parcel.ref
    title = _t(lang, "Parcel {matrikel}, {ejerlav}", matrikel=ref.matrikelnummer,
               ejerlav=ref.ejerlavsnavn or str(ref.ejerlavskode or ""))
    facts = [
        (_t(lang, "Ejerlav"), _ejerlav(ref.ejerlavsnavn, ref.ejerlavskode)),
        (_t(lang, "Matrikelnummer"), ref.matrikelnummer),
        (_t(lang, "Registered area"), _m2(card.parcel.registered_area_m2, lang)
         if card.parcel.registered_area_m2 is not None else _t(lang, "not in the source")),
        (_t(lang, "Computed area"), _m2(card.parcel.area_m2, lang)),
    ]
    if card.address is not None:
        a = card.address
        facts.insert(0, (_t(lang, "Address"), f"{a.vejnavn} {a.husnr}, {a.postnr} {a.postnrnavn}"))
    sections = tuple(_section(card, theme, found, lang)
                     for theme, found in _by_theme(card.applying()).items())
    found = designation_words.section_parts(card.designations, lang)
    if found is not None:
        sections += (Section(found[0], found[1], tuple(("", line) for line in found[2])),)
    slivers = _slivers(card, lang)
    legal_items = tuple(_legal(legal[key], lang) for key in card.legal_keys() if key in legal)
    table = load_table()
    sources = tuple(_source_line(s, lang, table) for s in card.sources)
    when = card.computed.strftime("%d-%m-%Y %H:%M")
    footer = _t(lang, "Made {when} with naturplan. Overlaps under {area} m² or narrower than "
                "{width} m are listed as slivers (the cadastre's accuracy).", when=when,
                area=format_number(card.rule.min_area_m2, 1, lang).rstrip("0").rstrip(",."),
                width=format_number(card.rule.min_width_m, 1, lang).rstrip("0").rstrip(",."))
    notes = tuple(_t(lang, "{layer}: a raster of this role is not evaluated here.", layer=name)
                  for name, _ in card.not_evaluated)
    notes = (*_lacking(card, lang), *notes,
             *designation_words.missing_notes(card.designations, lang))
    if card.synthetic:
        notes = (_t(lang, "Synthetic example: some layers are generated sample data, not real "
                    "registers."), *notes)
    return CardText(title, headline(card, lang), tuple(facts), sections, slivers, legal_items,
                    sources, footer, card.synthetic, notes, lang)


def _ejerlav(name: str, code: int | None) -> str:
    if name and code is not None:
        return f"{name} ({code})"
    return name or ("" if code is None else str(code))


def _lacking(card: StatusCard, lang: str) -> tuple[str, ...]:
    """What the parcel file does not say about this parcel, and what the card shows instead."""
    out = []
    if not card.parcel.ref.ejerlavsnavn:
        out.append(_t(lang, "The parcel file gives no ejerlav name: the ejerlav is shown by "
                      "its code."))
    if card.parcel.registered_area_m2 is None:
        out.append(_t(lang, "The parcel file gives no registered area: the area shown is "
                      "computed from the parcel's outline."))
    return tuple(out)


def _by_theme(findings: tuple[ThemeFinding, ...]) -> dict[Theme, list[ThemeFinding]]:
    out: dict[Theme, list[ThemeFinding]] = {}
    for finding in findings:
        out.setdefault(finding.theme, []).append(finding)
    return out


def _section(card: StatusCard, theme: Theme, findings: list[ThemeFinding],
             lang: str) -> Section:
    """One section per theme, however many layers give it (a habitat and a bird layer are
    one "Natura 2000"): the union's area, then each feature with its own share."""
    area, share = card.theme_area(theme)
    summary = _t(lang, "{area} = {pct} of the parcel", area=_m2(area, lang),
                 pct=_pct(share, lang))
    rows: list[tuple[str, str]] = []
    for finding in findings:
        if finding.flood is not None:
            rows += _flood_rows(finding, lang)
    features = sorted((f for finding in findings for f in finding.features if not f.sliver),
                      key=lambda f: -f.area_m2)
    for feature in features:
        texts = (_attribute(name, value, theme, lang) for name, value in feature.attributes)
        values = ", ".join(t for t in texts if t)
        rows.append(("", f"{values} — {_m2(feature.area_m2, lang)} "
                         f"({_pct(feature.share, lang)})"))
    source = ", ".join(dict.fromkeys(f.source.name for f in findings))
    return Section(theme_label(theme, lang), summary, tuple(rows), source)


def _flood_rows(finding: ThemeFinding, lang: str) -> list[tuple[str, str]]:
    flood = finding.flood
    if flood is None:
        return []
    rows = [(_t(lang, "Largest depth"), f"{format_number(flood.max_depth, 2, lang)} m")]
    if math.isfinite(flood.mean_depth):
        rows.append((_t(lang, "Mean depth (flooded part)"),
                     f"{format_number(flood.mean_depth, 2, lang)} m"))
    if flood.data_share < 0.999:
        rows.append((_t(lang, "Raster covers"), _pct(flood.data_share, lang)))
    return rows


_WORDS = {"rotation": "rotation", "permanent_grass": "permanent grass", "wanted": "wanted",
          "unwanted": "unwanted", "neutral": "neutral", "habitat": "habitat site",
          "bird": "bird protection area"}


def _condition(value: object, lang: str) -> str:
    """A §3 feature's naturtilstand: ``naturtilstand II (god)``, or "not assessed" (never
    left out as if it were good)."""
    from naturplan.core.share.condition import group_of, parse_condition

    found = parse_condition(value)
    if found is None:
        return _t(lang, "condition not assessed")
    group = {"good": _t(lang, "good"), "moderate": _t(lang, "moderate"),
             "poor": _t(lang, "poor")}[group_of(found).value]
    return _t(lang, "condition {cls} ({group})", cls=found.name, group=group)


def _attribute(name: str, value: object, theme: Theme, lang: str) -> str:
    """One source attribute as the card shows it (dates, classes and uses in words)."""
    if name == "Naturtilstand":
        return _condition(value, lang)
    text = _value(value, lang)
    if not text:
        return ""
    if name == "Besig_dato":
        return _t(lang, "surveyed {date}", date=text)
    if name == "matrikelnummer":
        return ""  # the card's own parcel
    if name == "temaOmfang":
        return _t(lang, "extent {value}", value=text.lower())
    if name == "areal" and isinstance(value, int | float):
        return _t(lang, "registered area {area}", area=_m2(float(value), lang))
    if name == "sf_Betalingsdato":
        return _t(lang, "paid {date}", date=text)
    if name == "sf_Ophoersdato":
        return _t(lang, "ends {date}", date=text)
    if name == "carbon_class":
        return f"{_CARBON.get(text, text)} {_t(lang, 'carbon')}"
    if name == "depth_m" and isinstance(value, int | float):
        return _t(lang, "depth {depth} m", depth=text)
    if theme is Theme.CANDIDATES and name in ("kind", "status"):
        return _candidate_word(name, text, lang)
    if name in ("land_use", "zone") or (name == "kind" and theme is Theme.NATURA2000):
        word = _WORDS.get(text)
        return _t(lang, word) if word else text
    return text


def _candidate_word(name: str, value: str, lang: str) -> str:
    """A candidate's kind or status in the words the candidate table uses ("Udtagning af
    lavbundsjord", "Vedtaget"); an unknown value as it is."""
    try:
        return kind_label(value, lang) if name == "kind" else status_label(value, lang)
    except ValueError:
        return value


def _value(value: object, lang: str) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return "" if math.isnan(value) else format_number(value, 2, lang)
    text = str(value).strip()
    return P3_ENGLISH.get(text.lower(), text) if lang == "en" else text


def _slivers(card: StatusCard, lang: str) -> str:
    items = [f"{theme_label(f.theme, lang)} ({_m2(f.sliver_m2, lang)})" for f in card.slivers()]
    if not items:
        return ""
    return _t(lang, "Only touches (slivers under the cadastre's accuracy, not protection): "
              "{items}", items=", ".join(items))


def _legal(basis: LegalBasis, lang: str) -> LegalText:
    return LegalText(basis.title.get(lang), basis.meaning.get(lang), basis.law.get(lang),
                     basis.source, basis.url)


def _source_line(source: SourceInfo, lang: str, table: Mapping[str, Any] | None = None) -> str:
    """One source: its producer, dataset and the data's date from the attribution table
    (``resources/attribution.toml``, by file name, then by the schema that read it), as the
    council map says them; else the layer, its file and the date the data carry, and only
    when they carry none the file's date, said as such."""
    table = load_table() if table is None else table
    known = (table.get("files", {}).get(source.file)
             or table.get("mappings", {}).get(source.mapping) if not source.synthetic else None)
    parts: list[str] = [source.name]
    if known:
        parts += [str(known.get("producer", "")), str(known.get("dataset", ""))]
    else:
        parts.append(source.label)
    date = str((known or {}).get("date") or "")
    if date:
        parts.append(_t(lang, "data from {date}", date=format_date(date, lang)))
    elif source.date and source.dated_by == "data":
        parts.append(_t(lang, "data from {date}", date=format_date(source.date, lang)))
    elif source.date:
        parts.append(_t(lang, "file date {date}", date=format_date(source.date, lang)))
    if source.synthetic:
        parts.append(_t(lang, "synthetic example"))
    return " · ".join(p for p in parts if p)


def card_document(card: StatusCard, legal: Mapping[str, LegalBasis], lang: str = "da"
                  ) -> dict[str, Any]:
    """The card as JSON-ready data: areas in m², shares 0..1, depths in m, the source's
    attributes, the legal keys (with their text in *lang*), and the headline."""
    ref = card.parcel.ref
    return {
        "parcel": {
            "ejerlavskode": ref.ejerlavskode, "ejerlavsnavn": ref.ejerlavsnavn,
            "matrikelnummer": ref.matrikelnummer,
            "registered_area_m2": card.parcel.registered_area_m2,
            "area_m2": card.parcel.area_m2,
        },
        "address": None if card.address is None else {
            "vejnavn": card.address.vejnavn, "husnr": card.address.husnr,
            "postnr": card.address.postnr, "postnrnavn": card.address.postnrnavn},
        "headline": headline(card, lang),
        "findings": [_finding_doc(f) for f in card.findings],
        "legal": [{"key": k, "title": legal[k].title.get(lang), "law": legal[k].law.get(lang)}
                  for k in card.legal_keys() if k in legal],
        "slivers": {"min_area_m2": card.rule.min_area_m2, "min_width_m": card.rule.min_width_m},
        "sources": [{"name": s.name, "file": s.label, "date": s.date, "synthetic": s.synthetic}
                    for s in card.sources],
        "not_evaluated": [{"layer": n, "reason": r} for n, r in card.not_evaluated],
        "synthetic": card.synthetic,
        "computed": card.computed.isoformat(timespec="seconds"),
        "designations": designations_json(card.designations),
    }


def _finding_doc(finding: ThemeFinding) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "theme": finding.theme.value, "layer": finding.source.name,
        "area_m2": finding.area_m2, "share": finding.share, "sliver_m2": finding.sliver_m2,
        "applies": finding.applies,
        "by_class": [{"class": c, "area_m2": a} for c, a in finding.by_class],
        "features": [{"class": f.klass, "area_m2": f.area_m2, "share": f.share,
                      "sliver": f.sliver,
                      "attributes": {k: _json(v) for k, v in f.attributes}}
                     for f in finding.features],
    }
    if finding.flood is not None:
        flood = finding.flood
        doc["flood"] = {"wet_m2": flood.wet_m2, "share": flood.share,
                        "max_depth_m": flood.max_depth,
                        "mean_depth_m": None if math.isnan(flood.mean_depth) else flood.mean_depth,
                        "data_share": flood.data_share}
    return doc


def _json(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
