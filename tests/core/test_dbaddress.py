"""Connection strings in messages (issue 18, defects): `?sslpassword=…` was printed in every
message (only `password` was hidden) and a port like `:notaport` ended in an English
`ValueError`. One helper hides every secret; a bad port is one Danish line, exit 1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from naturplan.io.project.dbaddress import check_ports, has_secret, redact
from naturplan.io.project.open import project_label
from naturplan.io.project.store import StoreError

SECRET = "hemmelig42"


@pytest.mark.parametrize(("given", "shown"), [
    (f"postgresql://anna:{SECRET}@db.example/plan?sslpassword={SECRET}&sslmode=require",
     "postgresql://anna@db.example/plan?sslmode=require"),
    (f"postgres://anna@db.example:5433/plan?password={SECRET}&sslpass%77ord={SECRET}",
     "postgres://anna@db.example:5433/plan"),
    (f"postgresql://:{SECRET}@db.example/plan", "postgresql://db.example/plan"),
    (f"postgresql://anna@h1:5432,h2:5433/plan?SSLPassword={SECRET}",
     "postgresql://anna@h1:5432,h2:5433/plan"),
    (f"host=db sslpassword={SECRET} dbname=plan password={SECRET}", "dbname=plan host=db"),
    (f"host=db dbname=plan sslpassword='{SECRET} x' passfile=/home/anna/.pgpass",
     "passfile=/home/anna/.pgpass dbname=plan host=db"),
    ("postgresql://anna@db.example:notaport/plan", "postgresql://anna@db.example:notaport/plan"),
])
def test_every_secret_is_hidden(given: str, shown: str) -> None:
    assert redact(given) == shown
    assert SECRET not in project_label(given)
    assert has_secret(given) == (SECRET in given)


@pytest.mark.parametrize("conninfo", [
    "postgresql://anna@127.0.0.1:notaport/plan",
    "host=127.0.0.1 port=notaport dbname=plan",
    "host=a,b port=5432,x dbname=plan",
    "host=127.0.0.1 port=70000 dbname=plan",
])
def test_a_port_that_is_no_port_is_refused(conninfo: str) -> None:
    with pytest.raises(StoreError, match="not a port number"):
        check_ports(conninfo)


def test_good_ports_pass() -> None:
    for conninfo in ("postgresql://h:5432/plan", "host=a,b port=5432,5433 dbname=plan",
                     "service=naturplan"):
        check_ports(conninfo)


@pytest.mark.parametrize("project", [
    f"postgresql://anna@127.0.0.1:notaport/plan?sslpassword={SECRET}",
    f"host=127.0.0.1 port=notaport dbname=plan sslpassword={SECRET}",
])
def test_the_command_line_says_it_in_one_danish_line(project: str) -> None:
    done = subprocess.run([sys.executable, "-m", "naturplan", "candidates", "list",
                           "--project", project], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ), check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and SECRET not in done.stderr
    assert done.stderr.startswith("naturplan: fejl: Porten 'notaport'"), done.stderr
    assert "ValueError" not in done.stderr


def test_a_refused_connection_hides_the_sslpassword(pg_server: str) -> None:
    project = f"postgresql://127.0.0.1:1/plan?sslpassword={SECRET}&connect_timeout=3"
    done = subprocess.run([sys.executable, "-m", "naturplan", "candidates", "list",
                           "--project", project], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ), check=False)
    assert done.returncode == 1 and SECRET not in done.stderr
    assert "Kan ikke forbinde" in done.stderr
