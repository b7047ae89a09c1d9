"""The PostGIS project schema: connecting, the numbered migrations, checking a database.

A team project is one PostgreSQL database with PostGIS; naturplan's tables live in the schema
``naturplan`` (kept apart from ``public``, where PostGIS puts its own objects):

- ``candidates``: the candidate areas, ``geom geometry(MultiPolygon, 25832)`` with a GiST index,
  the same fields as the GeoPackage project (``id`` UUID text, unique; ``version`` for
  optimistic locking). ``created``/``modified`` are kept as the same UTC ISO text the
  GeoPackage holds, so that a copy between the two is lossless.
- ``audit``: who, when (UTC ISO text), action, candidate id, details (``json``: the text is
  kept as written, so a copy gives the same bytes back).
- ``settings``: key → ``json`` value, including ``application`` and ``schema_version``.
- ``scenarios`` (migration 3): named sets of candidates, the same fields as the GeoPackage's
  (``candidate_ids`` a ``text[]`` in the planner's order), a unique index on ``lower(name)``.
- outside edits (migration 4): triggers bump a candidate's version and audit the change when a
  client other than naturplan writes it (:mod:`naturplan.io.project.postgis_outside`).
- ``schema_migrations``: one row per migration applied (number, what, when, by whom).

The store creates and upgrades the schema itself: on open, every migration newer than the
database's is applied, in order, each in its own transaction, under an advisory lock so that
two planners opening an old plan at once do not both upgrade it. A database upgraded by a newer
naturplan (a migration number this one does not know) is refused with a message.

Credentials never pass through here: a connection string names the server and the database
(``postgresql://host/db`` or ``service=naturplan``); libpq finds the password in the password
file (``~/.pgpass``), the service file or the environment (README, "Team projects").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core import jsontext
from naturplan.core.layers.roles import WORKING_EPSG
from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import Candidate, CandidateKind, utc_now
from naturplan.io.project import postgis_outside
from naturplan.io.project import rows as rows_
from naturplan.io.project.dbaddress import check_ports, has_secret, redact
from naturplan.io.project.store import (
    SCHEMA_VERSION,
    NotAProjectError,
    StoreBusyError,
    StoreError,
    unreadable_error,
)

#: The schema that holds naturplan's tables in the database.
SCHEMA = "naturplan"
#: The LISTEN/NOTIFY channel on which every committed candidate change is announced.
CHANNEL = "naturplan_candidates"
#: The channel on which every committed scenario change is announced (migration 3).
SCENARIO_CHANNEL = "naturplan_scenarios"
APPLICATION = "naturplan"
_CONNECT_TIMEOUT_S = 10
#: A write waits at most this long for a row another planner's transaction holds.
LOCK_TIMEOUT_MS = 10_000
_MIGRATION_LOCK = 0x6E61747572  # pg_advisory_xact_lock key ('natur')


# --- connection strings --------------------------------------------------------------------


def is_conninfo(project: object) -> bool:
    """True if *project* names a PostgreSQL database rather than a project file.

    A URL (``postgresql://…``, ``postgres://…``) or a libpq ``key=value`` string
    (``service=naturplan``, ``host=db dbname=plan``).
    """
    text = str(project).strip()
    if text.startswith(("postgresql://", "postgres://")):
        return True
    first = text.split(None, 1)[0] if text else ""
    key, sep, _ = first.partition("=")
    return bool(sep) and key in _CONNINFO_KEYS


_CONNINFO_KEYS = frozenset(
    {"service", "host", "hostaddr", "port", "dbname", "user", "sslmode", "passfile",
     "application_name", "options", "connect_timeout", "target_session_attrs"}
)


def has_password(conninfo: str) -> bool:
    """True if *conninfo* itself carries a password (it is used, never stored)."""
    return has_secret(conninfo)


def connect(conninfo: str, readonly: bool = False) -> psycopg.Connection[Any]:
    """An autocommit connection to the project database (transactions are explicit).

    Raises
    ------
    StoreError
        If the server cannot be reached or refuses the login; the message names the database
        without a password.
    """
    check_ports(conninfo)
    try:
        conn = psycopg.connect(
            conninfo, autocommit=True, connect_timeout=_CONNECT_TIMEOUT_S,
            application_name=APPLICATION,
        )
    except psycopg.Error as exc:
        raise StoreError(
            "Cannot connect to the project database {where}: {reason}",
            where=redact(conninfo), reason=first_line(exc),
        ) from None
    conn.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
    conn.execute(postgis_outside.MARK_SESSION)  # the outside-edit triggers stay quiet
    conn.execute("SET TIME ZONE 'UTC'")
    if readonly:
        conn.read_only = True
    return conn


def first_line(exc: BaseException) -> str:
    """The first line of a driver's message (libpq adds hints and context lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# --- migrations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """One numbered step of the schema: applied once, in order, in one transaction."""

    number: int
    description: str
    statements: tuple[str, ...]
    #: The project schema version (settings["schema_version"]) after this step, if it changes.
    schema_version: int | None = None


_S = SCHEMA
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "candidates, audit and settings", (
        f"CREATE TABLE {_S}.candidates (fid bigserial PRIMARY KEY,"
        " id text NOT NULL UNIQUE,"
        " kind text NOT NULL CHECK (kind IN ('lowland', 'afforestation', 'connectivity')),"
        " name text NOT NULL DEFAULT '',"
        " status text NOT NULL CHECK (status IN ('idea', 'proposed', 'adopted', 'rejected')),"
        " note text NOT NULL DEFAULT '', counts_toward_target boolean NOT NULL,"
        " created text NOT NULL, modified text NOT NULL,"
        " author text NOT NULL DEFAULT '', modified_by text NOT NULL DEFAULT '',"
        " version integer NOT NULL CHECK (version > 0),"
        f" geom geometry(MultiPolygon, {WORKING_EPSG}) NOT NULL)",
        f"CREATE INDEX candidates_geom ON {_S}.candidates USING gist (geom)",
        f"CREATE TABLE {_S}.audit (fid bigserial PRIMARY KEY, at text NOT NULL,"
        " who text NOT NULL DEFAULT '', action text NOT NULL,"
        " candidate_id text NOT NULL DEFAULT '', details json NOT NULL)",
        f"CREATE INDEX audit_candidate ON {_S}.audit (candidate_id)",
        f"CREATE TABLE {_S}.settings (key text PRIMARY KEY, value json NOT NULL)",
        f"INSERT INTO {_S}.settings (key, value) VALUES"
        f" ('application', '\"{APPLICATION}\"'), ('schema_version', '1')",
    ), schema_version=1),
    Migration(2, "announce committed candidate changes (LISTEN/NOTIFY)", (
        f"CREATE FUNCTION {_S}.announce_change() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN"
        f" PERFORM pg_notify('{CHANNEL}', json_build_object("
        "'op', TG_OP, 'id', COALESCE(NEW.id, OLD.id), 'version', NEW.version,"
        " 'by', COALESCE(NEW.modified_by, ''))::text);"
        " RETURN NULL;"
        " END $$",
        f"CREATE TRIGGER candidates_announce AFTER INSERT OR UPDATE OR DELETE"
        f" ON {_S}.candidates FOR EACH ROW EXECUTE FUNCTION {_S}.announce_change()",
    )),
    Migration(3, "scenarios: named sets of candidates, announced (LISTEN/NOTIFY)", (
        f"CREATE TABLE {_S}.scenarios (fid bigserial PRIMARY KEY,"
        " id text NOT NULL UNIQUE, name text NOT NULL CHECK (btrim(name) <> ''),"
        " description text NOT NULL DEFAULT '', candidate_ids text[] NOT NULL DEFAULT '{}',"
        " created text NOT NULL, modified text NOT NULL,"
        " author text NOT NULL DEFAULT '', modified_by text NOT NULL DEFAULT '',"
        " version integer NOT NULL CHECK (version > 0))",
        # Two planners naming two scenarios alike at once: the second write meets the index.
        f"CREATE UNIQUE INDEX scenarios_name ON {_S}.scenarios (lower(name))",
        f"CREATE FUNCTION {_S}.announce_scenario_change() RETURNS trigger LANGUAGE plpgsql"
        " AS $$ BEGIN"
        f" PERFORM pg_notify('{SCENARIO_CHANNEL}', json_build_object("
        "'op', TG_OP, 'id', COALESCE(NEW.id, OLD.id), 'version', NEW.version,"
        " 'by', COALESCE(NEW.modified_by, ''))::text);"
        " RETURN NULL;"
        " END $$",
        f"CREATE TRIGGER scenarios_announce AFTER INSERT OR UPDATE OR DELETE"
        f" ON {_S}.scenarios FOR EACH ROW EXECUTE FUNCTION {_S}.announce_scenario_change()",
    )),
    Migration(4, "another client's candidate edits: version bump and audit (anden klient)",
              postgis_outside.migration_statements(_S)),
    Migration(5, "the restore kind (genopretning, issue 25)", (
        f"ALTER TABLE {_S}.candidates DROP CONSTRAINT IF EXISTS candidates_kind_check",
        f"ALTER TABLE {_S}.candidates ADD CONSTRAINT candidates_kind_check CHECK (kind IN ("
        + ", ".join(f"'{k.value}'" for k in CandidateKind) + "))",
    )),
)

#: The newest migration this naturplan knows.
LATEST = MIGRATIONS[-1].number


def applied_migrations(conn: psycopg.Connection[Any]) -> int:
    """The number of the newest migration applied to the database (0: not a project yet)."""
    row = conn.execute(
        "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.schema_migrations",)
    ).fetchone()
    if not row or not row[0]:
        return 0
    row = conn.execute(f"SELECT max(version) FROM {SCHEMA}.schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def prepare(conn: psycopg.Connection[Any], where: str, *, create: bool,
            readonly: bool, author: str = "", upto: int = LATEST) -> int:
    """Check the database is a naturplan project and bring its schema up to date.

    Parameters
    ----------
    where
        The redacted connection string, for messages.
    create
        Make a new project (PostGIS, the schema and its tables) in a database that has none.
    readonly
        Never write: an older schema is read as it is.
    author
        Named in the audit row that records a new project's creation.
    upto
        Apply migrations up to this number only (tests build an "older plan" with it).

    Returns
    -------
    int
        The newest migration now applied.

    Raises
    ------
    NotAProjectError
        If the database holds no naturplan project and *create* is False, or holds a
        ``naturplan`` schema that is not one.
    StoreError
        If the database was upgraded by a newer naturplan, or PostGIS is missing and cannot
        be installed with this login.
    """
    current = applied_migrations(conn)
    if current > LATEST:
        raise StoreError(
            "The project database {where} was upgraded by a newer naturplan (schema step"
            " {found}, this one knows {known}); update naturplan.",
            where=where, found=current, known=LATEST,
        )
    if current == 0 and (readonly or not create):
        raise NotAProjectError(
            "The database {where} holds no naturplan project.", where=where
        )
    if current >= upto or readonly:
        _check_application(conn, where)
        return current
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        current = applied_migrations(conn)  # someone may have upgraded it meanwhile
        if current == 0:
            _create_base(conn, where)
        for migration in MIGRATIONS:
            if current < migration.number <= upto:
                _apply(conn, migration)
        if current == 0:
            conn.execute(
                f"INSERT INTO {SCHEMA}.audit (at, who, action, details)"
                " VALUES (%s, %s, 'create', %s::json)",
                (utc_now(), author,
                 jsontext.dumps({"op": "create", "schema_version": SCHEMA_VERSION})),
            )
    _check_application(conn, where)
    return applied_migrations(conn)


def _create_base(conn: psycopg.Connection[Any], where: str) -> None:
    row = conn.execute(
        "SELECT to_regnamespace(%s) IS NOT NULL", (SCHEMA,)
    ).fetchone()
    if row and row[0]:
        raise NotAProjectError(
            "The database {where} has a schema 'naturplan' that is not a naturplan project.",
            where=where,
        )
    if not conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        try:
            with conn.transaction():
                conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except psycopg.Error as exc:
            raise StoreError(
                "PostGIS is not installed in the database {where} and this login may not"
                " install it ({reason}); ask the database administrator to run"
                " CREATE EXTENSION postgis there.",
                where=where, reason=first_line(exc),
            ) from None
    conn.execute(f"CREATE SCHEMA {SCHEMA}")
    conn.execute(
        f"CREATE TABLE {SCHEMA}.schema_migrations (version integer PRIMARY KEY,"
        " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),"
        " applied_by text NOT NULL DEFAULT current_user)"
    )


def _apply(conn: psycopg.Connection[Any], migration: Migration) -> None:
    for statement in migration.statements:
        conn.execute(statement)  # fixed DDL text, no values from outside
    if migration.schema_version is not None:
        conn.execute(
            f"UPDATE {SCHEMA}.settings SET value = %s::json WHERE key = 'schema_version'",
            (str(migration.schema_version),),
        )
    conn.execute(
        f"INSERT INTO {SCHEMA}.schema_migrations (version, description) VALUES (%s, %s)",
        (migration.number, migration.description),
    )


def _check_application(conn: psycopg.Connection[Any], where: str) -> None:
    row = conn.execute(
        f"SELECT value::text FROM {SCHEMA}.settings WHERE key = 'application'"
    ).fetchone()
    if not row or row[0] != f'"{APPLICATION}"':
        raise NotAProjectError(
            "The database {where} has a schema 'naturplan' that is not a naturplan project.",
            where=where,
        )


# --- rows and errors ------------------------------------------------------------------------

#: The candidates table's fields besides ``fid`` and ``geom``, in the order of every query.
CANDIDATE_FIELDS = (
    "id", "kind", "name", "status", "note", "counts_toward_target", "created", "modified",
    "author", "modified_by", "version",
)


def multipolygon_wkb(geom: BaseGeometry) -> bytes:
    """ISO WKB (little-endian, 2-D) of *geom* as a MultiPolygon (a Polygon becomes one part)."""
    if geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    return bytes(shapely.to_wkb(geom, output_dimension=2, byte_order=1, flavor="iso"))


def candidate_values(c: Candidate) -> tuple[Any, ...]:
    """The bound values of a candidate row (CANDIDATE_FIELDS, then the geometry's WKB)."""
    return (
        c.id, c.kind.value, c.name, c.status.value, c.note, bool(c.counts_toward_target),
        c.created, c.modified, c.author, c.modified_by, c.version, multipolygon_wkb(c.geometry),
    )


def read_rows(rows: Sequence[tuple[Any, ...]]) -> tuple[list[Candidate], list[Notice]]:
    """Candidates from rows of (WKB, *CANDIDATE_FIELDS*), each through
    :func:`naturplan.io.project.rows.read_candidate`; a one-part multipolygon comes back as a
    Polygon, as from the GeoPackage. A row another client wrote that is no usable candidate is
    left out and returned as a notice instead."""
    return rows_.split([
        rows_.read_candidate(dict(zip(CANDIDATE_FIELDS, row[1:], strict=True)),
                             functools.partial(_decode, row[0]))
        for row in rows])


def candidates_from_rows(rows: Sequence[tuple[Any, ...]], where: str) -> list[Candidate]:
    """:func:`read_rows` for rows an edit needs: an unreadable one is an error.

    Raises
    ------
    StoreError
        If a row is no usable candidate (written by another client).
    """
    out, notices = read_rows(rows)
    if notices:
        raise unreadable_error(str(notices[0].params.get("id", "")), where)
    return out


def _decode(wkb: Any) -> BaseGeometry:
    geom = shapely.from_wkb(bytes(wkb))
    if geom.geom_type == "MultiPolygon" and len(geom.geoms) == 1:
        return geom.geoms[0]
    return geom


#: What a write waited for when the lock timeout ran out, in the user's words (the
#: ``StoreBusyError`` template; its Danish is in ``team_da.ts``, context ``errors``).
BUSY_TEMPLATES = {
    "candidate": "Another planner's edit holds the candidate area in {where}; nothing was"
                 " written. Try again in a moment.",
    "scenario": "Another planner's edit holds the scenario in {where}; nothing was written."
                " Try again in a moment.",
    "settings": "Another planner's edit holds the project's settings in {where}; nothing was"
                " written. Try again in a moment.",
}


@contextmanager
def driver_errors(where: str, holds: str = "candidate") -> Iterator[None]:
    """Turn the driver's errors into the store's (a one-line message naming *where*, the
    redacted connection string; no traceback).

    Parameters
    ----------
    where
        The redacted connection string.
    holds
        What the statements inside lock (a key of :data:`BUSY_TEMPLATES`): a lock timeout
        says that another planner's edit holds it.
    """
    try:
        yield
    except psycopg.errors.LockNotAvailable:
        raise StoreBusyError(BUSY_TEMPLATES[holds], where=where) from None
    except psycopg.errors.ReadOnlySqlTransaction:
        raise StoreError("Project {where} is open read-only.", where=where) from None
    except psycopg.OperationalError as exc:
        raise StoreError(
            "Lost the connection to the project database {where}: {reason}",
            where=where, reason=first_line(exc),
        ) from None
    except psycopg.Error as exc:
        raise StoreError(
            "The project database {where} refused the change: {reason}",
            where=where, reason=first_line(exc),
        ) from None
