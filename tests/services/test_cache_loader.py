"""The tile cache's size limit and the loader's behaviour with a failing or hanging service."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from naturplan.io.services.cache import TileCache
from naturplan.io.services.grids import TileKey
from naturplan.io.services.loader import ServiceStatus, TileLoader, is_image
from naturplan.io.services.sources import xyz_source

PNG = b"\x89PNG\r\n\x1a\n" + bytes(10_000)


def test_cache_keeps_to_its_limit_and_drops_the_least_recently_used(tmp_path: Path) -> None:
    cache = TileCache(tmp_path / "t.sqlite", limit_bytes=100_000)
    for i in range(9):
        cache.put("s", TileKey(5, i, 0), PNG)
    assert cache.total_bytes == 9 * len(PNG)
    with cache._connect() as conn:  # noqa: SLF001 - make tile 0 the most recently used
        conn.execute("UPDATE tiles SET used = used + 100 WHERE x = 0")
    cache.put("s", TileKey(5, 9, 0), PNG)  # over 100 kB: trimmed to 90 kB (8 tiles)
    assert cache.total_bytes <= 90_000 and cache.count() == 8
    cache.put("s", TileKey(5, 10, 0), PNG)
    assert cache.total_bytes <= cache.limit_bytes
    assert cache.get("s", TileKey(5, 0, 0)) is not None  # recently used: kept
    assert cache.get("s", TileKey(5, 1, 0)) is None  # oldest: gone
    assert cache.get("s", TileKey(5, 10, 0)) is not None  # newest: kept
    reopened = TileCache(tmp_path / "t.sqlite", limit_bytes=100_000)
    assert reopened.total_bytes == cache.total_bytes == reopened.count() * len(PNG)


def test_cache_is_shared_by_threads(tmp_path: Path) -> None:
    cache = TileCache(tmp_path / "t.sqlite")

    def write(row: int) -> None:
        for i in range(30):
            cache.put("s", TileKey(3, i, row), PNG)

    threads = [threading.Thread(target=write, args=(r,)) for r in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.count("s") == 120 and cache.total_bytes == 120 * len(PNG)


def _loader(url: str, tmp_path: Path, statuses: list[ServiceStatus], **kwargs) -> TileLoader:
    source = xyz_source(url + "/{z}/{x}/{y}.png")
    return TileLoader(source, TileCache(tmp_path / "c.sqlite"), lambda k, d: None,
                      statuses.append, **kwargs)


def _wait(predicate, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.02)
    return predicate()


def test_a_failing_service_is_reported_once_and_left_alone(xyz_server, tmp_path) -> None:
    """HTTP 500 for every tile: one status, a handful of requests, not one per tile."""
    xyz_server.mode = "error"
    statuses: list[ServiceStatus] = []
    loader = _loader(xyz_server.url, tmp_path, statuses, retry_after=60.0)
    keys = [TileKey(12, x, y) for x in range(2170, 2180) for y in range(1260, 1270)]
    for _ in range(5):  # five frames asking for the same hundred tiles
        loader.want(keys)
        time.sleep(0.1)
    assert _wait(lambda: not loader.busy)
    assert len(statuses) == 1 and not statuses[0].ok
    assert "500" in str(statuses[0].error)
    assert len(xyz_server.paths) <= loader.source.max_connections + 1
    xyz_server.mode = "ok"
    loader.retry_after = 0.0
    loader._down_until = time.monotonic()  # noqa: SLF001 - the retry time has come
    real = sorted(xyz_server.root.glob("12/*/*.png"))[0]  # a tile the server has
    loader.want([TileKey(12, int(real.parent.name), int(real.stem))])
    assert _wait(lambda: len(statuses) == 2)
    assert statuses[1].ok
    assert not loader._skip_until.keys() & set(keys)  # noqa: SLF001 - all asked for again
    loader.close()


def test_a_hanging_service_never_blocks_the_caller(xyz_server, tmp_path) -> None:
    """want() returns at once while every worker waits on a server that never answers: no
    call waits for the read timeout (which would report the service before returning); the
    timeout is reported later, from the workers. Counted by what happened, not timed."""
    from naturplan.io.services.http import Timeouts

    xyz_server.mode = "hang"
    statuses: list[ServiceStatus] = []
    loader = _loader(xyz_server.url, tmp_path, statuses, timeouts=Timeouts(1.0, 3.0))
    for frame in range(40):
        loader.want([TileKey(12, 2170 + frame, 1260)])
        assert statuses == [], "want() waited for the hanging service"
    assert _wait(lambda: bool(xyz_server.paths))  # the requests are out, still unanswered
    assert statuses == []
    assert _wait(lambda: bool(statuses))
    assert not statuses[0].ok and "did not answer" in str(statuses[0].error)
    loader.close()


def test_is_image() -> None:
    assert is_image(PNG) and is_image(b"\xff\xd8\xff\xe0rest")
    assert not is_image(b"<?xml version='1.0'?><ServiceExceptionReport/>")


def test_close_waits_for_a_tile_being_handed_over(xyz_server, tmp_path) -> None:
    """A worker still decoding a tile (Qt/GDAL code) when the app exits would be ended inside
    C++ frames and abort the process: ``close`` returns only when no worker runs any more."""
    handing_over = threading.Event()
    done: list[TileKey] = []

    def slow_tile(key: TileKey, data: bytes) -> None:
        handing_over.set()
        time.sleep(0.5)  # decoding and warping a tile
        done.append(key)

    real = sorted(xyz_server.root.glob("12/*/*.png"))[0]
    source = xyz_source(xyz_server.url + "/{z}/{x}/{y}.png")
    loader = TileLoader(source, TileCache(tmp_path / "c.sqlite"), slow_tile)
    loader.want([TileKey(12, int(real.parent.name), int(real.stem))])
    assert handing_over.wait(10.0)
    workers = [t for t in threading.enumerate() if t.name.startswith("tiles-")]
    assert workers
    loader.close()
    assert len(done) == 1  # the tile being handed over was finished, not cut off
    assert not any(t.is_alive() for t in workers)


def test_close_does_not_wait_out_a_hanging_server(xyz_server, tmp_path) -> None:
    """A request that hangs holds no Qt frame: close gives up after its own short wait."""
    from naturplan.io.services.http import Timeouts

    xyz_server.mode = "hang"
    loader = _loader(xyz_server.url, tmp_path, [], timeouts=Timeouts(1.0, 60.0))
    loader.want([TileKey(12, 2170, 1260)])
    assert _wait(lambda: bool(xyz_server.paths))
    start = time.monotonic()
    loader.close(wait=0.3)
    assert time.monotonic() - start < 20.0  # its own short wait, not the 60 s read timeout
