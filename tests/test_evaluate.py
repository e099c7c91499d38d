"""Scoring against gold files (shared/spec/gold-format.md)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from parley.errors import InputError
from parley.evaluate import GoldEvent, evaluate, match_document, matches
from parley.model import Actor, Event


def event(
    code: str, source: list[str], target: list[str], *, symmetric: bool = False, text: str = ""
) -> Event:
    def actors(codes: list[str]) -> tuple[Actor, ...]:
        return tuple(Actor(*c.split("/"), "") if "/" in c else Actor(c) for c in codes)

    return Event(
        id=f"{code}-{source}-{target}",
        doc_id="d",
        sentence=0,
        start_char=0,
        end_char=0,
        text=text,
        code=code,
        root=code[:2],
        name="",
        plover="",
        goldstein=0.0,
        quad_class=1,
        source=actors(source),
        target=actors(target),
        symmetric=symmetric,
        date=None,
        place=None,
        modality="asserted",
        rule="test",
    )


def gold(
    code: str,
    source: list[str],
    target: list[str],
    *,
    symmetric: bool = False,
    essential: bool = True,
    evidence: str = "",
) -> GoldEvent:
    return GoldEvent(
        code, tuple(source), tuple(target), symmetric, None, None, "asserted", essential, evidence
    )


def test_evaluate_match_needs_root_source_and_target() -> None:
    assert matches(event("051", ["RUS/GOV"], ["USA"]), gold("050", ["RUS"], ["USA", "AFG"]))
    assert not matches(event("040", ["RUS/GOV"], ["USA"]), gold("050", ["RUS"], ["USA"]))
    assert not matches(event("051", ["RUS"], ["CHN"]), gold("051", ["RUS"], ["USA"]))
    assert matches(event("012", ["RUS"], []), gold("012", ["RUS"], []))
    assert not matches(event("012", ["RUS"], ["AFG"]), gold("012", ["RUS"], []))


def test_evaluate_symmetric_events_match_either_way_round() -> None:
    talks = gold("046", ["AFG/GOV"], ["TALIBAN/REB"], symmetric=True)
    assert matches(event("046", ["TALIBAN"], ["AFG"]), talks)
    assert not matches(event("046", ["TALIBAN"], ["AFG"]), gold("046", ["AFG"], ["TALIBAN"]))


def test_evaluate_each_gold_event_matches_once_and_quotes_break_ties() -> None:
    found = [event("027", ["RUS"], ["AFG"], text="We call upon both parties to end the war.")]
    golds = [
        gold("027", ["RUS"], ["AFG"], essential=False, evidence="there is a need"),
        gold("027", ["RUS"], ["AFG"], evidence="We call upon both parties"),
    ]
    pairs = match_document(found, golds)
    assert len(pairs) == 1 and pairs[0][1].evidence == "We call upon both parties"


def test_evaluate_own_gold_file(tmp_path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    text = (
        "Kenya welcomed the agreement between Ethiopia and Eritrea signed in Asmara in July 2018."
    )
    gold_file.write_text(
        json.dumps(
            {
                "id": "kenya",
                "text": text,
                "published": "2021-03-05",
                "events": [
                    {
                        "code": "051",
                        "source": ["KEN/GOV"],
                        "target": ["ETH", "ERI"],
                        "date": "2018-07",
                        "location": None,
                        "modality": "asserted",
                        "essential": True,
                    },
                    {
                        "code": "057",
                        "source": ["ETH/GOV"],
                        "target": ["ERI/GOV"],
                        "symmetric": True,
                        "date": "2018-07",
                        "location": "Asmara",
                        "modality": "asserted",
                        "essential": True,
                    },
                    {
                        "code": "190",
                        "source": ["ERI"],
                        "target": ["ETH"],
                        "date": "2018",
                        "location": None,
                        "modality": "asserted",
                        "essential": True,
                    },
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    report = evaluate(gold_file)
    assert (report["found"], report["matched"], report["essential"]) == (2, 2, 3)
    assert report["precision"] == 1.0 and report["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["location"] == 1.0 and report["date"] == 1.0
    assert report["documents"][0]["missed"][0]["code"] == "190"


def test_evaluate_malformed_gold_line_names_it(tmp_path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"id": "a", "text": "x", "events": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2: not a gold document"):
        evaluate(gold_file)


def test_evaluate_founding_document_meets_the_bar(seed) -> None:
    report = evaluate(seed / "gold.jsonl")
    assert report["recall"] == 1.0
    assert report["precision"] >= 0.8
    assert report["date"] == 1.0
    assert report["location"] == 1.0


def test_evaluate_gold_date_is_only_used_when_the_text_has_none(tmp_path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "A title\n\n10:00 01.06.2019\n\nJapan will provide aid to Nepal.\n", encoding="utf-8"
    )
    gold_file.write_text(
        json.dumps(
            {
                "id": "d",
                "path": "doc.txt",
                "published": "2030-01-01",
                "events": [
                    {
                        "code": "033",
                        "source": ["JPN"],
                        "target": ["NPL"],
                        "date": "2019-06-01",
                        "location": None,
                        "modality": "intended",
                        "essential": True,
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    report = evaluate(gold_file)
    assert report["recall"] == 1.0 and report["date"] == 1.0
    assert date(2019, 6, 1).isoformat() == "2019-06-01"


def test_evaluate_sector_share_compares_the_actors_both_name() -> None:
    from parley.evaluate import same_sectors

    found = event("161", ["SAU/GOV"], ["QAT/GOV"])
    assert same_sectors(found, gold("161", ["SAU/GOV", "ARE/GOV"], ["QAT/GOV"]))
    assert not same_sectors(found, gold("161", ["SAU/MIL"], ["QAT/GOV"]))
    assert same_sectors(found, gold("161", ["SAU"], ["QAT"]))
