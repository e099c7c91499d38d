"""Multilateral events with roles, named formats and pledges kept on record, on the
founding document and on the team's own documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import parley

from conftest import SEED, run_parley


def roles(event) -> list[tuple[str, str]]:
    return [(p.role, p.actor.code or p.actor.text) for p in event.participants]


@pytest.fixture(scope="module")
def founding() -> list:
    from parley.read import read_paths

    path = SEED / "lavrov-2020-11-24.txt"
    if not path.exists():
        pytest.skip(f"the founding document is not at {path}")
    document = next(iter(read_paths([path])))
    return list(next(parley.code_many([document])).events)


def test_multilateral_founding_moscow_meetings_have_host_parties_observers_initiator(
    founding,
) -> None:
    talks = next(e for e in founding if e.code == "046" and e.date.iso() == "2018-11")
    assert roles(talks)[:3] == [
        ("host", "RUS/GOV"),
        ("party", "TALIBAN/REB"),
        ("party", "AFG/GOV"),
    ]
    assert ("observer", "a dozen of regional countries") in roles(talks)
    assert ("observer", "USA/GOV") in roles(talks)
    assert talks.format["id"] == "MOSCOW_FORMAT"
    consultations = next(e for e in founding if e.date and e.date.iso() == "2019-02")
    assert ("host", "RUS/GOV") in roles(consultations)
    initiator = [p.actor for p in consultations.participants if p.role == "initiator"]
    assert [a.text for a in initiator] == ["the Afghan Diaspora"]


def test_multilateral_founding_troika_plus_with_its_four_members(founding) -> None:
    commitment = next(e for e in founding if e.code == "039")
    assert commitment.format == {
        "id": "TROIKA_PLUS",
        "name": "troika plus",
        "members": ["RUS", "USA", "CHN", "PAK"],
        "named_members": ["RUS", "USA", "CHN", "PAK"],
        "agrees": True,
    }


def test_multilateral_founding_pledge_of_support_in_six_areas_on_a_condition(founding) -> None:
    pledge = next(e.pledge for e in founding if e.pledge)
    assert pledge["giver"] == ["RUS/GOV"]
    assert pledge["areas"] == [
        "counter-terrorism",
        "drug crime",
        "military-technical cooperation",
        "training",
        "humanitarian aid",
        "industry and infrastructure",
    ]
    assert pledge["condition"] == "Upon the successful completion of the negotiating process"


@pytest.mark.parametrize(
    ("text", "format_id", "expected"),
    [
        (
            "The foreign ministers of Russia and Ukraine held talks in Berlin on Tuesday in the "
            "Normandy format, in the presence of observers from the OSCE.",
            "NORMANDY_FORMAT",
            [("host", "DEU/GOV"), ("party", "RUS/GOV"), ("party", "UKR/GOV"), ("observer", "OSCE")],
        ),
        (
            "Delegations of the Syrian government and the Syrian opposition held talks in Astana "
            "under the auspices of Russia, Turkey and Iran in the Astana format.",
            "ASTANA_FORMAT",
            [
                ("host", "KAZ/GOV"),
                ("party", "SYR/GOV"),
                ("party", "SYR/OPP"),
                ("mediator", "RUS/GOV"),
                ("mediator", "TUR/GOV"),
                ("mediator", "IRN/GOV"),
            ],
        ),
        (
            "South Sudan's government and the SPLM-IO signed a ceasefire agreement in Addis Ababa "
            "at the High-Level Revitalization Forum, brokered by IGAD, in the presence of "
            "observers from the African Union and the United Nations.",
            "IGAD_SOUTH_SUDAN_TALKS",
            [
                ("host", "ETH/GOV"),
                ("party", "SSD/GOV"),
                ("party", "SPLM_IO/REB"),
                ("mediator", "IGAD"),
                ("observer", "AU"),
                ("observer", "UN"),
            ],
        ),
    ],
)
def test_multilateral_formats_with_mediators_and_observers(
    text: str, format_id: str, expected: list
) -> None:
    event = parley.code(text, published=date(2021, 3, 5))[0]
    assert roles(event) == expected
    assert event.format["id"] == format_id


def test_multilateral_named_members_that_differ_from_the_registry_are_recorded() -> None:
    text = (
        "Iran held talks in Vienna in the P5+1 format with the participation of the United "
        "States, Russia and China."
    )
    event = parley.code(text, published=date(2015, 7, 1))[0]
    assert event.format["named_members"] == ["USA", "RUS", "CHN"]
    assert event.format["agrees"] is False and "DEU" in event.format["members"]


def test_multilateral_a_pledge_later_fulfilled_and_the_process_timeline(tmp_path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "pledge.txt").write_text(
        "Title: Pledge\nDate: 2021-01-10\n\n"
        "Japan will provide humanitarian assistance to Nepal, the foreign ministry said.\n"
    )
    (folder / "delivered.txt").write_text(
        "Title: Delivered\nDate: 2021-03-05\n\n"
        "Japan delivered humanitarian aid to Nepal on Friday.\n"
    )
    (folder / "other.txt").write_text(
        "Title: Other\nDate: 2021-03-06\n\nChina delivered humanitarian aid to Nepal.\n"
    )
    db = tmp_path / "p.db"
    assert run_parley("ingest", str(folder), "--db", str(db)).returncode == 0
    listed = run_parley("pledges", "--db", str(db), "--actor", "JPN", "-f", "jsonl")
    (pledge,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert pledge["areas"] == ["humanitarian aid"]
    assert [Path(e["doc_id"]).name for e in pledge["fulfilled_by"]] == ["delivered.txt"]
    timeline = run_parley("process", "Nepal", "--db", str(db))
    assert timeline.returncode == 0 and "pledge" in timeline.stdout and "07" in timeline.stdout


def test_multilateral_a_stored_pledge_names_the_events_that_fulfilled_it(tmp_path) -> None:
    db = tmp_path / "p.db"
    documents = [
        parley.Document(
            id="pledge",
            text="Japan will provide humanitarian assistance to Nepal.",
            published=date(2021, 1, 10),
        ),
        parley.Document(
            id="delivered",
            text="Japan delivered humanitarian aid to Nepal on Friday.",
            published=date(2021, 3, 6),
        ),
    ]
    with parley.open(db) as store:
        for coded in parley.code_many(documents):
            store.add(coded)
        (pledge,) = [e for e in store.events() if e["pledge"]]
        delivered = next(e for e in store.events() if e["doc_id"] == "delivered")
    assert pledge["pledge"]["fulfilled_by"] == [delivered["id"]]
