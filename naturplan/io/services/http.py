"""HTTP for web services: one User-Agent, timeouts, and URLs with their secrets taken out.

Every request naturplan sends to a tile or feature service goes through :func:`new_session`
and :func:`get`: a real User-Agent that names the program (OpenStreetMap's tile usage policy
asks for one), a connect and a read timeout (a hanging server costs a worker thread, never
the user's window), and errors as :class:`ServiceError` whose message holds the URL with its
token removed (:func:`redact_url`), so a token never reaches a log, a dialog or a project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from naturplan import __version__
from naturplan.core.errors import ServiceError

#: Names the program and what it is, as tile services ask (OSM tile usage policy).
USER_AGENT = (
    f"naturplan/{__version__} (desktop GIS for municipal nature planning in Denmark; "
    f"python-requests/{requests.__version__})"
)

#: Query parameters that carry a secret: removed from every URL that is shown or stored.
SECRET_PARAMS = frozenset({
    "token", "apikey", "api_key", "key", "access_token", "password", "passwd", "pwd",
    "username", "user", "ticket", "authkey", "secret",
})


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection and for the answer (requests' ``timeout``)."""

    connect: float = 3.05
    read: float = 10.0

    @property
    def pair(self) -> tuple[float, float]:
        return (self.connect, self.read)


DEFAULT_TIMEOUTS = Timeouts()


def new_session() -> requests.Session:
    """A requests session that sends naturplan's User-Agent."""
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    return session


def redact_url(url: str) -> str:
    """*url* without user info and without secret query parameters (``token=…``).

    >>> redact_url("https://u:p@api.example.dk/wmts?service=WMTS&token=abc")
    'https://api.example.dk/wmts?service=WMTS'
    """
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in SECRET_PARAMS]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe=":/{},"),
                       parts.fragment))


def query_params(url: str) -> dict[str, str]:
    """The query parameters of *url*, keys lower-cased."""
    return {k.lower(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}


def with_params(url: str, params: Mapping[str, str | None], drop: tuple[str, ...] = ()) -> str:
    """*url* with *params* set (replacing same-named ones, any case) and *drop* removed.

    A value of None removes that parameter.
    """
    parts = urlsplit(url)
    replace = {k.lower() for k in params} | {k.lower() for k in drop}
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in replace]
    query += [(k, v) for k, v in params.items() if v is not None]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe=":/{},"),
                       parts.fragment))


def get(session: requests.Session, url: str, timeouts: Timeouts = DEFAULT_TIMEOUTS,
        headers: Mapping[str, str] | None = None) -> requests.Response:
    """GET *url*; the response if the status is 2xx.

    Raises
    ------
    ServiceError
        On a connection failure, a timeout or an HTTP error status; the message names the
        redacted URL and the reason.
    """
    shown = redact_url(url)
    try:
        response = session.get(url, timeout=timeouts.pair, headers=dict(headers or {}))
    except requests.Timeout:
        raise ServiceError("{url} did not answer in time.", url=shown) from None
    except requests.ConnectionError:
        raise ServiceError("Cannot connect to {url}.", url=shown) from None
    except requests.RequestException as exc:
        raise ServiceError("{url}: {reason}", url=shown, reason=type(exc).__name__) from None
    if response.status_code >= 400:
        raise ServiceError("{url} answered HTTP {status}.", url=shown,
                           status=response.status_code)
    return response
