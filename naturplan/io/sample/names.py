"""Names and numbers for the synthetic sample: places, ejerlav names, matrikelnumre.

The place list holds real villages and parishes of Aalborg Kommune with approximate
positions (WGS84 lon/lat). They only lend the synthetic cadastre plausible names; no
real ejerlav boundary or number is reproduced.
"""

from __future__ import annotations

import numpy as np
import pyproj

#: (name, lon, lat, radius of the built-up area in m; 0 = parish name only, no village zone)
PLACES: tuple[tuple[str, float, float, float], ...] = (
    ("Vadum", 9.857, 57.118, 900.0),
    ("Sulsted", 9.974, 57.161, 700.0),
    ("Hals", 10.310, 57.000, 1000.0),
    ("Nibe", 9.638, 56.983, 1100.0),
    ("Storvorde", 10.100, 57.003, 900.0),
    ("Gistrup", 9.993, 56.996, 1100.0),
    ("Klarup", 10.056, 57.011, 1000.0),
    ("Vodskov", 10.025, 57.106, 1000.0),
    ("Svenstrup", 9.852, 56.975, 1100.0),
    ("Ellidshøj", 9.812, 56.950, 500.0),
    ("Frejlev", 9.818, 57.005, 700.0),
    ("Vestbjerg", 9.958, 57.129, 700.0),
    ("Ferslev", 10.050, 56.960, 500.0),
    ("Komdrup", 10.075, 56.955, 0.0),
    ("Gudumholm", 10.115, 56.955, 500.0),
    ("Sønderholm", 9.760, 56.990, 500.0),
    ("Farstrup", 9.790, 56.940, 0.0),
    ("Vester Hassing", 10.122, 57.064, 700.0),
    ("Ulsted", 10.245, 57.081, 600.0),
    ("Dokkedal", 10.242, 56.900, 500.0),
    ("Mou", 10.227, 56.960, 400.0),
    ("Egense", 10.295, 56.993, 400.0),
    ("Lindholm", 9.895, 57.070, 0.0),
    ("Nørresundby", 9.922, 57.060, 0.0),
    ("Hasseris", 9.880, 57.035, 0.0),
    ("Visse", 9.950, 56.985, 0.0),
    ("Skalborg", 9.885, 57.018, 0.0),
    ("Kongerslev", 10.110, 56.894, 600.0),
    ("Godthåb", 9.768, 57.010, 500.0),
    ("Tylstrup", 9.953, 57.193, 500.0),
    ("Gandrup", 10.170, 57.040, 600.0),
    ("Hou", 10.253, 56.916, 400.0),
    ("Hammer", 10.040, 57.090, 0.0),
    ("Sebber", 9.560, 56.985, 0.0),
    ("Sønder Tranders", 10.000, 57.030, 0.0),
    ("Sejlflod", 10.125, 56.990, 0.0),
    ("Romdrup", 10.060, 56.990, 0.0),
    ("Lillevorde", 10.140, 56.990, 0.0),
    ("Øster Hassing", 10.190, 57.080, 0.0),
    ("Hvorup", 9.945, 57.085, 0.0),
    ("Bislev", 9.770, 56.925, 0.0),
    ("Store Ajstrup", 10.170, 56.910, 0.0),
)

#: Suffixes of ejerlav names, in the order they are used for districts near the same place.
EJERLAV_SUFFIXES: tuple[str, ...] = (" By", " Markjorder", " Hgd.", " Mark", " Bygrunde", " Enge")
#: Prefixes used when a place has more districts than suffixes.
EJERLAV_PREFIXES: tuple[str, ...] = ("Nørre ", "Sønder ", "Øster ", "Vester ", "Store ", "Lille ")

_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz") + ("æ", "ø")
#: The Danish matrikel letter sequence: a … z, æ, ø, then aa, ab, … øø.
LETTER_SEQUENCE: tuple[str, ...] = _LETTERS + tuple(a + b for a in _LETTERS for b in _LETTERS)


def place_coordinates() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return the place names, their EPSG:25832 coordinates and village radii.

    Returns
    -------
    names : list of str
    xy : ndarray of shape (n, 2), metres in EPSG:25832
    radius : ndarray of shape (n,), metres (0 for parishes without a village zone)
    """
    transformer = pyproj.Transformer.from_crs(4326, 25832, always_xy=True)
    lon = np.array([p[1] for p in PLACES])
    lat = np.array([p[2] for p in PLACES])
    x, y = transformer.transform(lon, lat)
    radius = np.array([p[3] for p in PLACES])
    return [p[0] for p in PLACES], np.column_stack([x, y]), radius


def ejerlav_names(centres: np.ndarray) -> list[str]:
    """Name ejerlav districts after the nearest place and the nearest other place (parish).

    Parameters
    ----------
    centres : ndarray of shape (n, 2)
        District centres in EPSG:25832.

    Returns
    -------
    list of str
        Unique names such as ``"Vadum By, Vadum"`` or ``"Nørre Sulsted Mark, Vestbjerg"``.
    """
    names, xy, _ = place_coordinates()
    dist = np.hypot(centres[:, None, 0] - xy[None, :, 0], centres[:, None, 1] - xy[None, :, 1])
    order = np.argsort(dist, axis=1, kind="stable")
    used: dict[int, int] = {}
    result: list[str] = []
    for row in order:  # a few hundred districts: names are strings, not geometry
        place, parish = int(row[0]), int(row[1])
        k = used.get(place, 0)
        used[place] = k + 1
        n_suf = len(EJERLAV_SUFFIXES)
        prefix = "" if k < n_suf else EJERLAV_PREFIXES[(k // n_suf - 1) % len(EJERLAV_PREFIXES)]
        extra = "" if k < n_suf * (len(EJERLAV_PREFIXES) + 1) else f" {k}"
        suffix = EJERLAV_SUFFIXES[k % n_suf]
        parish_name = names[place] if k % 2 == 0 else names[parish]
        result.append(f"{prefix}{names[place]}{suffix}{extra}, {parish_name}")
    return result


def matrikelnumre(number: np.ndarray, rank: np.ndarray, group_size: np.ndarray) -> np.ndarray:
    """Build matrikelnumre from a number and a rank within the subdivided parcel group.

    Parameters
    ----------
    number : ndarray of int
        The parcel number within the ejerlav (one per original farm or block).
    rank : ndarray of int
        Position of the parcel within its group (0-based).
    group_size : ndarray of int
        Size of the group; a group of one keeps a plain number (``"7"``) in about half
        of the cases, decided by the parity of the number.

    Returns
    -------
    ndarray of str
        Values such as ``"7"``, ``"7a"``, ``"12bø"``.
    """
    letters = np.asarray(LETTER_SEQUENCE, dtype=object)[np.minimum(rank, len(LETTER_SEQUENCE) - 1)]
    plain = (group_size == 1) & (number % 2 == 0)
    letters = np.where(plain, "", letters)
    return np.char.add(number.astype(str), letters.astype(str)).astype(object)
