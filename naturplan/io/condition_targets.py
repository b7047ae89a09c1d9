"""Targets for the share of §3 nature in good condition, read from a TOML file (issue 25).

The shipped file is ``resources/targets/condition.toml`` (an example without an official
source: the user sets the municipality's own); another file is given by path. Each
``[[target]]`` has ``key``, ``name``, ``share`` (0..1) and ``source``, optionally ``year``.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from naturplan.core.errors import ConditionTargetError
from naturplan.core.share.condition import ConditionTarget
from naturplan.io.paths import resource

DEFAULT_FILE = ("targets", "condition.toml")


def load_condition_targets(path: str | Path | None = None) -> tuple[ConditionTarget, ...]:
    """The targets of the file *path* (None: the shipped file).

    Raises
    ------
    ConditionTargetError
        If the file is missing, not TOML, or a target lacks a name, a share in 0..1 or a
        source.
    """
    file = Path(path) if path is not None else resource(*DEFAULT_FILE)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConditionTargetError("No condition target file {path}.", path=str(file)) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConditionTargetError("The condition target file {path} cannot be read "
                                   "({reason}).", path=str(file), reason=str(exc)) from None
    entries = data.get("target", [])
    if not isinstance(entries, list):
        raise ConditionTargetError("The condition target file {path} has no [[target]] "
                                   "entries.", path=str(file))
    return tuple(_target(entry, file) for entry in entries)


def _target(entry: Any, file: Path) -> ConditionTarget:
    share = entry.get("share") if isinstance(entry, dict) else None
    name = entry.get("name") if isinstance(entry, dict) else None
    source = entry.get("source") if isinstance(entry, dict) else None
    ok = (isinstance(share, int | float) and not isinstance(share, bool)
          and math.isfinite(share) and 0 <= share <= 1
          and isinstance(name, str) and name.strip() and isinstance(source, str)
          and source.strip())
    if not ok:
        raise ConditionTargetError("A target in {path} needs a name, a share between 0 and 1 "
                                   "and its source.", path=str(file))
    assert isinstance(entry, dict) and isinstance(name, str) and isinstance(source, str)
    year = entry.get("year")
    return ConditionTarget(str(entry.get("key") or name), name, float(share), source,
                           year if isinstance(year, int) and not isinstance(year, bool)
                           else None)
