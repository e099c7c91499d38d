"""Queries over stored events: the filters of `parley events`, the HTTP API and the Python
API, turned into one SQL statement. By default a query returns one row per real-world
event (cluster), the first stored report that matches; `mentions=True` returns them all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from parley.errors import InputError

SORTS = {
    "date": "e.date_start, e.doc_id, e.sentence",
    "-date": "e.date_start DESC, e.doc_id, e.sentence",
    "goldstein": "e.goldstein, e.date_start",
    "-goldstein": "e.goldstein DESC, e.date_start",
    "mentions": "c.mentions, e.date_start",
    "-mentions": "c.mentions DESC, e.date_start",
}


@dataclass(frozen=True)
class Query:
    """What to select. Actors are ENTITY or ENTITY/SECTOR; `dyad` is "SOURCE:TARGET"
    (either way round with `either`); `code` is a code or a prefix ("05" for a root)."""

    actor: str | None = None
    dyad: str | None = None
    either: bool = False
    code: str | None = None
    quad: int | None = None
    modality: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    country: str | None = None
    text: str | None = None
    format: str | None = None  # a format's id: "TROIKA_PLUS"
    sort: str = "date"
    limit: int | None = None
    mentions: bool = False


class Events(list):
    """Event records (dicts); `to_pandas()` gives a flat DataFrame (pandas optional)."""

    def to_pandas(self) -> Any:
        try:
            import pandas as pd
        except ImportError as exc:
            raise InputError("to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame([flat(record) for record in self])


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """One record as a table row."""
    cluster = record.get("cluster") or {}
    date_ = record.get("date") or {}
    place = record.get("place") or {}
    return {
        "id": record["id"],
        "doc_id": record["doc_id"],
        "date": date_.get("start"),
        "precision": date_.get("precision"),
        "code": record["code"],
        "root": record["root"],
        "name": record["name"],
        "source": [_code(a) for a in record["source"]],
        "target": [_code(a) for a in record["target"]],
        "modality": record["modality"],
        "goldstein": record["goldstein"],
        "quad_class": record["quad_class"],
        "place": place.get("name"),
        "place_country": place.get("country"),
        "mentions": cluster.get("mentions", 1),
        "documents": cluster.get("documents", 1),
        "text": record["text"],
        "rule": record["rule"],
    }


def _code(actor: dict[str, Any]) -> str:
    return "/".join(p for p in (actor["entity"], actor["sector"]) if p) or actor["text"]


def _actor_clause(spec: str, role: str | None, args: list[Any]) -> str:
    entity, _, sector = spec.strip().partition("/")
    clause = "SELECT event_id FROM event_actors WHERE entity = ?"
    args.append(entity)
    if sector:
        clause += " AND sector = ?"
        args.append(sector)
    if role:
        clause += " AND role = ?"
        args.append(role)
    return f"e.id IN ({clause})"


def _dyad_clause(query: Query, args: list[Any]) -> str:
    source, sep, target = (query.dyad or "").partition(":")
    if not sep or not source or not target:
        raise InputError(f"--dyad {query.dyad!r}: write SOURCE:TARGET, e.g. RUS:AFG")
    one = f"({_actor_clause(source, 'source', args)} AND {_actor_clause(target, 'target', args)})"
    if not query.either:
        return one
    other = f"({_actor_clause(target, 'source', args)} AND {_actor_clause(source, 'target', args)})"
    return f"({one} OR {other})"


def _filters(query: Query) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if query.actor:
        where.append(_actor_clause(query.actor, None, args))
    if query.dyad:
        where.append(_dyad_clause(query, args))
    if query.code:
        where.append("e.code LIKE ?")
        args.append(f"{query.code}%")
    simple = (("e.quad_class = ?", query.quad), ("e.modality = ?", query.modality))
    simple += (("e.format_id = ?", query.format),)
    simple += (("e.place_country = ?", query.country), ("lower(e.place) = lower(?)", query.place))
    for clause, value in simple:
        if value is not None:
            where.append(clause)
            args.append(value)
    if query.since:
        where.append("e.date_end >= ?")
        args.append(query.since.isoformat())
    if query.until:
        where.append("e.date_start <= ?")
        args.append(query.until.isoformat())
    if query.text:
        where.append(
            "(e.doc_id, e.sentence) IN "
            "(SELECT doc_id, number FROM sentences_fts WHERE sentences_fts MATCH ?)"
        )
        args.append(query.text)
    return where, args


def select(query: Query) -> tuple[str, list[Any]]:
    """The SQL and its arguments for a query."""
    if query.sort not in SORTS:
        raise InputError(f"sort {query.sort!r}: use one of {', '.join(SORTS)}")
    where, args = _filters(query)
    condition = " AND ".join(where) or "1"
    matching = f"SELECT e.rowid AS rid, e.cluster_id AS cid FROM events e WHERE {condition}"
    if query.mentions:
        chosen = f"SELECT rid FROM ({matching})"
    else:  # the first stored report of each real-world event
        chosen = f"SELECT min(rid) AS rid FROM ({matching}) GROUP BY coalesce(cid, -rid)"
    sql = (
        "SELECT e.json, c.id, c.mentions, c.documents, c.publishers, c.first_report,"
        " c.last_report, d.url, d.publisher FROM events e"
        " JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters c ON c.id = e.cluster_id"
        f" WHERE e.rowid IN ({chosen}) ORDER BY {SORTS[query.sort]}"
    )
    if query.limit:
        sql += f" LIMIT {int(query.limit)}"
    return sql, args


def record(row: tuple) -> dict[str, Any]:
    event = json.loads(row[0])
    if row[1] is not None:
        keys = ("id", "mentions", "documents", "publishers", "first_report", "last_report")
        event["cluster"] = dict(zip(keys, row[1:7], strict=True))
    event["url"], event["publisher"] = row[7], row[8]
    return event
