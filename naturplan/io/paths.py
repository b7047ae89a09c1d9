"""Where naturplan's shipped files and the user's own files live.

Shipped files (read only): the repository's top-level ``layers/``, ``styles/`` and
``resources/`` folders. The build (``setup.py``) copies them into the package as
``naturplan/shipped/`` and compiles the translations there, so an installed wheel, a pipx
install and the desktop bundle find them through :mod:`importlib.resources`. A source checkout
(a clone, an editable install) has no ``naturplan/shipped/``; there the same three folders are
the ones beside the package. Nothing else in the program builds a path to a shipped file.

The user's files (written): the platform's user folders from :mod:`platformdirs`, never the
install location, which may be read-only and is replaced by an upgrade.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

#: Real files shipped in ``layers/`` (sources and licences in ``layers/SOURCES.md``).
AALBORG_BOUNDARY = "aalborg_kommune_0851_dagi2014.gpkg"
NATIONAL_MUNICIPALITIES = "dk_kommuner_dagi_2014.geojson"
BIRD_PROTECTION_AREAS = "dk_natura2000_fuglebeskyttelse_mst.gpkg"
AALBORG_KOMKODE = "0851"

#: The name of the program's user folders (``~/.local/share/naturplan``, ``%LOCALAPPDATA%``…).
APP_NAME = "naturplan"
#: The folder inside the package that the build fills with the shipped folders.
SHIPPED_PACKAGE_DIR = "shipped"
#: The shipped folders, as named in the repository and inside ``naturplan/shipped/``.
SHIPPED_FOLDERS = ("layers", "styles", "resources")


def _package_dir() -> Path:
    folder = resources.files("naturplan")
    if not isinstance(folder, Path):  # a zip import: GDAL and Qt need real files
        raise RuntimeError(f"naturplan must be installed as files, not from {folder}")
    return folder


def is_packaged() -> bool:
    """True when the shipped folders come from the package (wheel, pipx, bundle), False in a
    source checkout."""
    return (_package_dir() / SHIPPED_PACKAGE_DIR).is_dir()


def shipped_root() -> Path:
    """The folder that holds ``layers/``, ``styles/`` and ``resources/``.

    ``naturplan/shipped`` in an installed package; the checkout's top level in a clone.
    """
    package = _package_dir()
    shipped = package / SHIPPED_PACKAGE_DIR
    return shipped if shipped.is_dir() else package.parent


def _shipped(folder: str, variable: str) -> Path:
    env = os.environ.get(variable)
    if env:
        return Path(env)
    return shipped_root() / folder


def layers_dir() -> Path:
    """The shipped ``layers/`` folder (``NATURPLAN_LAYERS_DIR`` overrides it)."""
    return _shipped("layers", "NATURPLAN_LAYERS_DIR")


def styles_dir() -> Path:
    """The shipped ``styles/`` folder, one TOML file per role (``NATURPLAN_STYLES_DIR``
    overrides it). The user's own styles (:func:`user_styles_dir`) take precedence."""
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
    """``resources/translations``: the ``.ts`` files of every language, read as they are by
    :mod:`naturplan.text.i18n` for the window, the command line and the exports."""
    return resources_dir() / "translations"


def user_data_dir() -> Path:
    """The user's own data folder for naturplan: unsaved projects, the generated sample,
    downloaded service layers. Not created here.

    ``platformdirs``: ``$XDG_DATA_HOME/naturplan`` (default ``~/.local/share/naturplan``) on
    Linux, ``%LOCALAPPDATA%\\naturplan`` on Windows,
    ``~/Library/Application Support/naturplan`` on macOS.
    """
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """The user's cache folder for naturplan (basemap tiles, translations compiled at run time
    in a source checkout); anything in it can be rebuilt. Not created here.

    ``$XDG_CACHE_HOME/naturplan`` (default ``~/.cache/naturplan``) on Linux,
    ``%LOCALAPPDATA%\\naturplan\\Cache`` on Windows.
    """
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    """The user's configuration folder for naturplan. Not created here.

    ``$XDG_CONFIG_HOME/naturplan`` (default ``~/.config/naturplan``) on Linux,
    ``%LOCALAPPDATA%\\naturplan`` on Windows.
    """
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_styles_dir() -> Path:
    """``<user config>/styles``: the user's own ``<role>.toml`` files, each used instead of the
    shipped style of that role."""
    return user_config_dir() / "styles"


def style_file(name: str) -> Path:
    """The style file of role *name*: the user's own if there is one, else the shipped one
    (which may not exist either: then the role has a plain default style)."""
    own = user_styles_dir() / f"{name}.toml"
    return own if own.is_file() else styles_dir() / f"{name}.toml"


def sample_dir(scale: float) -> Path:
    """Where the synthetic sample at *scale* is built: ``<user data>/sample/aalborg-scale-S``
    (``NATURPLAN_SAMPLE_DIR`` replaces ``<user data>/sample``). Never the install location."""
    env = os.environ.get("NATURPLAN_SAMPLE_DIR")
    base = Path(env) if env else user_data_dir() / "sample"
    return base / f"aalborg-scale-{scale:g}"
