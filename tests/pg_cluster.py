"""A real PostgreSQL + PostGIS server for the team-project tests (issue 13).

``.ci/run`` starts a throw-away cluster with ``.ci/pg-cluster`` and exports
``NATURPLAN_TEST_PG`` (a connection string without a password) and ``PGPASSFILE``. Without
them, on a developer machine that has PostgreSQL and PostGIS installed, the session starts its
own cluster the same way and stops it at the end. Without PostgreSQL the tests skip and say
why; in CI (``CI=true``) they never skip: a missing server fails them.

Each test gets its own new database (``pg_project``), created from a template that already
has PostGIS, and dropped afterwards.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / ".ci" / "pg-cluster"
TEMPLATE = "naturplan_test_template"
#: The advisory lock held while the template is made (any fixed number).
TEMPLATE_LOCK = 210_521


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
    pytest.skip(f"no PostgreSQL + PostGIS here ({reason}); see .ci/pg-cluster")


def _start_own(folder: Path) -> dict[str, str]:
    done = subprocess.run(["bash", str(SCRIPT), "start", str(folder)], capture_output=True,
                          text=True, timeout=120)
    if done.returncode != 0:
        _unavailable(done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                     else f"pg-cluster exit {done.returncode}")
    env = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition("=")
        env[key] = shlex.split(value)[0]
    return env


def with_dbname(conninfo: str, dbname: str) -> str:
    """*conninfo* (key=value form) pointing at another database."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(conninfo)
    params["dbname"] = dbname
    return make_conninfo("", **{k: str(v) for k, v in params.items()})


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The maintenance connection string of a running server with PostGIS available."""
    try:
        import psycopg
    except ImportError:
        _unavailable("psycopg is not installed")
    conninfo = os.environ.get("NATURPLAN_TEST_PG")
    own: Path | None = None
    if not conninfo:
        own = Path(tempfile.mkdtemp(prefix="naturplan-pg-"))
        env = _start_own(own)
        conninfo = env["NATURPLAN_TEST_PG"]
        os.environ["PGPASSFILE"] = env["PGPASSFILE"]
    try:
        try:
            conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            _unavailable(f"cannot connect to {conninfo}: {exc}")
        with conn:
            if not conn.execute(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
            ).fetchone():
                _unavailable("the PostGIS extension is not installed on the server")
            # pytest-xdist's workers share the server: one makes the template while the others
            # wait (a database cannot be copied while a session is connected to it).
            conn.execute("SELECT pg_advisory_lock(%s)", (TEMPLATE_LOCK,))
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                (TEMPLATE,)).fetchone():
                conn.execute(f"CREATE DATABASE {TEMPLATE}")
                with psycopg.connect(with_dbname(conninfo, TEMPLATE), autocommit=True) as t:
                    t.execute("CREATE EXTENSION postgis")
            conn.execute("SELECT pg_advisory_unlock(%s)", (TEMPLATE_LOCK,))
        yield conninfo
    finally:
        if own is not None:
            subprocess.run(["bash", str(SCRIPT), "stop", str(own)], capture_output=True,
                           timeout=120)


def create_database(server: str, template: str = TEMPLATE) -> str:
    """A new empty database (from *template*); returns its connection string."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    return with_dbname(server, name)


def drop_database(server: str, conninfo: str) -> None:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    name = conninfo_to_dict(conninfo)["dbname"]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture()
def pg_project(pg_server: str) -> Iterator[str]:
    """The connection string of a new, empty database with PostGIS, dropped after the test."""
    conninfo = create_database(pg_server)
    yield conninfo
    drop_database(pg_server, conninfo)
