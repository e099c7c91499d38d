"""Who the parties of two-sided events are when the text names them as a reader would:
elided heads, collective names, offices in apposition, and "the two", "they", "the
ministers" after a meeting. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import parley

DAY = date(2019, 5, 14)


def coded(text: str, **options: object) -> list[tuple[str, set[str]]]:
    """Each event's code and the entities on both its sides."""
    return [
        (e.code, {a.entity for a in e.source + e.target})
        for e in parley.code(text, published=DAY, **options)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "North and South Korea agreed to hold talks on their border.",
        "North and South Korean negotiators met in Panmunjom.",
        "The two Koreas held talks at the border village.",
        "Officials of both Koreas signed an agreement on family reunions.",
    ],
)
def test_parties_elided_and_collective_names_are_both_koreas(text: str) -> None:
    assert any(sides == {"KOR", "PRK"} for _, sides in coded(text)), coded(text)


def test_parties_a_collective_name_is_each_member() -> None:
    text = "The Baltic states condemned the missile strikes by Russia."
    events = parley.code(text, published=DAY)
    condemnation = next(e for e in events if e.code == "111")
    assert [a.entity for a in condemnation.source] == ["EST", "LVA", "LTU"]


@pytest.mark.parametrize(
    "text",
    [
        "China's foreign minister held a phone call with Marc Dupont, diplomatic adviser to the "
        "French President.",
        "China's foreign minister met Marc Dupont, an aide to French President Emmanuel Macron.",
    ],
)
def test_parties_an_unknown_name_serves_the_office_in_apposition(text: str) -> None:
    assert any(sides == {"CHN", "FRA"} for _, sides in coded(text)), coded(text)


@pytest.mark.parametrize(
    "follow_up",
    [
        "The two signed an agreement on trade.",
        "They also agreed to hold talks on the border next month.",
        "The ministers signed a memorandum on water.",
        "The Minister and the Foreign Secretary agreed to meet again in June.",
    ],
)
def test_parties_a_plural_reference_recalls_the_last_meetings_parties(follow_up: str) -> None:
    text = f"Kenya's foreign minister met the Foreign Minister of Ethiopia in Nairobi. {follow_up}"
    later = [e for e in parley.code(text, published=DAY) if e.sentence == 1]
    assert later and all({a.entity for a in e.source + e.target} == {"KEN", "ETH"} for e in later)


def test_parties_a_singular_subject_does_not_recall_the_last_parties() -> None:
    text = "Ghana held talks with Togo. Nigeria later held talks too."
    sides = [s for _, s in coded(text)]
    assert {"GHA", "TGO"} in sides
    assert all("NGA" not in s for s in sides)


def test_parties_one_act_restated_is_one_event() -> None:
    text = (
        "Uruguay's foreign minister spoke by phone with his Chilean counterpart. "
        "The two ministers exchanged views by telephone on trade."
    )
    calls = [code for code, _ in coded(text) if code.startswith("04")]
    assert len(calls) == 1, calls


@pytest.mark.parametrize(
    "text",
    [
        "Sudan's government and the SPLM declared a ceasefire on Monday.",
        "The Sudanese government and the SPLM signed a peace accord in Juba.",
        "Ghana and Togo signed a trade agreement.",
    ],
)
def test_parties_a_coordinated_subject_acts_toward_each_other(text: str) -> None:
    events = parley.code(text, published=DAY)
    assert events, text
    mutual = events[0]
    assert mutual.symmetric and mutual.source and mutual.target
    assert {a.entity for a in mutual.source}.isdisjoint({a.entity for a in mutual.target}) or (
        {a.sector for a in mutual.source} != {a.sector for a in mutual.target}
    )


def test_parties_several_speakers_condemning_are_not_mutual() -> None:
    (concern,) = parley.code("Ghana and Togo expressed concern about the drought.", published=DAY)
    assert [a.entity for a in concern.source] == ["GHA", "TGO"]
    assert not concern.symmetric and not concern.target


def test_parties_unnamed_sides_of_a_clash_are_placed_where_it_happened() -> None:
    text = "CAIRO, May 2 (Parley Wire) - Clashes between protesters and police erupted in Cairo."
    events = parley.code(text, published=DAY)
    clash = next(e for e in events if e.root in ("14", "19"))
    assert {(a.entity, a.sector) for a in clash.source + clash.target} >= {("EGY", "COP")}


def test_parties_he_is_the_person_named_before_not_the_last_state_to_act() -> None:
    text = (
        "Kenya's foreign minister said Somalia had attacked a border post. "
        "He urged Somalia to withdraw its troops."
    )
    appeal = next(e for e in parley.code(text, published=DAY) if e.root == "02")
    assert [a.entity for a in appeal.source] == ["KEN"]
    assert [a.entity for a in appeal.target] == ["SOM"]


def test_parties_a_reaction_to_acts_done_by_someone_targets_them() -> None:
    events = parley.code("Peru welcomed the steps taken by Chile.", published=DAY)
    assert [(e.code, [a.entity for a in e.target]) for e in events] == [("051", ["CHL"])]


def test_parties_a_coordinated_subject_speaking_together_consults() -> None:
    assert ("040", {"KEN", "UGA"}) in coded("Kenya and Uganda talked about trade on Monday.")
    assert coded("Kenya spoke about trade on Monday.") == []
    phone = coded("Kenya's president spoke by telephone with the Ugandan president.")
    assert ("041", {"KEN", "UGA"}) in phone


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's foreign minister spoke to reporters after a meeting with Ethiopia's premier.",
        "During his talks with Ethiopia's foreign minister, the Kenyan minister praised Addis.",
    ],
)
def test_parties_who_acts_around_a_meeting_with_someone_took_part(text: str) -> None:
    assert any(sides == {"KEN", "ETH"} and code.startswith("04") for code, sides in coded(text))


def _sources(text: str, code_root: str) -> list[set[str]]:
    events = parley.code(text, published=DAY)
    return [{a.entity for a in e.source} for e in events if e.code.startswith(code_root)]


@pytest.mark.parametrize(
    "follow_up",
    [
        "The Secretary expressed his condolences on the loss of life in the crash.",
        "The Secretary expressed concern about the fighting.",
    ],
)
def test_parties_the_secretary_is_the_secretary_named_before(follow_up: str) -> None:
    # no voice is known: "the Secretary" is the one named with that office, not the
    # Secretary-General he met
    text = f"Secretary Antony Blinken met the UN Secretary-General in Geneva today. {follow_up}"
    assert _sources(text, "01")[-1] == {"USA"}, parley.code(text, published=DAY)


@pytest.mark.parametrize(
    ("follow_up", "root"),
    [
        ("The council members called on the parties to return to the talks.", "02"),
        ("The Council urged the armed groups to respect the ceasefire.", "02"),
        ("The members of the Council expressed their condolences to Chad.", "01"),
    ],
)
def test_parties_the_council_is_the_council_named_before(follow_up: str, root: str) -> None:
    text = (
        "Egypt's foreign minister met his Sudanese counterpart in Cairo on Monday. "
        "The UN Security Council condemned the attack on the convoy in Darfur. "
        f"{follow_up}"
    )
    assert _sources(text, root)[-1] == {"UN"}, parley.code(text, published=DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Riots in Lagos\n\nProtesters clashed with Nigerian police in Lagos on Monday.",
        "Unrest in Dhaka\n\nDemonstrators scuffled with Bangladeshi police outside parliament.",
        "Workers strike\n\nActivists clashed with Chilean riot police in Santiago on Monday.",
    ],
)
def test_parties_a_plural_group_noun_opening_a_sentence_is_still_a_group(text: str) -> None:
    # capitalised after a headline, spaCy tags "Protesters" a proper noun
    assert _sources(text, "14") or _sources(text, "19")


def test_parties_an_office_with_its_state_before_a_name_is_that_state() -> None:
    events = parley.code(
        "Lavrov held talks with US Deputy Secretary of State John J. Sullivan.", published=DAY
    )
    assert [(e.code, [a.code for a in e.source], [a.code for a in e.target]) for e in events] == [
        ("046", ["RUS/GOV"], ["USA/GOV"])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chilean Foreign Minister Alberto van Klaveren arrived on Friday. "
            "The minister held talks with Bolivian officials.",
            {"CHL"},
        ),
        # "the Prime Minister" is not the foreign minister named before
        (
            "Chilean Foreign Minister Alberto van Klaveren arrived on Friday. "
            "The Prime Minister held talks with Bolivian officials.",
            set(),
        ),
    ],
)
def test_parties_the_minister_is_the_minister_named_before(text: str, expected: set) -> None:
    assert {a for s in _sources(text, "04") for a in s} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean-Bolivian talks resumed on Tuesday.", ("CHL/GOV", "BOL/GOV")),
        ("The Chile-Bolivia negotiations stalled in La Paz.", ("CHL/GOV", "BOL/GOV")),
        ("The NATO-Serbian military talks resumed.", ("NATO", "SRB/GOV")),
        ("Sino-Japanese talks resumed in Beijing.", ("CHN/GOV", "JPN/GOV")),
    ],
)
def test_parties_a_hyphened_pair_before_talks_names_both_sides(text: str, expected: tuple) -> None:
    talks = [e for e in parley.code(text, published=DAY) if e.code == "046"]
    assert [(e.source[0].code, e.target[0].code) for e in talks] == [expected]


def test_parties_he_after_the_secretary_general_is_the_un() -> None:
    text = (
        "The Secretary-General is deeply concerned by the fighting in Darfur. "
        "He urges the Sudanese government to cease hostilities."
    )
    assert {"UN"} in _sources(text, "02")


def test_parties_he_is_not_a_body_named_sentences_before() -> None:
    text = (
        "The Security Council met on Monday. The vote was delayed. Rain fell in the city. "
        "He urged the Sudanese government to cease hostilities."
    )
    assert {"UN"} not in _sources(text, "02")


def test_parties_he_is_the_person_named_as_subject_not_one_named_in_passing() -> None:
    text = (
        "Kenyan President Uhuru Kenyatta condemned the arrest of the opposition leader. "
        "He urged respect for the safety of President Yoweri Museveni and his family. "
        "He calls on all Ugandans to engage peacefully."
    )
    assert _sources(text, "02")[-1] == {"KEN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway sent aid to civilians in Chile.", "CHL/CVL"),
        ("Norway sent aid to the residents in Santiago.", "CHL/CVL"),
        ("Norway sent aid to the victims in Chile.", "CHL/CVL"),
    ],
)
def test_parties_the_people_in_a_state_are_its_people(text: str, expected: str) -> None:
    events = parley.code(text, published=DAY)
    assert [a.code for e in events if e.code.startswith("07") for a in e.target] == [expected]
