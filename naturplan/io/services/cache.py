"""The tile cache on disk: one SQLite file, a size limit, the least recently used go first.

Tiles are kept by (source, level, column, row) with the time they were fetched and last
used; capabilities documents are kept beside them, so a basemap that was seen once opens
and draws offline. When the tiles pass the size limit, the least recently used are deleted
until 90 % of it is left. Each thread uses its own connection (WAL mode: readers never wait
for the writer), so the tile workers and a print export can share one cache.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from naturplan.io.paths import user_cache_dir
from naturplan.io.services.grids import TileKey

#: Default size limit of the tile cache (``NATURPLAN_TILE_CACHE_MB`` overrides it).
DEFAULT_LIMIT_MB = 512
#: A tile's "last used" time is written at most this often (seconds): reading stays cheap.
TOUCH_INTERVAL = 3600.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tiles (
    source TEXT NOT NULL, z INTEGER NOT NULL, x INTEGER NOT NULL, y INTEGER NOT NULL,
    data BLOB NOT NULL, size INTEGER NOT NULL, fetched REAL NOT NULL, used REAL NOT NULL,
    PRIMARY KEY (source, z, x, y)
);
CREATE INDEX IF NOT EXISTS tiles_used ON tiles (used);
CREATE TABLE IF NOT EXISTS documents (
    url TEXT PRIMARY KEY, body BLOB NOT NULL, fetched REAL NOT NULL
);
"""


@dataclass(frozen=True)
class CachedTile:
    """A tile's bytes and when they were fetched (seconds since the epoch)."""

    data: bytes
    fetched: float

    def age_days(self, now: float | None = None) -> float:
        return ((now or time.time()) - self.fetched) / 86400.0


def default_cache_path() -> Path:
    """``<user cache>/tiles.sqlite`` (``naturplan.io.paths.user_cache_dir``)."""
    return user_cache_dir() / "tiles.sqlite"


def default_limit_bytes() -> int:
    """The size limit from ``NATURPLAN_TILE_CACHE_MB``, else :data:`DEFAULT_LIMIT_MB`."""
    try:
        mb = float(os.environ.get("NATURPLAN_TILE_CACHE_MB", DEFAULT_LIMIT_MB))
    except ValueError:
        mb = DEFAULT_LIMIT_MB
    return int(max(mb, 1.0) * 1024 * 1024)


class TileCache:
    """Tiles and capabilities documents in one SQLite file with a size limit.

    Parameters
    ----------
    path
        The SQLite file (created with its folder).
    limit_bytes
        The most tile bytes kept.
    """

    def __init__(self, path: Path | None = None, limit_bytes: int | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.limit_bytes = limit_bytes if limit_bytes is not None else default_limit_bytes()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._lock = threading.Lock()
        with self._connect() as conn:
            conn.executescript(_SCHEMA)
            total = conn.execute("SELECT COALESCE(SUM(size), 0) FROM tiles").fetchone()[0]
        self._total = int(total)

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    # -- tiles --------------------------------------------------------------------------
    def get(self, source: str, key: TileKey) -> CachedTile | None:
        """The cached tile, or None."""
        conn = self._connect()
        row = conn.execute(
            "SELECT data, fetched, used FROM tiles WHERE source=? AND z=? AND x=? AND y=?",
            (source, key.z, key.x, key.y),
        ).fetchone()
        if row is None:
            return None
        now = time.time()
        if now - row[2] > TOUCH_INTERVAL:
            conn.execute("UPDATE tiles SET used=? WHERE source=? AND z=? AND x=? AND y=?",
                         (now, source, key.z, key.x, key.y))
        return CachedTile(bytes(row[0]), float(row[1]))

    def put(self, source: str, key: TileKey, data: bytes, fetched: float | None = None) -> None:
        """Keep *data* as the tile; the oldest tiles go if the cache is over its limit."""
        now = time.time()
        conn = self._connect()
        with self._lock:
            old = conn.execute(
                "SELECT size FROM tiles WHERE source=? AND z=? AND x=? AND y=?",
                (source, key.z, key.x, key.y),
            ).fetchone()
            conn.execute(
                "INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (source, key.z, key.x, key.y, sqlite3.Binary(data), len(data),
                 fetched or now, now),
            )
            self._total += len(data) - (old[0] if old else 0)
            if self._total > self.limit_bytes:
                self._trim(conn, int(self.limit_bytes * 0.9))

    def _trim(self, conn: sqlite3.Connection, target: int) -> None:
        rows = conn.execute("SELECT rowid, size FROM tiles ORDER BY used").fetchall()
        doomed = []
        for rowid, size in rows:
            if self._total <= target:
                break
            doomed.append((rowid,))
            self._total -= size
        conn.executemany("DELETE FROM tiles WHERE rowid=?", doomed)

    @property
    def total_bytes(self) -> int:
        """Bytes of tile data kept now."""
        return self._total

    def count(self, source: str | None = None) -> int:
        """How many tiles are kept (of *source*, or of all sources)."""
        conn = self._connect()
        if source is None:
            return int(conn.execute("SELECT COUNT(*) FROM tiles").fetchone()[0])
        return int(conn.execute("SELECT COUNT(*) FROM tiles WHERE source=?",
                                (source,)).fetchone()[0])

    def clear(self) -> None:
        """Delete every tile and document."""
        conn = self._connect()
        with self._lock:
            conn.execute("DELETE FROM tiles")
            conn.execute("DELETE FROM documents")
            self._total = 0

    # -- capabilities documents ---------------------------------------------------------
    def get_document(self, url: str) -> CachedTile | None:
        """A cached capabilities document by its (redacted) URL."""
        row = self._connect().execute(
            "SELECT body, fetched FROM documents WHERE url=?", (url,)).fetchone()
        return None if row is None else CachedTile(bytes(row[0]), float(row[1]))

    def put_document(self, url: str, body: bytes) -> None:
        self._connect().execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
                                (url, sqlite3.Binary(body), time.time()))

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
