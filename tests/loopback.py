"""Real map servers on loopback for the service tests (issue 12): never the internet.

- :class:`FileServer`: a directory (XYZ tiles) over HTTP, which can be told to answer 500
  or to hang, and counts what it was asked;
- :func:`mapproxy_app` + :class:`WsgiServer`: MapProxy serving WMTS (the View1 grid in
  EPSG:25832 and GLOBAL_WEBMERCATOR) and WMS of a GeoTIFF through MapServer;
- :class:`MapServerCgi`: MapServer's ``mapserv`` run as CGI per request (WMS and WFS 2.0
  from files made by the test);
- :func:`start_pygeoapi`: pygeoapi (OGC API – Features) in a subprocess.

The test data is a checkerboard made here: 2 km cells whose colour is a function of the
cell (:func:`checker_colour`), so a test knows the colour every map point must have.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import numpy as np

#: The checkerboard: top-left corner (EPSG:25832), cell size, cells per side.
CHECKER_ORIGIN = (540_000.0, 6_330_000.0)
CHECKER_CELL = 2_000.0
CHECKER_CELLS = 10
CHECKER_BOUNDS = (540_000.0, 6_310_000.0, 560_000.0, 6_330_000.0)
MAPSERV = shutil.which("mapserv") or "/usr/lib/cgi-bin/mapserv"


def checker_colour(x: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
    """RGB (…, 3) of the checkerboard at EPSG:25832 (x, y); cells outside are black."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    j = np.floor((x - CHECKER_ORIGIN[0]) / CHECKER_CELL).astype(int)
    i = np.floor((CHECKER_ORIGIN[1] - y) / CHECKER_CELL).astype(int)
    inside = (i >= 0) & (i < CHECKER_CELLS) & (j >= 0) & (j < CHECKER_CELLS)
    rgb = np.stack([np.where((i + j) % 2 == 0, 255, 0), 25 * j, 25 * i], axis=-1)
    return np.where(inside[..., None], rgb, 0).astype(np.uint8)


def cell_centres() -> list[tuple[float, float]]:
    """The centres of the checkerboard's cells (EPSG:25832)."""
    x0, y0 = CHECKER_ORIGIN
    return [(x0 + (j + 0.5) * CHECKER_CELL, y0 - (i + 0.5) * CHECKER_CELL)
            for i in range(CHECKER_CELLS) for j in range(CHECKER_CELLS)]


def write_checker_tif(path: Path, pixel: float = 50.0) -> Path:
    """The checkerboard as an RGB GeoTIFF in EPSG:25832 (*pixel* metres)."""
    import rasterio
    from rasterio.transform import from_origin

    n = int(CHECKER_CELLS * CHECKER_CELL / pixel)
    xs = CHECKER_ORIGIN[0] + (np.arange(n) + 0.5) * pixel
    ys = CHECKER_ORIGIN[1] - (np.arange(n) + 0.5) * pixel
    rgb = checker_colour(*np.meshgrid(xs, ys))
    with rasterio.open(path, "w", driver="GTiff", width=n, height=n, count=3, dtype="uint8",
                       crs="EPSG:25832",
                       transform=from_origin(*CHECKER_ORIGIN, pixel, pixel)) as dst:
        dst.write(np.moveaxis(rgb, -1, 0))
    return path


def write_xyz_tiles(root: Path, levels: range = range(9, 13)) -> int:
    """XYZ tiles (EPSG:3857, PNG) of the checkerboard over its area; returns how many.

    Each pixel takes the colour of the checkerboard at its centre, reprojected exactly.
    """
    from PIL import Image
    from pyproj import Transformer

    to_merc = Transformer.from_crs(25832, 3857, always_xy=True)
    to_utm = Transformer.from_crs(3857, 25832, always_xy=True)
    minx, miny, maxx, maxy = to_merc.transform_bounds(*CHECKER_BOUNDS, densify_pts=21)
    half = 20037508.342789244
    count = 0
    for z in levels:
        span = 2 * half / 2**z
        for tx in range(int((minx + half) // span), int((maxx + half) // span) + 1):
            for ty in range(int((half - maxy) // span), int((half - miny) // span) + 1):
                px = -half + tx * span + (np.arange(256) + 0.5) * span / 256
                py = half - ty * span - (np.arange(256) + 0.5) * span / 256
                ux, uy = to_utm.transform(*np.meshgrid(px, py))
                folder = root / str(z) / str(tx)
                folder.mkdir(parents=True, exist_ok=True)
                Image.fromarray(checker_colour(ux, uy), "RGB").save(folder / f"{ty}.png")
                count += 1
    return count


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True


class FileServer:
    """Serves *root* on 127.0.0.1; ``mode`` is ``"ok"``, ``"error"`` (HTTP 500) or
    ``"hang"`` (never answers until stopped). ``paths`` lists what was asked for."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.mode = "ok"
        self.paths: list[str] = []
        self.agents: list[str] = []
        self._release = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                owner.paths.append(self.path)
                owner.agents.append(self.headers.get("User-Agent", ""))
                if owner.mode == "hang":
                    owner._release.wait(60)
                    return
                if owner.mode == "error":
                    self.send_error(500, "broken on purpose")
                    return
                target = owner.root / self.path.split("?", 1)[0].lstrip("/")
                if not target.is_file():
                    self.send_error(404)
                    return
                body = target.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop answering: the port is closed (a hanging request is let go)."""
        self._release.set()
        self._server.shutdown()
        self._server.server_close()


class _ThreadingWsgi(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietWsgiHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class WsgiServer:
    """A WSGI application (MapProxy) on 127.0.0.1, one thread per request."""

    def __init__(self, app: object) -> None:
        self._server = make_server("127.0.0.1", 0, app, server_class=_ThreadingWsgi,
                                   handler_class=_QuietWsgiHandler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def mapserver_config(folder: Path, mapfile: Path) -> Path:
    """A MapServer 8 config file that allows *mapfile* (and makes it the default)."""
    config = folder / "mapserver.conf"
    config.write_text(
        'CONFIG\n  ENV\n    MS_MAP_PATTERN "."\n'
        f'    MS_MAPFILE "{mapfile}"\n  END\nEND\n', encoding="utf-8")
    return config


class MapServerCgi:
    """MapServer's ``mapserv`` behind a loopback HTTP server, run as CGI per request."""

    def __init__(self, mapfile: Path) -> None:
        self.config = mapserver_config(mapfile.parent, mapfile)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                query = self.path.split("?", 1)[1] if "?" in self.path else ""
                env = {**os.environ, "QUERY_STRING": query, "REQUEST_METHOD": "GET",
                       "MAPSERVER_CONFIG_FILE": str(owner.config),
                       "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(owner.port),
                       "HTTP_HOST": f"127.0.0.1:{owner.port}", "SCRIPT_NAME": "/"}
                out = subprocess.run([MAPSERV], env=env, capture_output=True,
                                     timeout=60).stdout
                head, _, body = out.partition(b"\r\n\r\n")
                if not _:
                    head, _, body = out.partition(b"\n\n")
                self.send_response(200)
                for line in head.decode("latin-1").splitlines():
                    if ":" in line:
                        name, value = line.split(":", 1)
                        self.send_header(name.strip(), value.strip())
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def raster_mapfile(folder: Path, tif: Path) -> Path:
    """A MapServer mapfile serving *tif* as WMS layer ``checker`` (EPSG:25832 and 3857)."""
    path = folder / "raster.map"
    path.write_text(f"""MAP
  NAME "raster"
  EXTENT {" ".join(str(v) for v in CHECKER_BOUNDS)}
  SIZE 256 256
  PROJECTION "init=epsg:25832" END
  WEB METADATA
    "wms_title" "checker"
    "wms_srs" "EPSG:25832 EPSG:3857" "wms_enable_request" "*"
  END END
  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGBA
    EXTENSION "png" END
  LAYER
    NAME "checker" TYPE RASTER STATUS ON DATA "{tif}"
    PROJECTION "init=epsg:25832" END
    PROCESSING "RESAMPLE=NEAREST"
    METADATA "wms_title" "checker" "wms_attribution_title" "Testkort © naturplan-testen" END
  END
END
""", encoding="utf-8")
    return path


def vector_mapfile(folder: Path, gpkg: Path, layer: str, geojson: bool = True) -> Path:
    """A MapServer mapfile serving GeoPackage *layer* as WFS 2.0 feature type *layer*."""
    path = folder / f"wfs_{layer}.map"
    formats = '"wfs_getfeature_formatlist" "geojson"' if geojson else ""
    path.write_text(f"""MAP
  NAME "wfs"
  EXTENT 400000 6000000 800000 6500000
  PROJECTION "init=epsg:25832" END
  WEB METADATA
    "wfs_title" "test"
    "wfs_srs" "EPSG:25832 EPSG:4326" "wfs_enable_request" "*" {formats}
  END END
  OUTPUTFORMAT NAME "geojson" DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream" FORMATOPTION "FORM=SIMPLE"
    FORMATOPTION "LCO:COORDINATE_PRECISION=9" END
  LAYER
    NAME "{layer}" TYPE POLYGON CONNECTIONTYPE OGR CONNECTION "{gpkg}" DATA "{layer}"
    PROJECTION "init=epsg:25832" END
    METADATA "wfs_title" "{layer}" "gml_include_items" "all" "gml_types" "auto"
      "wfs_use_default_extent_for_getfeature" "false" END
  END
END
""", encoding="utf-8")
    return path


def mapproxy_app(folder: Path, mapfile: Path, config_file: Path) -> object:
    """MapProxy serving the checkerboard (through MapServer) as WMTS and WMS."""
    import yaml
    from mapproxy.wsgiapp import make_wsgi_app

    res = [1638.4 / 2**z for z in range(14)]
    config = {
        "services": {"wmts": {"restful": True, "kvp": True},
                     "wms": {"srs": ["EPSG:25832", "EPSG:3857"], "md": {"title": "test"}}},
        "layers": [{"name": "checker", "title": "checker", "sources": ["checker_cache"]}],
        "caches": {"checker_cache": {
            "grids": ["dk_view1", "GLOBAL_WEBMERCATOR"], "sources": ["checker_ms"],
            "meta_size": [2, 2], "meta_buffer": 0,
            "cache": {"type": "file"}}},
        "sources": {"checker_ms": {
            "type": "mapserver", "req": {"layers": "checker", "map": str(mapfile),
                                         "transparent": True},
            "supported_srs": ["EPSG:25832"], "coverage": {
                "bbox": list(CHECKER_BOUNDS), "srs": "EPSG:25832"},
            "mapserver": {"binary": MAPSERV, "working_dir": str(folder)}}},
        "grids": {"dk_view1": {"srs": "EPSG:25832", "origin": "ul", "res": res,
                               "bbox": [120000, 5661139.2, 1378291.2, 6500000],
                               "bbox_srs": "EPSG:25832"}},
        "globals": {"cache": {"base_dir": str(folder / "mapproxy_cache"),
                              "lock_dir": str(folder / "mapproxy_locks")},
                    "image": {"resampling_method": "nearest"}},
    }
    path = folder / "mapproxy.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    os.environ["MAPSERVER_CONFIG_FILE"] = str(config_file)
    return make_wsgi_app(str(path))


PYGEOAPI_SCRIPT = """
import sys
from werkzeug.serving import make_server
from pygeoapi.flask_app import APP
server = make_server("127.0.0.1", int(sys.argv[1]), APP, threaded=True)
print("ready", flush=True)
server.serve_forever()
"""


def start_pygeoapi(folder: Path, geojson: Path, collection: str) -> tuple[subprocess.Popen,
                                                                          str]:
    """pygeoapi serving *geojson* (CRS84) as collection *collection*; (process, URL)."""
    import yaml

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    contact = {k: "test" for k in ("name", "position", "address", "city",
                                   "stateorprovince", "postalcode", "country", "phone",
                                   "fax", "email", "url", "hours", "instructions")}
    config = {
        "server": {"bind": {"host": "127.0.0.1", "port": port}, "url": url,
                   "mimetype": "application/json; charset=UTF-8", "encoding": "utf-8",
                   "language": "en-US", "limits": {"default_items": 10, "max_items": 10000},
                   "map": {"url": url + "/{z}/{x}/{y}.png", "attribution": "test"}},
        "logging": {"level": "ERROR"},
        "metadata": {"identification": {"title": "test", "description": "test",
                                        "keywords": ["test"], "keywords_type": "theme",
                                        "terms_of_service": "none", "url": url},
                     "license": {"name": "CC0", "url": url},
                     "provider": {"name": "test", "url": url},
                     "contact": {**contact, "role": "pointOfContact"}},
        "resources": {collection: {
            "type": "collection", "title": collection, "description": collection,
            "keywords": [collection],
            "extents": {"spatial": {"bbox": [-180, -90, 180, 90],
                                    "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
            "providers": [{"type": "feature", "name": "GeoJSON", "data": str(geojson),
                           "id_field": "id",
                           "crs": ["http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                                   "http://www.opengis.net/def/crs/EPSG/0/25832"]}]}},
    }
    (folder / "pygeoapi.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (folder / "openapi.yml").write_text("{}", encoding="utf-8")
    env = {**os.environ, "PYGEOAPI_CONFIG": str(folder / "pygeoapi.yml"),
           "PYGEOAPI_OPENAPI": str(folder / "openapi.yml")}
    process = subprocess.Popen([sys.executable, "-c", PYGEOAPI_SCRIPT, str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    line = process.stdout.readline()
    if "ready" not in line or time.monotonic() > deadline:
        process.kill()
        raise RuntimeError("pygeoapi did not start")
    return process, url
