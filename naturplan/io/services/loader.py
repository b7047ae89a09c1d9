"""Tile loading in worker threads: the disk cache first, the network when needed, never blocking.

The map says which tiles it wants (:meth:`TileLoader.want`, returns at once); worker
threads (as many as the service allows, OpenStreetMap two) take the most wanted first and
hand each tile's bytes to a callback. A tile that is no longer wanted when its turn comes
is skipped (a pan never queues a country's worth of requests, and there is no prefetch).

A cached tile is used at once; if it is older than the source's ``cache_days`` it is shown
and then asked for again. When the service fails (no connection, a timeout, HTTP 5xx, a
refused token, an answer that is no image), the loader reports it *once* through
``on_status`` and keeps to the cache for ``retry_after`` seconds; then one request probes
the service, and its success is reported once too. A tile the service does not have
(HTTP 404 or 400) is remembered as empty and not a failure.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import requests

from naturplan.core.errors import ServiceError
from naturplan.io.services.cache import TileCache
from naturplan.io.services.grids import TileKey
from naturplan.io.services.http import DEFAULT_TIMEOUTS, Timeouts, get, new_session
from naturplan.io.services.sources import TileSource
from naturplan.io.services.tokens import get_token

#: Seconds the loader keeps to its cache after the service failed, before probing again.
RETRY_AFTER = 20.0
#: Seconds before a tile the service does not have is asked for again.
EMPTY_RETRY = 3600.0
#: How long ``close`` waits for the workers to end (seconds).
JOIN_TIMEOUT = 3.0
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"II*\x00", b"MM\x00*")


@dataclass(frozen=True)
class ServiceStatus:
    """Whether a tile service answers. *error* says why not (its URL is redacted)."""

    ok: bool
    error: ServiceError | None = None
    since: float = 0.0


TileCallback = Callable[[TileKey, bytes], None]
StatusCallback = Callable[[ServiceStatus], None]


def is_image(data: bytes) -> bool:
    """True if *data* starts like a PNG, JPEG, GIF, WebP or TIFF image."""
    return data.startswith(_IMAGE_MAGIC)


class TileLoader:
    """Fetches the tiles of one source in background threads.

    Parameters
    ----------
    source
        The tile source.
    cache
        The disk cache (shared by all sources).
    on_tile
        Called from a worker thread with each tile's bytes (cached or fresh).
    on_status
        Called from a worker thread when the service starts or stops failing.
    """

    def __init__(self, source: TileSource, cache: TileCache, on_tile: TileCallback,
                 on_status: StatusCallback | None = None,
                 timeouts: Timeouts = DEFAULT_TIMEOUTS, retry_after: float = RETRY_AFTER,
                 offline: bool = False) -> None:
        self.source = source
        self.cache = cache
        self.on_tile = on_tile
        self.on_status = on_status
        self.timeouts = timeouts
        self.retry_after = retry_after
        #: True: never touch the network (tests, ``--offline``), the cache only.
        self.offline = offline
        self.status = ServiceStatus(ok=True)
        self._cond = threading.Condition()
        self._wanted: list[TileKey] = []
        self._inflight: set[TileKey] = set()
        self._skip_until: dict[TileKey, float] = {}
        #: Tiles skipped because the service failed (asked for again once it answers).
        self._failed_keys: set[TileKey] = set()
        self._down_until = 0.0
        self._probing = False
        self._stopped = False
        self._threads: list[threading.Thread] = []
        self.requests_sent = 0

    # -- the map's side -----------------------------------------------------------------
    def want(self, keys: Iterable[TileKey]) -> None:
        """Replace the wanted tiles by *keys* (most wanted first); returns at once."""
        now = time.monotonic()
        with self._cond:
            self._wanted = [k for k in keys
                            if k not in self._inflight and self._skip_until.get(k, 0) <= now]
            if self._wanted:
                self._start_workers()
                self._cond.notify_all()

    @property
    def busy(self) -> bool:
        """True while tiles are wanted or being fetched."""
        with self._cond:
            return bool(self._wanted or self._inflight)

    def fetch_all(self, keys: Iterable[TileKey], timeout: float = 30.0) -> dict[TileKey, bytes]:
        """Load *keys* now, in this thread and a few helpers (print and screenshots).

        Tiles that fail or are not in by *timeout* seconds are left out.
        """
        from concurrent.futures import ThreadPoolExecutor, wait

        results: dict[TileKey, bytes] = {}
        keys = list(keys)
        session = new_session()

        def one(key: TileKey) -> None:
            data = self._load(key, session, quiet=True)
            if data is not None:
                results[key] = data

        with ThreadPoolExecutor(max(1, self.source.max_connections)) as pool:
            futures = [pool.submit(one, key) for key in keys]
            wait(futures, timeout=timeout)
        return results

    def close(self, wait: float = JOIN_TIMEOUT) -> None:
        """Stop the workers and wait up to *wait* seconds for them to end.

        A worker decodes and warps tiles in Qt and GDAL code; one still doing that while the
        interpreter shuts down is ended inside C++ frames, which aborts the process ("FATAL:
        exception not rethrown"). So the workers are joined: a tile being handed over is
        finished first. A request still waiting on a slow server is left to its timeout (it
        holds no Qt or GDAL frame; it never delivers, the loader is stopped).
        """
        with self._cond:
            self._stopped = True
            self._wanted = []
            self._cond.notify_all()
            threads, self._threads = self._threads, []
        deadline = time.monotonic() + wait
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(max(0.0, deadline - time.monotonic()))

    # -- workers ------------------------------------------------------------------------
    def _start_workers(self) -> None:
        while len(self._threads) < max(1, self.source.max_connections):
            thread = threading.Thread(target=self._work, daemon=True,
                                      name=f"tiles-{self.source.cache_id[:6]}")
            self._threads.append(thread)
            thread.start()

    def _work(self) -> None:
        session = new_session()
        while True:
            with self._cond:
                while not self._wanted and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                key = self._wanted.pop(0)
                self._inflight.add(key)
            try:
                data = self._load(key, session)
                if data is not None and not self._stopped:
                    self.on_tile(key, data)
            except Exception:  # noqa: BLE001 - a bad tile must not end the worker
                self._skip(key, EMPTY_RETRY)
            finally:
                with self._cond:
                    self._inflight.discard(key)

    def _skip(self, key: TileKey, seconds: float) -> None:
        with self._cond:
            self._skip_until[key] = time.monotonic() + seconds

    def _load(self, key: TileKey, session: requests.Session, quiet: bool = False
              ) -> bytes | None:
        cached = self.cache.get(self.source.cache_id, key)
        if cached is not None and cached.age_days() < self.source.cache_days:
            return cached.data
        if cached is not None and not quiet:
            self.on_tile(key, cached.data)  # show the old tile while asking for a new one
        if self.offline or not self._may_ask():
            if cached is None:
                self._skip(key, max(self._down_until - time.monotonic(), 1.0))
                with self._cond:
                    self._failed_keys.add(key)
            return cached.data if quiet and cached is not None else None
        try:
            data = self._request(key, session)
        except ServiceError as exc:
            self._failed(exc)
            if cached is None:
                self._skip(key, self.retry_after)
                with self._cond:
                    self._failed_keys.add(key)
            return cached.data if quiet and cached is not None else None
        if data is None:  # the service has no tile there: empty, not a failure
            self._skip(key, EMPTY_RETRY)
            return cached.data if cached is not None else None
        self.cache.put(self.source.cache_id, key, data)
        self._succeeded()
        return data

    def _request(self, key: TileKey, session: requests.Session) -> bytes | None:
        """The tile's bytes; None where the service has no tile (HTTP 404, 400, 204)."""
        token = get_token(self.source.token) if self.source.token else None
        if self.source.token and not token:
            raise ServiceError("The basemap {name} needs a {token} token; none is set.",
                               name=self.source.title, token=self.source.token)
        url = self.source.tile_url(key, token)
        self.requests_sent += 1
        try:
            response = get(session, url, self.timeouts)
        except ServiceError as exc:
            status = exc.params.get("status")
            if status in (400, 404):
                return None
            if status in (401, 403):
                raise ServiceError("The basemap {name} refused the token (HTTP {status}).",
                                   name=self.source.title, status=status) from None
            raise
        data = response.content
        if not is_image(data):
            if response.status_code == 204 or not data:
                return None
            raise ServiceError("The basemap {name} sent something that is not an image.",
                               name=self.source.title)
        return data

    def _may_ask(self) -> bool:
        with self._cond:
            if self._down_until <= 0:
                return True
            if time.monotonic() < self._down_until or self._probing:
                return False
            self._probing = True  # one request probes a failed service
            return True

    def _failed(self, error: ServiceError) -> None:
        with self._cond:
            self._down_until = time.monotonic() + self.retry_after
            self._probing = False
            report = self.status.ok
            self.status = ServiceStatus(ok=False, error=error, since=time.time())
        if report and self.on_status is not None:
            self.on_status(self.status)

    def _succeeded(self) -> None:
        with self._cond:
            self._down_until = 0.0
            self._probing = False
            report = not self.status.ok
            if report:
                self.status = ServiceStatus(ok=True, since=time.time())
                for key in self._failed_keys:
                    self._skip_until.pop(key, None)
                self._failed_keys.clear()
        if report and self.on_status is not None:
            self.on_status(self.status)
