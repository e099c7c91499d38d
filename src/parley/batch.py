"""Coding a corpus on Dask distributed: `parley batch`.

The client reads the documents and cuts them, in a fixed order, into partitions of
PARTITION_SIZE; each partition is one Dask task. A worker process codes it with the spaCy
pipeline, knowledge base and rules it loaded once (they are cached per process), trying a
document that raises up to ATTEMPTS times before reporting it, and writes the partition
as two Parquet files, atomically (on a cluster, DIR must be storage the workers share with
the client):

    DIR/events-00012-3f9a0c21.parquet     one row per event (`parley export` Parquet)
    DIR/documents-00012-3f9a0c21.parquet  one row per document: what `--db` loads

The name's digest is of the partition's document ids and texts: a re-run skips the
partitions whose files exist and redoes those whose documents changed. When a worker
dies, the scheduler runs its partitions again elsewhere; one that has killed ATTEMPTS
workers is reported as failed.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.errors import ParleyError
from parley.model import CodedDocument, Document

PARTITION_SIZE = 50
ATTEMPTS = 3


@dataclass
class Summary:
    documents: int = 0
    events: int = 0
    skipped_partitions: int = 0
    written_partitions: int = 0
    failures: list[str] = field(default_factory=list)


def partitions(documents: list[Document], size: int = PARTITION_SIZE) -> list[list[Document]]:
    return [documents[i : i + size] for i in range(0, len(documents), size)]


def partition_name(number: int, documents: list[Document]) -> str:
    """A partition's name: its number and a digest of its documents' ids and texts, so
    that a re-run redoes a partition whose documents changed ("00012-3f9a0c21")."""
    from parley.store import text_hash

    digest = hashlib.sha1()
    for document in documents:
        digest.update(f"{document.id}\0{text_hash(document)}\0".encode())
    return f"{number:05d}-{digest.hexdigest()[:8]}"


def done(out: Path, name: str) -> bool:
    return (out / f"documents-{name}.parquet").exists()


def code_partition(documents: list[Document], out: str, name: str) -> dict[str, Any]:
    """Runs on a worker: codes the partition and writes its files itself (the results
    never travel back through the scheduler); returns its counts and failures."""
    result = _coded_partition(documents)
    events = write_partition(Path(out), name, result)
    return {"documents": len(result["coded"]), "events": events, "failures": result["failures"]}


def _coded_partition(documents: list[Document]) -> dict[str, Any]:
    """The partition's coded documents, and those that failed ATTEMPTS times."""
    from parley.pipeline import code_many

    try:  # the whole partition in spaCy's batches, the fast way
        return {"coded": [_as_data(c) for c in code_many(documents)], "failures": []}
    except Exception:  # noqa: BLE001 - then document by document, to find the culprit
        pass
    coded: list[dict[str, Any]] = []
    failures: list[str] = []
    for document in documents:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                coded.append(_as_data(next(code_many([document]))))
                break
            except Exception as exc:  # noqa: BLE001 - any failure is the document's
                if attempt == ATTEMPTS:
                    failures.append(f"{document.id}: {type(exc).__name__}: {exc}"[:500])
    return {"coded": coded, "failures": failures}


def _as_data(coded: CodedDocument) -> dict[str, Any]:
    from dataclasses import asdict

    return {"document": json.dumps(asdict(coded.document), default=str), "coded": coded}


def write_partition(out: Path, name: str, result: dict[str, Any]) -> int:
    """The partition's two Parquet files, each written under a temporary name and renamed,
    so that an interrupted run never leaves a partition that looks done."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from parley.export import to_parquet

    records = [e.to_dict() for item in result["coded"] for e in item["coded"].events]
    events_tmp = out / f".events-{name}.parquet.tmp"
    to_parquet(records, events_tmp)
    # `coded` is the CodedDocument pickled, exactly as the store takes it: load only
    # partitions you wrote yourself
    table = pa.table(
        {
            "doc_id": [item["coded"].document.id for item in result["coded"]],
            "document": [item["document"] for item in result["coded"]],
            "coded": [pickle.dumps(item["coded"]) for item in result["coded"]],
        },
        schema=pa.schema(
            [("doc_id", pa.string()), ("document", pa.string()), ("coded", pa.binary())]
        ),
    )
    documents_tmp = out / f".documents-{name}.parquet.tmp"
    pq.write_table(table, documents_tmp)
    number = name.split("-")[0]
    for stale in [*out.glob(f"events-{number}-*.parquet"), *out.glob(f"documents-{number}-*")]:
        stale.unlink()  # the same partition coded from other documents before
    events_tmp.replace(out / f"events-{name}.parquet")
    documents_tmp.replace(out / f"documents-{name}.parquet")  # last: marks it done
    return len(records)


def run(
    documents: list[Document],
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    size: int = PARTITION_SIZE,
    on_partition: Callable[[int], None] = lambda n: None,
) -> Summary:
    """Code `documents` on a Dask cluster (the one at `scheduler`, else a LocalCluster of
    `workers` processes) into Parquet partitions under `out`."""
    from dask.distributed import LocalCluster, as_completed

    out.mkdir(parents=True, exist_ok=True)
    chunks = partitions(documents, size)
    summary = Summary()
    todo = []
    for number, chunk in enumerate(chunks):
        if done(out, partition_name(number, chunk)):
            summary.skipped_partitions += 1
            on_partition(len(chunk))
        else:
            todo.append((partition_name(number, chunk), chunk))
    if not todo:
        return summary
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    try:
        with _client(scheduler or cluster) as client:
            futures = {
                client.submit(
                    code_partition, chunk, str(out), name, key=f"parley-{name}", pure=False
                ): chunk
                for name, chunk in todo
            }
            for future in as_completed(futures):
                _collect(future, futures[future], summary)
                on_partition(len(futures[future]))
    finally:
        if cluster is not None:
            cluster.close()
    return summary


def _client(address: Any) -> Any:
    from dask.distributed import Client

    try:
        return Client(address, timeout="10s")
    except OSError as exc:
        raise ParleyError(f"{address}: cannot reach the Dask scheduler ({exc})") from exc


def _collect(future: Any, chunk: list[Document], summary: Summary) -> None:
    try:
        result = future.result()
    except Exception as exc:  # noqa: BLE001 - a partition that killed its workers
        reason = f"{type(exc).__name__}: {exc}"[:300]
        summary.failures.extend(f"{d.id}: {reason}" for d in chunk)
        return
    summary.events += result["events"]
    summary.written_partitions += 1
    summary.documents += result["documents"]
    summary.failures.extend(result["failures"])


def load(out: Path, db: Path) -> dict[str, int]:
    """Store the coded documents of every partition under `out`, as `parley ingest` would
    (a text already stored is left as it is)."""
    import pyarrow.parquet as pq

    from parley.store import open_store

    status = {"added": 0, "replaced": 0, "unchanged": 0}
    with open_store(db) as store:
        for path in sorted(out.glob("documents-*.parquet")):
            for row in pq.read_table(path).to_pylist():
                result = store.add(coded_from_row(row))
                status[result.status] += 1
    return status


def coded_from_row(row: dict[str, Any]) -> CodedDocument:
    coded = pickle.loads(row["coded"])
    if not isinstance(coded, CodedDocument):
        raise TypeError(f"{row['doc_id']}: not a coded document")
    return coded


def read_inputs(paths: Iterable[Path]) -> tuple[list[Document], list[str]]:
    from parley.errors import InputError
    from parley.read import read_paths

    documents: list[Document] = []
    failures: list[str] = []
    for item in read_paths(list(paths)):
        if isinstance(item, InputError):
            failures.append(str(item))
        else:
            documents.append(item)
    return documents, failures
