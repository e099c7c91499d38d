"""The actor knowledge base and the resolver."""

from __future__ import annotations

from datetime import date

import pytest

from parley import nlp
from parley.actors.kb import default_kb, load_kb, normalise
from parley.actors.resolve import find_mentions, resolve_speaker
from parley.errors import DataFileError
from parley.model import Actor


def mentions(text: str, *, speaker: tuple[Actor, ...] = ()) -> list[tuple[str, str, str]]:
    doc = nlp.load()(text)
    found = find_mentions(
        doc, kb=default_kb(), nlp=nlp.load(), on=date(2020, 11, 24), speaker=speaker
    )
    return [(m.text, m.kind, m.actors[0].code) for m in found]


def test_actors_countries_by_name_adjective_capital_and_seat() -> None:
    found = mentions("Russia and the Russian envoy met in Moscow; the Kremlin and Beijing agreed.")
    assert ("Russia", "country", "RUS") in found
    assert ("Russian", "adjective", "RUS") in found
    assert ("Moscow", "capital", "RUS") in found
    assert ("Kremlin", "metonym", "RUS/GOV") in found
    assert ("Beijing", "capital", "CHN") in found


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # an abbreviation with its dot, in a name the text capitalises otherwise
        (
            "The Government of St. Vincent and The Grenadines said so.",
            "St. Vincent and The Grenadines",
            "VCT",
        ),
        ("He flew to St. Lucia on Monday.", "St. Lucia", "LCA"),
        # a state the territory it claims does not name
        (
            "The Sahrawi Arab Democratic Republic joined the talks.",
            "Sahrawi Arab Democratic Republic",
            "ESH",
        ),
    ],
)
def test_actors_states_named_in_any_capitalisation(text: str, name: str, code: str) -> None:
    assert (name, "country", code) in mentions(text)


def test_actors_acronyms_match_only_in_capitals() -> None:
    found = mentions("The US told us that the U.S. and the UN would help.")
    assert [f for f in found if f[0] in ("US", "U.S.")] == [
        ("US", "country", "USA"),
        ("U.S.", "country", "USA"),
    ]
    assert not any(f[0] == "us" for f in found)
    assert ("UN", "org", "UN") in found


def test_actors_organisations_use_the_spec_ids() -> None:
    found = mentions("The Taliban movement, Daesh and the African Union were named.")
    assert ("Taliban movement", "org", "TALIBAN/REB") in found
    assert ("Daesh", "org", "ISIS/REB") in found
    assert ("African Union", "org", "AU") in found


def test_actors_groups_the_spec_does_not_count_alone_are_their_state() -> None:
    found = mentions("The Tamil Tigers and ETA were named, as were Hamas and the Houthis.")
    codes = {text: code for text, _, code in found}
    assert codes["Tamil Tigers"] == "LKA/REB" and codes["ETA"] == "ESP/REB"
    assert codes["Hamas"] == "HAMAS/REB" and codes["Houthis"] == "HOUTHIS/REB"


def test_actors_people_resolve_by_their_office_on_the_date() -> None:
    kb = default_kb()
    entry = next(iter(kb.aliases[normalise("Riek Machar")]))
    assert kb.actor(entry, on=date(2016, 5, 1)).code == "SSD/GOV"
    assert kb.actor(entry, on=date(2018, 5, 1)).code == "SPLM_IO/REB"
    lavrov = next(iter(kb.aliases[normalise("Sergey Lavrov")]))
    assert kb.actor(lavrov, on=date(2020, 11, 24)).code == "RUS/GOV"


def test_actors_we_resolves_to_the_speaker_only_when_there_is_one() -> None:
    speaker = (Actor("RUS", "GOV", "RUS", "Sergey Lavrov"),)
    assert ("We", "pronoun", "RUS/GOV") in mentions("We welcome it.", speaker=speaker)
    assert mentions("We welcome it.") == []


def test_actors_speaker_from_a_byline() -> None:
    kb, pipeline = default_kb(), nlp.load()
    on = date(2020, 11, 24)
    lavrov = resolve_speaker("Sergey Lavrov", kb=kb, nlp=pipeline, on=on)
    assert [a.code for a in lavrov] == ["RUS/GOV"]
    ministry = resolve_speaker("the Russian Foreign Ministry", kb=kb, nlp=pipeline, on=on)
    assert [a.code for a in ministry] == ["RUS/GOV"]
    assert resolve_speaker("an unknown blogger", kb=kb, nlp=pipeline, on=on) == ()


def test_actors_bad_people_file_names_file_line_and_fix(tmp_path) -> None:
    extra = tmp_path / "people.tsv"
    extra.write_text(
        "name\taliases\tentity\tsector\tcountry\tstart\tend\toffice\n"
        "Ana Example\t\tRUS\tGOVT\tRUS\t2020-01-01\t\tMinister\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_kb([extra])
    assert f"{extra}:2: Ana Example: unknown sector 'GOVT'; use a PLOVER sector" in str(
        caught.value
    )


def test_actors_user_file_adds_people(tmp_path) -> None:
    extra = tmp_path / "people.tsv"
    extra.write_text(
        "name\taliases\tentity\tsector\tcountry\tstart\tend\toffice\n"
        "Ana Example\tExample\tCHL\tGOV\tCHL\t2020-01-01\t\tMinister\n",
        encoding="utf-8",
    )
    kb = load_kb([extra])
    entry = next(iter(kb.aliases[normalise("Ana Example")]))
    assert kb.actor(entry, on=date(2021, 1, 1)).code == "CHL/GOV"


def test_actors_surnames_after_a_full_name_or_a_title() -> None:
    text = "Theresa May met Boris Johnson. In May the talks resumed. Mrs May said so."
    found = [(m.text, m.actors[0].name) for m in _mentions_on(text, date(2017, 6, 1))]
    assert found.count(("May", "Theresa May")) == 1  # "Mrs May", not the month
    found = [
        (m.text, m.actors[0].code)
        for m in _mentions_on("Secretary Kerry called.", date(2015, 1, 25))
    ]
    assert ("Kerry", "USA/GOV") in found


def test_actors_a_namesake_with_another_given_name_is_not_the_known_person() -> None:
    on = date(2010, 5, 14)
    names = [m.actors[0].name for m in _mentions_on("Envoy John Harper spoke.", on)]
    assert "Stephen Harper" not in names
    for text in ("Prime Minister Harper spoke.", "Mr. Stephen J. Harper spoke."):
        names = [m.actors[0].name for m in _mentions_on(text, on)]
        assert "Stephen Harper" in names, text
    names = [m.actors[0].name for m in _mentions_on("Sergei V. Lavrov spoke.", on)]
    assert "Sergey Lavrov" in names


def _mentions_on(text: str, on: date) -> list:
    return find_mentions(nlp.load()(text), kb=default_kb(), nlp=nlp.load(), on=on)


def test_actors_nato_missions_are_nato() -> None:
    from datetime import date as _date

    import parley

    events = parley.code(
        "An ISAF helicopter attacked insurgents in Helmand.", published=_date(2012, 5, 1)
    )
    assert any(a.entity == "NATO" for e in events for a in e.source), events


def test_actors_a_shared_name_is_the_person_in_office_on_the_date(tmp_path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "name\taliases\tentity\tsector\tcountry\tstart\tend\toffice\n"
        "Ana Ruiz\tRuiz\tCHL\tGOV\tCHL\t2001-01-01\t2004-12-31\tPresident\n"
        "Marta Ruiz\tRuiz\tBOL\tGOV\tBOL\t2010-01-01\t2014-12-31\tPresident\n",
        encoding="utf-8",
    )
    kb = load_kb([people])
    doc = nlp.load()("Ruiz arrived in Lima.")
    for day, state in ((date(2002, 5, 1), "CHL"), (date(2012, 5, 1), "BOL")):
        found = find_mentions(doc, kb=kb, nlp=nlp.load(), on=day)
        assert [m.actors[0].entity for m in found if m.kind == "person"] == [state]


@pytest.mark.parametrize(
    ("text", "day", "state"),
    [
        ("President Uhuru Kenyatta spoke.", date(2016, 5, 1), "KEN"),
        ("Prime Minister Sheikh Hasina spoke.", date(2019, 5, 1), "BGD"),
        ("Jacinda Ardern spoke.", date(2020, 5, 1), "NZL"),
        ("Evo Morales spoke.", date(2010, 5, 1), "BOL"),
        ("Nana Akufo-Addo spoke.", date(2005, 5, 1), "GHA"),
        ("Mark Rutte spoke.", date(2025, 5, 1), "NATO"),
    ],
)
def test_actors_leaders_of_every_region_are_known(text: str, day: date, state: str) -> None:
    doc = nlp.load()(text)
    found = find_mentions(doc, kb=default_kb(), nlp=nlp.load(), on=day)
    assert [m.actors[0].entity for m in found if m.kind == "person"] == [state]


@pytest.mark.parametrize(
    ("day", "sector"),
    [
        (date(2018, 5, 1), "GOV"),  # in office
        (date(2024, 5, 1), "PRE"),  # a former president
        (date(2023, 6, 10), "GOV"),  # days after leaving, reports still speak of the office
        (date(2014, 5, 1), "ELI"),  # before his presidency: not yet the government
    ],
)
def test_actors_a_person_out_of_office_is_not_the_government(day: date, sector: str) -> None:
    doc = nlp.load()("Muhammadu Buhari spoke.")
    found = find_mentions(doc, kb=default_kb(), nlp=nlp.load(), on=day)
    assert [m.actors[0].code for m in found] == [f"NGA/{sector}"]


def test_actors_a_person_named_by_office_holds_it_in_the_text() -> None:
    doc = nlp.load()("President Muhammadu Buhari spoke.")
    found = find_mentions(doc, kb=default_kb(), nlp=nlp.load(), on=date(2024, 5, 1))
    assert [m.actors[0].code for m in found if m.kind == "person"] == ["NGA/GOV"]
