"""Who gives aid and who receives it, as reports of relief put it: a state's aid agency
is that state, an agency's acronym parsed as an adverb is still the giver, and aid that
names no recipient goes to the people its purpose clause helps. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

import parley

DAY = date(2016, 4, 20)


def sides(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.code, [a.code for a in e.source], [a.code for a in e.target])
        for e in parley.code(text, published=DAY)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Agency for International Development sent relief supplies to Nepal.",
        "USAID sent relief supplies to Nepal.",
        "The United States Agency for International Development sent relief supplies to Nepal.",
    ],
)
def test_a_states_aid_agency_is_its_government(text: str) -> None:
    assert ("073", ["USA/GOV"], ["NPL/GOV"]) in sides(text)


def test_aid_agencies_of_other_states() -> None:
    assert ("073", ["JPN/GOV"], ["NPL/GOV"]) in sides("JICA sent relief supplies to Nepal.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "USAID is also providing $50,000 for blankets to help families affected by the "
            "floods in Bolivia.",
            ("073", ["USA/GOV"], ["BOL/CVL"]),
        ),
        (
            "Norway sent tents and medicine to support villagers displaced by the landslide "
            "in Nepal.",
            ("073", ["NOR/GOV"], ["NPL/CVL"]),
        ),
        (
            "South Korea is providing $2 million in emergency aid to assist people hit by the "
            "cyclone in Mozambique.",
            ("073", ["KOR/GOV"], ["MOZ/CVL"]),
        ),
    ],
)
def test_aid_goes_to_the_people_its_purpose_clause_helps(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert expected in sides(text)
