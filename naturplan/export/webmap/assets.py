"""Leaflet's JS and CSS, inlined into the web map at export time.

They come from the installed PyPI package ``django-js-lib-leaflet`` (Leaflet 1.9.4 as static
files; it requires nothing, not even Django): never committed into this repository, never
fetched from a CDN. The CSS's images (the layer control's icon) become data URIs, so the HTML
file needs nothing else. Our own small script and style sheet (popups built as text, the
legend and ledger boxes) are ``resources/webmap/naturplan.js`` and ``naturplan.css``.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from naturplan.core.errors import ExportError
from naturplan.io.paths import resource

LEAFLET_PACKAGE = "js_lib_leaflet"
LEAFLET_DIST = "django-js-lib-leaflet"


@dataclass(frozen=True)
class WebAssets:
    """Everything the page inlines.

    Attributes
    ----------
    leaflet_js, leaflet_css
        Leaflet's code and style sheet (images as data URIs).
    leaflet_version
        The version the JS declares (``1.9.4``).
    app_js, app_css
        naturplan's own script and style sheet.
    """

    leaflet_js: str
    leaflet_css: str
    leaflet_version: str
    app_js: str
    app_css: str


def _leaflet_folder() -> Traversable:
    try:
        folder = resources.files(LEAFLET_PACKAGE) / "static" / LEAFLET_PACKAGE
    except ModuleNotFoundError:
        raise ExportError(
            "The web map needs Leaflet from the Python package {package}, which is not "
            "installed.", package=LEAFLET_DIST,
        ) from None
    if not (folder / "leaflet.js").is_file():
        raise ExportError("The package {package} has no leaflet.js.", package=LEAFLET_DIST)
    return folder


def _inline_images(css: str, folder: Traversable) -> str:
    def data_uri(match: re.Match[str]) -> str:
        name = match.group(1)
        image = folder / name
        if not image.is_file():
            return match.group(0)
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)


def script_safe(text: str) -> str:
    """*text* made safe inside an inline ``<script>``/``<style>``: no ``</`` can close it."""
    return text.replace("</", "<\\/")


@lru_cache(maxsize=1)
def web_assets() -> WebAssets:
    """Read Leaflet and naturplan's web files (once per process).

    Raises
    ------
    ExportError
        If the Leaflet package or naturplan's web files are missing.
    """
    folder = _leaflet_folder()
    js = (folder / "leaflet.js").read_text(encoding="utf-8")
    css = _inline_images((folder / "leaflet.css").read_text(encoding="utf-8"), folder)
    version = re.search(r'version\s*=\s*"([\d.]+)"', js)
    try:
        app_js = resource("webmap", "naturplan.js").read_text(encoding="utf-8")
        app_css = resource("webmap", "naturplan.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError("Cannot read the web map's files: {reason}",
                          reason=str(exc)) from None
    return WebAssets(script_safe(js), script_safe(css), version.group(1) if version else "?",
                     script_safe(app_js), script_safe(app_css))
