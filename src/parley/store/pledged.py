"""Pledges in the store, and the later events that fulfil them: an asserted event of a
fulfilling root (cooperation, aid, concessions) whose source is the pledge's giver and
whose target is its recipient (or any, for a pledge to nobody named), dated on or after
the pledge, and in one of its areas when both name areas."""

from __future__ import annotations

import json
import sqlite3

from parley.model import Event
from parley.pledges import areas_of, pledge_rules


def _entities(codes: list[str]) -> set[str]:
    return {c.split("/")[0] for c in codes}


def add_pledge(db: sqlite3.Connection, event: Event) -> None:
    pledge = event.pledge or {}
    db.execute(
        "INSERT INTO pledges (event_id, giver, recipient, areas, condition, made)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            event.id,
            json.dumps(pledge["giver"]),
            json.dumps(pledge["recipient"]),
            json.dumps(pledge["areas"]),
            pledge["condition"],
            event.date.start.isoformat() if event.date else None,
        ),
    )
    # an event stored earlier may already fulfil it (documents come in any order)
    for (event_id,) in db.execute(
        "SELECT id FROM events WHERE modality = 'asserted' AND date_start >= ?",
        (event.date.start.isoformat() if event.date else "",),
    ).fetchall():
        row = db.execute("SELECT json FROM events WHERE id = ?", (event_id,)).fetchone()
        if _fulfils(json.loads(row[0]), pledge):
            db.execute("INSERT OR IGNORE INTO fulfilments VALUES (?, ?)", (event.id, event_id))


def link_fulfilment(db: sqlite3.Connection, event: Event) -> None:
    if event.modality != "asserted" or not event.root.startswith(pledge_rules().fulfilling_roots):
        return
    record = event.to_dict()
    start = event.date.start.isoformat() if event.date else ""
    for pledge_id, giver, recipient, areas in db.execute(
        "SELECT event_id, giver, recipient, areas FROM pledges WHERE made IS NULL OR made <= ?",
        (start,),
    ).fetchall():
        pledge = {
            "giver": json.loads(giver),
            "recipient": json.loads(recipient),
            "areas": json.loads(areas),
        }
        if _fulfils(record, pledge):
            db.execute("INSERT OR IGNORE INTO fulfilments VALUES (?, ?)", (pledge_id, event.id))


def _fulfils(record: dict, pledge: dict) -> bool:
    if record["modality"] != "asserted" or not record["root"].startswith(
        pledge_rules().fulfilling_roots
    ):
        return False
    givers = {a["entity"] for a in record["source"]}
    recipients = {a["entity"] for a in record["target"]}
    if not givers & _entities(pledge["giver"]):
        return False
    wanted = _entities(pledge["recipient"])
    if wanted and not recipients & wanted:
        return False
    areas = set(areas_of(record["text"]))
    return not pledge["areas"] or not areas or bool(areas & set(pledge["areas"]))


def pledges(db: sqlite3.Connection, actor: str | None = None) -> list[dict]:
    """Stored pledges, oldest first, each with the events that fulfil it."""
    rows = db.execute(
        "SELECT p.event_id, p.giver, p.recipient, p.areas, p.condition, p.made, e.json"
        " FROM pledges p JOIN events e ON e.id = p.event_id ORDER BY p.made, p.event_id"
    ).fetchall()
    out = []
    for event_id, giver, recipient, areas, condition, made, text in rows:
        if actor and actor.split("/")[0] not in _entities(json.loads(giver)):
            continue
        fulfilled = db.execute(
            "SELECT e.json FROM fulfilments f JOIN events e ON e.id = f.event_id"
            " WHERE f.pledge_id = ? ORDER BY e.date_start",
            (event_id,),
        ).fetchall()
        out.append(
            {
                "event": json.loads(text),
                "giver": json.loads(giver),
                "recipient": json.loads(recipient),
                "areas": json.loads(areas),
                "condition": condition,
                "made": made,
                "fulfilled_by": [json.loads(f[0]) for f in fulfilled],
            }
        )
    return out
