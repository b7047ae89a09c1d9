"""The address search on a windowed addresses layer (issue 24 §2): by SQL, not in memory.

The national world's 1.03 million address points are read per map window like the parcels
(:mod:`naturplan.io.windowed`); a search must not load them whole. :class:`IndexedAddresses`
keeps only the distinct street names (a few ten thousand strings) and reads the addresses of
the streets a search names through the attribute index :func:`create_address_index` makes;
over those rows :class:`~naturplan.core.parcels.addresses.AddressIndex` answers exactly as it
does over the whole layer (its exact match, the nearest house numbers, the nearest streets:
the streets it would offer are chosen here among all names first).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pandas as pd
import shapely
from rapidfuzz import fuzz, process

from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.parcels.addresses import (
    MAX_SUGGESTIONS,
    AddressIndex,
    AddressRef,
    parse_address,
)
from naturplan.core.parcels.text import fold, squash
from naturplan.io import geopackage
from naturplan.io.loading import LayerRequest
from naturplan.io.windowed import create_indexes, field_mapping, inspect_layer

#: The canonical fields an address is found by and shown with.
FIELDS = ("vejnavn", "husnr", "postnr", "postnrnavn")


def create_address_index(request: LayerRequest) -> None:
    """Index the addresses layer of *request* (a GeoPackage) by street name; done when a
    dataset is prepared (the national world), never behind a user's back.

    Raises
    ------
    LayerLoadError, FieldMappingError
        As loading the layer would.
    """
    create_indexes(request, lambda info, mapping: [
        ("vejnavn", f'"{mapping.source_field("vejnavn")}"')])


class IndexedAddresses:
    """Searches *layer* (a windowed GeoPackage addresses layer) as an ``AddressIndex`` would,
    reading only the addresses of the streets a search names."""

    def __init__(self, layer: WindowedLayer) -> None:
        request = layer.request
        assert request is not None, "a windowed layer knows its request"
        info = inspect_layer(request)
        mapping = field_mapping(request, info)
        self.path, self.table = info.path, str(info.layer)
        self.fields = {c: mapping.source_field(c) for c in FIELDS
                       if c not in mapping.constants and mapping.source_field(c) in info.fields}
        self.geometry = geopackage.describe_layer(info.path, self.table).geometry_column
        self.crs = info.crs or request.assume_crs or "EPSG:25832"
        self._names: dict[str, list[str]] | None = None
        self._folded: list[str] = []
        self._keys: list[str] = []

    def _streets(self) -> dict[str, list[str]]:
        """Street key (:func:`squash`) → the names as stored, read once (distinct names)."""
        if self._names is None:
            with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
                rows = conn.execute(f'SELECT DISTINCT "{self.fields["vejnavn"]}" FROM '
                                    f'"{self.table}"').fetchall()
            names: dict[str, list[str]] = {}
            for (name,) in rows:
                if name is not None:
                    names.setdefault(squash(str(name)), []).append(str(name))
            self._names = names
            self._keys = list(names)
            self._folded = [fold(names[k][0]) for k in self._keys]
        return self._names

    def looks_like_address(self, text: str) -> bool:
        """True if *text* has the shape of an address and its street exists (or nearly)."""
        query = parse_address(text)
        if query is None:
            return False
        if squash(query.street) in self._streets():
            return True
        return bool(process.extractOne(fold(query.street), self._folded, scorer=fuzz.WRatio,
                                       score_cutoff=75))

    def find(self, text: str) -> tuple[AddressRef | None, list[tuple[AddressRef, float]]]:
        """The address *text* names, or None and the nearest addresses with scores 0..100."""
        query = parse_address(text)
        if query is None:
            return None, []
        streets = self._streets()
        key = squash(query.street)
        if key in streets:
            names = streets[key]
        else:  # the streets the whole index would offer: the nearest names of all
            scored = process.extract(fold(query.street), self._folded, scorer=fuzz.WRatio,
                                     limit=MAX_SUGGESTIONS * 2, score_cutoff=60)
            names = [n for _, _, i in scored for n in streets[self._keys[i]]]
        if not names:
            return None, []
        return AddressIndex(self._rows(names)).find(text)

    def _rows(self, names: list[str]) -> pd.DataFrame:
        """The addresses on the streets *names* (canonical fields, points), by the index."""
        import geopandas as gpd

        columns = list(self.fields)
        select = ", ".join(f'"{self.fields[c]}"' for c in columns)
        marks = ",".join("?" * len(names))
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(
                f'SELECT {select}, "{self.geometry}" FROM "{self.table}" WHERE '
                f'"{self.fields["vejnavn"]}" IN ({marks}) ORDER BY fid', names).fetchall()
        frame = pd.DataFrame([r[:-1] for r in rows], columns=columns)
        for column in columns:
            frame[column] = frame[column].map(lambda v: "" if v is None else str(v))
        points = geopackage.decode_blobs([r[-1] for r in rows], self.table)
        x, y = shapely.get_x(points), shapely.get_y(points)
        if str(self.crs).upper() != "EPSG:25832":  # the working CRS, as a whole load gives
            from pyproj import Transformer

            from naturplan.io.vector import parse_crs

            x, y = Transformer.from_crs(parse_crs(str(self.crs)), 25832,
                                        always_xy=True).transform(x, y)
        from naturplan.io.addresses import _normalise

        out = gpd.GeoDataFrame(frame, geometry=shapely.points(x, y), crs="EPSG:25832")
        _normalise(out)  # as a whole load gives the fields
        return out
