"""Where the shipped layers and the generated sample live."""

from __future__ import annotations

import os
from pathlib import Path

#: Real files shipped in ``layers/`` (sources and licences in ``layers/SOURCES.md``).
AALBORG_BOUNDARY = "aalborg_kommune_0851_dagi2014.gpkg"
NATIONAL_MUNICIPALITIES = "dk_kommuner_dagi_2014.geojson"
BIRD_PROTECTION_AREAS = "dk_natura2000_fuglebeskyttelse_mst.gpkg"
AALBORG_KOMKODE = "0851"


def _shipped(folder: str, variable: str) -> Path:
    env = os.environ.get(variable)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / folder


def layers_dir() -> Path:
    """The shipped ``layers/`` folder (``NATURPLAN_LAYERS_DIR`` overrides it)."""
    return _shipped("layers", "NATURPLAN_LAYERS_DIR")


def styles_dir() -> Path:
    """The ``styles/`` folder, one TOML file per role (``NATURPLAN_STYLES_DIR`` overrides)."""
    return _shipped("styles", "NATURPLAN_STYLES_DIR")


def resources_dir() -> Path:
    """The ``resources/`` folder: icons, translations, data tables, presets
    (``NATURPLAN_RESOURCES_DIR`` overrides it).

    Every file the program ships outside ``layers/`` and ``styles/`` is found through here
    (never through a path relative to a module), so a packaged install can move it.
    """
    return _shipped("resources", "NATURPLAN_RESOURCES_DIR")


def resource(*parts: str) -> Path:
    """A file inside ``resources/``: ``resource("factors", "co2e_v1.toml")``."""
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    """``resources/translations``: the ``.ts`` files of every language."""
    return resources_dir() / "translations"


def user_data_dir() -> Path:
    """The user's own data folder for naturplan (unsaved projects, the generated sample).

    ``$XDG_DATA_HOME/naturplan`` (default ``~/.local/share/naturplan``) for now; issue 14
    moves this to platformdirs. Not created here.
    """
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "naturplan"


def user_cache_dir() -> Path:
    """The user's cache folder for naturplan (compiled translations, basemap tiles).

    ``$XDG_CACHE_HOME/naturplan`` (default ``~/.cache/naturplan``) for now. Not created here.
    """
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "naturplan"


def sample_dir(scale: float) -> Path:
    """Where the synthetic sample at *scale* is built (``NATURPLAN_SAMPLE_DIR`` overrides).

    Inside ``layers/generated/`` when that is writable, else in the user's cache folder.
    """
    env = os.environ.get("NATURPLAN_SAMPLE_DIR")
    name = f"aalborg-scale-{scale:g}"
    if env:
        return Path(env) / name
    base = layers_dir() / "generated"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if os.access(base, os.W_OK):
            return base / name
    except OSError:
        pass
    return user_cache_dir() / name
