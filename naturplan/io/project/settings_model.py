"""The project's settings as one typed, versioned model (issue 21 §4; napari's settings with
migrations).

A project store keeps its settings as key → JSON value (:class:`SettingsStore`); every reader
and writer goes through :class:`ProjectSettings` instead of picking keys by hand:

- ``plan``: what the plan is measured against (the record of
  :mod:`naturplan.io.project.settings`, with its own inner ``version``),
- ``analysis``: the factor table and parameters (:class:`AnalysisSettings`),
- ``export_map``: the printed map's title and subtitle (:class:`MapTexts`),
- :data:`VERSION_KEY`: the version of this layout (:data:`SETTINGS_VERSION`),
- every other key (another program's, a newer naturplan's) is kept as it was (``extra``).

Reading never fails on what is stored: a value of the wrong kind (a title that is a number, a
negative dispersal distance, an analysis record that is a string) is read as its default and
reported as a :class:`~naturplan.core.notices.Notice` (:data:`SETTING_IGNORED`), announced
like the store's other left-out rows (:mod:`naturplan.io.project.rows`; the command line
prints it). Older layouts are brought up to date by :data:`MIGRATIONS` when read; a write
through :func:`write_settings` stores the migrated keys with the change, in one audited
transaction, and never lowers the stored version.

Version 1 is every project from before this model (no :data:`VERSION_KEY`). Version 2 writes
the ``analysis`` record out in full: a version 1 record may name only some parameters (the
others took the defaults of the naturplan that measured it); written out, a later change of a
default does not change an old plan's numbers. Version 1 readers read both alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from naturplan.core.analysis.assessment import DEFAULT_TABLE, SETTINGS_KEY, AnalysisSettings
from naturplan.core.analysis.connectivity import ConnectivityParams
from naturplan.core.errors import NaturplanError, SettingsValueError
from naturplan.core.notices import Notice
from naturplan.core.plan.stores import SettingsStore

__all__ = [
    "MIGRATIONS", "PLAN_KEY", "SETTINGS_KEY", "SETTINGS_VERSION", "SETTING_IGNORED",
    "TEXTS_KEY", "VERSION_KEY", "MapTexts", "ProjectSettings", "read_settings",
    "settings_notices", "write_settings",
]

#: The version of the settings' layout that this naturplan writes.
SETTINGS_VERSION = 2
#: The key of that version in the settings table.
VERSION_KEY = "settings_version"
#: The key of what the plan is measured against (``naturplan.io.project.settings``).
PLAN_KEY = "plan"
#: The key of the export dialog's title and subtitle.
TEXTS_KEY = "export_map"
#: Kept by the store itself, never by the model.
RESERVED = ("application", "schema_version")

#: A stored setting had a value of the wrong kind; its default is used.
SETTING_IGNORED = "setting_ignored"
IGNORED_TEMPLATE = ("The project setting {id} holds a value of the wrong kind ({value});"
                    " naturplan uses its default.")


@dataclass(frozen=True)
class MapTexts:
    """The title and subtitle of the printed map, remembered per project."""

    title: str = ""
    subtitle: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "subtitle": self.subtitle}


@dataclass(frozen=True)
class ProjectSettings:
    """Every project setting, typed (see the module docstring).

    Attributes
    ----------
    plan
        The record of what the plan is measured against, or None (none yet).
    analysis
        The analysis choices (defaults if none are stored).
    map_texts
        The export dialog's last title and subtitle, or None.
    extra
        Keys this naturplan does not know, kept verbatim.
    version
        The layout's version as stored after the migrations (a newer naturplan's is kept).
    notices
        What was stored with a value of the wrong kind (read as the default).
    """

    plan: Mapping[str, Any] | None = None
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    map_texts: MapTexts | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    version: int = SETTINGS_VERSION
    notices: tuple[Notice, ...] = field(default=(), compare=False)

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any] | None) -> ProjectSettings:
        """The settings a store holds (:meth:`SettingsStore.settings`), migrated; never
        raises for what is stored."""
        raw = migrated(stored or {})
        notices: list[Notice] = []
        if stored and VERSION_KEY in stored and not _is_version(stored[VERSION_KEY]):
            notices.append(_ignored(VERSION_KEY, stored[VERSION_KEY]))  # read as version 1
        plan = _checked(raw, PLAN_KEY, _plan, None, notices)
        analysis = _checked(raw, SETTINGS_KEY, _analysis, AnalysisSettings(), notices)
        texts = _checked(raw, TEXTS_KEY, _texts, None, notices)
        known = {PLAN_KEY, SETTINGS_KEY, TEXTS_KEY, VERSION_KEY, *RESERVED}
        extra = {k: v for k, v in raw.items() if k not in known}
        return cls(plan, analysis, texts, extra, stored_version(raw), tuple(notices))

    def as_stored(self) -> dict[str, Any]:
        """The keys and JSON values to store (``analysis`` always written out in full)."""
        out: dict[str, Any] = {**self.extra, VERSION_KEY: self.version,
                               SETTINGS_KEY: self.analysis.as_dict()}
        if self.plan is not None:
            out[PLAN_KEY] = dict(self.plan)
        if self.map_texts is not None:
            out[TEXTS_KEY] = self.map_texts.as_dict()
        return out


# --- versions ---------------------------------------------------------------------------------


def stored_version(stored: Mapping[str, Any]) -> int:
    """The layout version of *stored* (1 without :data:`VERSION_KEY` or with nonsense in it)."""
    value: Any = stored.get(VERSION_KEY)
    return int(value) if _is_version(value) else 1


def _is_version(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _v1_to_v2(stored: dict[str, Any]) -> dict[str, Any]:
    """Write a readable ``analysis`` record out in full (its defaults made explicit)."""
    record = stored.get(SETTINGS_KEY)
    if isinstance(record, Mapping):
        try:
            stored[SETTINGS_KEY] = _analysis(record).as_dict()
        except (TypeError, ValueError, SettingsValueError):
            pass  # read as the default, with a notice (from_stored); the stored value stays
    return stored


#: version → the migration from it to the next (each a pure dict → dict).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrated(stored: Mapping[str, Any]) -> dict[str, Any]:
    """*stored* brought up to :data:`SETTINGS_VERSION` (a newer layout is left as it is)."""
    out = dict(stored)
    version = stored_version(out)
    while version < SETTINGS_VERSION:
        out = MIGRATIONS[version](out)
        version += 1
        out[VERSION_KEY] = version
    return out


# --- the typed values -------------------------------------------------------------------------


def _checked(raw: Mapping[str, Any], key: str, parse: Callable[[Any], Any], default: Any,
             notices: list[Notice]) -> Any:
    """*parse* of the stored value of *key*; the default (and a notice naming the value of
    the wrong kind) if it has one; the default alone if it is missing or null."""
    value = raw.get(key)
    if value is None:
        return default
    try:
        return parse(value)
    except SettingsValueError as wrong:
        notices.append(_ignored(wrong.params["where"], wrong.params["value"]))
    except (TypeError, ValueError, KeyError):
        notices.append(_ignored(key, value))
    return default


def _ignored(key: str, value: Any) -> Notice:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return Notice(SETTING_IGNORED, IGNORED_TEMPLATE, {"id": key, "value": shown})


def _plan(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(PLAN_KEY)
    return dict(value)


def _analysis(value: Any) -> AnalysisSettings:
    """The analysis settings of a stored record; TypeError/SettingsValueError for the wrong kind."""
    if not isinstance(value, Mapping):
        raise TypeError(SETTINGS_KEY)
    factors = value.get("factors") or DEFAULT_TABLE
    recorded = value.get("recorded") or None
    forest_type = value.get("forest_type") or None
    connectivity = value.get("connectivity") or {}
    for name, item, kind in (("factors", factors, str), ("forest_type", forest_type, str | None),
                             ("recorded", recorded, Mapping | None),
                             ("connectivity", connectivity, Mapping)):
        if not isinstance(item, kind):
            raise SettingsValueError(where=f"{SETTINGS_KEY}.{name}", value=item)
    for name in (f.name for f in fields(ConnectivityParams)):
        number = connectivity.get(name)
        if number is None:
            continue
        try:  # the parameter's own rules (ConnectivityParams), one parameter at a time
            if isinstance(number, bool) or not math.isfinite(number):
                raise ValueError(name)
            ConnectivityParams(**{name: float(number)})
        except (TypeError, ValueError):
            raise SettingsValueError(where=f"{SETTINGS_KEY}.connectivity.{name}",
                                     value=number) from None
    params = ConnectivityParams.from_mapping(connectivity)
    return AnalysisSettings(factors, dict(recorded) if recorded else None, forest_type, params)


def _texts(value: Any) -> MapTexts:
    if not isinstance(value, Mapping):
        raise TypeError(TEXTS_KEY)
    title, subtitle = value.get("title") or "", value.get("subtitle") or ""
    if not isinstance(title, str) or not isinstance(subtitle, str):
        raise TypeError(TEXTS_KEY)
    return MapTexts(title, subtitle)


# --- reading and writing a store ----------------------------------------------------------------


def read_settings(store: SettingsStore | Mapping[str, Any] | None) -> ProjectSettings:
    """The typed settings of *store* (or of its stored mapping; None: the defaults); values
    of the wrong kind are announced as notices (``naturplan.io.project.rows.left_out``)."""
    from naturplan.io.project import rows

    stored = store.settings() if isinstance(store, SettingsStore) else store
    settings = ProjectSettings.from_stored(stored)
    rows.announce(list(settings.notices))
    return settings


def settings_notices(store: object) -> tuple[Notice, ...]:
    """The notices of *store*'s settings of the wrong kind, for a window opening the project
    (nothing for a store without settings or one that cannot be read just now)."""
    if not isinstance(store, SettingsStore):
        return ()
    try:
        return ProjectSettings.from_stored(store.settings()).notices
    except NaturplanError:
        return ()


def write_settings(store: SettingsStore, **changes: Any) -> bool:
    """Change the fields *changes* of *store*'s settings (e.g. ``map_texts=MapTexts(…)``).

    Writes, in one audited :meth:`SettingsStore.set_settings`, the keys whose values change
    and those the migrations changed (with :data:`VERSION_KEY`); nothing when nothing
    changes. Returns True if something was written.

    Raises
    ------
    StoreError
        If the store cannot be written.
    """
    stored = store.settings()
    before = ProjectSettings.from_stored(stored)
    after = replace(before, **changes)
    old, new = before.as_stored(), after.as_stored()
    changed = {k: v for k, v in new.items() if old.get(k) != v}
    if not changed:
        return False
    current = migrated(stored)
    moved = {k: v for k, v in current.items()
             if k not in RESERVED and (k not in stored or stored[k] != v)}
    store.set_settings({**moved, **changed})
    return True
