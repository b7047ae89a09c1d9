"""Layers in the team database, and the batch run as SQL inside PostGIS (issue 24 §3).

``naturplan data load ROLE=FILE --project postgresql://…`` reads a file exactly as a local
load does (:func:`naturplan.io.loading.load_layer`: the same field mappings, CRS and validity
rules, polygons only for a polygon role) and writes its rows into the project database: one
table per role, ``naturplan_layer_<role>`` (``fid`` in the file's order, ``geom``
MultiPolygon in EPSG:25832 with a GiST index, the role's canonical fields as text), recorded
in ``naturplan_layers``. The rows go in by ``COPY`` (binary WKB), one transaction per command:
a failed load leaves the tables as they were.

When the layers live there, ``stats`` and ``parcels --out`` run as SQL in the database
(GiST-indexed ``ST_Intersects``/``ST_Intersection``, the server's parallel workers where its
planner uses them) and stream the rows back through a server-side cursor: the client holds one
batch of rows at a time, never a layer. The sliver rule is the local batch's
(:class:`naturplan.core.parcels.overlaps.SliverRule`): an overlap of one parcel with one
feature counts only if it is at least ``min_area_m2`` and somewhere wider than ``min_width_m``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import shapely

from naturplan.core.errors import LayerLoadError
from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.roles import WORKING_EPSG, Role
from naturplan.io.loading import LayerRequest, load_layer_parts
from naturplan.io.project.postgis_schema import connect
from naturplan.io.raster import is_raster_path

REGISTRY = "naturplan_layers"
_REGISTRY_DDL = (
    f"CREATE TABLE IF NOT EXISTS {REGISTRY} (role text PRIMARY KEY, table_name text NOT NULL,"
    " sources text NOT NULL, features integer NOT NULL, synthetic boolean NOT NULL,"
    " loaded_at timestamptz NOT NULL DEFAULT now())"
)
#: Rows fetched from the server per round trip while a result streams back.
BATCH_ROWS = 5000
_SAFE = re.compile(r"[^a-z0-9_]")


@dataclass(frozen=True)
class LoadedRole:
    """What ``data load`` wrote for one role: its table, the files and the row count."""

    role: Role
    table: str
    sources: tuple[str, ...]
    features: int


def table_for(role: Role) -> str:
    """The table of *role*'s layer in the project database."""
    return f"naturplan_layer_{role.value}"


def _column(name: str) -> str:
    return _SAFE.sub("_", name.lower()) or "field"


def load_into_database(conninfo: str, requests: Sequence[LayerRequest],
                       progress: Callable[[str], None] | None = None) -> list[LoadedRole]:
    """Load every request's file as a local load would and replace its role's table.

    Several files of one role (the real bird areas and the synthetic habitat sites are both
    Natura 2000) go into one table, in the order given. A file is read and sent a part at a
    time (:func:`~naturplan.io.loading.load_layer_parts`), so memory holds one part, not
    the layer. All of it is one transaction.

    Raises
    ------
    NaturplanError
        As a local load of the file (no file, no CRS, a mapping that does not fit, no
        polygons), or :class:`StoreError` when the database cannot be reached; nothing is
        written then.
    """
    by_role: dict[Role, list[LayerRequest]] = {}
    for request in requests:
        if is_raster_path(request.path):
            raise LayerLoadError(
                "Only vector layers can be loaded into the database; {name} is a raster.",
                name=request.path.name)
        by_role.setdefault(request.role, []).append(request)
    conn = connect(conninfo)
    try:
        with conn.transaction():
            conn.execute(_REGISTRY_DDL)
            loaded = [_write_role(conn, role, role_requests, progress)
                      for role, role_requests in by_role.items()]
        for item in loaded:
            conn.execute(f"ANALYZE {item.table}")
    finally:
        conn.close()
    return loaded


def _write_role(conn: Any, role: Role, requests: list[LayerRequest],
                progress: Callable[[str], None] | None) -> LoadedRole:
    table = table_for(role)
    conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute(f"CREATE TABLE {table} (fid bigint PRIMARY KEY,"
                 f" geom geometry(MultiPolygon, {WORKING_EPSG}) NOT NULL)")
    columns: dict[str, str] = {}  # canonical field -> column
    fid = 0
    sources: list[str] = []
    synthetic = False
    for request in requests:
        for part in load_layer_parts(request):
            if not isinstance(part, VectorLayer):
                raise LayerLoadError("Only vector layers can be loaded into the database;"
                                     " {name} is a raster.", name=request.path.name)
            if progress is not None:
                progress(part.source.label)
            if part.source.label not in sources:
                sources.append(part.source.label)
            synthetic |= part.source.synthetic
            fid = _copy_part(conn, table, part, columns, fid)
    conn.execute(f"CREATE INDEX {table}_geom ON {table} USING gist (geom)")
    conn.execute(
        f"INSERT INTO {REGISTRY} (role, table_name, sources, features, synthetic)"
        " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (role) DO UPDATE SET"
        " table_name = EXCLUDED.table_name, sources = EXCLUDED.sources,"
        " features = EXCLUDED.features, synthetic = EXCLUDED.synthetic, loaded_at = now()",
        (role.value, table, "; ".join(sources), fid, synthetic))
    return LoadedRole(role, table, tuple(sources), fid)


def _copy_part(conn: Any, table: str, part: VectorLayer, columns: dict[str, str],
               fid: int) -> int:
    """COPY the polygons of *part* into *table* (adding the fields it brings); returns the
    next fid."""
    frame = part.frame
    for name in frame.columns:
        if name != frame.geometry.name and name not in columns:
            columns[name] = _column(name)
            conn.execute(f'ALTER TABLE {table} ADD COLUMN "{columns[name]}" text')
    fields = list(columns)
    n = len(frame)
    values = [frame[f].tolist() if f in frame.columns else [None] * n for f in fields]
    names = "".join(f', "{columns[f]}"' for f in fields)
    with conn.cursor().copy(f"COPY {table} (fid, geom{names}) FROM STDIN") as copy:
        for i, geom in enumerate(frame.geometry.to_numpy()):
            multi = _multi(geom)
            if multi is None:
                continue
            ewkb = shapely.to_wkb(shapely.set_srid(multi, WORKING_EPSG), hex=True,
                                  output_dimension=2, include_srid=True)
            copy.write_row([fid, ewkb] + [_text(column[i]) for column in values])
            fid += 1
    return fid


def _multi(geom: Any) -> Any:
    """A polygon as a one-part MultiPolygon, a MultiPolygon as it is, anything else None
    (a polygon role's layer keeps its polygons, as :func:`theme_layer` does)."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    return geom if geom.geom_type == "MultiPolygon" else None


def _text(value: object) -> str | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN, NA
            return None
    except (TypeError, ValueError):
        return None
    return str(value)


def database_layers(conninfo: str) -> dict[Role, str]:
    """Role → table of the layers loaded into the project database (empty if none)."""
    return {role: table for role, (table, _) in _registry(conninfo).items()}


def synthetic_roles(conninfo: str) -> set[Role]:
    """The roles whose loaded layer holds generated sample data."""
    return {role for role, (_, synthetic) in _registry(conninfo).items() if synthetic}


def _registry(conninfo: str) -> dict[Role, tuple[str, bool]]:
    conn = connect(conninfo, readonly=True)
    try:
        found = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (REGISTRY,)).fetchone()
        if not found or not found[0]:
            return {}
        rows = conn.execute(f"SELECT role, table_name, synthetic FROM {REGISTRY}").fetchall()
    finally:
        conn.close()
    return {Role(role): (table, bool(synthetic)) for role, table, synthetic in rows}


# --- the batch in SQL -----------------------------------------------------------------------


def _counted_overlaps(theme_table: str, value: str) -> str:
    """SQL of the counted (non-sliver) overlaps of each parcel with each feature of
    *theme_table*: ``parcel``, ``g``, its area ``a`` and the feature's *value* (parameters
    ``min_area``, ``width``)."""
    return f"""
      SELECT parcel, g, a, value FROM (
        SELECT parcel, g, value, ST_Area(g) AS a, ST_Perimeter(g) AS per FROM (
          SELECT p.fid AS parcel, {value} AS value,
                 ST_CollectionExtract(ST_Intersection(p.geom, f.geom), 3) AS g
          FROM {table_for(Role.PARCELS)} p JOIN {theme_table} f
            ON ST_Intersects(p.geom, f.geom)) pairs) measured
      WHERE a > 0 AND a >= %(min_area)s AND NOT (
        %(width)s > 0 AND 2 * a <= %(width)s * per AND
        ST_Area(ST_Buffer(g, -%(width)s / 2.0, 'quad_segs=2')) <= 0)"""


def _theme_parts(theme_table: str, name: str, value: str, by_area: bool) -> list[str]:
    """The CTEs of one theme: its counted overlaps, the union area per parcel and the
    parcel's distinct values joined with ", " (largest overlap first with *by_area*, overlaps
    equal to 0.01 m² by name, else in code point order, as the local table joins them)."""
    order = "round(a::numeric, 2) DESC, value COLLATE \"C\"" if by_area else "value COLLATE \"C\""
    return [
        f"{name}_c AS MATERIALIZED ({_counted_overlaps(theme_table, value)})",
        f"{name} AS (SELECT parcel, ST_Area(ST_Union(g)) AS m2 FROM {name}_c GROUP BY parcel)",
        f"{name}_v AS (SELECT parcel, string_agg(value, ', ' ORDER BY {order}) AS names"
        f" FROM (SELECT parcel, value, sum(a) AS a FROM {name}_c WHERE value <> ''"
        f" GROUP BY parcel, value) x GROUP BY parcel)",
    ]


def _value_of(columns: set[str], names: Sequence[str]) -> str:
    present = [f'f."{n}"' for n in names if n in columns]
    if not present:
        return "''"
    return f"btrim(coalesce({', '.join(present)}, ''))"


#: The columns :func:`parcel_rows` yields, in order.
ROW_COLUMNS = ("ejerlavskode", "ejerlavsnavn", "matrikelnummer", "registreretareal",
               "area_m2", "p3_m2", "p3_types", "natura2000_m2", "natura2000_codes")
#: Per measured theme: its CTE name, the fields whose first non-empty value names a feature,
#: and whether a parcel's names are ordered by overlap area.
_THEMES = ((Role.NATURE_P3, "p3", ("natyp_navn",), True),
           (Role.NATURA2000, "n2k", ("site_ident", "objektnavn"), False))


def parcel_rows(conninfo: str, min_area_m2: float, min_width_m: float,
                batch: int = BATCH_ROWS) -> Iterator[tuple[Any, ...]]:
    """Every parcel of the database's parcel layer with its §3 and Natura 2000 areas (m²,
    overlapping features counted once, slivers left out) and the names of the §3 types and
    sites, in the layer's order, streamed: :data:`ROW_COLUMNS` (the first four as the
    layer's text, None where it has no such field).

    A theme whose layer is not in the database yields None in its columns (not measured).

    Raises
    ------
    LayerLoadError
        If the database holds no parcel layer.
    """
    layers = database_layers(conninfo)
    if Role.PARCELS not in layers:
        raise LayerLoadError(
            "The project database holds no parcels; load them with naturplan data load.")
    parcels = table_for(Role.PARCELS)
    with_parts: list[str] = []
    joins: list[str] = []
    values: list[str] = []
    for role, name, fields, by_area in _THEMES:
        if role in layers:
            table = table_for(role)
            value = _value_of(_present_columns(conninfo, table), fields)
            with_parts += _theme_parts(table, name, value, by_area)
            joins.append(f" LEFT JOIN {name} ON {name}.parcel = p.fid"
                         f" LEFT JOIN {name}_v ON {name}_v.parcel = p.fid")
            values += [f"coalesce({name}.m2, 0)", f"coalesce({name}_v.names, '')"]
        else:
            values += ["NULL::float8", "NULL::text"]
    names = _present_columns(conninfo, parcels)
    text = [f'p."{c}"' if c in names else "NULL" for c in ROW_COLUMNS[:4]]
    sql = (("WITH " + ", ".join(with_parts) + " ") if with_parts else "") + (
        f"SELECT {', '.join(text)}, ST_Area(p.geom), {', '.join(values)}"
        f" FROM {parcels} p{''.join(joins)} ORDER BY p.fid")
    conn = connect(conninfo, readonly=True)
    try:
        with conn.transaction(), conn.cursor(name="naturplan_parcels") as cursor:
            cursor.itersize = batch
            cursor.execute(sql, {"min_area": float(min_area_m2), "width": float(min_width_m)})
            yield from cursor
    finally:
        conn.close()


def _present_columns(conninfo: str, table: str) -> set[str]:
    conn = connect(conninfo, readonly=True)
    try:
        rows = conn.execute("SELECT column_name FROM information_schema.columns"
                            " WHERE table_name = %s", (table,)).fetchall()
    finally:
        conn.close()
    return {r[0] for r in rows}


@dataclass(frozen=True)
class DatabaseShare:
    """The protected share measured in the database: areas in m² inside the municipality."""

    municipality_area_m2: float
    area_m2: float
    by_type: Mapping[str, float]


def protected_share(conninfo: str, municipality: Any,
                    roles: Sequence[Role] = (Role.NATURE_P3,)) -> DatabaseShare:
    """Area of the union of the protected roles' polygons inside *municipality* (a shapely
    polygon in EPSG:25832), and per §3 type, computed in the database.

    Raises
    ------
    LayerLoadError
        If no protected role's layer is in the database.
    """
    layers = database_layers(conninfo)
    tables = [table_for(r) for r in roles if r in layers]
    if not tables:
        raise LayerLoadError(
            "The project database holds no layer of the protected roles ({roles}).",
            roles=", ".join(r.value for r in roles))
    union = " UNION ALL ".join(f"SELECT geom FROM {t} WHERE geom && m.g" for t in tables)
    wkb = shapely.to_wkb(municipality, hex=True, flavor="iso", output_dimension=2)
    conn = connect(conninfo, readonly=True)
    try:
        params = {"m": wkb, "srid": WORKING_EPSG}
        head = "WITH m AS (SELECT ST_SetSRID(ST_GeomFromWKB(decode(%(m)s, 'hex')), %(srid)s) g)"
        total = conn.execute(
            f"{head} SELECT ST_Area(ST_Intersection(ST_Union(x.geom), (SELECT g FROM m)))"
            f" FROM m, LATERAL ({union}) x", params).fetchone()
        by_type: dict[str, float] = {}
        if Role.NATURE_P3 in roles and Role.NATURE_P3 in layers:
            p3 = table_for(Role.NATURE_P3)
            if "natyp_navn" in _present_columns(conninfo, p3):
                rows = conn.execute(
                    f"{head} SELECT coalesce(f.natyp_navn, ''),"
                    f" ST_Area(ST_Intersection(ST_Union(f.geom), (SELECT g FROM m)))"
                    f" FROM {p3} f WHERE f.geom && (SELECT g FROM m) GROUP BY 1",
                    params).fetchall()
                by_type = {str(k): float(v or 0.0) for k, v in rows}
    finally:
        conn.close()
    return DatabaseShare(float(municipality.area), float((total or [0.0])[0] or 0.0), by_type)
