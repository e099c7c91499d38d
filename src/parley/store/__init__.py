"""The event store: one SQLite file in WAL mode, one transaction per document.

A document is known by the hash of its normalised text: storing it again changes
nothing, and a new text under the same id replaces the old one and its events whole.
Readers see either all of a document's events or none of them; a process killed in the
middle of an ingest leaves the documents it finished, and the next ingest adds the rest.
Events that report the same real-world event are clustered (clusters.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from parley.errors import StoreError
from parley.model import CodedDocument, Document
from parley.store.query import Events, Query, record, select
from parley.store.schema import MIGRATIONS, PARLEY_TABLES, SCHEMA_VERSION, tables
from parley.store.writing import delete_document, document_of, insert_document

__all__ = ["SCHEMA_VERSION", "AddResult", "Events", "Query", "Store", "open_store", "text_hash"]


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
                self._upgrade_if_older()
                uri = f"{self.path.resolve().as_uri()}?mode=ro"  # "#" and "?" in a name
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
                self._check_version(self._version())
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")
                self._migrate()
            self.db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the event store ({exc})") from exc
        self.db.row_factory = sqlite3.Row

    def _upgrade_if_older(self) -> None:
        """A reader of a store made by an older Parley upgrades it first, once."""
        if not self.path.exists():
            return
        with sqlite3.connect(self.path) as probe:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
        probe.close()
        if 0 < version < SCHEMA_VERSION:
            Store(self.path).close()

    def _version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer Parley (schema {version}, this one reads "
                f"{SCHEMA_VERSION}); upgrade Parley"
            )
        if version == 0 and tables(self.db) - {"sqlite_sequence"}:
            raise StoreError(f"{self.path}: a SQLite file, but not a Parley event store")
        if 0 < version < SCHEMA_VERSION and not tables(self.db) >= PARLEY_TABLES:
            raise StoreError(f"{self.path}: schema {version} but its tables are missing")

    def _migrate(self) -> None:
        """Upgrade the file to this Parley's schema, one version at a time, atomically."""
        version = self._version()
        self._check_version(version)
        if version == SCHEMA_VERSION:
            return
        self.db.execute("BEGIN IMMEDIATE")
        version = self._version()  # another process may have upgraded it meanwhile
        try:
            for target, steps in MIGRATIONS:
                if target > version:
                    for step in steps:
                        step(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        except BaseException as exc:
            self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(
                    f"{self.path}: cannot upgrade the store from schema {version} to "
                    f"{SCHEMA_VERSION} ({exc}); it is left as it was"
                ) from exc
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def knows(self, document: Document) -> bool:
        """Whether this text is stored already (under any id): no need to code it."""
        found = self.db.execute("SELECT 1 FROM documents WHERE hash = ?", (text_hash(document),))
        return found.fetchone() is not None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction: all of it is stored, or nothing (a crash included)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            if self.db.in_transaction:
                self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def add(self, coded: CodedDocument) -> AddResult:
        """Store a document, its sentences and events in one transaction."""
        document = coded.document
        digest = text_hash(document)
        with self._writing():
            same = self.db.execute("SELECT id FROM documents WHERE hash = ?", (digest,)).fetchone()
            if same is not None:
                return AddResult(same[0], "unchanged", 0)
            replaced = delete_document(self.db, document.id)
            insert_document(self.db, coded, digest)
        return AddResult(document.id, "replaced" if replaced else "added", len(coded.events))

    def replace_events(self, coded: CodedDocument) -> AddResult:
        """Store a stored document's events again, as a newer coder found them."""
        with self._writing():
            delete_document(self.db, coded.document.id)
            insert_document(self.db, coded, text_hash(coded.document))
        return AddResult(coded.document.id, "recoded", len(coded.events))

    def stored_documents(self) -> Iterator[Document]:
        """Every stored document as it was read (for `parley recode`)."""
        rows = self.db.execute("SELECT * FROM documents ORDER BY rowid").fetchall()
        for row in rows:
            yield document_of(row)

    def events(
        self,
        query: Query | None = None,
        *,
        actor: str | None = None,
        code: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        **filters: Any,
    ) -> Events:
        """Stored events as records (dicts), one per real-world event unless
        `mentions=True`; the filters of `Query`."""
        if query is None:
            query = Query(actor=actor, code=code, since=since, until=until, limit=limit, **filters)
        sql, args = select(query)
        try:
            found = Events(record(tuple(row)) for row in self.db.execute(sql, args))
        except sqlite3.OperationalError as exc:
            if query.text:  # FTS5's own query syntax: quotes, *, column:, -word ...
                raise StoreError(f"text search {query.text!r}: {exc}") from exc
            raise
        for event in found:
            if event.get("pledge"):
                event["pledge"]["fulfilled_by"] = [
                    row[0]
                    for row in self.db.execute(
                        "SELECT event_id FROM fulfilments WHERE pledge_id = ?", (event["id"],)
                    )
                ]
        return found

    def pledges(self, actor: str | None = None) -> list[dict[str, Any]]:
        """Stored pledges (of `actor` as giver), each with the events that fulfil it."""
        from parley.store.pledged import pledges

        return pledges(self.db, actor)

    def process(self, name: str) -> tuple[str, Events]:
        """A peace process by a format's name ("troika plus") or an actor's ("Afghanistan"):
        what it was taken to be, and its events, one per real-world event, by date."""
        from parley.formats import default_formats

        wanted = name.casefold()
        for fmt in default_formats():
            if wanted in (n.casefold() for n in (fmt.name, *fmt.aliases, fmt.id)):
                return fmt.name, self.events(Query(format=fmt.id))
        entity = _entity_named(name)
        if not entity:
            raise StoreError(f"{name!r}: no format or actor of that name")
        return entity, self.events(actor=entity)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return dict(row) if row is not None else None

    def documents(self) -> Iterator[sqlite3.Row]:
        yield from self.db.execute("SELECT id, title, published, hash FROM documents ORDER BY id")

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "events": one("SELECT count(*) FROM events"),
        }

    def cluster_counts(self) -> list[int]:
        """How many reports each real-world event has, largest first."""
        rows = self.db.execute("SELECT mentions FROM clusters ORDER BY mentions DESC")
        return [row[0] for row in rows]


def _entity_named(name: str) -> str:
    """The entity a name means: a code as given ("AFG"), else what the knowledge base
    resolves the name to ("Afghanistan", "the Taliban")."""
    from parley.actors.kb import default_kb, normalise

    kb = default_kb()
    if name.upper() in kb.countries or name.upper() in kb.orgs:
        return name.upper()
    for entry in kb.aliases.get(normalise(name), ()):
        actor = kb.actor(entry, on=None)
        if actor.entity:
            return actor.entity
    return ""


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open (and create or upgrade) the event store at `path`."""
    return Store(path, readonly=readonly)
