"""Places: the gazetteer and the place of an event's clause."""

from __future__ import annotations

from datetime import date

import parley
from parley.where import default_gazetteer


def places(text: str) -> list[tuple[str, str | None]]:
    return [
        (e.code, e.place.name if e.place else None)
        for e in parley.code(text, published=date(2021, 6, 1))
    ]


def test_where_gazetteer_prefers_the_documents_countries() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.city("Hyderabad", prefer={"PAK"}).country == "PAK"
    assert gazetteer.city("Hyderabad").country == "IND"  # the larger one otherwise
    doha = gazetteer.city("Doha")
    assert (doha.country, round(doha.lat), round(doha.lon)) == ("QAT", 25, 52)
    assert gazetteer.city("Nowhereville Prime") is None


def test_where_clause_place_not_every_place_in_the_sentence() -> None:
    assert places("Delegations of Sudan and Chad held talks in Doha about refugees in Darfur.") == [
        ("046", "Doha")
    ]


def test_where_capital_as_a_phrase_is_the_city() -> None:
    text = "It was in the Kenyan capital that delegations of Ethiopia and Eritrea engaged in talks."
    assert places(text) == [("046", "Nairobi")]


def test_where_venue_of_an_event() -> None:
    text = "Geneva was the venue of the consultations between Armenia and Azerbaijan."
    assert places(text) == [("040", "Geneva")]


def test_where_statements_take_no_place_from_their_topic() -> None:
    assert places("Japan is concerned about the situation in northern Syria.") == [("012", None)]
