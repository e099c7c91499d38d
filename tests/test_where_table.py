"""Place phrases as analysts write them, resolved to the place of the event they locate.

Each row: a place phrase, put in a meeting sentence of the team's own ("Officials of Kenya
and Uganda met in <phrase> on Monday."), and the place the event must get: a word its
name contains and its country (empty for regions that span states). Every place found
has coordinates.
"""

from __future__ import annotations

from datetime import date

import pytest

import parley

SENTENCE = "Officials of Kenya and Uganda met in {} on Monday."


def row(phrase: str, name: str, country: str, context: str = "") -> object:
    return pytest.param(phrase, name, country, context, id=phrase)


TABLE = [
    # cities
    row("Doha", "Doha", "QAT"),
    row("Moscow", "Moscow", "RUS"),
    row("Geneva", "Geneva", "CHE"),
    row("Istanbul", "Istanbul", "TUR"),
    row("Sochi", "Sochi", "RUS"),
    row("Minsk", "Minsk", "BLR"),
    row("Addis Ababa", "Addis Ababa", "ETH"),
    row("Kabul", "Kabul", "AFG"),
    row("Mogadishu", "Mogadishu", "SOM"),
    row("Goma", "Goma", "COD"),
    row("Tripoli", "Tripoli", "LBY"),  # the larger Tripoli, with no other clue
    row("Ganja", "Ganja", "AZE"),
    row("Gori", "Gori", "GEO"),
    row("Akcakale", "Akcakale", "TUR"),  # written without its accent, named as written
    row("Akçakale", "Akçakale", "TUR"),
    row("Hyderabad", "Hyderabad", "IND"),
    row("Hyderabad", "Hyderabad", "PAK", "Pakistan's army chief spoke in Karachi. "),
    # capitals named as such, countries
    row("the Russian capital", "Moscow", "RUS"),
    row("the Ethiopian capital", "Addis Ababa", "ETH"),
    row("Qatar", "Qatar", "QAT"),
    row("Switzerland", "Switzerland", "CHE"),
    # parts of countries
    row("northern Syria", "northern Syria", "SYR"),
    row("the north of Afghanistan", "northern Afghanistan", "AFG"),
    row("eastern Ukraine", "eastern Ukraine", "UKR"),
    row("north-east Nigeria", "north-eastern Nigeria", "NGA"),
    row("southern Lebanon", "southern Lebanon", "LBN"),
    row("central Mali", "central Mali", "MLI"),
    row("western Libya", "western Libya", "LBY"),
    # regions, territories, provinces
    row("the Gaza Strip", "Gaza", "PSE"),
    row("Gaza", "Gaza", "PSE"),
    row("the West Bank", "West Bank", "PSE"),
    row("the Donbas", "Donbas", "UKR"),
    row("Crimea", "Crimea", "UKR"),
    row("Nagorno-Karabakh", "Karabakh", "AZE"),
    row("Darfur", "Darfur", "SDN"),
    row("Tigray", "Tigray", "ETH"),
    row("Central Asia", "Central Asia", ""),
    row("the Sahel", "Sahel", ""),
    row("Idlib province", "Idlib", "SYR"),
    row("Borno state", "Borno", "NGA"),
    row("North Kivu", "North Kivu", "COD"),
    row("Helmand", "Helmand", "AFG"),
    row("Cabo Delgado", "Cabo Delgado", "MOZ"),
    row("Rakhine State", "Rakhine", "MMR"),
]


@pytest.mark.parametrize(("phrase", "name", "country", "context"), TABLE)
def test_where_place_phrase(phrase: str, name: str, country: str, context: str) -> None:
    text = context + SENTENCE.format(phrase)
    meetings = [e for e in parley.code(text, published=date(2021, 6, 7)) if e.root == "04"]
    assert meetings, f"no meeting coded in {text!r}"
    place = meetings[0].place
    assert place is not None, f"no place for {phrase!r}"
    assert name in place.name and place.country == country, place
    assert place.lat is not None and place.lon is not None, place


def test_where_table_has_at_least_forty_phrases() -> None:
    assert len(TABLE) >= 40
