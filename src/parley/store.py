"""The event store: one SQLite file in WAL mode, one transaction per document.

A document is known by the hash of its normalised text: storing it again changes
nothing, and a new text under the same id replaces the old one and its events whole.
Readers see either all of a document's events or none of them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from parley.errors import StoreError
from parley.model import CodedDocument, Document

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    path TEXT,
    url TEXT,
    title TEXT,
    published TEXT,
    publisher TEXT,
    speaker TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    modality TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    precision TEXT,
    place TEXT,
    place_country TEXT,
    rule TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    entity TEXT NOT NULL,
    sector TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_code ON events(code);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);
CREATE INDEX IF NOT EXISTS event_actors_entity ON event_actors(entity, sector);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
"""


def text_hash(document: Document) -> str:
    """The identity of a document's content: its text with whitespace normalised."""
    normalised = " ".join(document.text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AddResult:
    doc_id: str
    status: str  # added, replaced, unchanged
    events: int


class Store:
    """An open event store. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                uri = f"file:{self.path}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")
                self._migrate()
            self.db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the event store ({exc})") from exc
        self.db.row_factory = sqlite3.Row

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer Parley (schema {version}, this one reads "
                f"{SCHEMA_VERSION}); upgrade Parley"
            )
        self.db.executescript(SCHEMA)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def add(self, coded: CodedDocument) -> AddResult:
        """Store a document and its events in one transaction."""
        document = coded.document
        digest = text_hash(document)
        try:
            self.db.execute("BEGIN IMMEDIATE")
            same = self.db.execute("SELECT id FROM documents WHERE hash = ?", (digest,)).fetchone()
            if same is not None:
                self.db.execute("ROLLBACK")
                return AddResult(same[0], "unchanged", 0)
            replaced = self.db.execute(
                "DELETE FROM documents WHERE id = ?", (document.id,)
            ).rowcount
            self._insert(document, digest, coded)
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        return AddResult(document.id, "replaced" if replaced else "added", len(coded.events))

    def _insert(self, document: Document, digest: str, coded: CodedDocument) -> None:
        self.db.execute(
            "INSERT INTO documents (id, hash, path, url, title, published, publisher, speaker,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ),
        )
        for event in coded.events:
            self.db.execute(
                "INSERT INTO events (id, doc_id, sentence, code, root, quad_class, goldstein,"
                " modality, date_start, date_end, precision, place, place_country, rule, json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    json.dumps(event.to_dict(), ensure_ascii=False),
                ),
            )
            rows = [("source", a) for a in event.source] + [("target", a) for a in event.target]
            self.db.executemany(
                "INSERT INTO event_actors (event_id, role, entity, sector) VALUES (?, ?, ?, ?)",
                [(event.id, role, a.entity, a.sector) for role, a in rows],
            )

    def events(
        self,
        *,
        actor: str | None = None,
        code: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events as JSON objects, oldest first, filtered.

        `actor` is ENTITY or ENTITY/SECTOR, as source or target; `code` is a prefix
        ("05" for the root, "057" for one code); dates bound the event's date.
        """
        where, args = [], []
        if actor:
            entity, _, sector = actor.partition("/")
            clause = "SELECT event_id FROM event_actors WHERE entity = ?"
            args.append(entity)
            if sector:
                clause += " AND sector = ?"
                args.append(sector)
            where.append(f"id IN ({clause})")
        if code:
            where.append("code LIKE ?")
            args.append(f"{code}%")
        if since:
            where.append("date_end >= ?")
            args.append(since.isoformat())
        if until:
            where.append("date_start <= ?")
            args.append(until.isoformat())
        sql = "SELECT json FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start, doc_id, sentence"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [json.loads(row[0]) for row in self.db.execute(sql, args)]

    def documents(self) -> Iterator[sqlite3.Row]:
        yield from self.db.execute("SELECT id, title, published, hash FROM documents ORDER BY id")

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.db.execute("SELECT count(*) FROM documents").fetchone()[0],
            "events": self.db.execute("SELECT count(*) FROM events").fetchone()[0],
        }


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open (and create or upgrade) the event store at `path`."""
    return Store(path, readonly=readonly)
