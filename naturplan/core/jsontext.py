"""JSON as the program writes it: always valid, never ``NaN`` or ``Infinity``.

Python's :func:`json.dumps` writes a non-finite float as ``NaN``/``Infinity``, which is not
JSON: ``jq``, PostgreSQL's ``jsonb`` and JavaScript's ``JSON.parse`` refuse it (an audit row
with ``Infinity`` broke ``project copy`` to PostGIS). Every JSON text naturplan writes (the
CLI's ``--json`` documents, audit rows, settings, scenario lists, manifests, web map data)
goes through :func:`dumps`: a number that is not finite becomes ``null``, and a document (a
JSON object) says where and why under :data:`NON_FINITE_KEY`, as the design asks of every
number that was not measured ("empty, with the reason", never a made-up value).
``tests/core/test_hostile_geometry.py`` checks that no other module calls ``json.dumps``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

#: The key of a document's note on the numbers that were not finite.
NON_FINITE_KEY = "non_finite"
#: The reason given there (English; a machine-readable document, like the codes).
NON_FINITE_REASON = "not a finite number (NaN or infinite); written as null"


def finite(value: Any) -> tuple[Any, list[str]]:
    """*value* with every non-finite float replaced by None, and where that was done.

    numpy scalars become Python numbers on the way (``np.float32``, ``np.int64`` and
    ``np.bool_`` are not JSON-serialisable as they are). Tuples become lists.

    Returns
    -------
    value, paths
        The cleaned copy, and the JSON paths of the replaced numbers (``$.a[2].b``).
    """
    paths: list[str] = []
    return _clean(value, "$", paths), paths


def _clean(value: Any, path: str, paths: list[str]) -> Any:
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, bool | int | str) or value is None:
            return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        paths.append(path)
        return None
    if isinstance(value, Mapping):
        return {k: _clean(v, f"{path}.{k}", paths) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v, f"{path}[{i}]", paths) for i, v in enumerate(value)]
    return value


def dumps(value: Any, *, note: bool = True, **kwargs: Any) -> str:
    """*value* as JSON text that is valid JSON (``allow_nan=False``), not ASCII-escaped.

    Parameters
    ----------
    value
        Anything :func:`json.dumps` takes, numpy scalars too.
    note
        Add :data:`NON_FINITE_KEY` (the paths and the reason) to an object that had
        non-finite numbers. Off for a value whose keys are fixed by a schema.
    **kwargs
        Passed on to :func:`json.dumps` (``indent``, ``separators``, ``sort_keys``).

    Raises
    ------
    TypeError
        If *value* holds something JSON cannot write (as :func:`json.dumps`).
    """
    clean, paths = finite(value)
    if paths and note and isinstance(clean, dict):
        clean[NON_FINITE_KEY] = {"paths": paths, "reason": NON_FINITE_REASON}
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(clean, allow_nan=False, **kwargs)
