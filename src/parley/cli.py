"""The `parley` command: code, ingest, events, eval. Thin over parley.code_many and Store."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley.errors import InputError, ParleyError
from parley.model import CodedDocument, Document

app = typer.Typer(
    help="Political event data from diplomatic statements and news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output is not wrapped at 80 columns: tables stay one event per line.
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _date_option(value: str | None, *, end: bool = False) -> date | None:
    if value is None:
        return None
    from parley.when import parse_date_argument

    try:
        return parse_date_argument(value, end=end)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


Paths = Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .html, .jsonl).")]
Published = Annotated[
    str | None,
    typer.Option(
        help="Publication date (YYYY-MM-DD) for documents that do not give one; "
        "overrides the date found in the text."
    ),
]
Speaker = Annotated[
    str | None, typer.Option(help='Who speaks in the documents ("we" resolves to them).')
]
Db = Annotated[
    Path, typer.Option("--db", help="The event store (SQLite file).", envvar="PARLEY_DB")
]


def _documents(
    paths: list[Path], published: str | None, speaker: str | None, failures: list[str]
) -> Iterator[Document]:
    """Readable documents; each unreadable one is reported once and counted."""
    from parley.read import read_paths

    for item in read_paths(paths, published=_date_option(published), speaker=speaker):
        if isinstance(item, InputError):
            err.print(f"[red]error:[/red] {item}", highlight=False)
            failures.append(str(item))
        else:
            yield item


def _coded(documents: Iterable[Document]) -> Iterator[CodedDocument]:
    from parley.pipeline import code_many

    yield from code_many(documents)


def _actors(actors: list[dict[str, Any]]) -> str:
    return ", ".join(
        (f"{a['entity']}/{a['sector']}" if a["sector"] else a["entity"]) or f"“{a['text']}”"
        for a in actors
    )


def _row(event: dict[str, Any]) -> dict[str, Any]:
    """An event flattened to the columns of the table and CSV outputs."""
    return {
        "doc_id": event["doc_id"],
        "date": event["date"]["start"] if event["date"] else "",
        "code": event["code"],
        "event": event["name"],
        "source": _actors(event["source"]),
        "target": _actors(event["target"]),
        "modality": event["modality"],
        "place": event["place"]["name"] if event["place"] else "",
        "goldstein": event["goldstein"],
        "quad_class": event["quad_class"],
        "rule": event["rule"],
        "sentence": event["text"],
    }


TABLE_COLUMNS = ("date", "code", "event", "source", "target", "modality", "place", "rule")
CSV_COLUMNS = (
    "doc_id",
    "date",
    "code",
    "event",
    "source",
    "target",
    "modality",
    "place",
    "goldstein",
    "quad_class",
    "rule",
    "sentence",
)


def _print_events(events: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for event in events:
            print(json.dumps(event, ensure_ascii=False))
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(_row(e) for e in events)
    else:
        table = Table(header_style="bold")
        for column in TABLE_COLUMNS:
            table.add_column(column)
        for event in events:
            row = _row(event)
            table.add_row(*(str(row[c]) for c in TABLE_COLUMNS))
        out.print(table)


def _progress(total: int) -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    return Progress(*columns, TimeElapsedColumn(), console=err, disable=total < 2)


def _fail(failures: list[str], total: int) -> None:
    if failures:
        err.print(f"{len(failures)} of {total} documents failed", highlight=False)
        raise typer.Exit(1)


@app.command("code")
def code_command(
    paths: Paths,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="table, jsonl or csv.")
    ] = Format.table,
    published: Published = None,
    speaker: Speaker = None,
) -> None:
    """Code documents and print their events."""
    failures: list[str] = []
    count = 0
    for coded in _coded(_documents(paths, published, speaker, failures)):
        count += 1
        events = [e.to_dict() for e in coded.events]
        if format is Format.table:
            out.print(f"[bold]{coded.document.id}[/bold]  {len(events)} events", highlight=False)
        _print_events(events, format)
    _fail(failures, count + len(failures))


@app.command()
def explain(
    paths: Paths,
    published: Published = None,
    speaker: Speaker = None,
) -> None:
    """Show how each sentence was coded: actors, dates, events, rules, and misses."""
    from parley.explain import explain as explain_document

    failures: list[str] = []
    count = 0
    for document in _documents(paths, published, speaker, failures):
        count += 1
        for line in explain_document(document):
            out.print(line, highlight=False, markup=False)
    _fail(failures, count + len(failures))


@app.command()
def coverage(
    paths: Paths,
    published: Published = None,
    top: Annotated[int, typer.Option(min=0, max=1000, help="Unknown predicates to list.")] = 40,
) -> None:
    """List the predicates linking two actors that no rule codes and no list marks as not
    an event, most frequent first, and their share."""
    from parley.coverage import coverage as measure
    from parley.coverage import lines

    failures: list[str] = []
    documents = list(_documents(paths, published, None, failures))
    for line in lines(measure(documents), top=top):
        out.print(line, highlight=False, markup=False)
    _fail(failures, len(documents) + len(failures))


@app.command()
def ingest(
    paths: Paths,
    db: Db = Path("parley.db"),
    published: Published = None,
    speaker: Speaker = None,
) -> None:
    """Code documents and store them; a document already stored is left as it is."""
    from parley.store import open_store

    failures: list[str] = []
    documents = list(_documents(paths, published, speaker, failures))
    status = {"added": 0, "replaced": 0, "unchanged": 0}
    events = 0
    with open_store(db) as store, _progress(len(documents)) as progress:
        task = progress.add_task("coding", total=len(documents))
        new = [d for d in documents if not store.knows(d)]  # stored texts are not coded again
        status["unchanged"] = len(documents) - len(new)
        progress.advance(task, status["unchanged"])
        for coded in _coded(new):
            result = store.add(coded)
            status[result.status] += 1
            events += result.events
            progress.advance(task)
    err.print(
        f"{len(documents)} documents: {status['added']} added, {status['replaced']} replaced, "
        f"{status['unchanged']} unchanged, {len(failures)} failed; {events} events stored in {db}",
        highlight=False,
    )
    _fail(failures, len(documents) + len(failures))


Actor = Annotated[str | None, typer.Option(help="ENTITY or ENTITY/SECTOR, as source or target.")]
Dyad = Annotated[
    str | None, typer.Option(help="SOURCE:TARGET, e.g. RUS:AFG (each ENTITY[/SECTOR]).")
]
Either = Annotated[bool, typer.Option("--either", help="The dyad in either direction.")]
Code = Annotated[str | None, typer.Option(help="CAMEO code or prefix: 05, 057.")]
Quad = Annotated[
    int | None, typer.Option(help="Quad class: 1 verbal coop. .. 4 material conflict.")
]
Modality = Annotated[
    str | None, typer.Option(help="asserted, negated, intended, appeal or hypothetical.")
]
Since = Annotated[str | None, typer.Option(help="Events on or after this date.")]
Until = Annotated[str | None, typer.Option(help="Events on or before this date.")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="Place name: Doha.")]
Country = Annotated[str | None, typer.Option(help="Country of the place (ISO3): QAT.")]
Text = Annotated[str | None, typer.Option(help="Words in the source sentence (SQLite FTS5).")]
Sort = Annotated[str, typer.Option(help="date, -date, goldstein, -goldstein, mentions, -mentions.")]
Limit = Annotated[int | None, typer.Option(help="At most this many rows.")]
Mentions = Annotated[
    bool, typer.Option("--mentions", help="Every report, not one row per real-world event.")
]


def _query(**options: Any) -> Any:
    from parley.store import Query

    options["since"] = _date_option(options["since"])
    options["until"] = _date_option(options["until"], end=True)
    return Query(**options)


def _open_existing(db: Path) -> Any:
    from parley.store import open_store

    if not db.exists():
        raise ParleyError(f"{db}: no event store here; create one with `parley ingest`")
    return open_store(db, readonly=True)


@app.command()
def events(
    db: Db = Path("parley.db"),
    actor: Actor = None,
    dyad: Dyad = None,
    either: Either = False,
    code: Code = None,
    quad: Quad = None,
    modality: Modality = None,
    since: Since = None,
    until: Until = None,
    place: PlaceOpt = None,
    country: Country = None,
    text: Text = None,
    sort: Sort = "date",
    limit: Limit = None,
    mentions: Mentions = False,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="table, jsonl or csv.")
    ] = Format.table,
) -> None:
    """Query the stored events: one row per real-world event, or every report."""
    query = _query(
        actor=actor, dyad=dyad, either=either, code=code, quad=quad, modality=modality,
        since=since, until=until, place=place, country=country, text=text, sort=sort,
        limit=limit, mentions=mentions,
    )  # fmt: skip
    with _open_existing(db) as store:
        rows = store.events(query)
    _print_events(rows, format)


ExportFormat = Annotated[
    str, typer.Option("--format", "-f", help="jsonl, gdelt, plover or parquet.")
]


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    format: ExportFormat = "jsonl",
    db: Db = Path("parley.db"),
    actor: Actor = None,
    dyad: Dyad = None,
    either: Either = False,
    code: Code = None,
    quad: Quad = None,
    modality: Modality = None,
    since: Since = None,
    until: Until = None,
    place: PlaceOpt = None,
    country: Country = None,
    text: Text = None,
    sort: Sort = "date",
    limit: Limit = None,
    mentions: Mentions = False,
) -> None:
    """Write stored events in a format other tools read (one row per real-world event,
    or every report with --mentions; GDELT and PLOVER rows are source-target pairs)."""
    from parley.export import FORMATS, write

    if format not in FORMATS:
        raise ParleyError(f"--format {format!r}: choose one of {', '.join(FORMATS)}")
    query = _query(
        actor=actor, dyad=dyad, either=either, code=code, quad=quad, modality=modality,
        since=since, until=until, place=place, country=country, text=text, sort=sort,
        limit=limit, mentions=mentions,
    )  # fmt: skip
    with _open_existing(db) as store:
        rows = write(store.events(query), format, out)
    err.print(f"{rows} rows written to {out} ({format})", highlight=False)


@app.command()
def batch(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet partitions.")],
    scheduler: Annotated[
        str | None, typer.Option(help="A running Dask scheduler: tcp://host:8786.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Local worker processes (no scheduler).")] = 2,
    db: Annotated[
        Path | None, typer.Option("--db", help="Then load the partitions into this store.")
    ] = None,
) -> None:
    """Code documents on Dask distributed into Parquet partitions (a re-run skips the
    partitions written); --db then stores them as `parley ingest` would."""
    from parley import batch as batching

    documents, failures = batching.read_inputs(paths)
    for failure in failures:
        err.print(f"[red]error:[/red] {failure}", highlight=False)
    with _progress(len(documents)) as progress:
        task = progress.add_task("coding", total=len(documents))
        summary = batching.run(
            documents,
            out,
            scheduler=scheduler,
            workers=workers,
            on_partition=lambda n: progress.advance(task, n),
        )
    for failure in summary.failures:
        err.print(f"[red]failed:[/red] {failure}", highlight=False)
    err.print(
        f"{len(documents)} documents: {summary.documents} coded in "
        f"{summary.written_partitions} partitions ({summary.skipped_partitions} already "
        f"written), {summary.events} events, {len(summary.failures) + len(failures)} failed; "
        f"{out}",
        highlight=False,
    )
    if db is not None:
        status = batching.load(out, db)
        err.print(
            f"stored in {db}: {status['added']} added, {status['replaced']} replaced, "
            f"{status['unchanged']} unchanged",
            highlight=False,
        )
    if summary.failures or failures:
        raise typer.Exit(1)


@app.command()
def serve(
    db: Db = Path("parley.db"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Let requests with the token store documents.")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            help="The token for storing (default: a new one, printed).", envvar="PARLEY_TOKEN"
        ),
    ] = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the page that explores the store."""
    from parley.server import Settings, new_token
    from parley.server import serve as run

    token = token or (new_token() if allow_ingest else "")
    if allow_ingest:
        err.print(f"storing allowed with: Authorization: Bearer {token}", highlight=False)
    err.print(f"Parley on http://{host}:{port}/ (store {db})", highlight=False)
    run(Settings(db=db, allow_ingest=allow_ingest, token=token), host=host, port=port)


@app.command()
def pledges(
    db: Db = Path("parley.db"),
    actor: Annotated[str | None, typer.Option(help="The giver: ENTITY or ENTITY/SECTOR.")] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="table or jsonl.")
    ] = Format.table,
) -> None:
    """Pledges made (of roots 03, 05-08 intended), with their areas and conditions, and
    the later events that fulfilled them."""
    with _open_existing(db) as store:
        found = store.pledges(actor)
    if format is Format.jsonl:
        for pledge in found:
            print(json.dumps(pledge, ensure_ascii=False))
        return
    table = Table("made", "code", "giver", "recipient", "areas", "condition", "fulfilled by")
    for p in found:
        done = "; ".join(
            f"{e['code']} {e['date']['start'] if e['date'] else ''}" for e in p["fulfilled_by"]
        )
        table.add_row(
            p["made"] or "",
            p["event"]["code"],
            ", ".join(p["giver"]),
            ", ".join(p["recipient"]),
            ", ".join(p["areas"]),
            p["condition"] or "",
            done or "-",
        )
    out.print(table)


PROCESS_KINDS = (
    ("meeting", ("04",)),
    ("agreement", ("057", "08")),
    ("pledge", ("030", "031", "032", "033", "034", "035")),
    ("appeal", ("02", "10")),
    ("violence", ("18", "19", "20")),
)


def _kind(code: str) -> str:
    return next((k for k, prefixes in PROCESS_KINDS if code.startswith(prefixes)), "other")


@app.command()
def process(
    name: Annotated[
        str, typer.Argument(help='A format ("troika plus") or an actor ("Afghanistan").')
    ],
    db: Db = Path("parley.db"),
) -> None:
    """A peace process as a timeline: its meetings, agreements, appeals, pledges and
    violence, with who took part and in what role."""
    with _open_existing(db) as store:
        what, found = store.process(name)
    table = Table("date", "kind", "code", "event", "who", "place", header_style="bold")
    for event in found:
        roles = [f"{p['role']}: {_actors([p['actor']])}" for p in event["participants"]]
        who = "; ".join(roles) or f"{_actors(event['source'])} -> {_actors(event['target'])}"
        table.add_row(
            event["date"]["start"] if event["date"] else "",
            _kind(event["code"]),
            event["code"],
            event["name"],
            who,
            event["place"]["name"] if event["place"] else "",
        )
    out.print(f"[bold]{what}[/bold]: {len(found)} events", highlight=False)
    out.print(table)


@app.command()
def recode(db: Db = Path("parley.db")) -> None:
    """Code the stored documents again with this Parley's rules, without their files."""
    from parley.store import open_store

    if not db.exists():
        raise ParleyError(f"{db}: no event store here; create one with `parley ingest`")
    with open_store(db) as store:
        documents = list(store.stored_documents())
        before = store.counts()["events"]
        with _progress(len(documents)) as progress:
            task = progress.add_task("recoding", total=len(documents))
            for coded in _coded(documents):
                store.replace_events(coded)
                progress.advance(task)
        after = store.counts()["events"]
    err.print(
        f"{len(documents)} documents recoded: {before} events before, {after} now", highlight=False
    )


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file (shared/spec/gold-format.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    by_root: Annotated[bool, typer.Option("--by-root", help="A table per CAMEO root.")] = False,
) -> None:
    """Score Parley against a gold file."""
    from parley.evaluate import evaluate

    report = evaluate(gold)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for doc in report["documents"]:
        if doc["error"]:
            err.print(f"[red]error:[/red] {doc['error']}", highlight=False)
        for missed in doc["missed"]:
            if missed["essential"]:
                out.print(
                    f"missed   {doc['id']}: {missed['code']} {missed['source']} -> "
                    f"{missed['target']}  “{missed['evidence']}”",
                    highlight=False,
                )
        for spurious in doc["spurious"]:
            out.print(
                f"spurious {doc['id']}: {spurious['code']} {spurious['source']} -> "
                f"{spurious['target']} ({spurious['rule']})",
                highlight=False,
            )
    shares = "  ".join(
        f"{k} {report[k]:.2f}" if report[k] is not None else f"{k} -"
        for k in ("code_full", "sector", "date", "location", "modality")
    )
    out.print(
        f"found {report['found']}  matched {report['matched']}  "
        f"essential {report['matched_essential']}/{report['essential']}",
        highlight=False,
    )
    out.print(
        f"precision {report['precision']:.3f}  recall {report['recall']:.3f}  "
        f"f1 {report['f1']:.3f}",
        highlight=False,
    )
    out.print(f"matched events with the right: {shares}", highlight=False)
    if by_root:
        table = Table(
            "root",
            "found",
            "matched",
            "essential",
            "found of them",
            "precision",
            "recall",
            "f1",
            header_style="bold",
        )
        for root, row in report["by_root"].items():
            table.add_row(
                root,
                *(str(row[k]) for k in ("found", "matched", "essential", "matched_essential")),
                *(
                    f"{row[k]:.2f}" if row[k] is not None else "-"
                    for k in ("precision", "recall", "f1")
                ),
            )
        out.print(table)


def main() -> None:
    try:
        app()
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
