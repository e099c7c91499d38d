"""The team's development gold set (tests/gold/*.jsonl): a floor under F1 and precision.

The floor is what the coder reaches now (tests/gold/floor.json); a change that lowers it
fails here, and one that raises it should raise the floor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.evaluate import evaluate

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    combined = tmp_path_factory.mktemp("gold") / "dev.jsonl"
    combined.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("dev-*.jsonl"))),
        encoding="utf-8",
    )
    return evaluate(combined)


def test_gold_set_is_large_and_covers_every_root() -> None:
    documents = [
        json.loads(line)
        for path in sorted(GOLD.glob("dev-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(documents) >= 40
    roots = {e["code"][:2] for d in documents for e in d["events"] if e["essential"]}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_gold_f1_and_precision_stay_above_the_floor(report: dict) -> None:
    floor = json.loads((GOLD / "floor.json").read_text(encoding="utf-8"))
    assert report["f1"] >= floor["f1"], f"F1 {report['f1']} fell below {floor['f1']}"
    assert report["precision"] >= floor["precision"]
    assert report["recall"] >= floor["recall"]
