"""Writing stored events in the formats analysts' tools read: JSONL, GDELT, PLOVER, Parquet.

A *record* is an event as `Event.to_dict()` gives it, plus what the store adds: `cluster`
(the deduplicated real-world event: id, mentions, documents, publishers, first_report,
last_report), `url` and `publisher`. Without a cluster an event counts as one mention in
one document from one publisher.

    from parley.export import write
    write(store.events(actor="RUS"), "gdelt", Path("russia.tsv"))
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import islice, product
from pathlib import Path
from typing import Any

from parley.datafiles import data_path, read_tsv
from parley.errors import ParleyError
from parley.ontology import COLUMNS as CAMEO_COLUMNS
from parley.ontology import lookup

Record = dict[str, Any]

FORMATS = ("jsonl", "gdelt", "plover", "parquet")


def write(records: Iterable[Record], fmt: str, path: Path | str) -> int:
    """Write `records` to `path` in format `fmt`; the number of rows (or objects) written."""
    writers: dict[str, Callable[[Iterable[Record], Path | str], int]] = {
        "jsonl": to_jsonl,
        "gdelt": to_gdelt,
        "plover": to_plover,
        "parquet": to_parquet,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return writers[fmt](records, path)


# --- JSONL -------------------------------------------------------------------------------


def to_jsonl(records: Iterable[Record], path: Path | str) -> int:
    """One record per line, every field as stored: the lossless format."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


# --- GDELT -------------------------------------------------------------------------------


def _actor_columns(n: int) -> tuple[str, ...]:
    fields = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode")
    fields += ("Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
    return tuple(f"Actor{n}{f}" for f in fields)


def _geo_columns(prefix: str) -> tuple[str, ...]:
    fields = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long")
    return tuple(f"{prefix}Geo_{f}" for f in (*fields, "FeatureID"))


# The 61 columns of the GDELT 2.0 event table, in its order.
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + _actor_columns(1)
    + _actor_columns(2)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    + ("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + _geo_columns("Actor1")
    + _geo_columns("Actor2")
    + _geo_columns("Action")
    + ("DATEADDED", "SOURCEURL")
)

# GDELT's ActionGeo_Type codes Parley can tell apart (GDELT also has 2 and 3, US places).
GEO_COUNTRY, GEO_WORLDCITY, GEO_WORLDSTATE = 1, 4, 5


def to_gdelt(records: Iterable[Record], path: Path | str) -> int:
    """A tab-separated table in the columns of GDELT 2.0's event files, one row per
    source-target pair.

    Unlike GDELT's own files, the first line is a header naming the GDELT columns, so
    that spreadsheets and `pandas.read_csv(sep="\\t")` need no column list. Where Parley
    differs from GDELT, on purpose:

    - the country codes of places (`ActionGeo_CountryCode`) are ISO 3166 alpha-3, as
      everywhere in Parley, where GDELT writes FIPS 10-4; `ActionGeo_ADM1Code` is Parley's
      admin1 (the GeoNames code of a city's province, or a province's name) without
      GDELT's FIPS country prefix; `ActionGeo_Type` is 4 (world city) for a place with a
      GeoNames id, 5 (world state) for a province, 1 (country) for a place known only to
      its country or by its centre (a country, "northern Syria"), empty for a bare name;
    - a date known only to the month or the year is written as its first day;
    - `DATEADDED` is the event's date at midnight (`SQLDATE` + "000000"), not the time of
      the export, so that the same store exports to the same file;
    - `FractionDate` is the year plus the part of it gone before the day, so it stays
      below the next year even on 31 December;
    - `GLOBALEVENTID` is derived from the event's id and the pair, stable across runs;
    - `SOURCEURL` is the document's URL, or its Parley id when it has none;
    - actor places, tone, ethnic, religion and known-group codes are left empty.
    """
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(GDELT_COLUMNS) + "\n")
        for record in records:
            for index, (source, target) in enumerate(_pairs(record)):
                row = _gdelt_row(record, index, source, target)
                handle.write("\t".join(_cell(row.get(c)) for c in GDELT_COLUMNS) + "\n")
                count += 1
    return count


def _gdelt_row(record: Record, index: int, source: Record | None, target: Record | None) -> Record:
    day = _first_day(record.get("date"))
    place = record.get("place")
    mentions, documents, publishers = _counts(record)
    row: Record = {
        "GLOBALEVENTID": global_event_id(record["id"], index),
        **_actor_cells(1, source),
        **_actor_cells(2, target),
        "IsRootEvent": 1,
        "EventCode": record["code"],
        "EventBaseCode": record["code"][:3],
        "EventRootCode": record["root"],
        "QuadClass": record["quad_class"],
        "GoldsteinScale": record["goldstein"],
        "NumMentions": mentions,
        "NumSources": publishers,
        "NumArticles": documents,
        "SOURCEURL": record.get("url") or record["doc_id"],
    }
    if day is not None:
        start_of_year = date(day.year, 1, 1).toordinal()
        days_in_year = 366 if calendar.isleap(day.year) else 365
        row.update(
            SQLDATE=day.strftime("%Y%m%d"),
            MonthYear=day.strftime("%Y%m"),
            Year=day.year,
            FractionDate=f"{day.year + (day.toordinal() - start_of_year) / days_in_year:.4f}",
            DATEADDED=day.strftime("%Y%m%d") + "000000",
        )
    if place:
        row.update(
            ActionGeo_Type=_geo_type(place),
            ActionGeo_FullName=place.get("name"),
            ActionGeo_CountryCode=place.get("country"),
            ActionGeo_ADM1Code=place.get("admin1"),
            ActionGeo_Lat=place.get("lat"),
            ActionGeo_Long=place.get("lon"),
            ActionGeo_FeatureID=place.get("geonames_id"),
        )
    return row


def global_event_id(record_id: str, pair: int) -> int:
    """A GDELT-style integer id: 15 hex digits (60 bits, a positive int64) of a hash."""
    return int(hashlib.sha1(f"{record_id}/{pair}".encode()).hexdigest()[:15], 16)


def _actor_cells(n: int, actor: Record | None) -> Record:
    if actor is None:
        return {}
    return {
        f"Actor{n}Code": actor.get("cameo"),
        f"Actor{n}Name": actor.get("name") or actor.get("text"),
        f"Actor{n}CountryCode": actor.get("country"),
        f"Actor{n}Type1Code": actor.get("sector"),
    }


def _geo_type(place: Record) -> int | None:
    if place.get("geonames_id"):
        return GEO_WORLDCITY
    if place.get("admin1"):
        return GEO_WORLDSTATE
    # a country, a part of one or a region without a province code: known to its country
    return GEO_COUNTRY if place.get("country") else None


def _cell(value: Any) -> str:
    """A TSV cell: empty for None, and no tab or line break to split the row."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return re.sub(r"[\t\r\n]+", " ", str(value))


# --- PLOVER ------------------------------------------------------------------------------


def to_plover(records: Iterable[Record], path: Path | str) -> int:
    """A JSON array of PLOVER events, one per source-target pair, since a PLOVER event has
    one actor and one recipient.

    Each object: `id` (the record's id and the pair's index: unique in the file), `event_id`
    (the stored event it comes from), `date`, `event_type`, `mode`, `context` (a list),
    `actor` and `recipient` ({name, entity, sector, country}, the recipient null when the
    event has no target), `location` (the event's place or null), `source_text`, counts of
    `mentions`, `documents` and `publishers`, `doc_id` and `url`. `modality` is Parley's own
    (asserted, intended, ...): PLOVER has no such field and would code only asserted events.
    """
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("[")
        for record in records:
            for index, (source, target) in enumerate(_pairs(record)):
                handle.write(",\n" if count else "\n")
                obj = _plover_object(record, index, source, target)
                handle.write(json.dumps(obj, ensure_ascii=False))
                count += 1
        handle.write("\n]\n")
    return count


def _plover_object(
    record: Record, index: int, source: Record | None, target: Record | None
) -> Record:
    event_type, mode, context = plover_type(record["code"], record.get("plover", ""))
    when = record.get("date") or {}
    mentions, documents, publishers = _counts(record)
    return {
        "id": f"{record['id']}-{index}",
        "event_id": record["id"],
        "date": when.get("start"),
        "date_precision": when.get("precision"),
        "event_type": event_type,
        "mode": mode,
        "context": context,
        "actor": _plover_actor(source),
        "recipient": _plover_actor(target),
        "location": record.get("place"),
        "source_text": record["text"],
        "modality": record.get("modality"),
        "mentions": mentions,
        "documents": documents,
        "publishers": publishers,
        "doc_id": record["doc_id"],
        "url": record.get("url"),
    }


def plover_type(code: str, fallback: str = "") -> tuple[str, str, list[str]]:
    """PLOVER event type, mode and contexts of a CAMEO code, from cameo.tsv; a code not
    in the table keeps the record's own PLOVER type, with no mode or context."""
    try:
        entry = lookup(code)
    except KeyError:
        return fallback, "", []
    return entry.plover or fallback, entry.plover_mode, _plover_contexts().get(code, [])


@lru_cache(maxsize=1)
def _plover_contexts() -> dict[str, list[str]]:
    # ontology.CameoCode has no contexts yet: read that column of cameo.tsv here.
    columns = (
        CAMEO_COLUMNS if "plover_context" in CAMEO_COLUMNS else (*CAMEO_COLUMNS, "plover_context")
    )
    return {
        row["code"]: [c.strip() for c in re.split(r"[;,]", row["plover_context"]) if c.strip()]
        for _, row in read_tsv(data_path("cameo.tsv"), columns)
    }


def _plover_actor(actor: Record | None) -> Record | None:
    if actor is None:
        return None
    return {
        "name": actor.get("name") or actor.get("text", ""),
        "entity": actor.get("entity", ""),
        "sector": actor.get("sector", ""),
        "country": actor.get("country", ""),
    }


# --- Parquet -----------------------------------------------------------------------------

PARQUET_BATCH = 10_000  # rows held in memory before they are written as a row group


def to_parquet(records: Iterable[Record], path: Path | str) -> int:
    """One flat row per record, in the schema `parquet_schema()`: actors as lists of
    `ENTITY/SECTOR` codes and of names, dates as dates (a month or a year as its first and
    last day), the cluster's id and counts as columns."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ParleyError("writing Parquet needs pyarrow: pip install 'parley[parquet]'") from None
    schema = parquet_schema()
    rows = (_parquet_row(r) for r in records)
    count = 0
    # an explicit schema and a writer opened before any row: no records is a valid file
    with pq.ParquetWriter(str(path), schema) as writer:
        while batch := list(islice(rows, PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def parquet_schema() -> Any:
    """The Parquet columns (a pyarrow.Schema)."""
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return pa.schema(
        [
            ("id", pa.string()),
            ("doc_id", pa.string()),
            ("sentence", pa.int32()),
            ("text", pa.string()),
            ("code", pa.string()),
            ("root", pa.string()),
            ("name", pa.string()),
            ("plover", pa.string()),
            ("goldstein", pa.float64()),
            ("quad_class", pa.int8()),
            ("modality", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("place_name", pa.string()),
            ("place_country", pa.string()),
            ("place_lat", pa.float64()),
            ("place_lon", pa.float64()),
            ("source", strings),
            ("target", strings),
            ("source_names", strings),
            ("target_names", strings),
            ("rule", pa.string()),
            ("trigger", pa.string()),
            ("symmetric", pa.bool_()),
            ("confidence", pa.float64()),
            ("cluster_id", pa.int64()),
            ("mentions", pa.int64()),
            ("documents", pa.int64()),
            ("publishers", pa.int64()),
            ("url", pa.string()),
            ("publisher", pa.string()),
        ]
    )


def _parquet_row(record: Record) -> Record:
    when = record.get("date") or {}
    place = record.get("place") or {}
    mentions, documents, publishers = _counts(record)
    sources, targets = record.get("source", []), record.get("target", [])
    return {
        **{k: record.get(k) for k in ("id", "doc_id", "sentence", "text", "code", "root")},
        **{k: record.get(k) for k in ("name", "plover", "goldstein", "quad_class", "modality")},
        "date_start": _first_day(when),
        "date_end": _last_day(when),
        "date_precision": when.get("precision"),
        "place_name": place.get("name"),
        "place_country": place.get("country"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "source": [_actor_code(a) for a in sources],
        "target": [_actor_code(a) for a in targets],
        "source_names": [a.get("name") or a.get("text", "") for a in sources],
        "target_names": [a.get("name") or a.get("text", "") for a in targets],
        **{k: record.get(k) for k in ("rule", "trigger", "symmetric", "confidence")},
        "cluster_id": (record.get("cluster") or {}).get("id"),
        "mentions": mentions,
        "documents": documents,
        "publishers": publishers,
        "url": record.get("url"),
        "publisher": record.get("publisher"),
    }


def _actor_code(actor: Record) -> str:
    """`ENTITY/SECTOR` as in filters and gold files (Actor.code)."""
    entity, sector = actor.get("entity", ""), actor.get("sector", "")
    return f"{entity}/{sector}" if sector else entity


# --- shared ------------------------------------------------------------------------------


# Roles that act on the parties of a multilateral event, in the dyads of an export.
ACTING_ROLES = ("host", "mediator", "guarantor", "initiator")


def _pairs(record: Record) -> Iterator[tuple[Record | None, Record | None]]:
    """Each source with each target; a side with no actor pairs as None. A multilateral
    event expands into dyads: each party with each other party, and a host, mediator,
    guarantor or initiator with each party (observers make no dyad)."""
    participants = record.get("participants") or []
    parties = [p["actor"] for p in participants if p["role"] == "party"]
    acting = [p["actor"] for p in participants if p["role"] in ACTING_ROLES]
    if not participants or (not parties and not acting):
        return product(record.get("source") or [None], record.get("target") or [None])
    if not parties:  # "X hosted the talks": the host with the event's own sides
        parties = (record.get("source") or []) + (record.get("target") or [])
        acting = [a for a in acting if a not in parties]
    dyads = [(a, b) for i, a in enumerate(parties) for b in parties[i + 1 :]]
    dyads += [(a, party) for a in acting for party in parties if a != party]
    return iter(dyads)


def _counts(record: Record) -> tuple[int, int, int]:
    """(mentions, documents, publishers) of the record's cluster; 1 each without one."""
    cluster = record.get("cluster") or {}
    # `or 1`: an event outside any cluster comes back from the store's LEFT JOIN as nulls
    return (
        cluster.get("mentions") or 1,
        cluster.get("documents") or 1,
        cluster.get("publishers") or 1,
    )


def _first_day(when: Record | None) -> date | None:
    """The first day of a record's date ("2022", "2022-03", "2022-03-09" as TimeSpan.iso)."""
    if not when or not when.get("start"):
        return None
    year, month, day = ([*map(int, when["start"].split("-")), 1, 1])[:3]
    return date(year, month, day)


def _last_day(when: Record | None) -> date | None:
    """The last day of a record's end date: 31 December of a year, the 30th of a June."""
    if not when or not when.get("end"):
        return None
    parts = [int(p) for p in when["end"].split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)
