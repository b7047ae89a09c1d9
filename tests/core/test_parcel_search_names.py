"""Search as a case worker types (issue 19 item 7): a whole ejerlav name wins over longer
names that start with it; an address in several postcodes is ambiguous and lists them; the
suggestions for a missing matrikelnummer come from the ejerlav that was named first."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from naturplan.core.parcels.addresses import AddressIndex
from naturplan.core.parcels.search import Missing, ParcelFinder
from naturplan.text.parcel_search import search_message

ROWS = [  # the longer name first in the file, as a real extract may have it
    (1002, "Vester Hasseris Bygrunde", "7a"), (1002, "Vester Hasseris Bygrunde", "7c"),
    (1002, "Vester Hasseris Bygrunde", "7d"),
    (1001, "Vester Hasseris By", "7a"), (1001, "Vester Hasseris By", "7b"),
    (1001, "Vester Hasseris By", "12"),
    (1003, "Sønder Tranders Hgd.", "1a"), (1004, "Sønder Tranders Hgd. Parceller", "1a"),
    (1005, "Sønder Tranders By", "1a"),
    # as the cadastre writes them, with the parish after a comma
    (2001, "Nørre Vester Tranders Hgd., Vester Tranders", "2a"),
    (2002, "Vester Tranders Hgd., Vester Tranders", "2a"),
    (2003, "Sebber Markjorder, Nibe", "2a"), (2004, "Nibe Markjorder, Sønderholm", "2a"),
    (2005, "Nørre Nibe Markjorder, Sebber", "2a"),
]


@pytest.fixture(scope="module")
def finder() -> ParcelFinder:
    parcels = gpd.GeoDataFrame(
        {"ejerlavskode": [r[0] for r in ROWS], "ejerlavsnavn": [r[1] for r in ROWS],
         "matrikelnummer": [r[2] for r in ROWS]},
        geometry=[shapely.box(i * 10, 0, i * 10 + 10, 10) for i in range(len(ROWS))],
        crs=25832)
    addresses = gpd.GeoDataFrame(
        {"vejnavn": ["Kirkevej", "Kirkevej", "Kirkevej"], "husnr": ["3", "3", "5"],
         "postnr": ["9000", "9430", "9430"], "postnrnavn": ["Aalborg", "Vadum", "Vadum"]},
        geometry=shapely.points([(5, 5), (15, 5), (25, 5)]), crs=25832)
    return ParcelFinder(parcels, AddressIndex(addresses))


@pytest.mark.parametrize("text", ["7a Vester Hasseris By", "vr hasseris by 7a",
                                  "Vester Hasseris by, 7 a", "hasseris by 7a"])
def test_a_whole_name_wins_over_a_longer_name_that_starts_with_it(finder, text):
    result = finder.search(text)
    assert result.found, (text, result)
    assert (result.parcel.ejerlavsnavn, result.parcel.matrikelnummer) == (
        "Vester Hasseris By", "7a")


@pytest.mark.parametrize("text", ["Sønder Tranders Hgd. 1a", "sdr tranders hgd 1a",
                                  "1a, sdr. tranders hgd."])
def test_an_abbreviated_name_is_whole_too(finder, text):
    result = finder.search(text)
    assert result.found, (text, result)
    assert result.parcel.ejerlavsnavn == "Sønder Tranders Hgd."


def test_the_longer_name_is_still_found_by_its_whole_name(finder):
    result = finder.search("7a Vester Hasseris Bygrunde")
    assert result.found and result.parcel.ejerlavskode == 1002
    assert finder.search("bygrunde 7c").parcel.ejerlavskode == 1002


def test_an_address_in_several_postcodes_is_ambiguous_and_lists_them(finder):
    result = finder.search("Kirkevej 3")
    assert not result.found and result.missing is Missing.AMBIGUOUS
    assert {s.address.postnr for s in result.suggestions} == {"9000", "9430"}
    said = search_message(result, "da")
    assert "findes ikke" not in said.message and "flere postnumre" in said.message
    assert "9000 Aalborg" in said.message and "9430 Vadum" in said.message
    assert finder.search("Kirkevej 3, 9430").address.postnr == "9430"


def test_suggestions_for_a_missing_number_come_from_the_named_ejerlav_first(finder):
    result = finder.search("7e Vester Hasseris By")
    assert result.missing is Missing.MATRIKEL and result.ejerlav == "Vester Hasseris By"
    assert [s.parcel.ejerlavskode for s in result.suggestions][:3] == [1001] * 3
    near = finder.search("hasseris 7e")  # both names fit: the shorter one's numbers first
    assert near.missing is Missing.MATRIKEL
    codes = [s.parcel.ejerlavskode for s in near.suggestions]
    assert codes[0] == 1001 and codes == sorted(codes)  # 1001 before 1002


@pytest.mark.parametrize(("text", "code"), [
    ("2a Nibe Markjorder", 2004), ("nibe markjorder 2a", 2004),
    ("2a, Vester Tranders Hgd.", 2002), ("vr tranders hgd 2a", 2002),
    ("Nibe Markjorder, Sønderholm 2a", 2004), ("Nørre Nibe Markjorder 2a", 2005),
])
def test_the_name_before_the_parish_is_the_whole_name(finder, text, code):
    result = finder.search(text)
    assert result.found, (text, result)
    assert result.parcel.ejerlavskode == code
