"""Where a meeting was, as a reader reads it: a third country's city makes a meeting at a
third location, the best-known city of a name wins over a small namesake, and a wire
report filed from a neutral city places the talks of the states it reports there.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import parley
from parley.read import read_paths
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


def test_a_planned_meeting_is_placed_where_it_was_announced_not_at_its_venue(
    tmp_path,
) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "Ministers to meet\n\nSOCHI, May 14 (Parley Wire) - Russian Foreign Minister Sergei "
        "Lavrov will meet his Chilean counterpart in Moscow next week, the ministry said.\n",
        encoding="utf-8",
    )
    (document,) = read_paths([path])
    (coded,) = parley.code_many([document])
    planned = [e for e in coded.events if e.code == "036"]
    assert planned, coded.events
    assert {e.place.name if e.place else None for e in planned} == {"Sochi"}


def test_a_state_after_on_is_the_topic_of_talks_not_their_place() -> None:
    text = (
        "British Foreign Secretary Amanda Lowe met US Secretary of State John Marsh in London "
        "on Monday. On Syria, they agreed to work together for a political settlement. "
        "On Iran, they discussed the nuclear deal."
    )
    events = parley.code(text, published=DAY)
    assert len(events) >= 2, events
    assert not {e.place.name for e in events if e.place} & {"Syria", "Iran"}, events
    assert "044" not in {e.code for e in events}, events


def test_words_reported_from_a_city_the_text_never_names_were_not_said_there(tmp_path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "UK recalls envoy\n\nMOSCOW, May 14 (Parley Wire) - The UK condemned Iran's "
        "execution of a British national, the Foreign Secretary said on Twitter.\n",
        encoding="utf-8",
    )
    (document,) = read_paths([path])
    (coded,) = parley.code_many([document])
    condemned = [e for e in coded.events if e.code == "111"]
    assert condemned, coded.events
    assert all(e.place is None for e in condemned), condemned


def test_meeting_where_a_party_was_is_placed_there() -> None:
    events = parley.code(
        "Ramaphosa met Kenyan President William Ruto, who was in Pretoria on a private visit.",
        published=DAY,
    )
    placed = [e for e in events if e.code.startswith("04")]
    assert placed and placed[0].place is not None and placed[0].place.name == "Pretoria"


def test_a_party_described_elsewhere_does_not_place_the_meeting() -> None:
    events = parley.code(
        "Ramaphosa met William Ruto, who studied at the University of Nairobi.",
        published=DAY,
    )
    assert all(e.place is None or e.place.name != "Nairobi" for e in events)
