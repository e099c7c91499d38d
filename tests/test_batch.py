"""`parley batch` on a Dask LocalCluster: the same events as `parley ingest`, partitions
skipped on a re-run, a killed worker's partitions done elsewhere, a failing document
reported."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import threading
from pathlib import Path

from dask.distributed import Client, LocalCluster

from parley import batch
from parley.read import from_text

from conftest import ROOT, run_parley

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus  # noqa: E402


def events_of(db: Path) -> set[tuple]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT e.doc_id, e.code, e.date_start, group_concat(a.role || a.entity, ',')"
            " FROM events e JOIN event_actors a ON a.event_id = e.id GROUP BY e.id"
        ).fetchall()
    return {(Path(d).name, c, s, ",".join(sorted(a.split(",")))) for d, c, s, a in rows}


def test_batch_gives_the_events_of_ingest_and_skips_written_partitions(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60)
    ingested, batched = tmp_path / "ingest.db", tmp_path / "batch.db"
    assert run_parley("ingest", str(corpus), "--db", str(ingested)).returncode == 0
    out = tmp_path / "parts"
    first = run_parley(
        "batch", str(corpus), "--out", str(out), "--workers", "2", "--db", str(batched)
    )
    assert first.returncode == 0, first.stderr
    assert "60 coded in 2 partitions" in first.stderr
    assert events_of(batched) == events_of(ingested)
    assert len(list(out.glob("events-*.parquet"))) == 2
    again = run_parley("batch", str(corpus), "--out", str(out), "--workers", "2")
    assert "0 coded in 0 partitions (2 already written)" in again.stderr


def test_batch_a_killed_worker_costs_only_its_partitions_which_are_done_elsewhere(
    tmp_path,
) -> None:
    documents = [from_text(p.read_text(), doc_id=p.name) for p in write_corpus(tmp_path / "c", 80)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        with Client(cluster) as client:
            pids = list(client.run(os.getpid).values())
        killed = threading.Event()

        def kill_one(_: int) -> None:
            if not killed.is_set():
                killed.set()
                os.kill(pids[0], signal.SIGKILL)

        summary = batch.run(
            documents,
            tmp_path / "out",
            scheduler=cluster.scheduler_address,
            size=5,
            on_partition=kill_one,
        )
    assert killed.is_set()
    assert summary.failures == []
    assert summary.documents == 80 and summary.written_partitions == 16


def test_batch_a_document_that_fails_three_times_is_reported_and_the_rest_stored(
    tmp_path,
) -> None:
    paths = write_corpus(tmp_path / "c", 6)
    huge = tmp_path / "c" / "huge.txt"
    huge.write_text("Kenya welcomed the talks. " * 45_000)  # over spaCy's 1,000,000 characters
    result = run_parley(
        "batch", str(tmp_path / "c"), "--out", str(tmp_path / "out"), "--workers", "1"
    )
    assert result.returncode == 1
    assert "huge.txt" in result.stderr and "6 coded" in result.stderr
    assert len(paths) == 6


def test_batch_a_rerun_codes_a_partition_whose_documents_changed(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 10)
    out = tmp_path / "parts"
    assert run_parley("batch", str(corpus), "--out", str(out), "--workers", "1").returncode == 0
    (corpus / "report000000.txt").write_text("Title: New\n\nKenya and Uganda held talks.\n")
    again = run_parley("batch", str(corpus), "--out", str(out), "--workers", "1")
    assert "10 coded in 1 partitions (0 already written)" in again.stderr
    assert len(list(out.glob("documents-*.parquet"))) == 1


def test_batch_an_unreachable_scheduler_is_a_clear_error(tmp_path) -> None:
    write_corpus(tmp_path / "c", 2)
    result = run_parley(
        "batch",
        str(tmp_path / "c"),
        "--out",
        str(tmp_path / "o"),
        "--scheduler",
        "tcp://127.0.0.1:9",
    )
    assert result.returncode == 1
    assert "cannot reach the Dask scheduler" in result.stderr and "Traceback" not in result.stderr
