"""Parcel search and the status card by index, for a parcel layer too large to hold
(issue 24 §2: a card p95 under 1 s from a cold search on 2.5 million parcels).

The search by ejerlav and matrikelnummer is one SQL query on the GeoPackage (through the
attribute index :func:`~naturplan.io.windowed.create_parcel_index` made when the national
world is built, or a plain scan where a file has none); the parcel is then read through
the R-tree by its box. The card is the card of
:class:`~naturplan.core.parcels.context.ParcelContext`, built on just that parcel and, from
every other layer, only the features whose boxes meet the parcel's: a windowed layer is
read from its file through the R-tree, a layer held whole is cut down with its spatial
index. So the card by index equals the card from whole layers.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import sqlite3
from collections.abc import Sequence
from contextlib import closing

import numpy as np
import pandas as pd
import shapely

from naturplan.core.errors import NaturplanError
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import VectorLayer, WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.addresses import AddressIndex, AddressRef
from naturplan.core.parcels.overlaps import SliverRule
from naturplan.core.parcels.search import Missing, ParcelRef, SearchResult, Suggestion
from naturplan.core.parcels.status import StatusCard
from naturplan.core.parcels.text import join_matrikel, squash
from naturplan.core.parcels.themes import Theme, ThemeLayer
from naturplan.io import geopackage
from naturplan.io.address_index import IndexedAddresses
from naturplan.io.loading import file_bounds
from naturplan.io.windowed import (
    KEY_FIELDS,
    Bounds,
    field_mapping,
    inspect_layer,
    read_window,
    rtree_table,
)


class IndexedParcels:
    """Search and cards on *parcels* (a windowed layer of *dataset*) without reading it.

    Parameters
    ----------
    dataset
        The open dataset: every other layer it holds may apply to a parcel.
    parcels
        Its parcel layer (a GeoPackage layer with an R-tree).
    candidates
        The project's candidate areas, or None.
    rule
        The sliver tolerance.
    """

    def __init__(self, dataset: Dataset, parcels: WindowedLayer,
                 candidates: VectorLayer | None = None, rule: SliverRule | None = None) -> None:
        request = parcels.request
        if request is None:
            raise NaturplanError("No parcels are loaded.")
        self.dataset, self.parcels, self.candidates = dataset, parcels, candidates
        self.rule = rule or SliverRule()
        info = inspect_layer(request)
        mapping = field_mapping(request, info)
        self.path, self.table = info.path, str(info.layer)
        self.rtree = rtree_table(info)
        self.fields = {c: mapping.source_field(c)
                       for c in (*KEY_FIELDS, "ejerlavsnavn") if c not in mapping.constants}
        self._addresses: AddressIndex | IndexedAddresses | None = None
        #: Theme → layers that replace the dataset's (:meth:`with_themes`).
        self.extra: dict[Theme, tuple[ThemeLayer, ...]] = {}

    # -- search -----------------------------------------------------------------------
    def search(self, text: str) -> SearchResult:
        """``"7a, 60851"``, ``"60851 7a"`` or ``"7a, Ejerlav name"``: one parcel by SQL; or
        an address (``"Vesterbro 14, 9000"``) when the line is one and no parcel was found."""
        text = str(text).strip()
        tokens = [t for t in re.split(r"[\s,;]+", join_matrikel(text)) if t]
        numeric = [t for t in tokens if re.fullmatch(r"\d+[a-zæøå]{0,2}", t, re.IGNORECASE)]
        codes = [t for t in numeric if t.isdigit() and len(t) >= 4]
        numbers = [t for t in numeric if t not in codes[:1]]
        parcel = SearchResult(text, missing=Missing.QUERY, missing_text=text)
        if codes and numbers:
            parcel = self.find(codes[0], numbers[-1], text)
        elif numbers:
            name = text.split(",", 1)[1].strip() if "," in text else " ".join(
                t for t in tokens if t not in numeric)
            parcel = self.find(name, numbers[-1], text)
        index = self._address_index()
        if parcel.found or index is None or not index.looks_like_address(text):
            return parcel
        address = self.find_address(text)
        return address if address.found or address.missing is Missing.NO_PARCEL else parcel

    def find(self, ejerlav: str, matrikel: str, query: str | None = None) -> SearchResult:
        """The parcel *matrikel* in the ejerlav *ejerlav* (its code or its whole name)."""
        query = query or f"{matrikel}, {ejerlav}"
        wanted = squash(join_matrikel(matrikel))
        code_field, number_field = self.fields["ejerlavskode"], self.fields["matrikelnummer"]
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
            codes = self._ejerlav_codes(conn, ejerlav.strip())
            if not codes:
                return SearchResult(query, missing=Missing.EJERLAV, missing_text=ejerlav)
            marks = ",".join("?" * len(codes))
            row = conn.execute(
                f'SELECT fid, "{code_field}" FROM "{self.table}" WHERE "{code_field}" IN '
                f'({marks}) AND "{number_field}" = ? ORDER BY fid LIMIT 1',
                (*codes, wanted)).fetchone()
        if row is None:
            return SearchResult(query, missing=Missing.MATRIKEL, missing_text=matrikel,
                                ejerlav=ejerlav)
        fid, code = int(row[0]), int(row[1])
        return SearchResult(query, parcel=ParcelRef(fid, code, self._name(code), wanted))

    def _ejerlav_codes(self, conn: sqlite3.Connection, ejerlav: str) -> list[int]:
        if ejerlav.isdigit():
            found = conn.execute(
                f'SELECT 1 FROM "{self.table}" WHERE "{self.fields["ejerlavskode"]}" = ? '
                "LIMIT 1", (int(ejerlav),)).fetchone()
            return [int(ejerlav)] if found else []
        name_field = self.fields.get("ejerlavsnavn")
        if name_field is None or not ejerlav:
            return []
        rows = conn.execute(
            f'SELECT DISTINCT "{self.fields["ejerlavskode"]}" FROM "{self.table}" '
            f'WHERE "{name_field}" = ? COLLATE NOCASE', (ejerlav,)).fetchall()
        return [int(r[0]) for r in rows if r[0] is not None]

    def _name(self, code: int) -> str:
        name_field = self.fields.get("ejerlavsnavn")
        if name_field is None:
            return ""
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
            row = conn.execute(
                f'SELECT "{name_field}" FROM "{self.table}" WHERE "{self.fields["ejerlavskode"]}"'
                " = ? LIMIT 1", (code,)).fetchone()
        return "" if row is None or row[0] is None else str(row[0])

    def find_address(self, text: str) -> SearchResult:
        """The parcel under the address *text*: the addresses are searched as
        :class:`~naturplan.core.parcels.search.ParcelFinder` does (a windowed addresses
        layer by SQL, :mod:`naturplan.io.address_index`), the parcel under the point is
        found through the R-tree."""
        index = self._address_index()
        if index is None:
            return SearchResult(text, missing=Missing.ADDRESS, missing_text=text)
        hit, near = index.find(text)
        if hit is None:
            offered = tuple(Suggestion(self.at_point(a.x, a.y), a, score) for a, score in near)
            return SearchResult(text, missing=Missing.ADDRESS, missing_text=text,
                                suggestions=offered)
        parcel = self.at_point(hit.x, hit.y)
        if parcel is None:
            return SearchResult(text, address=hit, missing=Missing.NO_PARCEL, missing_text=text)
        return SearchResult(text, parcel=parcel, address=hit)

    def _address_index(self) -> AddressIndex | IndexedAddresses | None:
        if self._addresses is None:
            windowed = [a for a in self.dataset.vector(Role.ADDRESSES)
                        if isinstance(a, WindowedLayer)]
            if windowed:  # the national addresses: searched by SQL, never loaded whole
                self._addresses = IndexedAddresses(windowed[0])
                return self._addresses
            frames = [a.frame for a in self.dataset.vector(Role.ADDRESSES) if len(a.frame)]
            if not frames:
                return None
            self._addresses = AddressIndex(frames[0] if len(frames) == 1 else pd.concat(
                frames, ignore_index=True))
        return self._addresses

    @property
    def finder(self) -> IndexedParcels:
        """What the identify tool asks for the parcel at a point (:meth:`at_point`)."""
        return self

    def at_point(self, x: float, y: float) -> ParcelRef | None:
        """The parcel under (x, y), EPSG:25832: the R-tree's boxes, then the polygons."""
        if self.rtree is None:
            return None
        info = inspect_layer(self.parcels.request)
        fx, fy, _, _ = file_bounds(info, (x, y, x, y), self.parcels.request.assume_crs)
        geometry_column = geopackage.describe_layer(self.path, self.table).geometry_column
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(
                f'SELECT t.fid, t."{geometry_column}" FROM "{self.rtree}" r JOIN '
                f'"{self.table}" t ON t.fid = r.id WHERE r.minx <= ? AND r.maxx >= ? AND '
                "r.miny <= ? AND r.maxy >= ? ORDER BY t.fid", (fx, fx, fy, fy)).fetchall()
        if not rows:
            return None
        geoms = geopackage.decode_blobs([r[1] for r in rows], self.table)
        hits = np.flatnonzero(shapely.intersects(geoms, shapely.Point(fx, fy)))
        return self.ref(int(rows[int(hits[0])][0])) if len(hits) else None

    def ref(self, fid: int) -> ParcelRef:
        """The key of the parcel with feature id *fid*.

        Raises
        ------
        NaturplanError
            If the layer has no such feature.
        """
        code_field, number_field = self.fields["ejerlavskode"], self.fields["matrikelnummer"]
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
            row = conn.execute(f'SELECT "{code_field}", "{number_field}" FROM "{self.table}" '
                               "WHERE fid = ?", (fid,)).fetchone()
        if row is None:
            raise NaturplanError("No parcel at row {row}.", row=fid)
        code = None if row[0] is None else int(row[0])
        return ParcelRef(fid, code, self._name(code) if code is not None else "",
                         squash(str(row[1] or "")))

    # -- variants (as ParcelContext's) ------------------------------------------------
    def with_themes(self, theme: Theme, layers: Sequence[ThemeLayer]) -> IndexedParcels:
        """The same lookup with *layers* as the layers of *theme* (the candidates after an
        edit; they are cut to each card's parcel like every other layer)."""
        other = copy.copy(self)
        other.extra = {**self.extra, theme: tuple(layers)}
        return other

    def with_rule(self, rule: SliverRule) -> IndexedParcels:
        other = copy.copy(self)
        other.rule = rule
        return other

    def prepare(self) -> None:
        """Nothing to build ahead: every card reads what it needs."""

    # -- the card ---------------------------------------------------------------------
    def card_for(self, result: SearchResult) -> StatusCard:
        """The card of a search's parcel.

        Raises
        ------
        NaturplanError
            If the search found no parcel.
        """
        if result.parcel is None:
            raise NaturplanError("No parcel was found for '{query}'.", query=result.query)
        return self.card(result.parcel.position, result.address)

    def card(self, position: int, address: AddressRef | None = None) -> StatusCard:
        """The status card of the parcel with feature id *position*.

        Raises
        ------
        NaturplanError
            If there is no such parcel.
        """
        from naturplan.io.parcels import parcel_context

        ref = self.ref(position)
        window = read_window(self.parcels, self._box(position), resolution=0.0)
        frame = window.frame
        keys = (frame["ejerlavskode"].astype("Int64") == ref.ejerlavskode) & (
            frame["matrikelnummer"].astype(str).map(squash) == ref.matrikelnummer)
        one = frame[keys.fillna(False).to_numpy(dtype=bool)].iloc[:1].reset_index(drop=True)
        if not len(one):
            raise NaturplanError("No parcel at row {row}.", row=position)
        bounds = tuple(float(v) for v in one.geometry.iloc[0].bounds)
        near = Dataset(self.dataset.municipality, sample=self.dataset.sample)
        near.layers = [dataclasses.replace(window, frame=one)]
        near.layers += [_near(layer, bounds) for layer in self.dataset.layers
                        if layer.role is not Role.PARCELS and layer.role is not Role.MUNICIPALITY]
        candidates = None if self.candidates is None else _near(self.candidates, bounds)
        context = parcel_context(near, candidates=candidates, rule=self.rule)
        for theme, layers in self.extra.items():
            context = context.with_themes(theme, [_near_theme(t, bounds) for t in layers])
        card = context.card(0, address)
        info = dataclasses.replace(card.parcel, ref=dataclasses.replace(
            card.parcel.ref, position=position))
        return dataclasses.replace(card, parcel=info)

    def _box(self, fid: int) -> Bounds:
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
            row = conn.execute(f'SELECT minx, miny, maxx, maxy FROM "{self.rtree}" WHERE id = ?',
                               (fid,)).fetchone()
        if row is None:
            raise NaturplanError("No parcel at row {row}.", row=fid)
        # The R-tree's boxes are single precision: widen by a metre to hold the parcel.
        return (row[0] - 1.0, row[1] - 1.0, row[2] + 1.0, row[3] + 1.0)


def _near_theme(layer: ThemeLayer, bounds: Bounds) -> ThemeLayer:
    """*layer* cut down to the features whose boxes meet *bounds*."""
    rows = np.sort(shapely.STRtree(layer.geometries).query(shapely.box(*bounds)))
    return dataclasses.replace(layer, geometries=layer.geometries[rows],
                               attributes=layer.attributes.iloc[rows].reset_index(drop=True),
                               classes=layer.classes[rows])


def _near(layer, bounds: Bounds):  # type: ignore[no-untyped-def]
    """*layer* cut down to the features whose boxes meet *bounds* (a raster as it is)."""
    if isinstance(layer, WindowedLayer):
        return read_window(layer, bounds, resolution=0.0)
    if not isinstance(layer, VectorLayer):
        return layer
    frame = layer.frame
    if not len(frame):
        return layer
    rows = np.sort(frame.sindex.query(shapely.box(*bounds)))
    return dataclasses.replace(layer, frame=frame.iloc[rows])
