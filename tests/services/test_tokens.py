"""Tokens: from the environment or the OS keyring, sent to the service, stored nowhere else."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from naturplan.io.services import tokens
from naturplan.io.services.basemaps import resolve_basemap
from naturplan.io.services.cache import TileCache
from naturplan.io.services.http import redact_url
from naturplan.render.view import MapView


class MemoryKeyring(KeyringBackend):
    """A keyring in memory (the OS keyring's interface, nothing on disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring(monkeypatch):
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    monkeypatch.delenv(tokens.env_variable(tokens.DATAFORSYNINGEN), raising=False)
    yield ring
    keyring.set_keyring(previous)


def test_keyring_then_environment(memory_keyring, monkeypatch) -> None:
    assert tokens.get_token(tokens.DATAFORSYNINGEN) is None
    tokens.set_token(tokens.DATAFORSYNINGEN, " abc123 ")
    assert memory_keyring.store[("naturplan", "dataforsyningen")] == "abc123"
    assert tokens.get_token(tokens.DATAFORSYNINGEN) == "abc123"
    assert tokens.token_source(tokens.DATAFORSYNINGEN) == "keyring"
    monkeypatch.setenv("NATURPLAN_DATAFORSYNINGEN_TOKEN", "from-env")
    assert tokens.get_token(tokens.DATAFORSYNINGEN) == "from-env"
    assert tokens.token_source(tokens.DATAFORSYNINGEN) == "environment"
    tokens.set_token(tokens.DATAFORSYNINGEN, "")
    assert not memory_keyring.store


def test_redact_url() -> None:
    assert redact_url("https://u:p@api.x.dk/wmts?service=WMTS&token=abc&Layer=l") == \
        "https://api.x.dk/wmts?service=WMTS&Layer=l"
    assert redact_url("http://h:81/{z}/{x}/{y}.png?apikey=1") == "http://h:81/{z}/{x}/{y}.png"


def test_a_token_in_a_url_is_sent_but_never_stored(qapp, xyz_server, tmp_path: Path) -> None:
    """Sent with every tile request, absent from the source, the cache file and its keys."""
    from naturplan.render.basemap import BasemapLayer

    cache = TileCache(tmp_path / "tiles.sqlite")
    source = resolve_basemap(xyz_server.url + "/{z}/{x}/{y}.png?token=SECRET-42", cache)
    assert "SECRET" not in source.template and "SECRET" not in source.name
    assert source.token == "host:127.0.0.1"
    layer = BasemapLayer(source, cache)
    assert not layer.ensure(MapView(550_000.0, 6_320_000.0, 25.0, 200, 200)).missing
    assert xyz_server.paths and all("token=SECRET-42" in p for p in xyz_server.paths)
    layer.close()
    cache.close()
    for path in tmp_path.iterdir():
        assert b"SECRET-42" not in path.read_bytes(), path.name
