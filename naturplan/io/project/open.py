"""One place that turns a project name into a store: a GeoPackage file or a PostGIS database.

Wherever a project is named (``--project`` on every command, the app's Open and New), the name
is either a file path (``plan.gpkg``) or a libpq connection string (``postgresql://host/db``,
``service=naturplan``): :func:`open_store` picks the store. Names shown to people go through
:func:`project_label`, which never shows a password.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a store is opened: ``naturplan --help`` needs none of it
    from naturplan.core.plan.plan import CandidatePlan

ProjectName = str | os.PathLike[str]


def is_database(project: ProjectName) -> bool:
    """True if *project* is a PostgreSQL connection string (not a file path)."""
    text = os.fspath(project)
    if isinstance(project, Path) or ("://" not in text and "=" not in text):
        return False  # a plain path: no need to import the database driver (psycopg)
    from naturplan.io.project.postgis_schema import is_conninfo

    return is_conninfo(text)


def project_label(project: ProjectName) -> str:
    """*project* as shown to people: a path, or a connection string without a password."""
    if is_database(project):
        from naturplan.io.project.dbaddress import redact

        return redact(os.fspath(project))
    return os.fspath(project)


def project_arg(text: str) -> str | Path:
    """``--project`` of every command: a connection string stays text, else a Path."""
    return text.strip() if is_database(text) else Path(text)


def open_store(
    project: ProjectName,
    author: str | None = None,
    *,
    create: bool = True,
    readonly: bool = False,
) -> Any:
    """The store for *project*: :class:`GeoPackageStore` for a file, :class:`PostGISStore`
    for a connection string. Same arguments and errors as either store's constructor.

    Returns
    -------
    CandidateStore
        Open; close it (or use it as a context manager).
    """
    if is_database(project):
        from naturplan.io.project.postgis_store import PostGISStore

        return PostGISStore(os.fspath(project), author, create=create, readonly=readonly)
    from naturplan.io.project.gpkg_store import GeoPackageStore

    return GeoPackageStore(project, author, create=create, readonly=readonly)


def open_plan(
    project: ProjectName,
    author: str | None = None,
    *,
    create: bool = True,
    readonly: bool = False,
) -> tuple[Any, CandidatePlan]:
    """Open the store for *project* (:func:`open_store`) and its :class:`CandidatePlan`.

    If reading the candidates fails, the store is closed again before the error is raised:
    nothing stays open on a project that could not be opened.

    Raises
    ------
    StoreError
        As :func:`open_store`, or if a stored candidate cannot be read.
    """
    from naturplan.core.plan.plan import CandidatePlan

    store = open_store(project, author, create=create, readonly=readonly)
    try:
        return store, CandidatePlan(store)
    except BaseException:
        store.close()
        raise


def project_exists(project: ProjectName) -> bool:
    """True if *project* is an existing file, or a database that holds a naturplan project.

    Raises
    ------
    StoreError
        If the database cannot be reached.
    """
    if not is_database(project):
        return Path(project).exists()
    from naturplan.io.project.postgis_schema import applied_migrations, connect

    conn = connect(os.fspath(project), readonly=True)
    try:
        return applied_migrations(conn) > 0
    finally:
        conn.close()


def require_project(project: ProjectName) -> None:
    """Check that *project* exists before anything is read or measured.

    Raises
    ------
    ProjectNotFoundError
        If it does not (:func:`~naturplan.io.project.store.project_not_found`: the one
        wording for a file and the one for a database, wherever a project is named).
    StoreError
        If the database cannot be reached.
    """
    if not project_exists(project):
        from naturplan.io.project.store import project_not_found

        raise project_not_found(project_label(project), database=is_database(project))


def __getattr__(name: str) -> Any:
    """``CandidateStore``, re-exported here, imported only when asked for."""
    if name == "CandidateStore":
        from naturplan.io.project.store import CandidateStore

        return CandidateStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["is_database", "open_plan", "open_store", "project_arg",
           "project_exists", "project_label", "require_project"]
