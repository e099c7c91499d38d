"""The event store as users drive it: `parley ingest`, `recode`, `events`, `export`, with
real processes, including one killed in the middle of an ingest and readers that read
while another process writes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq

from conftest import parley_command, run_parley

REPORTS = {
    "a.txt": "Title: Talks\nDate: 2021-03-02\n\nKenyan and Ugandan officials held talks in "
    "Nairobi on Monday.\n",
    "b.txt": "Title: Border talks\nDate: 2021-03-03\n\nDelegations of Uganda and Kenya met in "
    "Nairobi on Monday to discuss the border.\n",
    "c.txt": "Title: Aid\nDate: 2021-03-04\n\nJapan will provide humanitarian assistance to "
    "Nepal.\n",
}


def write_reports(folder: Path, reports: dict[str, str] = REPORTS) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def many_reports(folder: Path, count: int) -> Path:
    """Documents of the team's own, each different: a meeting a day apart."""
    folder.mkdir(exist_ok=True)
    for n in range(count):
        day = 1 + n % 28
        text = (
            f"Title: Meeting {n}\nDate: 2021-{1 + n // 28:02d}-{day:02d}\n\n"
            f"Kenya and Uganda held talks in Nairobi today, round {n}.\n\n"
            f"Kenya condemned the attack by Al-Shabaab fighters near Mandera (report {n}).\n"
        )
        (folder / f"doc{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def store_counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    return documents, events


def test_store_cli_ingest_again_codes_nothing_and_events_are_one_per_meeting(tmp_path) -> None:
    folder = write_reports(tmp_path / "in")
    db = tmp_path / "p.db"
    first = run_parley("ingest", str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "3 added" in first.stderr
    again = run_parley("ingest", str(folder), "--db", str(db))
    assert "0 added, 0 replaced, 3 unchanged" in again.stderr
    rows = run_parley("events", "--db", str(db), "-f", "jsonl", "--code", "04")
    (meeting,) = [json.loads(line) for line in rows.stdout.splitlines()]
    assert meeting["cluster"]["mentions"] == 2 and meeting["cluster"]["documents"] == 2
    every = run_parley("events", "--db", str(db), "-f", "jsonl", "--code", "04", "--mentions")
    assert len(every.stdout.splitlines()) == 2
    found = run_parley("events", "--db", str(db), "-f", "jsonl", "--text", "border")
    assert [Path(json.loads(line)["doc_id"]).name for line in found.stdout.splitlines()] == [
        "b.txt"
    ]


def test_store_cli_recode_restores_events_from_stored_texts_alone(tmp_path) -> None:
    folder = write_reports(tmp_path / "in")
    db = tmp_path / "p.db"
    run_parley("ingest", str(folder), "--db", str(db))
    before = store_counts(db)
    for path in folder.iterdir():
        path.unlink()  # the files are gone: recode works from the store
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("DELETE FROM events")
    result = run_parley("recode", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert store_counts(db) == before


def test_store_cli_export_every_format(tmp_path) -> None:
    folder = write_reports(tmp_path / "in")
    db = tmp_path / "p.db"
    run_parley("ingest", str(folder), "--db", str(db))
    for fmt, name in [("jsonl", "e.jsonl"), ("gdelt", "e.tsv"), ("plover", "e.json")]:
        result = run_parley("export", "--db", str(db), "-f", fmt, "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    jsonl = (tmp_path / "e.jsonl").read_text().splitlines()
    assert len(jsonl) == 2  # the meeting once, the aid pledge
    gdelt = (tmp_path / "e.tsv").read_text().splitlines()
    header = gdelt[0].split("\t")
    meeting = dict(zip(header, gdelt[1].split("\t"), strict=True))
    assert meeting["EventRootCode"] == "04" and meeting["NumArticles"] == "2"
    plover = json.loads((tmp_path / "e.json").read_text())
    assert {p["event_type"] for p in plover} >= {"CONSULT"}
    parquet = tmp_path / "e.parquet"
    run_parley("export", "--db", str(db), "-f", "parquet", "--out", str(parquet), "--code", "04")
    assert pq.read_table(parquet).num_rows == 1
    bad = run_parley("export", "--db", str(db), "-f", "xml", "--out", str(tmp_path / "x"))
    assert bad.returncode != 0 and "xml" in bad.stderr


def test_store_cli_a_killed_ingest_leaves_a_consistent_store_and_resumes(tmp_path) -> None:
    folder = many_reports(tmp_path / "in", 40)
    db = tmp_path / "p.db"
    process = subprocess.Popen(
        [*parley_command(), "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists() and store_counts(db)[0] >= 3:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    documents, _ = store_counts(db)
    assert 3 <= documents < 40
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = connection.execute(
            "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        uncounted = connection.execute(
            "SELECT count(*) FROM clusters c WHERE mentions !="
            " (SELECT count(*) FROM events e WHERE e.cluster_id = c.id)"
        ).fetchone()[0]
        # every stored document has all its events: the talks, the attack, the condemnation
        partial = connection.execute(
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM events e"
            " WHERE e.doc_id = d.id) != 3"
        ).fetchone()[0]
    assert (orphans, uncounted, partial) == (0, 0, 0)
    resumed = run_parley("ingest", str(folder), "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr
    assert f"{documents} unchanged" in resumed.stderr
    assert store_counts(db) == (40, 120)


def test_store_cli_readers_read_while_another_process_ingests(tmp_path) -> None:
    folder = many_reports(tmp_path / "in", 30)
    db = tmp_path / "p.db"
    run_parley("ingest", str(write_reports(tmp_path / "first")), "--db", str(db))
    errors: list[BaseException] = []
    seen: list[int] = []
    done = threading.Event()

    def read() -> None:
        import parley

        try:
            while not done.is_set():
                with parley.open(db, readonly=True) as store:
                    seen.append(len(store.events(mentions=True)))
                time.sleep(0.01)
        except BaseException as exc:  # noqa: BLE001 - any error fails the test below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    writer = run_parley("ingest", str(folder), "--db", str(db))
    done.set()
    for reader in readers:
        reader.join()
    assert writer.returncode == 0, writer.stderr
    assert errors == []
    assert seen and min(seen) >= 3 and max(seen) <= 3 + 90
    assert seen == sorted(seen) or len(set(seen)) > 1  # readers saw the store grow
