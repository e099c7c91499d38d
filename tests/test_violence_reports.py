"""Violence a statement reacts to: who did it, what kind of act it was, and what the
statement itself is. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import parley

DAY = date(2020, 8, 3)


def coded(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.code, [a.code for a in e.source], [a.code for a in e.target])
        for e in parley.code(text, published=DAY)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Norway condemned the bombing of a market in Kandahar, which was claimed by the Taliban.",
        "Norway condemned the attack on a school in Kandahar, claimed by the Taliban.",
    ],
)
def test_violence_whoever_claims_an_attack_did_it(text: str) -> None:
    events = coded(text)
    assert ("111", ["NOR/GOV"], ["TALIBAN/REB"]) in events, events
    assert any(code.startswith("18") and src == ["TALIBAN/REB"] for code, src, _ in events)


def test_violence_a_condemnation_of_an_unclaimed_attack_targets_its_unnamed_attackers() -> None:
    events = coded("Norway condemned the attack on a school in Kandahar.")
    assert ("111", ["NOR/GOV"], ["AFG/UAF"]) in events
    assert ("180", ["AFG/UAF"], ["AFG/CVL"]) in events  # an assault, not an army's fight


def test_violence_an_army_fighting_rebels_stays_conventional_force() -> None:
    events = coded("The Afghan army attacked Taliban positions in Helmand.")
    assert any(code.startswith("19") for code, _, _ in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Chile firmly opposes attempts to attack and smear its institutions.",
        "Peru has chosen the path of dialogue, not the path of aggression.",
        "Statement by the Foreign Ministry on attacks against freedom of expression",
    ],
)
def test_violence_a_mention_with_no_one_and_nowhere_named_is_no_attack(text: str) -> None:
    assert not [code for code, _, _ in coded(text) if code[:2] in ("18", "19", "20")]


def test_violence_an_unclaimed_attack_somewhere_named_is_still_coded() -> None:
    events = coded("Peru condemned the bombing in Lima.")
    assert any(code.startswith("18") for code, _, _ in events), events


def test_violence_a_led_modifier_names_who_struck() -> None:
    events = coded("Villagers buried the victims of a French-led airstrike in Mali.")
    assert any(code.startswith("19") and src == ["FRA/MIL"] for code, src, _ in events), events


def test_violence_a_headline_noun_makes_no_attack_but_the_story_does() -> None:
    text = (
        "Press release\n\n"
        "Statement by the Spokesperson of the Ministry on the attack in Quetta\n\n"
        "The Ministry condemns the bombing of a market in Quetta today."
    )
    events = parley.code(text, published=DAY, speaker="Ministry of Foreign Affairs of Peru")
    attacks = [e for e in events if e.root in ("18", "19", "20")]
    assert len(attacks) == 1 and attacks[0].text.startswith("The Ministry condemns"), attacks


def test_violence_a_reported_attack_is_coded_even_when_its_place_hangs_elsewhere() -> None:
    events = coded("The United States strongly condemns the terrorist attack today in Lima.")
    assert ("180", ["PER/UAF"], ["PER/CVL"]) in events, events


def test_violence_concern_about_clashes_reports_the_clashes() -> None:
    text = "Ghana is concerned about the clashes between police and protesters in Togo."
    events = coded(text)
    assert any(code[:2] in ("14", "19") for code, _, _ in events), events
    concern = next(e for e in events if e[0] == "012")
    assert concern[2] and all(t.startswith("TGO") for t in concern[2]), concern


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake killed 400 people in Ecuador.",
        "Floods that struck Pakistan last week killed 80 people.",
        "The cyclone hit Mozambique on Sunday, killing 12 people.",
        "Forty villagers were killed by the earthquake in Nepal.",
        "Norway sent aid to Chile after the earthquake that struck on Monday, killing 30 people.",
    ],
)
def test_deaths_a_natural_disaster_caused_are_not_violence(text: str) -> None:
    events = parley.code(text, published=date(2020, 3, 1))
    assert not [e for e in events if e.root in ("18", "19", "20")], events


def test_killings_by_attackers_after_a_disaster_are_still_violence() -> None:
    events = parley.code(
        "Rebels stormed a hotel in Goma after the earthquake, killing 12 people.",
        published=date(2020, 3, 1),
    )
    assert [e for e in events if e.root in ("18", "19", "20")], events
