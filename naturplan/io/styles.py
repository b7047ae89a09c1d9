"""Reading layer styles from ``styles/<role>.toml`` (stdlib :mod:`tomllib`).

A user's own ``<role>.toml`` in ``<user config>/styles`` (``~/.config/naturplan/styles`` on
Linux, see :func:`naturplan.io.paths.user_styles_dir`) is used instead of the shipped one.

The files are meant to be edited by a person; every mistake is reported with the file, the
key and what was expected (:class:`StyleError`), never as a traceback.

Format (see ``styles/nature_p3.toml`` for a full example)::

    title = { da = "Beskyttet natur (§3)", en = "Protected nature (§3)" }
    opacity = 0.85
    max_scale = 0                       # 0 = at every scale
    [symbol]                            # default symbol
    fill = "#cccccc"; fill_opacity = 1; pattern = "solid"
    outline = "#666666"; line_width = 0.5; line_style = "solid"
    [categories]
    field = "Natyp_navn"
    [[categories.values]]
    value = "Sø"; fill = "#5b9bd5"; label = { da = "Sø", en = "Lake" }
    [ramp]                              # rasters of this role
    unit = "m"; discrete = false
    [[ramp.stops]]
    value = 0.1; color = "#c6dbef"; label = { da = "0,1 m" }
    [[labels]]                          # zero or more label rules
    field = "matrikelnummer"; max_scale = 10000; size = 7.5   # points
    color = "#404040"; halo = "#ffffff"; halo_width = 1.2; fit = true
    # also: min_scale, bold, italic, font, priority, group, hover (see LabelStyle)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from naturplan.core.errors import StyleError
from naturplan.core.layers.roles import Role
from naturplan.core.layers.style import (
    Category,
    ColorRamp,
    ColorStop,
    FillPattern,
    Labels,
    LabelStyle,
    LayerStyle,
    LineStyle,
    Symbol,
    default_style,
)
from naturplan.io.paths import style_file, user_styles_dir

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_SYMBOL_KEYS = {"fill", "fill_opacity", "pattern", "outline", "line_width", "line_style"}


def load_style(role: Role | str, folder: Path | None = None) -> LayerStyle:
    """The style of *role* from ``<folder>/<role>.toml``; a plain default if there is none.

    Without *folder*: the user's own style file of the role if there is one, else the
    shipped one (:func:`naturplan.io.paths.style_file`).

    Raises
    ------
    StyleError
        If the file exists but is not valid TOML or does not follow the format.
    """
    name = role.value if isinstance(role, Role) else str(role)
    path = folder / f"{name}.toml" if folder else style_file(name)
    if not path.exists():
        return default_style(name)
    # A user's own file is named in full, so that they know which of the two to fix.
    label = str(path) if folder is None and path.parent == user_styles_dir() else path.name
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise StyleError("Style file {file} is not valid TOML: {reason}", file=label,
                         reason=str(exc)) from None
    except OSError as exc:
        raise StyleError("Cannot read style file {file}: {reason}", file=str(path),
                         reason=str(exc)) from None
    return parse_style(name, data, label)


def load_styles(folder: Path | None = None) -> dict[Role, LayerStyle]:
    """The style of every role (defaults where a file is missing)."""
    return {role: load_style(role, folder) for role in Role}


def parse_style(role: str, data: Mapping[str, Any], where: str = "style") -> LayerStyle:
    """Build a :class:`LayerStyle` from parsed TOML *data*; *where* names it in errors."""
    _known(data, {"title", "opacity", "max_scale", "symbol", "categories", "ramp", "labels"},
           where)
    symbol = _symbol(data.get("symbol", {}), Symbol(), f"{where} [symbol]")
    categories: tuple[Category, ...] = ()
    category_field = ""
    other = None
    if "categories" in data:
        cats = _table(data["categories"], f"{where} [categories]")
        _known(cats, {"field", "values", "other_label"}, f"{where} [categories]")
        category_field = _text(cats, "field", f"{where} [categories]")
        categories = tuple(
            _category(item, symbol, f"{where} [[categories.values]] #{i + 1}")
            for i, item in enumerate(_list(cats.get("values", []), f"{where} categories.values"))
        )
        if "other_label" in cats:
            other = _labels(cats["other_label"], f"{where} categories.other_label")
    ramp = _ramp(data["ramp"], f"{where} [ramp]") if "ramp" in data else None
    labels = tuple(
        _label(item, f"{where} [[labels]] #{i + 1}")
        for i, item in enumerate(_list(data.get("labels", []), f"{where} labels"))
    )
    title = _labels(data.get("title", role), f"{where} title")
    return LayerStyle(
        role=role,
        title=title,
        symbol=symbol,
        opacity=_fraction(data, "opacity", 1.0, where),
        category_field=category_field,
        categories=categories,
        other_label=other,
        ramp=ramp,
        max_scale=_number(data, "max_scale", 0.0, where, minimum=0.0),
        labels=labels,
    )


_LABEL_KEYS = {"field", "min_scale", "max_scale", "size", "color", "halo", "halo_width",
               "bold", "italic", "font", "priority", "group", "fit", "hover"}


def _label(item: Any, where: str) -> LabelStyle:
    table = _table(item, where)
    _known(table, _LABEL_KEYS, where)
    base = LabelStyle(field="")
    font = table.get("font", "")
    if not isinstance(font, str):
        raise StyleError("{where}: 'font' must be a font family name, got {value}.",
                         where=where, value=repr(font))
    priority = table.get("priority", 0)
    if isinstance(priority, bool) or not isinstance(priority, int):
        raise StyleError("{where}: 'priority' must be a whole number, got {value}.",
                         where=where, value=repr(priority))
    return LabelStyle(
        field=_text(table, "field", where),
        min_scale=_number(table, "min_scale", 0.0, where, minimum=0.0),
        max_scale=_number(table, "max_scale", 0.0, where, minimum=0.0),
        size=_number(table, "size", base.size, where, minimum=1.0),
        color=_color(table, "color", base.color, where),
        halo=_color(table, "halo", base.halo, where),
        halo_width=_number(table, "halo_width", base.halo_width, where, minimum=0.0),
        bold=_flag(table, "bold", where),
        italic=_flag(table, "italic", where),
        font=font,
        priority=priority,
        group=_flag(table, "group", where),
        fit=_flag(table, "fit", where),
        hover=_flag(table, "hover", where),
    )


def _flag(table: Mapping[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise StyleError("{where}: '{key}' must be true or false, got {value}.",
                         where=where, key=key, value=repr(value))
    return value


def _category(item: Any, base: Symbol, where: str) -> Category:
    table = _table(item, where)
    _known(table, _SYMBOL_KEYS | {"value", "label"}, where)
    if "value" not in table:
        raise StyleError("{where}: 'value' is missing.", where=where)
    value = str(table["value"])
    label = _labels(table.get("label", value), f"{where} label")
    return Category(value=value, symbol=_symbol(table, base, where), label=label)


def _symbol(data: Any, base: Symbol, where: str) -> Symbol:
    table = _table(data, where)
    return Symbol(
        fill=_color(table, "fill", base.fill, where),
        fill_opacity=_fraction(table, "fill_opacity", base.fill_opacity, where),
        pattern=_choice(table, "pattern", base.pattern, FillPattern, where),
        outline=_color(table, "outline", base.outline, where),
        line_width=_number(table, "line_width", base.line_width, where, minimum=0.0),
        line_style=_choice(table, "line_style", base.line_style, LineStyle, where),
    )


def _ramp(data: Any, where: str) -> ColorRamp:
    table = _table(data, where)
    _known(table, {"unit", "discrete", "clip_below", "stops"}, where)
    stops = []
    for i, item in enumerate(_list(table.get("stops", []), f"{where} stops")):
        at = f"{where} stop #{i + 1}"
        stop = _table(item, at)
        _known(stop, {"value", "color", "opacity", "label"}, at)
        if "value" not in stop or "color" not in stop:
            raise StyleError("{where}: a stop needs 'value' and 'color'.", where=at)
        stops.append(
            ColorStop(
                value=_number(stop, "value", 0.0, at),
                color=_color(stop, "color", "#000000", at),
                opacity=_fraction(stop, "opacity", 1.0, at),
                label=_labels(stop["label"], f"{at} label") if "label" in stop else None,
            )
        )
    if not stops:
        raise StyleError("{where}: a ramp needs at least one [[ramp.stops]].", where=where)
    values = [s.value for s in stops]
    if values != sorted(values):
        raise StyleError("{where}: stops must be sorted by value, got {values}.",
                         where=where, values=str(values))
    return ColorRamp(
        stops=tuple(stops),
        unit=str(table.get("unit", "")),
        discrete=bool(table.get("discrete", False)),
        clip_below=bool(table.get("clip_below", True)),
    )


def _known(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise StyleError("{where}: unknown key(s) {unknown}; allowed: {allowed}.", where=where,
                         unknown=", ".join(unknown), allowed=", ".join(sorted(allowed)))


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise StyleError("{where}: expected a table, got {kind}.", where=where,
                         kind=type(value).__name__)
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise StyleError("{where}: expected a list, got {kind}.", where=where,
                         kind=type(value).__name__)
    return value


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value:
        raise StyleError("{where}: '{key}' must be a non-empty text.", where=where, key=key)
    return value


def _labels(value: Any, where: str) -> Labels:
    if isinstance(value, str):
        return Labels(value, value)
    table = _table(value, where)
    _known(table, {"da", "en"}, where)
    if not isinstance(table.get("da"), str):
        raise StyleError("{where}: needs a Danish text 'da'.", where=where)
    return Labels(table["da"], str(table.get("en", "")))


def _color(table: Mapping[str, Any], key: str, default: str, where: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not _HEX.match(value):
        raise StyleError("{where}: '{key}' must be a colour like \"#1f78b4\", got {value}.",
                         where=where, key=key, value=repr(value))
    return value.lower()


def _number(
    table: Mapping[str, Any], key: str, default: float, where: str, minimum: float | None = None
) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StyleError("{where}: '{key}' must be a number, got {value}.", where=where, key=key,
                         value=repr(value))
    if minimum is not None and value < minimum:
        raise StyleError("{where}: '{key}' must be at least {minimum}, got {value}.", where=where,
                         key=key, minimum=f"{minimum:g}", value=repr(value))
    return float(value)


def _fraction(table: Mapping[str, Any], key: str, default: float, where: str) -> float:
    value = _number(table, key, default, where)
    if not 0.0 <= value <= 1.0:
        raise StyleError("{where}: '{key}' must be between 0 and 1, got {value}.", where=where,
                         key=key, value=repr(value))
    return value


def _choice(table: Mapping[str, Any], key: str, default: Any, enum: Any, where: str) -> Any:
    value = table.get(key, default)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise StyleError("{where}: '{key}' must be one of {allowed}, got {value}.", where=where,
                         key=key, allowed=allowed, value=repr(value)) from None
