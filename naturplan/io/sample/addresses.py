"""Synthetic adgangsadresser (DAWA schema) on the synthetic parcels.

Every house plot and city lot (the smallest 55 % of the parcels: the city's and the villages'
share of the sample) gets an address, and about one farm parcel in five a farmhouse address;
the point lies inside its parcel, towards its nearest edge. Addresses within the
same 300 m square form one street; house numbers run along the street, odd on one side and
even on the other, with an occasional letter (``14A``).

Names: the city's streets take real names of central Aalborg streets (nearest the centre
first, so ``Vesterbro`` is where the real one is); elsewhere common Danish street names.
Postal districts are approximated by the nearest of the real post towns listed below (their
numbers and names are the real ones, their boundaries are not). Nothing here is a real
address: every layer of the sample says it is synthetic.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from naturplan.io.sample.geom import CITY_CENTRE, rng_for

#: Square (m) whose addresses share a street.
STREET_CELL = 300.0
#: The smallest parcels, this share of all, are house plots: each gets an address.
HOUSE_PLOT_SHARE = 0.55
#: Share of the larger parcels that get a farmhouse address.
FARM_SHARE = 0.2

#: Real post towns in and around Aalborg Kommune: (postnr, postnrnavn, lon, lat). The
#: centre, SV, SØ and Øst stand at their districts' approximate middles.
POST_TOWNS: tuple[tuple[str, str, float, float], ...] = (
    ("9000", "Aalborg", 9.918, 57.048),
    ("9200", "Aalborg SV", 9.875, 57.015),
    ("9210", "Aalborg SØ", 9.965, 57.015),
    ("9220", "Aalborg Øst", 10.010, 57.040),
    ("9400", "Nørresundby", 9.922, 57.065),
    ("9430", "Vadum", 9.857, 57.118),
    ("9380", "Vestbjerg", 9.958, 57.129),
    ("9381", "Sulsted", 9.974, 57.161),
    ("9382", "Tylstrup", 9.953, 57.193),
    ("9310", "Vodskov", 10.025, 57.106),
    ("9362", "Gandrup", 10.170, 57.040),
    ("9370", "Hals", 10.310, 57.000),
    ("9280", "Storvorde", 10.100, 57.003),
    ("9270", "Klarup", 10.056, 57.011),
    ("9260", "Gistrup", 9.993, 56.996),
    ("9293", "Kongerslev", 10.110, 56.894),
    ("9230", "Svenstrup J", 9.852, 56.975),
    ("9240", "Nibe", 9.638, 56.983),
)

#: Central Aalborg streets (real names), nearest the centre first.
CITY_STREETS: tuple[str, ...] = (
    "Vesterbro", "Boulevarden", "Algade", "Bispensgade", "Østerågade", "Jomfru Ane Gade",
    "Nytorv", "Gammeltorv", "Hasserisgade", "Kastetvej", "Prinsensgade", "Danmarksgade",
    "Vingårdsgade", "Sønderbro", "Ved Stranden", "Strandvejen", "Kong Christians Allé",
    "Vesterå", "Løkkegade", "Ryesgade", "Kjellerups Torv", "Kayerødsgade", "Reberbansgade",
    "Badehusvej", "Sankelmarksgade", "Karolinelundsvej", "Østerbro", "Hobrovej",
    "Sohngårdsholmsvej", "Nibevej",
)

#: Common Danish street names for the towns and the country.
COMMON_STREETS: tuple[str, ...] = (
    "Kirkevej", "Skolevej", "Møllevej", "Engvej", "Markvej", "Bygaden", "Stationsvej",
    "Søndergade", "Nørregade", "Vestergade", "Østergade", "Lærkevej", "Birkevej", "Egevej",
    "Bøgevej", "Ahornvej", "Granvej", "Rosenvej", "Tjørnevej", "Hybenvej", "Bakkevej",
    "Højvangen", "Toften", "Vænget", "Skovvej", "Kærvej", "Mosevej", "Havrevej", "Rugvej",
    "Bygvej", "Hvedevej", "Mågevej", "Svalevej", "Vibevej", "Spurvevej", "Valmuevej",
    "Kløvervej", "Fasanvej", "Parkvej", "Idrætsvej", "Åbrinken", "Fjordvej", "Strandvej",
    "Engtoften", "Agervej", "Lyngvej", "Gadekæret", "Præstevej", "Smedievej", "Mejerivej",
)
#: When a postal district has more streets than names, names come again with these.
REPEAT_PREFIXES: tuple[str, ...] = ("", "Nørre ", "Søndre ", "Vestre ", "Østre ", "Store ",
                                    "Lille ", "Gamle ", "Nye ")


def _towns() -> tuple[np.ndarray, list[str], list[str]]:
    transformer = pyproj.Transformer.from_crs(4326, 25832, always_xy=True)
    x, y = transformer.transform([t[2] for t in POST_TOWNS], [t[3] for t in POST_TOWNS])
    return np.column_stack([x, y]), [t[0] for t in POST_TOWNS], [t[1] for t in POST_TOWNS]


def build_addresses(parcels: gpd.GeoDataFrame, seed: int) -> gpd.GeoDataFrame:
    """Addresses (points, DAWA fields) for the synthetic *parcels*.

    Returns
    -------
    GeoDataFrame in EPSG:25832 with ``vejnavn``, ``husnr``, ``postnr``, ``postnrnavn``,
    ``kommunekode`` and a text ``id``; deterministic for the same parcels and seed.
    """
    rng = rng_for(seed, "addresses")
    geoms = parcels.geometry.to_numpy()
    area = shapely.area(geoms)
    plot = area <= np.quantile(area, HOUSE_PLOT_SHARE) if len(area) else area > 0
    chosen = plot | (rng.random(len(geoms)) < FARM_SHARE)
    xy = _entrances(geoms[chosen])
    town_xy, postnr, postnrnavn = _towns()
    tree = shapely.STRtree(shapely.points(town_xy))
    town = tree.query_nearest(shapely.points(xy), all_matches=False)[1]
    table = pd.DataFrame({
        "x": xy[:, 0], "y": xy[:, 1], "town": town,
        "cx": np.floor(xy[:, 0] / STREET_CELL).astype(np.int64),
        "cy": np.floor(xy[:, 1] / STREET_CELL).astype(np.int64),
    })
    table["street"] = table.groupby(["town", "cx", "cy"], sort=True).ngroup()
    names = _street_names(table, postnr)
    table["vejnavn"] = names[table["street"].to_numpy()]
    table["husnr"] = _house_numbers(table)
    frame = gpd.GeoDataFrame(
        {
            "id": [f"syntetisk-{i + 1:06d}" for i in range(len(table))],
            "vejnavn": table["vejnavn"].to_numpy(object),
            "husnr": table["husnr"].to_numpy(object),
            "postnr": np.asarray(postnr, dtype=object)[town],
            "postnrnavn": np.asarray(postnrnavn, dtype=object)[town],
            "kommunekode": "0851",
        },
        geometry=shapely.points(xy),
        crs="EPSG:25832",
    )
    return frame


def _entrances(parcels: np.ndarray) -> np.ndarray:
    """A point inside each parcel, 60 % of the way from its middle towards its nearest edge
    (where an entrance would be, and not under the parcel's label); the middle itself where
    that point would fall outside (a parcel that is not convex)."""
    middle = shapely.point_on_surface(parcels)
    edge = shapely.shortest_line(middle, shapely.boundary(parcels))
    toward = shapely.line_interpolate_point(edge, 0.6, normalized=True)
    inside = shapely.contains_properly(parcels, toward)
    points = np.where(inside, toward, middle)
    return shapely.get_coordinates(points)


def _street_names(table: pd.DataFrame, postnr: list[str]) -> np.ndarray:
    """A name per street, unique within its postal district."""
    streets = table.groupby("street").agg(town=("town", "first"), x=("x", "mean"),
                                          y=("y", "mean"))
    names = np.empty(len(streets), dtype=object)
    for town, group in streets.groupby("town"):
        # Nearest the district's middle first, so the centre's streets get the first names.
        dist = np.hypot(group["x"] - CITY_CENTRE[0], group["y"] - CITY_CENTRE[1])
        order = group.index.to_numpy()[np.argsort(dist.to_numpy(), kind="stable")]
        pool = CITY_STREETS + COMMON_STREETS if postnr[int(town)] == "9000" else COMMON_STREETS
        for k, street in enumerate(order):
            prefix = REPEAT_PREFIXES[(k // len(pool)) % len(REPEAT_PREFIXES)]
            extra = "" if k < len(pool) * len(REPEAT_PREFIXES) else f" {k}"
            names[street] = f"{prefix}{pool[k % len(pool)]}{extra}"
    return names


def _house_numbers(table: pd.DataFrame) -> np.ndarray:
    """Numbers along each street: odd on one side, even on the other, every ninth on a
    side a letter on the number before it (``14A``)."""
    spread_x = table.groupby("street")["x"].transform(lambda s: s.max() - s.min())
    spread_y = table.groupby("street")["y"].transform(lambda s: s.max() - s.min())
    along_x = spread_x >= spread_y
    along = np.where(along_x, table["x"], table["y"])
    across = np.where(along_x, table["y"], table["x"])
    middle = pd.Series(across).groupby(table["street"].to_numpy()).transform("median")
    side = (across > middle.to_numpy()).astype(int)  # 0: odd numbers, 1: even
    order = pd.DataFrame({"street": table["street"], "side": side, "along": along})
    order = order.sort_values(["street", "side", "along"], kind="stable")
    rank = order.groupby(["street", "side"]).cumcount().to_numpy()
    lettered = (rank % 9 == 8)
    step = rank - rank // 9  # a lettered address shares the number before it
    number = np.where(order["side"].to_numpy() == 0, 2 * step - 1 + 2, 2 * step + 2)
    number = np.where(lettered, number - 2, number)
    text = number.astype(str).astype(object)
    text[lettered] = text[lettered] + "A"
    out = np.empty(len(table), dtype=object)
    out[order.index.to_numpy()] = text
    return out
