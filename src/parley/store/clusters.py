"""One real-world event, however often it is reported: clusters of stored events.

Two events are reports of one event when they have the same CAMEO root, the same source
and target entities (either way round for symmetric events such as talks), dates that
overlap at their precision, and compatible places (the same country, or one unknown). A
report that gives no date of its own is dated by its publication, which may be a day or
two after the event: its date is widened back by SLACK_DAYS. Two meetings of the same
actors a month apart do not overlap and stay two.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

SLACK_DAYS = 2


def _entities(actors: list[dict[str, Any]]) -> str:
    return ",".join(sorted({a["entity"] for a in actors if a["entity"]}))


def cluster_key(event: dict[str, Any]) -> tuple[str, str, str]:
    """Root code, source key and target key; symmetric events in a fixed order."""
    source, target = _entities(event["source"]), _entities(event["target"])
    if event["symmetric"] and target < source:
        source, target = target, source
    return event["root"], source, target


def _bounds(span: tuple[str | None, str | None], given: bool) -> tuple[str, str] | None:
    start, end = span
    if start is None or end is None:
        return None
    if not given:
        start = (date.fromisoformat(start) - timedelta(days=SLACK_DAYS)).isoformat()
    return start, end


def assign(
    db: sqlite3.Connection,
    event_id: str,
    event: dict[str, Any],
    span: tuple[str | None, str | None],
    given: bool,
) -> int:
    """Put a stored event (its record, and its first and last day) in the cluster of the
    event it reports, or a new one."""
    root, source, target = cluster_key(event)
    bounds = _bounds(span, given)
    country = (event.get("place") or {}).get("country") or ""
    if bounds is not None:
        low, high = bounds
        for cluster_id, place_country in db.execute(
            "SELECT id, place_country FROM clusters WHERE root = ? AND source_key = ?"
            " AND target_key = ? AND date_start <= ? AND date_end >= ? ORDER BY id",
            (root, source, target, high, low),
        ):
            if not country or not place_country or country == place_country:
                db.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cluster_id, event_id))
                return int(cluster_id)
    start, end = bounds if bounds is not None else (None, None)
    if bounds is not None and not given:
        # the cluster spans the widened date, so that a dated report can join it
        start = bounds[0]
    cursor = db.execute(
        "INSERT INTO clusters (root, source_key, target_key, date_start, date_end,"
        " place_country, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (root, source, target, start, end, country, event_id),
    )
    cluster_id = int(cursor.lastrowid or 0)
    db.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cluster_id, event_id))
    return cluster_id


def refresh(db: sqlite3.Connection, cluster_ids: Iterable[int]) -> None:
    """Recount the reports of these clusters; drop the clusters left with none."""
    for cluster_id in set(cluster_ids):
        row = db.execute(
            "SELECT count(*), count(DISTINCT e.doc_id),"
            " count(DISTINCT coalesce(d.publisher, d.url, d.id)),"
            " min(d.published), max(d.published)"
            " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ?",
            (cluster_id,),
        ).fetchone()
        if not row[0]:
            db.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
            continue
        first, start, end, given, country = db.execute(
            "SELECT e.id, e.date_start, e.date_end, e.date_given, coalesce(e.place_country, '')"
            " FROM events e JOIN documents d ON d.id = e.doc_id"
            " WHERE e.cluster_id = ? ORDER BY d.published, e.rowid LIMIT 1",
            (cluster_id,),
        ).fetchone()
        # its bounds are its first report's: a replaced report takes its own dates away
        bounds = _bounds((start, end), bool(given)) or (None, None)
        db.execute(
            "UPDATE clusters SET mentions = ?, documents = ?, publishers = ?,"
            " first_report = ?, last_report = ?, event_id = ?, date_start = ?, date_end = ?,"
            " place_country = ? WHERE id = ?",
            (*row, first, *bounds, country, cluster_id),
        )


def assign_all(db: sqlite3.Connection) -> None:
    """Cluster every event that has no cluster yet (events of an older store)."""
    rows = db.execute(
        "SELECT id, json, date_start, date_end, date_given FROM events"
        " WHERE cluster_id IS NULL ORDER BY rowid"
    ).fetchall()
    touched = [
        assign(db, event_id, json.loads(text), (start, end), bool(given))
        for event_id, text, start, end, given in rows
    ]
    refresh(db, touched)
