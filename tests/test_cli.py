"""The `parley` command end to end, run as a user runs it, in a subprocess."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import ROOT, run_parley

EXAMPLES = ROOT / "examples"
EVENT_FIELDS = {
    "id",
    "doc_id",
    "sentence",
    "start_char",
    "end_char",
    "text",
    "code",
    "root",
    "name",
    "plover",
    "goldstein",
    "quad_class",
    "source",
    "target",
    "symmetric",
    "date",
    "place",
    "modality",
    "format",
    "participants",
    "pledge",
    "rule",
    "trigger",
    "confidence",
}
ACTOR_FIELDS = {"entity", "sector", "country", "name", "text", "cameo"}


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_cli_code_jsonl_has_every_field_and_the_document_id() -> None:
    result = run_parley("code", str(EXAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = jsonl(result.stdout)
    assert len(events) >= 10
    assert all(set(e) == EVENT_FIELDS for e in events)
    assert all(set(a) == ACTOR_FIELDS for e in events for a in e["source"] + e["target"])
    doc_ids = {e["doc_id"] for e in events}
    assert str(EXAMPLES / "call-readout.txt") in doc_ids
    assert "wire-2019-07-02-doha" in doc_ids  # the JSONL id
    meeting = next(e for e in events if e["rule"] == "consult.meet")
    assert meeting["date"] == {"start": "2023-09", "end": "2023-09", "precision": "month"}
    assert meeting["place"]["name"] == "New York City"


def test_cli_code_table_shows_codes_actors_and_rules() -> None:
    result = run_parley("code", str(EXAMPLES / "mfa-statement.txt"))
    assert result.returncode == 0, result.stderr
    assert "AUS/GOV" in result.stdout and "praise.welcome" in result.stdout
    assert "0333" in result.stdout


def test_cli_published_and_speaker_override_the_text(tmp_path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text(
        "We welcome the talks between Sudan and Chad held yesterday.\n", encoding="utf-8"
    )
    result = run_parley(
        "code", str(doc), "-f", "jsonl", "--published", "2022-05-10", "--speaker", "Sergey Lavrov"
    )
    assert result.returncode == 0, result.stderr
    events = {e["code"]: e for e in jsonl(result.stdout)}
    assert events["051"]["source"][0]["entity"] == "RUS"
    assert events["046"]["date"]["start"] == "2022-05-09"


def test_cli_ingest_twice_then_query(tmp_path) -> None:
    db = tmp_path / "parley.db"
    first = run_parley("ingest", str(EXAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "3 added" in first.stderr
    second = run_parley("ingest", str(EXAMPLES), "--db", str(db))
    assert "0 added, 0 replaced, 3 unchanged" in second.stderr
    found = run_parley(
        "events",
        "--db",
        str(db),
        "--actor",
        "AUS",
        "--code",
        "05",
        "--since",
        "2024-01-01",
        "--format",
        "jsonl",
    )
    assert found.returncode == 0, found.stderr
    events = jsonl(found.stdout)
    assert events and all(e["code"].startswith("05") for e in events)
    assert all(any(a["entity"] == "AUS" for a in e["source"] + e["target"]) for e in events)
    table = run_parley("events", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert len(rows) >= 10 and {"date", "code", "source", "target", "rule"} <= set(rows[0])


def test_cli_events_without_a_store_is_a_clear_error(tmp_path) -> None:
    result = run_parley("events", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "none.db: no event store here" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"   \n\n  ", "empty document"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04", "binary file, not text"),
        ("latin.txt", "Caf\u00e9 talks".encode("latin-1"), "not UTF-8 text"),
        (
            "broken.jsonl",
            b'{"id": "x", "text": "Chad hosted talks."}\n{oops\n',
            ":2: not valid JSON",
        ),
        ("notext.jsonl", b'{"id": "y"}\n', "missing or empty 'text' field"),
        ("baddate.jsonl", b'{"text": "Chad hosted talks.", "published": "soon"}\n', "'published'"),
    ],
)
def test_cli_bad_input_is_one_line_naming_it_and_the_rest_go_through(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Japan will provide humanitarian assistance to Nepal.\n", encoding="utf-8")
    result = run_parley("code", str(bad), str(good), "-f", "jsonl", "--published", "2021-01-01")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and problem in errors[0]
    assert "failed" in result.stderr
    assert any(e["code"] == "0333" for e in jsonl(result.stdout))


def test_cli_missing_file_and_bad_date_argument(tmp_path) -> None:
    missing = run_parley("code", str(tmp_path / "nowhere.txt"))
    assert missing.returncode == 1 and "nowhere.txt: no such file" in missing.stderr
    bad_date = run_parley("code", str(EXAMPLES), "--published", "someday")
    assert bad_date.returncode != 0 and "'someday' is not a date" in bad_date.stderr


def test_cli_ingest_counts_failures_and_stores_the_rest(tmp_path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.txt").write_bytes(b"\xff\xfe\xfa")
    (tmp_path / "docs" / "good.txt").write_text(
        "Japan will provide humanitarian assistance to Nepal.\n", encoding="utf-8"
    )
    db = tmp_path / "p.db"
    result = run_parley(
        "ingest", str(tmp_path / "docs"), "--db", str(db), "--published", "2021-01-01"
    )
    assert result.returncode == 1
    assert "1 added" in result.stderr and "1 failed" in result.stderr
    events = jsonl(run_parley("events", "--db", str(db), "-f", "jsonl").stdout)
    assert [e["code"] for e in events] == ["0333"]


def test_cli_eval_json_reports_the_founding_document(seed) -> None:
    result = run_parley("eval", str(seed / "gold.jsonl"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in (
        "precision",
        "recall",
        "f1",
        "found",
        "matched",
        "essential",
        "code_full",
        "sector",
        "date",
        "location",
        "modality",
        "documents",
    ):
        assert key in report
    assert report["recall"] == 1.0 and report["essential"] == 8
    assert report["precision"] >= 0.8
    assert {"missed", "spurious"} <= set(report["documents"][0])


def test_cli_code_founding_document_drops_page_clutter(seed) -> None:
    result = run_parley("code", str(seed / "lavrov-2020-11-24.txt"), "-f", "jsonl")
    events = jsonl(result.stdout)
    assert not any("Telegram" in e["text"] for e in events)
    roots = {e["code"][:3] if e["code"].startswith("03") else e["code"] for e in events}
    assert roots >= {"051", "057", "046", "040", "012", "027", "039", "033"}


def test_cli_explain_shows_actors_events_rules_and_misses(tmp_path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text(
        "Kenya welcomed the agreement between Ethiopia and Eritrea.\n\n"
        "Kenya and Uganda enjoyed the weather in Kampala.\n",
        encoding="utf-8",
    )
    result = run_parley("explain", str(doc), "--published", "2021-03-05")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "actor 'Kenya' -> KEN (country)" in text
    assert "event 051 Praise or endorse: KEN/GOV -> ETH/GOV, ERI/GOV" in text
    assert "[rule praise.welcome on 'welcomed']" in text
    assert "actors but no rule for its predicates (enjoy)" in text
