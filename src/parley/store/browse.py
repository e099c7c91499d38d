"""Read-only views of the store for browsing: documents with their spans, actors, the
dyad network and a dyad's time series. Used by the HTTP API."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

PERIODS = {"day": 10, "month": 7, "year": 4}


def documents(db: sqlite3.Connection, *, q: str = "", limit: int = 50, offset: int = 0) -> dict:
    where, args = "", []
    if q:
        where = "WHERE d.title LIKE ? OR d.id LIKE ?"
        args = [f"%{q}%", f"%{q}%"]
    rows = db.execute(
        "SELECT d.id, d.title, d.published, d.publisher, d.url,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events"
        f" FROM documents d {where} ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    count = db.execute(f"SELECT count(*) FROM documents d {where}", args).fetchone()[0]
    return {"documents": [dict(row) for row in rows], "count": count}


def document(db: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A document's text with the spans of its sentences, the actors it names and its
    events, so that a page can highlight them."""
    db.execute("BEGIN")  # one snapshot: a writer replacing the document meanwhile is not seen
    try:
        return _document(db, doc_id)
    finally:
        db.execute("COMMIT")


def _document(db: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT id, title, published, publisher, url, speaker, dateline, text"
        " FROM documents WHERE id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    sentences = db.execute(
        "SELECT number, start_char, end_char, text FROM sentences WHERE doc_id = ? ORDER BY number",
        (doc_id,),
    ).fetchall()
    mentions = db.execute(
        "SELECT sentence, start_char, end_char, text, kind, entity, sector FROM mentions"
        " WHERE doc_id = ? ORDER BY start_char",
        (doc_id,),
    ).fetchall()
    events = db.execute(
        "SELECT json FROM events WHERE doc_id = ? ORDER BY sentence, rowid", (doc_id,)
    ).fetchall()
    return {
        "document": dict(row),
        "sentences": [dict(s) for s in sentences],
        "mentions": [dict(m) for m in mentions],
        "events": [json.loads(e[0]) for e in events],
    }


def actors(db: sqlite3.Connection, *, q: str = "", limit: int = 50) -> list[dict[str, Any]]:
    pattern = f"%{q}%"
    rows = db.execute(
        "SELECT a.entity, a.sector, a.country, a.name,"
        " (SELECT count(DISTINCT ea.event_id) FROM event_actors ea"
        "  WHERE ea.entity = a.entity AND ea.sector = a.sector) AS events"
        " FROM actors a WHERE a.entity LIKE ? OR a.name LIKE ?"
        " ORDER BY events DESC, a.entity LIMIT ?",
        (pattern, pattern, limit),
    ).fetchall()
    return [dict(row) for row in rows]


def network(db: sqlite3.Connection, *, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Actors (entities) as nodes; dyads as edges weighted by the real-world events between
    them and coloured by their mean Goldstein score."""
    rows = db.execute(
        "SELECT s.entity, t.entity, count(DISTINCT coalesce(e.cluster_id, e.rowid)),"
        " avg(e.goldstein) FROM events e"
        " JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'"
        " JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'"
        " WHERE s.entity != '' AND t.entity != '' AND s.entity != t.entity"
        " GROUP BY s.entity, t.entity ORDER BY 3 DESC LIMIT ?",
        (limit,),
    ).fetchall()
    edges = [
        {"source": s, "target": t, "events": n, "goldstein": round(g, 2)} for s, t, n, g in rows
    ]
    weights: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weights[end] = weights.get(end, 0) + edge["events"]
    nodes = [{"id": k, "events": v} for k, v in sorted(weights.items(), key=lambda kv: -kv[1])]
    return {"nodes": nodes, "edges": edges}


def series(
    db: sqlite3.Connection, source: str, target: str, *, either: bool, by: str
) -> list[dict[str, Any]]:
    """Real-world events of a dyad per period and quad class, with summed Goldstein."""
    width = PERIODS.get(by)
    if by == "week":  # ISO weeks, by their Thursday: a week is never split at New Year
        thursday = "date(e.date_start, '-3 days', 'weekday 4')"
        period = (
            f"strftime('%Y', {thursday}) || '-W' || "
            f"printf('%02d', (strftime('%j', {thursday}) - 1) / 7 + 1)"
        )
    elif width is not None:
        period = f"substr(e.date_start, 1, {width})"
    else:
        raise ValueError(f"by={by!r}: use day, week, month or year")
    pairs = [(source, target), (target, source)] if either else [(source, target)]
    clause = " OR ".join(["(s.entity = ? AND t.entity = ?)"] * len(pairs))
    args = [x for pair in pairs for x in pair]
    rows = db.execute(
        f"SELECT {period} AS period, e.quad_class, count(*), sum(e.goldstein) FROM events e"
        " WHERE e.id IN (SELECT e.id FROM events e"
        " JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'"
        " JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'"
        " LEFT JOIN clusters c ON c.id = e.cluster_id"
        f" WHERE e.date_start IS NOT NULL AND ({clause})"
        " AND (c.event_id IS NULL OR c.event_id = e.id))"  # each real-world event once
        " GROUP BY 1, 2 ORDER BY 1, 2",
        args,
    ).fetchall()
    return [
        {"period": p, "quad_class": q, "events": n, "goldstein": round(g, 2)} for p, q, n, g in rows
    ]


def cluster_reports(db: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """Every stored report of the real-world event `event_id` belongs to."""
    rows = db.execute(
        "SELECT e2.json FROM events e JOIN events e2 ON e2.cluster_id = e.cluster_id"
        " WHERE e.id = ? ORDER BY e2.rowid",
        (event_id,),
    ).fetchall()
    return [json.loads(r[0]) for r in rows]
