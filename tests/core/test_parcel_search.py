"""Finding parcels: forgiving about case, spaces, punctuation and abbreviations; suggestions
for Danish letters spelled out and for typos; addresses to the parcel under them."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from naturplan.core.parcels.addresses import AddressIndex, parse_address
from naturplan.core.parcels.search import Missing, ParcelFinder


@pytest.fixture(scope="module")
def finder() -> ParcelFinder:
    rows = [
        (1234567, "Nørre Vadum By", "7a"), (1234567, "Nørre Vadum By", "7b"),
        (1234567, "Nørre Vadum By", "12bø"), (1234567, "Nørre Vadum By", "8"),
        (7654321, "Vadum Markjorder", "7a"), (7654321, "Vadum Markjorder", "3"),
        (60851, "Borup, Osted", "6"), (2005752, "Sønder Ålborg Enge", "430æ"),
    ]
    parcels = gpd.GeoDataFrame(
        {"ejerlavskode": [r[0] for r in rows], "ejerlavsnavn": [r[1] for r in rows],
         "matrikelnummer": [r[2] for r in rows]},
        geometry=[shapely.box(i * 10, 0, i * 10 + 10, 10) for i in range(len(rows))],
        crs=25832)
    addresses = gpd.GeoDataFrame(
        {"vejnavn": ["Vesterbro", "Vesterbro", "Vesterbro", "Kirkevej", "Kirkevej", "Åvej"],
         "husnr": ["14", "16", "14A", "3", "14", "2"],
         "postnr": ["9000", "9000", "9000", "9430", "9000", "9430"],
         "postnrnavn": ["Aalborg", "Aalborg", "Aalborg", "Vadum", "Aalborg", "Vadum"]},
        geometry=shapely.points([(5, 5), (15, 5), (25, 5), (35, 5), (500, 500), (65, 5)]),
        crs=25832)
    return ParcelFinder(parcels, AddressIndex(addresses))


@pytest.mark.parametrize("text", [
    "7a, Nørre Vadum By", "Nørre Vadum By 7a", "nørre vadum by 7 A", "7-a Nørre Vadum By",
    "NØRRE VADUM BY, 7.a", "nr vadum 7a", "nr. vadum by 7A", "1234567 7a", "1234567-7a",
])
def test_one_parcel_however_it_is_typed(finder, text):
    result = finder.search(text)
    assert result.found, result
    assert (result.parcel.ejerlavsnavn, result.parcel.matrikelnummer) == ("Nørre Vadum By", "7a")


def test_structured_lookup_by_code_name_and_lower_case(finder):
    for ejerlav in ("1234567", "Nørre Vadum By", "nørre vadum by", "nr vadum"):
        result = finder.find(ejerlav, "12 BØ")
        assert result.found and result.parcel.matrikelnummer == "12bø", ejerlav
    assert finder.find("borup osted", "6").parcel.ejerlavskode == 60851


def test_danish_letters_spelled_out_are_offered_not_taken(finder):
    result = finder.search("Norre Vadum By 7a")
    assert not result.found and result.missing is Missing.EJERLAV
    best = result.suggestions[0].parcel
    assert (best.ejerlavsnavn, best.matrikelnummer) == ("Nørre Vadum By", "7a")
    boe = finder.find("Nørre Vadum By", "12boe")
    assert not boe.found and boe.missing is Missing.MATRIKEL
    assert boe.suggestions[0].parcel.matrikelnummer == "12bø"
    aa = finder.find("Sonder Aalborg Enge", "430ae")
    assert aa.suggestions[0].parcel.matrikelnummer == "430æ"


def test_a_wrong_letter_in_the_name_gives_suggestions(finder):
    result = finder.search("7a, Nørre Vadym By")
    assert not result.found and result.missing is Missing.EJERLAV
    assert result.missing_text == "nørre vadym by"
    assert result.suggestions[0].parcel.ejerlavsnavn == "Nørre Vadum By"


def test_an_unknown_matrikel_names_its_ejerlav_and_offers_neighbours(finder):
    result = finder.search("7c, Nørre Vadum By")
    assert result.missing is Missing.MATRIKEL
    assert result.ejerlav == "Nørre Vadum By" and result.missing_text == "7c"
    offered = [s.parcel.matrikelnummer for s in result.suggestions]
    assert offered[:2] == ["7a", "7b"]


def test_an_unknown_ejerlav_says_so(finder):
    result = finder.find("Qwerty Enge", "1")
    assert result.missing is Missing.EJERLAV and result.missing_text == "Qwerty Enge"
    assert not result.found
    assert finder.find("9999999", "1").missing is Missing.EJERLAV


def test_a_partial_name_in_two_ejerlav_is_ambiguous(finder):
    result = finder.search("vadum 7a")
    assert result.missing is Missing.AMBIGUOUS
    assert {s.parcel.ejerlavsnavn for s in result.suggestions} == {
        "Nørre Vadum By", "Vadum Markjorder"}


def test_nothing_to_search_for(finder):
    assert finder.search("Nørre Vadum By").missing is Missing.QUERY
    assert finder.search("").missing is Missing.QUERY


def test_address_to_the_parcel_under_it(finder):
    for text in ("Vesterbro 14, 9000", "vesterbro 14", "Vesterbro 14 9000 Aalborg",
                 "VESTERBRO 14, Aalborg"):
        result = finder.search(text)
        assert result.found, text
        assert result.address.husnr == "14" and result.address.postnr == "9000"
        assert result.parcel.matrikelnummer == "7a"
    lettered = finder.search("Vesterbro 14 a, 9000")
    assert lettered.address.husnr == "14A" and lettered.parcel.matrikelnummer == "12bø"
    assert finder.search("Åvej 2").parcel.matrikelnummer == "6"


def test_address_misses_and_the_road(finder):
    typo = finder.search("Vesterbrp 14, 9000")
    assert not typo.found and typo.missing is Missing.ADDRESS
    assert typo.suggestions[0].address.vejnavn == "Vesterbro"
    number = finder.find_address("Vesterbro 15, 9000")
    assert number.missing is Missing.ADDRESS
    assert {s.address.husnr for s in number.suggestions[:2]} == {"14", "16"}
    off = finder.find_address("Kirkevej 14, 9000")  # lies on no parcel, 500 m away
    assert off.missing is Missing.NO_PARCEL and off.address is not None


def test_parse_address():
    query = parse_address("Kong Christians Allé 12B, 9000 Aalborg")
    assert (query.street, query.husnr, query.postnr, query.city) == (
        "Kong Christians Allé", "12b", "9000", "Aalborg")
    assert parse_address("7a") is None


def test_identify_click_finds_the_parcel(finder):
    assert finder.at_point(15.0, 5.0).matrikelnummer == "7b"
    assert finder.at_point(-100.0, 5.0) is None
