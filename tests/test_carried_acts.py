"""An act carried by another noun ("a message of condolence", "a letter of protest",
"words of support") is coded as that act, by the one who sends it, to whom it goes.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import parley

DAY = date(2021, 3, 2)


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        (
            "The President of France sent a message of condolences to the Prime Minister of Japan.",
            "018",
            "FRA",
            "JPN",
        ),
        ("Canada delivered a letter of protest to Iran.", "114", "CAN", "IRN"),
        ("Germany conveyed words of support to the Ukrainian government.", "051", "DEU", "UKR"),
        (
            "Kenya's president sent a message of sympathy to the people of Turkey.",
            "018",
            "KEN",
            "TUR",
        ),
    ],
)
def test_carried_act_is_coded_from_sender_to_recipient(
    text: str, code: str, source: str, target: str
) -> None:
    events = [
        (e.code, e.source[0].entity, e.target[0].entity)
        for e in parley.code(text, published=DAY)
        if e.source and e.target
    ]
    assert (code, source, target) in events, events


def test_carried_noun_alone_is_no_event() -> None:
    assert parley.code("Canada delivered a letter to Iran.", published=DAY) == []


def test_sympathies_on_behalf_of_a_people_go_to_the_victims_not_to_that_people() -> None:
    text = (
        "The United States condemns the bombing in Madrid today. "
        "The President extends the sympathies of all Americans to the victims and their "
        "families."
    )
    events = parley.code(text, published=date(2020, 3, 1), speaker="The White House")
    sympathy = [e for e in events if e.code == "018"]
    assert sympathy, events
    assert [a.code for a in sympathy[0].target] == ["ESP/CVL"]


def test_condemning_the_arrest_already_reported_is_aimed_at_who_made_it() -> None:
    text = (
        "Canada condemned Belarus's arrest of a Canadian reporter on Monday. "
        "The minister also spoke with her Polish counterpart about the case. "
        '"We condemn the arrest of Mr. Tremblay in the strongest terms," the minister said.'
    )
    events = parley.code(text, published=date(2021, 3, 2), speaker="Global Affairs Canada")
    condemnations = [e for e in events if e.code == "111"]
    assert condemnations, events
    assert {a.code for e in condemnations for a in e.target} == {"BLR/GOV"}, condemnations
    assert len(condemnations) == 2, condemnations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Trump called the Prime Minister on Sunday.", ("041", ["USA/GOV"], ["GBR/GOV"])),
        ("Chancellor Merkel rang her French counterpart.", ("041", ["DEU/GOV"], ["FRA/GOV"])),
        (
            "President Trump called the Prime Minister to offer his condolences.",
            ("018", ["USA/GOV"], ["GBR/GOV"]),
        ),
    ],
)
def test_calling_an_office_holder_is_a_call_and_its_purpose_is_aimed_at_them(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    events = parley.code(text, published=DAY, speaker="UK Government")
    found = [(e.code, [a.code for a in e.source], [a.code for a in e.target]) for e in events]
    assert expected in found, found


def test_calling_a_thing_something_is_no_call() -> None:
    events = parley.code("Japan called the decision a mistake.", published=DAY)
    assert "041" not in [e.code for e in events]
