"""A PostgreSQL connection string as people may see it, and checked before it is used.

One helper hides every secret a libpq connection string can carry (:func:`redact`), for titles,
messages, the recent-projects list and copies: the ``password`` and ``sslpassword`` keys (in a
URL's query as well, however their names are percent-encoded) and the password in a URL's
userinfo (``postgresql://anna:secret@host/db``). :func:`check_ports` refuses a port that is no
port number with one sentence, before libpq or the URL parser answer in English.
"""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

import psycopg
from psycopg import conninfo as pg_conninfo

from naturplan.io.project.store import StoreError

_URL_SCHEMES = ("postgresql://", "postgres://")


def is_secret(key: str) -> bool:
    """True for a connection parameter whose value is a secret (``password``,
    ``sslpassword`` and any later ``…password``); ``passfile`` names a file and is shown."""
    return "password" in key.strip().lower()


def redact(conninfo: str) -> str:
    """*conninfo* without its secrets (see the module docstring).

    A URL keeps its form (``postgresql://anna@host/db?sslmode=require``); a ``key=value`` string
    loses its secret keys. Never raises: an unparsable string is shown as ``<connection>``.
    """
    text = conninfo.strip()
    if text.startswith(_URL_SCHEMES):
        return _redact_url(text)
    try:
        params = pg_conninfo.conninfo_to_dict(text)
    except psycopg.ProgrammingError:
        return "<connection>"
    shown = {k: str(v) for k, v in params.items() if not is_secret(k)}
    try:
        return pg_conninfo.make_conninfo("", **shown)
    except psycopg.ProgrammingError:
        return "<connection>"


def _redact_url(text: str) -> str:
    parts = urlsplit(text)
    netloc = parts.netloc
    if "@" in netloc:  # userinfo: keep the user name, never the password
        userinfo, hosts = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{hosts}" if user else hosts
    query = "&".join(
        item for item in parts.query.split("&")
        if item and not is_secret(unquote_plus(item.split("=", 1)[0]))
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def has_secret(conninfo: str) -> bool:
    """True if *conninfo* itself carries a password or another secret (it is used, never
    stored)."""
    try:
        return any(is_secret(k) for k in pg_conninfo.conninfo_to_dict(conninfo.strip()))
    except psycopg.ProgrammingError:  # libpq will refuse it; say so if it looks like one
        return "password" in conninfo.lower()


def check_ports(conninfo: str) -> None:
    """Refuse a port that is not a number from 1 to 65535 (a list for several hosts is fine).

    Raises
    ------
    StoreError
        Naming the port and the connection string without secrets.
    """
    try:
        params = pg_conninfo.conninfo_to_dict(conninfo.strip())
    except psycopg.ProgrammingError:
        return  # libpq says what is wrong with it when connecting
    for port in str(params.get("port") or "").split(","):
        port = port.strip()
        if port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
            raise StoreError(
                "The port '{port}' in the project database's address {where} is not a port"
                " number (1 to 65535).", port=port[:40], where=redact(conninfo))
