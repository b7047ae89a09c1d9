"""A hostile OGC API - Features service on loopback for the tests of issue 18: a collection
``p3`` offered in CRS84 only (no EPSG:25832), whose items are given by the test (a vertex at
1e300, NaN as Python's json writes it)."""

from __future__ import annotations

import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

X, Y = 555_000.0, 6_320_000.0  # near Aalborg, EPSG:25832


def lonlat(x: float, y: float) -> list[float]:
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(25832, 4326, always_xy=True).transform(x, y)
    return [lon, lat]


def feature(i: int, ring: list[list[float]]) -> dict:
    return {"type": "Feature", "id": i,
            "properties": {"Objekt_id": i, "Natyp_kode": 1, "Natyp_navn": "Eng"},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def good_absurd_nan() -> list[dict]:
    """A 500 m square near Aalborg, the same with a vertex at 1e300, and with NaN."""
    corners = [(X, Y), (X + 500, Y), (X + 500, Y + 500), (X, Y + 500), (X, Y)]
    good = [lonlat(*c) for c in corners]
    absurd = [*good[:2], [1e300, good[2][1]], *good[3:]]
    nan = [*good[:2], [math.nan, good[2][1]], *good[3:]]
    return [feature(1, good), feature(2, absurd), feature(3, nan)]


class OgcApi:
    """The service, serving *features* as the items of collection ``p3``; ``queries`` records
    every request (path and query parameters)."""

    def __init__(self, features: list[dict]) -> None:
        self.queries: list[dict[str, list[str]]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                url = urlsplit(self.path)
                owner.queries.append({"path": [url.path], **parse_qs(url.query)})
                if url.path.endswith("/collections/p3/items"):
                    body = {"type": "FeatureCollection", "features": features,
                            "numberMatched": len(features), "links": []}
                    kind = "application/geo+json"
                elif url.path.endswith("/collections/p3"):
                    body = {"id": "p3", "title": "p3", "links": [],
                            "crs": ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"]}
                    kind = "application/json"
                else:
                    body, kind = {"links": [], "collections": [{"id": "p3"}]}, \
                        "application/json"
                data = json.dumps(body).encode()  # NaN as Python writes it
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/ogc/collections"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
