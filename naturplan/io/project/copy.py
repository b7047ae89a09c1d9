"""Move a plan between a GeoPackage file and a PostGIS database, both ways, losslessly.

``naturplan project copy SRC DST`` and the app's *Save As* call :func:`copy_project`. What is
copied, verbatim: every candidate with its id, fields, version, stamps and geometry (the same
coordinates, so the same bytes in either store), the whole audit trail (who, when, what, in
order), every project setting (key → JSON value, whatever other parts of naturplan keep
there), and every scenario with its id, name, description, candidate list (in order), version
and stamps. The copy holds no record of where it came from: a connection string may carry a
password, and nothing about the source is written.

The destination is written all or nothing: a file is built under a temporary name and renamed
into place; a database is filled in one transaction. A destination that already holds a plan
(any candidate, scenario, audit entry or setting beyond a new project's) is refused unless
``overwrite`` is given. After writing, the destination is read back and compared with the
source; any difference is an error (and nothing is left half-written in a file).
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from naturplan.core import jsontext
from naturplan.core.errors import ProjectNotEmptyError, StoreFullError, StoreReadOnlyError
from naturplan.core.feedback import Feedback
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io import verify
from naturplan.io.atomic import write_file
from naturplan.io.project.open import (
    ProjectName,
    is_database,
    open_store,
    project_label,
    require_project,
)
from naturplan.io.project.store import AuditRow, StoreError

_RESERVED = ("application", "schema_version")


@dataclass(frozen=True)
class ProjectContents:
    """Everything a plan holds, as read through the store interface."""

    candidates: tuple[Candidate, ...]
    audit: tuple[AuditRow, ...]
    settings: dict[str, Any]
    scenarios: tuple[Scenario, ...] = ()

    @property
    def empty(self) -> bool:
        """True for a new project: no candidates, scenarios or settings, only the creation
        audit row."""
        user_settings = set(self.settings) - set(_RESERVED)
        history = [r for r in self.audit if r.action != "create"]
        return not (self.candidates or self.scenarios or user_settings or history)


@dataclass(frozen=True)
class CopyReport:
    """What :func:`copy_project` copied (``source``/``destination`` without passwords)."""

    source: str
    destination: str
    candidates: int
    audit_rows: int
    settings: int
    replaced: bool
    scenarios: int = 0


def read_contents(store: Any) -> ProjectContents:
    """The whole content of an open store.

    Raises
    ------
    StoreError
        If the store left out a candidate another program wrote unusable
        (:mod:`naturplan.io.project.rows`): a copy without it would not be the whole plan.
    """
    candidates = tuple(store.candidates())
    left_out = getattr(store, "left_out", ())
    if left_out:
        raise StoreError(
            "Candidate area {id} was written by another program in a form naturplan cannot"
            " use, so the plan cannot be copied whole; correct it in that program first.",
            id=str(left_out[0].params.get("id", "")))
    return ProjectContents(
        candidates, tuple(store.audit()), dict(store.settings()), tuple(store.scenarios()),
    )


def copy_project(
    source: ProjectName,
    destination: ProjectName,
    *,
    overwrite: bool = False,
    feedback: Feedback | None = None,
) -> CopyReport:
    """Copy the plan in *source* to *destination* (files or connection strings).

    Parameters
    ----------
    overwrite
        Replace a destination that already holds a plan.
    feedback
        Progress and cancel; cancelling leaves the destination as it was.

    Raises
    ------
    ProjectNotEmptyError
        If the destination holds a plan and *overwrite* is not given.
    StoreError
        If the source does not exist, source and destination are the same, or the copy read
        back differs.
    NotAProjectError
        If the source, or an existing destination file, is not a naturplan project.
    OperationCancelled
        If cancelled through *feedback*.
    """
    feedback = feedback or Feedback()
    src_label, dst_label = project_label(source), project_label(destination)
    if _same(source, destination):
        raise StoreError("Source and destination are the same project: {project}",
                         project=src_label)
    require_project(source)
    feedback.report(0.05, src_label)
    with open_store(source, create=False, readonly=True) as store:
        contents = _as_written(read_contents(store))
    feedback.check()
    feedback.report(0.4, dst_label)
    if is_database(destination):
        replaced = _to_database(contents, os.fspath(destination), dst_label, overwrite,
                                feedback)
    else:
        replaced = _to_file(contents, Path(destination), dst_label, overwrite, feedback)
    feedback.report(1.0, dst_label)
    return CopyReport(src_label, dst_label, len(contents.candidates), len(contents.audit),
                      len(set(contents.settings) - set(_RESERVED)), replaced,
                      len(contents.scenarios))


def _as_written(contents: ProjectContents) -> ProjectContents:
    """*contents* with the audit details and settings as any store writes them: an older
    project may hold ``Infinity`` (an "inf ha" import before issue 18), which is not JSON
    and which ``jsontext`` writes as null with the reason; the copy is compared with this."""
    def written(value: Any) -> Any:
        return json.loads(jsontext.dumps(value))

    audit = tuple(dataclasses.replace(r, details=written(r.details)) for r in contents.audit)
    settings = {key: written(value) for key, value in contents.settings.items()}
    return dataclasses.replace(contents, audit=audit, settings=settings)


def _same(a: ProjectName, b: ProjectName) -> bool:
    if is_database(a) or is_database(b):
        return is_database(a) and is_database(b) and project_label(a) == project_label(b)
    return Path(a).resolve() == Path(b).resolve()


def _refuse_unless(overwrite: bool, existing: ProjectContents, label: str) -> bool:
    if existing.empty:
        return False
    if not overwrite:
        raise ProjectNotEmptyError(
            "{project} already holds a plan ({n} candidate areas); nothing was copied."
            " Copy to a new project, or replace it on purpose.",
            project=label, n=len(existing.candidates),
        )
    return True


def _to_database(contents: ProjectContents, conninfo: str, label: str, overwrite: bool,
                 feedback: Feedback) -> bool:
    with open_store(conninfo, create=True) as store:
        replaced = _refuse_unless(overwrite, read_contents(store), label)
        feedback.check()
        with store.transaction():
            store.replace_contents(contents.candidates, contents.audit, contents.settings,
                                   contents.scenarios)
            _verify(contents, read_contents(store), label)  # inside: a difference rolls back
    return replaced


def _to_file(contents: ProjectContents, path: Path, label: str, overwrite: bool,
             feedback: Feedback) -> bool:
    replaced = False
    if path.exists():
        with open_store(path, create=False, readonly=True) as existing:  # a project at all?
            replaced = _refuse_unless(overwrite, read_contents(existing), label)
    def write(part: Path) -> None:
        try:
            with open_store(part, create=True) as store:
                feedback.check()
                store.replace_contents(contents.candidates, contents.audit, contents.settings,
                                       contents.scenarios)
                _verify(contents, read_contents(store), label)
        except StoreFullError:  # said of the destination, not of its .part
            raise OSError(errno.ENOSPC, "disk full") from None
        except StoreReadOnlyError:
            raise OSError(errno.EACCES, "read-only") from None
        feedback.check()

    # the copy is checked field by field above, and as a whole file here (every page of it
    # readable, every candidate there) before it takes the destination's name
    write_file(path, write, verify.sqlite_database("SELECT count(*) FROM candidates",
                                                   len(contents.candidates)), keep_suffix=True,
               sidecars=tuple(path.suffix + j for j in ("-journal", "-wal")) if path.suffix
               else ())
    return replaced


def _verify(expected: ProjectContents, got: ProjectContents, label: str) -> None:
    """Compare field by field (geometries exactly, coordinate for coordinate)."""
    same = (
        len(expected.candidates) == len(got.candidates)
        and all(_identical(a, b) for a, b in zip(
            sorted(expected.candidates, key=lambda c: c.id),
            sorted(got.candidates, key=lambda c: c.id), strict=True))
        and expected.audit == got.audit
        and {k: v for k, v in expected.settings.items() if k not in _RESERVED}
        == {k: v for k, v in got.settings.items() if k not in _RESERVED}
        and sorted(expected.scenarios, key=lambda s: s.id)
        == sorted(got.scenarios, key=lambda s: s.id)  # every field, the id lists in order
    )
    if not same:
        raise StoreError("The copy in {project} differs from its source; nothing was kept.",
                         project=label)


def _identical(a: Candidate, b: Candidate) -> bool:
    return (
        a.same_content(b)  # the fields a planner edits, geometry coordinate for coordinate
        and (a.id, a.version, a.created, a.modified, a.author, a.modified_by)
        == (b.id, b.version, b.created, b.modified, b.author, b.modified_by)
    )
