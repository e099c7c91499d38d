"""The SQLite event store: idempotent ingest, whole-document transactions, queries."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

import parley
from parley.model import CodedDocument, Document
from parley.pipeline import code_many
from parley.store import SCHEMA_VERSION, open_store

TEXT = (
    "Kenya welcomed the agreement between Ethiopia and Eritrea signed in Asmara in July 2018.\n\n"
    "Japan will provide humanitarian assistance to Nepal."
)


def coded(text: str = TEXT, doc_id: str = "doc-1") -> CodedDocument:
    document = Document(id=doc_id, text=text, published=date(2021, 3, 5))
    return next(code_many([document]))


def test_store_same_document_twice_is_stored_once(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        first = store.add(coded())
        again = store.add(coded())
        assert (first.status, first.events) == ("added", 3)
        assert again.status == "unchanged"
        assert store.counts() == {"documents": 1, "events": 3}


def test_store_same_text_under_another_id_is_still_one_document(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store.add(coded(doc_id="a"))
        assert store.add(coded(doc_id="b")).status == "unchanged"
        assert store.counts()["documents"] == 1


def test_store_new_text_for_an_id_replaces_its_events(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store.add(coded())
        result = store.add(coded("Japan will provide humanitarian assistance to Nepal."))
        assert result.status == "replaced"
        assert [e["code"] for e in store.events()] == ["0333"]


def test_store_failure_mid_document_leaves_nothing_half_written(tmp_path) -> None:
    good = coded()
    broken_event = replace(good.events[1], place="not a place")  # fails while inserting
    broken = CodedDocument(good.document, (good.events[0], broken_event))
    with open_store(tmp_path / "p.db") as store:
        with pytest.raises(AttributeError):
            store.add(broken)
        assert store.counts() == {"documents": 0, "events": 0}
        assert store.add(good).status == "added"


def test_store_is_wal_and_versioned(tmp_path) -> None:
    path = tmp_path / "p.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_refuses_a_newer_schema(tmp_path) -> None:
    path = tmp_path / "p.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(parley.StoreError, match="newer Parley"):
        open_store(path)


def test_store_queries_by_actor_sector_code_and_dates(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store.add(coded())
        codes = lambda **f: sorted(e["code"] for e in store.events(**f))  # noqa: E731
        assert codes(actor="KEN") == ["051"]
        assert codes(actor="ETH") == ["051", "057"]  # as target and as party
        assert codes(actor="ETH/GOV") == ["051", "057"]
        assert codes(actor="KEN/MIL") == []
        assert codes(actor="NPL") == ["0333"]
        assert codes(code="05") == ["051", "057"]
        assert codes(since=date(2020, 1, 1)) == ["0333"]
        assert codes(until=date(2018, 12, 31)) == ["051", "057"]  # "welcomed": back then
        assert codes(actor="KEN", code="03") == []


def test_store_read_only_connection_cannot_write(tmp_path) -> None:
    path = tmp_path / "p.db"
    open_store(path).close()
    with open_store(path, readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.db.execute("DELETE FROM events")
