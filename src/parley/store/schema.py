"""The store's schema as a list of migrations: version N is reached by running the steps
of every version above the file's own, in order, in one transaction.

A file made by an older Parley is upgraded when it is opened for writing; one made by a
newer Parley, or a SQLite file that is not a Parley store, is refused with a message that
says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1 = """
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

# Version 2: sentences with full-text search, actors, mentions, and clusters of events
# that report the same real-world event.
V2 = """
ALTER TABLE documents ADD COLUMN dateline TEXT;
ALTER TABLE events ADD COLUMN cluster_id INTEGER REFERENCES clusters(id);
ALTER TABLE events ADD COLUMN date_given INTEGER NOT NULL DEFAULT 1;
ALTER TABLE event_actors ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE event_actors ADD COLUMN text TEXT NOT NULL DEFAULT '';
CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, number)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, doc_id UNINDEXED, number UNINDEXED);
CREATE TABLE actors (
    entity TEXT NOT NULL,
    sector TEXT NOT NULL,
    country TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (entity, sector)
);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    sector TEXT NOT NULL
);
CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    root TEXT NOT NULL,
    source_key TEXT NOT NULL,
    target_key TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    place_country TEXT,
    event_id TEXT,
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    publishers INTEGER NOT NULL DEFAULT 0,
    first_report TEXT,
    last_report TEXT
);
CREATE INDEX clusters_key ON clusters(root, source_key, target_key, date_start);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_place ON events(place_country, place);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_entity ON mentions(entity, sector);
"""

# Version 3: formats events belong to, pledges and the events that fulfil them. Roles
# other than source and target (host, party, mediator, observer ...) are rows of
# event_actors with that role.
V3 = """
ALTER TABLE events ADD COLUMN format_id TEXT;
CREATE TABLE pledges (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    giver TEXT NOT NULL,
    recipient TEXT NOT NULL,
    areas TEXT NOT NULL,
    condition TEXT,
    made TEXT
);
CREATE TABLE fulfilments (
    pledge_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (pledge_id, event_id)
);
CREATE INDEX events_format ON events(format_id);
CREATE INDEX pledges_giver ON pledges(giver);
"""

Step = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Step:
    def run(db: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                db.execute(statement)

    return run


def _backfill_v2(db: sqlite3.Connection) -> None:
    """Events stored by version 1 get the sentences, actors and clusters that version 2
    keeps, from their own JSON."""
    from parley.store.clusters import assign_all
    from parley.store.writing import index_event_sentences

    index_event_sentences(db)
    assign_all(db)


# (version, steps): the steps take a version-(N-1) file to version N.
MIGRATIONS: list[tuple[int, list[Step]]] = [
    (1, [_script(V1)]),
    (2, [_script(V2), _backfill_v2]),
    (3, [_script(V3)]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]

PARLEY_TABLES = {"documents", "events", "event_actors"}


def tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
