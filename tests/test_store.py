"""The SQLite event store: idempotent ingest, whole-document transactions, queries."""

from __future__ import annotations

import json
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


# Schema migrations


def test_store_upgrades_a_version_1_file_and_keeps_its_events(tmp_path) -> None:
    from parley.store.schema import V1

    event = coded().events[0]
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(V1)
    db.execute(
        "INSERT INTO documents (id, hash, text, published) VALUES ('doc-1', 'h', ?, '2021-03-05')",
        (TEXT,),
    )
    db.execute(
        "INSERT INTO events (id, doc_id, sentence, code, root, quad_class, goldstein, modality,"
        " date_start, date_end, precision, rule, json) VALUES (?, 'doc-1', ?, ?, ?, ?, ?, ?,"
        " '2018-07-01', '2018-07-31', 'month', ?, ?)",
        (
            event.id,
            event.sentence,
            event.code,
            event.root,
            event.quad_class,
            event.goldstein,
            event.modality,
            event.rule,
            json.dumps(event.to_dict()),
        ),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with open_store(path) as store:
        (found,) = store.events()
        assert found["id"] == event.id and found["cluster"]["mentions"] == 1
        assert [e["id"] for e in store.events(text="agreement")] == [event.id]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_refuses_a_sqlite_file_that_is_not_a_store(tmp_path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    with pytest.raises(parley.StoreError, match="not a Parley event store"):
        open_store(path)


# One real-world event, however often it is reported

MEETING_REPORTS = [
    ("wire-a", date(2021, 3, 2), "Kenyan and Ugandan officials held talks in Nairobi on Monday."),
    (
        "wire-b",
        date(2021, 3, 3),
        "Delegations of Uganda and Kenya met in Nairobi on Monday to discuss the border.",
    ),
    ("mfa-c", date(2021, 3, 1), "Kenya held talks with Uganda in Nairobi today."),
]


def store_reports(store, reports) -> None:
    documents = [
        Document(id=i, text=t, published=d, publisher=i.split("-")[0] + i[-1])
        for i, d, t in reports
    ]
    for coded_document in code_many(documents):
        store.add(coded_document)


def test_store_three_reports_of_one_meeting_are_one_event(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store_reports(store, MEETING_REPORTS)
        (meeting,) = store.events(code="04")
        assert meeting["cluster"]["mentions"] == 3
        assert meeting["cluster"]["documents"] == 3 and meeting["cluster"]["publishers"] == 3
        assert meeting["cluster"]["first_report"] == "2021-03-01"
        assert meeting["cluster"]["last_report"] == "2021-03-03"
        assert len(store.events(code="04", mentions=True)) == 3


def test_store_two_meetings_a_month_apart_stay_two(tmp_path) -> None:
    reports = [
        ("a", date(2021, 3, 2), "Kenya and Uganda held talks in Nairobi on Monday."),
        ("b", date(2021, 4, 6), "Kenya and Uganda held talks in Nairobi on Monday."),
    ]
    with open_store(tmp_path / "p.db") as store:
        store_reports(store, [(i, d, t + f" ({i})") for i, d, t in reports])
        assert [e["date"]["start"] for e in store.events(code="04")] == [
            "2021-03-01",
            "2021-04-05",
        ]


def test_store_replacing_a_report_updates_its_event_count(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store_reports(store, MEETING_REPORTS)
        store.add(coded("Japan will provide humanitarian assistance to Nepal.", doc_id="wire-a"))
        (meeting,) = store.events(code="04")
        assert meeting["cluster"]["mentions"] == 2


# Queries


def test_store_queries_by_dyad_quad_modality_place_text_and_sort(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store_reports(store, MEETING_REPORTS)
        store.add(coded())
        codes = lambda **f: [e["code"] for e in store.events(**f)]  # noqa: E731
        assert codes(dyad="KEN:ETH") == ["051"]
        assert codes(dyad="ETH:KEN") == []
        assert codes(dyad="ETH:KEN", either=True) == ["051"]
        assert codes(quad=1, modality="intended") == ["0333"]
        assert codes(place="nairobi") == codes(country="KEN") == ["046"]
        assert codes(text="humanitarian") == ["0333"]
        assert codes(sort="-date")[0] == "0333"
        with pytest.raises(parley.InputError, match="SOURCE:TARGET"):
            store.events(dyad="KEN")


def test_store_events_to_pandas(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store.add(coded())
        frame = store.events().to_pandas()
    assert list(frame["code"]) == ["051", "057", "0333"]
    assert frame.loc[0, "source"] == ["KEN/GOV"]


def test_store_a_bad_text_search_is_a_clear_error(tmp_path) -> None:
    with open_store(tmp_path / "p.db") as store:
        store.add(coded())
        for query in ('"', "*", "talks -x"):
            with pytest.raises(parley.StoreError, match="text search"):
                store.events(text=query)


def test_store_a_reader_of_an_older_store_upgrades_it_and_odd_names_work(tmp_path) -> None:
    from parley.store.schema import V1

    path = tmp_path / "old #1?.db"
    db = sqlite3.connect(path)
    db.executescript(V1)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with open_store(path, readonly=True) as store:
        assert store.events() == []
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_a_replaced_first_report_takes_its_dates_from_the_cluster(tmp_path) -> None:
    first = ("a", date(2023, 9, 30), "Kenya and Uganda held talks in Nairobi in September 2023.")
    second = ("b", date(2023, 9, 4), "Kenya and Uganda held talks in Nairobi on 3 September.")
    late = ("c", date(2023, 9, 29), "Kenya and Uganda held talks in Nairobi on 28 September.")
    with open_store(tmp_path / "p.db") as store:
        store_reports(store, [first, second])
        store.add(coded("Japan will provide humanitarian assistance to Nepal.", doc_id="a"))
        store_reports(store, [late])
        assert len(store.events(code="04")) == 2  # the 3rd and the 28th are two meetings


def test_store_weekly_series_keep_a_week_whole_across_new_year(tmp_path) -> None:
    from parley.store.browse import series

    reports = [
        ("a", date(2020, 12, 31), "Kenya and Uganda held talks in Nairobi today."),
        ("b", date(2021, 1, 3), "Kenya and Uganda signed a trade agreement in Kampala today."),
    ]
    with open_store(tmp_path / "p.db") as store:
        store_reports(store, reports)
        weeks = series(store.db, "KEN", "UGA", either=True, by="week")
    assert {row["period"] for row in weeks} == {"2020-W53"}
    assert sum(row["events"] for row in weeks) == 2
