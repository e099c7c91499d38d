"""When an event happened, as the guideline reads it: a reaction when it was made, an
intention when it was expressed, and what was said during a dated call on its day.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import parley

DAY = date(2022, 3, 4)  # a Friday


def dated(text: str) -> dict[str, str | None]:
    return {e.code: e.date.iso() if e.date else None for e in parley.code(text, published=DAY)}


def test_event_dates_a_reaction_is_dated_when_made_not_by_what_it_reacts_to() -> None:
    found = dated("Peru condemned the attack on a police station in Lima on 27 February.")
    assert found["111"] == "2022-03-04"
    assert any(code.startswith("18") and day == "2022-02-27" for code, day in found.items())


def test_event_dates_an_intention_dates_from_when_it_was_expressed() -> None:
    found = dated("Ghana and Togo agreed on Wednesday to hold talks on 21 March.")
    assert found["036"] == "2022-03-02"


def test_event_dates_what_a_party_said_during_a_dated_call_was_said_that_day() -> None:
    text = (
        "Peru's foreign minister on Tuesday held a phone conversation with the Chilean "
        "foreign minister. He said that Peru is willing to deepen cooperation with Chile."
    )
    later = [e for e in parley.code(text, published=DAY) if e.sentence == 1]
    assert later and all(e.date is not None and e.date.iso() == "2022-03-01" for e in later)


def test_event_dates_a_date_that_names_a_treaty_is_not_the_events() -> None:
    found = dated(
        "Ghana and Togo established diplomatic relations under the Vienna Convention on "
        "Diplomatic Relations of April 18, 1961."
    )
    assert found["054"] == "2022-03-04"


def test_event_dates_a_treaty_dated_by_its_name_is_signed_that_day() -> None:
    found = dated("Ghana and Togo signed the agreement of 2 March in Accra.")
    assert found["057"] == "2022-03-02"
