"""Writing one coded document into the store: its row, sentences (and their full-text
index), the actors it names, its events with their participants, and their clusters.
Called inside the document's transaction (Store.add), so a failure leaves nothing."""

from __future__ import annotations

import json
import sqlite3

from parley.model import Actor, CodedDocument, Document, Event
from parley.store.clusters import assign, refresh
from parley.store.pledged import add_pledge, link_fulfilment


def insert_document(db: sqlite3.Connection, coded: CodedDocument, digest: str) -> None:
    document = coded.document
    db.execute(
        "INSERT INTO documents (id, hash, path, url, title, published, publisher, speaker,"
        " text, dateline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.id,
            digest,
            document.path,
            document.url,
            document.title,
            document.published.isoformat() if document.published else None,
            document.publisher,
            document.speaker,
            document.text,
            document.dateline,
        ),
    )
    _insert_sentences(db, coded)
    touched = [_insert_event(db, event) for event in coded.events]
    refresh(db, touched)


def delete_document(db: sqlite3.Connection, doc_id: str) -> bool:
    """Remove a document, everything coded from it, and its share of clusters."""
    clusters = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT cluster_id FROM events WHERE doc_id = ? AND cluster_id IS NOT NULL",
            (doc_id,),
        )
    ]
    db.execute("DELETE FROM sentences_fts WHERE doc_id = ?", (doc_id,))
    removed = db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount
    refresh(db, clusters)
    return bool(removed)


def _insert_sentences(db: sqlite3.Connection, coded: CodedDocument) -> None:
    doc_id = coded.document.id
    for sentence in coded.sentences:
        _add_sentence(
            db, doc_id, sentence.number, sentence.start_char, sentence.end_char, sentence.text
        )
        for span in sentence.mentions:
            for actor in span.actors:
                _remember_actor(db, actor)
                db.execute(
                    "INSERT INTO mentions (doc_id, sentence, start_char, end_char, text, kind,"
                    " entity, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc_id,
                        sentence.number,
                        span.start_char,
                        span.end_char,
                        span.text,
                        span.kind,
                        actor.entity,
                        actor.sector,
                    ),
                )


def _add_sentence(
    db: sqlite3.Connection, doc_id: str, number: int, start: int, end: int, text: str
) -> None:
    """A sentence and its row in the full-text index, which are kept together."""
    db.execute(
        "INSERT INTO sentences (doc_id, number, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
        (doc_id, number, start, end, text),
    )
    db.execute(
        "INSERT INTO sentences_fts (text, doc_id, number) VALUES (?, ?, ?)",
        (text, doc_id, number),
    )


def _remember_actor(db: sqlite3.Connection, actor: Actor) -> None:
    if actor.entity:
        db.execute(
            "INSERT OR IGNORE INTO actors (entity, sector, country, name) VALUES (?, ?, ?, ?)",
            (actor.entity, actor.sector, actor.country, actor.name),
        )


def _insert_event(db: sqlite3.Connection, event: Event) -> int:
    """Store an event and its participants; returns the cluster it joined."""
    record = event.to_dict()
    given = bool(event.date and event.date.text)
    db.execute(
        "INSERT INTO events (id, doc_id, sentence, code, root, quad_class, goldstein,"
        " modality, date_start, date_end, precision, place, place_country, rule, json,"
        " date_given) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.id,
            event.doc_id,
            event.sentence,
            event.code,
            event.root,
            event.quad_class,
            event.goldstein,
            event.modality,
            event.date.start.isoformat() if event.date else None,
            event.date.end.isoformat() if event.date else None,
            event.date.precision if event.date else None,
            event.place.name if event.place else None,
            event.place.country if event.place else None,
            event.rule,
            json.dumps(record, ensure_ascii=False),
            int(given),
        ),
    )
    roles = [("source", a) for a in event.source] + [("target", a) for a in event.target]
    roles += [(p.role, p.actor) for p in event.participants]
    for _, actor in roles:
        _remember_actor(db, actor)
    db.executemany(
        "INSERT INTO event_actors (event_id, role, entity, sector, name, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(event.id, role, a.entity, a.sector, a.name, a.text) for role, a in roles],
    )
    if event.format:
        db.execute("UPDATE events SET format_id = ? WHERE id = ?", (event.format["id"], event.id))
    if event.pledge:
        add_pledge(db, event)
    else:
        link_fulfilment(db, event)
    span = (
        (event.date.start.isoformat(), event.date.end.isoformat()) if event.date else (None, None)
    )
    return assign(db, event.id, record, span, given)


def index_event_sentences(db: sqlite3.Connection) -> None:
    """The sentences of events stored before sentences were kept, from the events."""
    rows = db.execute("SELECT doc_id, json FROM events ORDER BY rowid").fetchall()
    for doc_id, text in rows:
        event = json.loads(text)
        exists = db.execute(
            "SELECT 1 FROM sentences WHERE doc_id = ? AND number = ?", (doc_id, event["sentence"])
        ).fetchone()
        if exists:
            continue
        _add_sentence(
            db, doc_id, event["sentence"], event["start_char"], event["end_char"], event["text"]
        )


def document_of(row: sqlite3.Row) -> Document:
    """A stored document as it was read, to code it again."""
    from datetime import date

    return Document(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        publisher=row["publisher"],
        speaker=row["speaker"],
        url=row["url"],
        path=row["path"],
        dateline=row["dateline"],
    )
