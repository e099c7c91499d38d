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
    # Geneva is in neither party's state: a meeting at a third location
    text = "Geneva was the venue of the consultations between Armenia and Azerbaijan."
    assert places(text) == [("044", "Geneva")]


def test_where_statements_take_no_place_from_their_topic() -> None:
    assert places("Japan is concerned about the situation in northern Syria.") == [("012", None)]


def test_where_an_event_with_no_place_of_its_own_is_placed_at_the_dateline() -> None:
    text = "JUBA, March 2 (Parley Wire) - Sudan and South Sudan signed an agreement on oil."
    assert places(text) == [("057", "Juba")]


def test_where_an_attack_elsewhere_is_not_placed_at_the_dateline() -> None:
    text = "WASHINGTON, March 2 (Parley Wire) - U.S. warplanes struck Houthi targets in Yemen."
    assert [p for _, p in places(text)] == ["Yemen"]


def test_where_a_united_nations_dateline_is_new_york() -> None:
    text = "UNITED NATIONS, March 2 (Parley Wire) - Russia vetoed a resolution on Syria."
    assert [p for _, p in places(text)] == ["New York City"]


def test_where_a_visit_is_where_the_visitor_goes_and_hosting_is_at_home() -> None:
    assert places("The Kenyan president travelled to Kampala to meet Ugandan leaders.")[0] == (
        "042",
        "Kampala",
    )
    assert places("Ghana hosted the Togolese president.") == [("043", "Accra")]


def test_where_the_city_of_a_place_noun_and_accents_as_the_text_writes_them() -> None:
    text = "In the western city of Kisumu, protesters clashed with police."
    assert [p for _, p in places(text)] == ["Kisumu"]
    assert default_gazetteer().city("Bogotá").name == "Bogotá"
    assert default_gazetteer().city("Bogota").name == "Bogota"


def test_where_a_place_too_small_for_the_gazetteer_keeps_its_name() -> None:
    text = "Militants attacked the village of Ngoshe Sama in Borno state on Monday."
    (event,) = [e for e in parley.code(text, published=date(2021, 6, 1)) if e.root in ("18", "19")]
    assert event.place is not None and event.place.name == "Ngoshe Sama"
    assert event.place.lat is None


def test_where_a_named_area_of_a_province_is_in_that_provinces_state() -> None:
    text = "Gunmen abducted 40 farmers in the Damboa area of Borno state."
    (event,) = parley.code(text, published=date(2021, 6, 1))
    assert (event.place.name, event.place.country) == ("Damboa", "NGA")


def test_where_a_topic_place_is_not_where_talks_happened() -> None:
    assert places("Kenya and Uganda exchanged views on the situation in Somalia.") == [
        ("040", None)
    ]
    assert places("Kenya and Uganda held talks on developments in Somalia.") == [("046", None)]


def test_where_what_a_meetings_parties_say_next_was_said_at_the_meeting() -> None:
    text = (
        "Kenya's foreign minister met the Foreign Minister of Ethiopia in Geneva. "
        "The Kenyan minister praised Ethiopia's reforms."
    )
    assert places(text) == [("044", "Geneva"), ("051", "Geneva")]


def test_where_a_phone_call_happens_nowhere_but_the_voice_speaks_at_its_dateline() -> None:
    text = (
        "LUSAKA, June 1 (Parley Wire) - Zambia's foreign minister spoke by phone with his "
        "Kenyan counterpart. Zambia condemned the attack on the border post."
    )
    found = dict(places(text))
    assert found["041"] is None
    assert found["111"] == "Lusaka"


def test_where_a_dateline_does_not_place_others_statements_reported_there() -> None:
    text = "LUSAKA, June 1 (Parley Wire) - Uganda condemned the raid on its border by Congo."
    assert dict(places(text)).get("111") is None


def test_where_a_dateline_at_an_organisations_seat_places_its_statements() -> None:
    text = (
        "ADDIS ABABA, June 1 (Parley Wire) - The African Union welcomed the ceasefire "
        "between Sudan and South Sudan."
    )
    assert dict(places(text))["051"] == "Addis Ababa"


def test_where_a_title_case_dateline_before_a_dash_is_read() -> None:
    text = "New York - The United Nations condemned the attack on the refugee camp in Chad."
    assert dict(places(text))["111"] == "New York City"
