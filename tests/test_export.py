"""parley.export: JSONL, GDELT-style TSV, PLOVER JSON and Parquet from stored records."""

from __future__ import annotations

import copy
import csv
import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import parley
from parley.errors import ParleyError
from parley.export import FORMATS, GDELT_COLUMNS, plover_type, to_parquet, write
from parley.ontology import lookup

PUBLISHED = date(2023, 5, 12)  # a Friday
TALKS = "Serbia and Kosovo held talks in Ohrid on Tuesday."
TWO_SOURCES = "Chile and Peru denounced the missile launch by North Korea."
NO_TARGET = "Armenia mobilized its troops along the border."
TWO_BY_TWO = "Canada and Mexico criticized Spain and Portugal over the fishing quotas."
BY_MONTH = "Vietnam held talks with Laos in March 2022."

CLUSTER = {
    "id": 41,
    "mentions": 6,
    "documents": 4,
    "publishers": 3,
    "first_report": "2023-05-09",
    "last_report": "2023-05-11",
}


def _one(text: str, doc_id: str) -> dict:
    # a document of its own each, as in the store: event ids are unique there
    events = parley.code(text, published=PUBLISHED, doc_id=doc_id)
    assert len(events) == 1, f"expected one event in {text!r}, got {len(events)}"
    return events[0].to_dict()


@pytest.fixture(scope="module")
def coded() -> dict[str, dict]:
    records = {
        name: _one(text, doc_id=name)
        for name, text in [
            ("talks", TALKS),
            ("two_sources", TWO_SOURCES),
            ("no_target", NO_TARGET),
            ("two_by_two", TWO_BY_TWO),
            ("by_month", BY_MONTH),
        ]
    }
    # what the store adds, on one record only: the others must work without it
    records["talks"].update(
        cluster=CLUSTER, url="https://news.example/balkans/ohrid", publisher="Agência Exemplo"
    )
    return records


@pytest.fixture
def records(coded: dict[str, dict]) -> dict[str, dict]:
    """Fresh copies, as plain two-sided events (multilateral ones are tested apart)."""
    fresh = copy.deepcopy(coded)
    for record in fresh.values():
        record["participants"] = []
    return fresh


def _gdelt_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = lines[0], lines[1:]
    assert all(len(line) == len(header) for line in body)
    return header, [dict(zip(header, line, strict=True)) for line in body]


# --- write ----------------------------------------------------------------------------


def test_write_rejects_an_unknown_format_naming_it_and_the_valid_ones(tmp_path, records) -> None:
    out = tmp_path / "events.csv"
    with pytest.raises(ValueError, match=r"'csv'.*jsonl, gdelt, plover, parquet"):
        write(records.values(), "csv", out)
    assert not out.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_dispatches_and_counts_rows(tmp_path, records, fmt) -> None:
    rows = {"jsonl": 5, "parquet": 5, "gdelt": 9, "plover": 9}  # 1 + 2 + 1 + 4 + 1 pairs
    out = tmp_path / f"events.{fmt}"
    assert write(list(records.values()), fmt, out) == rows[fmt]
    assert out.stat().st_size > 0


# --- JSONL ----------------------------------------------------------------------------


def test_jsonl_round_trips_every_field(tmp_path, records) -> None:
    out = tmp_path / "events.jsonl"
    write(records.values(), "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(records.values())
    assert "Agência Exemplo" in lines[0]  # UTF-8, not \u escapes


# --- GDELT ----------------------------------------------------------------------------


def test_gdelt_header_names_the_61_gdelt_2_columns_in_order(tmp_path, records) -> None:
    out = tmp_path / "events.tsv"
    write(records.values(), "gdelt", out)
    header, rows = _gdelt_rows(out)
    assert header == list(GDELT_COLUMNS)
    assert len(header) == 61
    assert header[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert header[5:7] == ["Actor1Code", "Actor1Name"] and header[15] == "Actor2Code"
    assert header[25:35] == [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    assert header[51:61] == [
        "ActionGeo_Type",
        "ActionGeo_FullName",
        "ActionGeo_CountryCode",
        "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code",
        "ActionGeo_Lat",
        "ActionGeo_Long",
        "ActionGeo_FeatureID",
        "DATEADDED",
        "SOURCEURL",
    ]


def test_gdelt_writes_one_row_per_source_target_pair(tmp_path, records) -> None:
    out = tmp_path / "events.tsv"
    write([records["two_sources"], records["two_by_two"], records["no_target"]], "gdelt", out)
    _, rows = _gdelt_rows(out)
    pairs = [(r["Actor1Code"], r["Actor2Code"]) for r in rows]
    assert pairs == [
        ("CHLGOV", "PRKGOV"),
        ("PERGOV", "PRKGOV"),
        ("CANGOV", "ESPGOV"),
        ("CANGOV", "PRTGOV"),
        ("MEXGOV", "ESPGOV"),
        ("MEXGOV", "PRTGOV"),
        ("ARMMIL", ""),
    ]
    no_target = rows[-1]
    assert no_target["Actor1Type1Code"] == "MIL"
    assert [no_target[c] for c in GDELT_COLUMNS[15:25]] == [""] * 10
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert len(set(ids)) == len(ids) and all(0 < int(i) < 2**63 for i in ids)


def test_gdelt_values_of_an_event_with_a_place_and_a_cluster(tmp_path, records) -> None:
    talks = records["talks"]
    place = talks["place"]
    assert place is not None and place["geonames_id"], "the coder no longer places the talks"
    out = tmp_path / "events.tsv"
    write([talks], "gdelt", out)
    _, [row] = _gdelt_rows(out)
    assert row["SQLDATE"] == "20230509"  # the Tuesday before publication
    assert (row["MonthYear"], row["Year"]) == ("202305", "2023")
    assert row["FractionDate"] == f"{2023 + 128 / 365:.4f}"  # 9 May: 128 days gone
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "SRBGOV",
        "Serbia",
        "SRB",
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("046", "046", "04")
    assert (row["QuadClass"], float(row["GoldsteinScale"])) == ("1", 7.0)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("6", "3", "4")
    assert row["IsRootEvent"] == "1" and row["AvgTone"] == ""
    assert row["ActionGeo_Type"] == "4"
    assert row["ActionGeo_FullName"] == "Ohrid"
    assert row["ActionGeo_CountryCode"] == "MKD"  # ISO3, not GDELT's FIPS "MK"
    assert float(row["ActionGeo_Lat"]) == place["lat"]
    assert float(row["ActionGeo_Long"]) == place["lon"]
    assert row["ActionGeo_FeatureID"] == str(place["geonames_id"])
    assert row["Actor1Geo_Lat"] == row["Actor2Geo_Type"] == ""
    assert row["DATEADDED"] == "20230509000000"
    assert row["SOURCEURL"] == "https://news.example/balkans/ohrid"


def test_gdelt_without_cluster_url_or_place(tmp_path, records) -> None:
    out = tmp_path / "events.tsv"
    write([records["no_target"]], "gdelt", out)
    _, [row] = _gdelt_rows(out)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["SOURCEURL"] == records["no_target"]["doc_id"]
    assert [row[c] for c in GDELT_COLUMNS[51:59]] == [""] * 8


def test_gdelt_dates_known_to_the_month_and_the_last_day_of_a_year(tmp_path, records) -> None:
    late = copy.deepcopy(records["no_target"])
    late["date"] = {"start": "2023-12-31", "end": "2023-12-31", "precision": "day"}
    out = tmp_path / "events.tsv"
    write([records["by_month"], late], "gdelt", out)
    _, [month, year_end] = _gdelt_rows(out)
    assert records["by_month"]["date"]["start"] == "2022-03"
    assert (month["SQLDATE"], month["MonthYear"]) == ("20220301", "202203")
    assert year_end["FractionDate"] == "2023.9973"  # still 2023, not 2024.0000


def test_gdelt_is_the_same_file_on_every_run_and_keeps_rows_whole(tmp_path, records) -> None:
    records["two_by_two"]["target"][0]["name"] = "Spain\twith a tab"
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    write(records.values(), "gdelt", first)
    write(records.values(), "gdelt", second)
    assert first.read_bytes() == second.read_bytes()
    _, rows = _gdelt_rows(first)  # every row still has 61 cells
    assert "Spain with a tab" in {r["Actor2Name"] for r in rows}


# --- PLOVER ---------------------------------------------------------------------------


def test_plover_types_come_from_the_ontology(tmp_path, records) -> None:
    out = tmp_path / "events.json"
    write(records.values(), "plover", out)
    events = json.loads(out.read_text(encoding="utf-8"))
    assert len(events) == 9
    by_code = {e["event_id"]: e for e in events}
    mobilize = by_code[records["no_target"]["id"]]
    entry = lookup("154")
    assert (mobilize["event_type"], mobilize["mode"]) == (entry.plover, entry.plover_mode)
    assert (mobilize["event_type"], mobilize["mode"], mobilize["context"]) == (
        "MOBILIZE",
        "troops",
        ["military"],
    )
    talks = by_code[records["talks"]["id"]]
    assert (talks["event_type"], talks["mode"], talks["context"]) == ("CONSULT", "", ["diplomatic"])


def test_plover_contexts_are_lists_and_unknown_codes_keep_the_record_type() -> None:
    assert plover_type("1124") == ("ACCUSE", "allege", ["military", "legal"])
    assert plover_type("999", "PROTEST") == ("PROTEST", "", [])


def test_plover_has_one_actor_and_one_recipient_per_object(tmp_path, records) -> None:
    out = tmp_path / "events.json"
    write([records["two_sources"], records["no_target"], records["talks"]], "plover", out)
    chile, peru, armenia, talks = json.loads(out.read_text(encoding="utf-8"))
    assert chile["actor"] == {"name": "Chile", "entity": "CHL", "sector": "GOV", "country": "CHL"}
    assert peru["actor"]["entity"] == "PER"
    assert chile["recipient"]["entity"] == peru["recipient"]["entity"] == "PRK"
    assert chile["id"] != peru["id"] and chile["event_id"] == peru["event_id"]
    assert (chile["event_type"], chile["mode"]) == ("ACCUSE", "disapprove")
    assert armenia["recipient"] is None
    assert armenia["location"] is None and armenia["mentions"] == 1
    assert talks["location"]["name"] == "Ohrid"
    assert talks["date"] == "2023-05-09"
    assert talks["source_text"] == TALKS
    assert talks["modality"] == "asserted"
    assert (talks["mentions"], talks["documents"], talks["publishers"]) == (6, 4, 3)
    assert talks["url"] == "https://news.example/balkans/ohrid"


def test_plover_of_nothing_is_an_empty_array(tmp_path) -> None:
    out = tmp_path / "events.json"
    assert write([], "plover", out) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == []


# --- Parquet --------------------------------------------------------------------------

PARQUET_COLUMNS = [
    "id",
    "doc_id",
    "sentence",
    "text",
    "code",
    "root",
    "name",
    "plover",
    "goldstein",
    "quad_class",
    "modality",
    "date_start",
    "date_end",
    "date_precision",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "source",
    "target",
    "source_names",
    "target_names",
    "rule",
    "trigger",
    "symmetric",
    "confidence",
    "cluster_id",
    "mentions",
    "documents",
    "publishers",
    "url",
    "publisher",
]


def test_parquet_reads_back_with_pyarrow_and_pandas(tmp_path, records) -> None:
    out = tmp_path / "events.parquet"
    assert write(records.values(), "parquet", out) == 5
    table = pq.read_table(out)
    assert table.column_names == PARQUET_COLUMNS
    assert table.num_rows == 5
    for column in ("source", "target", "source_names", "target_names"):
        assert table.schema.field(column).type == pa.list_(pa.string())
    rows = {r["id"]: r for r in table.to_pylist()}
    two = rows[records["two_by_two"]["id"]]
    assert two["source"] == ["CAN/GOV", "MEX/GOV"]
    assert two["target_names"] == ["Spain", "Portugal"]
    assert two["cluster_id"] is None and two["mentions"] == 1
    talks = rows[records["talks"]["id"]]
    assert (talks["cluster_id"], talks["mentions"], talks["documents"]) == (41, 6, 4)
    assert talks["date_start"] == date(2023, 5, 9)
    assert talks["place_name"] == "Ohrid" and talks["place_lat"] == records["talks"]["place"]["lat"]
    month = rows[records["by_month"]["id"]]
    assert (month["date_start"], month["date_end"]) == (date(2022, 3, 1), date(2022, 3, 31))
    assert rows[records["no_target"]["id"]]["target"] == []

    frame = pd.read_parquet(out)
    assert frame.shape == (5, len(PARQUET_COLUMNS))
    assert list(frame.loc[frame["id"] == records["two_sources"]["id"], "source"].iloc[0]) == [
        "CHL/GOV",
        "PER/GOV",
    ]
    assert frame["code"].tolist() == [r["code"] for r in records.values()]


def test_parquet_of_no_records_is_a_readable_empty_file(tmp_path) -> None:
    out = tmp_path / "empty.parquet"
    assert to_parquet([], out) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0
    assert table.column_names == PARQUET_COLUMNS
    assert table.schema.field("source").type == pa.list_(pa.string())
    assert pd.read_parquet(out).empty


def test_parquet_without_pyarrow_says_how_to_install_it(tmp_path, monkeypatch, records) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ParleyError, match=r"pip install 'parley\[parquet\]'"):
        to_parquet(records.values(), tmp_path / "events.parquet")


def test_gdelt_expands_a_multilateral_event_into_party_and_host_dyads(tmp_path: Path) -> None:
    event = parley.code(
        "Delegations of the Syrian government and the Syrian opposition held talks in Astana "
        "under the auspices of Russia and Turkey.",
        published=date(2021, 3, 5),
    )[0]
    out = tmp_path / "m.tsv"
    write([event.to_dict()], "gdelt", out)
    _, rows = _gdelt_rows(out)
    pairs = {(r["Actor1Code"], r["Actor2Code"]) for r in rows}
    assert pairs == {
        ("SYRGOV", "SYROPP"),
        ("KAZGOV", "SYRGOV"),
        ("KAZGOV", "SYROPP"),
        ("RUSGOV", "SYRGOV"),
        ("RUSGOV", "SYROPP"),
        ("TURGOV", "SYRGOV"),
        ("TURGOV", "SYROPP"),
    }
