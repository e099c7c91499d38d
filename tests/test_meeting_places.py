"""Where a meeting was, as a reader reads it: a third country's city makes a meeting at a
third location, the best-known city of a name wins over a small namesake, and a wire
report filed from a neutral city places the talks of the states it reports there.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import parley
from parley.where import default_gazetteer

DAY = date(2019, 5, 14)


def test_meeting_in_neither_partys_state_is_at_a_third_location() -> None:
    events = parley.code(
        "President Macron met President Ramaphosa in Oslo on Monday.", published=DAY
    )
    assert [e.code for e in events] == ["044"], events


def test_meeting_in_one_partys_state_stays_a_meeting() -> None:
    events = parley.code(
        "President Macron met President Ramaphosa in Paris on Monday.", published=DAY
    )
    assert [e.code for e in events] == ["040"], events


def test_the_best_known_city_of_a_name_wins_over_a_small_namesake() -> None:
    assert default_gazetteer().city("Geneva", prefer={"USA"}).country == "CHE"
    assert default_gazetteer().city("Tripoli", prefer={"LBN"}).country == "LBN"


def test_bare_title_coordinated_with_a_name_is_the_voice() -> None:
    text = "Earlier today in Ankara, the President and President Erdogan discussed trade."
    events = parley.code(text, published=DAY, speaker="The White House")
    assert any({a.entity for a in e.source + e.target} == {"USA", "TUR"} for e in events), events


def test_wire_report_from_a_neutral_city_places_the_talks_there() -> None:
    text = (
        "VIENNA (AP) - Delegates from Iran and the United States held talks on Saturday "
        "on prisoner exchanges."
    )
    events = parley.code(text, published=DAY)
    talks = [e for e in events if e.root == "04"]
    assert talks and all(e.place is not None and e.place.name == "Vienna" for e in talks), events
