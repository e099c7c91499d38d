"""The events endpoint under load, on a store of 100,000 events.

    python bench/serve.py [EVENTS] [CLIENTS] [SECONDS]

Builds a store by coding documents from bench/corpus.py, then copies their documents,
events and actors under new ids until it holds EVENTS events (100,000 by default: coding
that many from scratch would take half an hour and measure the coder, not the server).
Starts `parley serve` on a free local port and, for SECONDS (10) with CLIENTS (4)
concurrent clients, requests `/api/events?limit=100` with a different filter each time.
Prints requests per second and latency percentiles, against the same queries made
in-process on the store (the baseline) in the same run.
"""

from __future__ import annotations

import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import STATES, write_corpus  # noqa: E402

COPY = [
    "INSERT INTO documents (id, hash, path, url, title, published, publisher, speaker, text,"
    " dateline) SELECT id || '#' || :k, hash || '#' || :k, path, url, title,"
    " date(published, '+' || :k || ' days'), publisher, speaker, text, dateline"
    " FROM documents WHERE id NOT LIKE '%#%'",
    "INSERT INTO events (id, doc_id, sentence, code, root, quad_class, goldstein, modality,"
    " date_start, date_end, precision, place, place_country, rule, json, date_given)"
    " SELECT id || '#' || :k, doc_id || '#' || :k, sentence, code, root, quad_class,"
    " goldstein, modality, date(date_start, '+' || :k || ' days'),"
    " date(date_end, '+' || :k || ' days'), precision, place, place_country, rule, json,"
    " date_given FROM events WHERE id NOT LIKE '%#%'",
    "INSERT INTO event_actors (event_id, role, entity, sector, name, text)"
    " SELECT event_id || '#' || :k, role, entity, sector, name, text FROM event_actors"
    " WHERE event_id NOT LIKE '%#%'",
    "INSERT INTO sentences (doc_id, number, start_char, end_char, text)"
    " SELECT doc_id || '#' || :k, number, start_char, end_char, text FROM sentences"
    " WHERE doc_id NOT LIKE '%#%'",
]


def build_store(db: Path, events_wanted: int, folder: Path) -> int:
    from parley.pipeline import code_many
    from parley.read import read_paths
    from parley.store import open_store

    paths = write_corpus(folder, 300)
    with open_store(db) as store:
        for coded in code_many(d for d in read_paths(paths) if not isinstance(d, Exception)):
            store.add(coded)
    with sqlite3.connect(db) as connection:
        base = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        k = 1
        while base * (k + 1) <= events_wanted:
            for sql in COPY:
                connection.execute(sql, {"k": k})
            k += 1
        connection.execute(
            "INSERT INTO clusters (root, source_key, target_key, date_start, date_end,"
            " event_id, mentions, documents, publishers) SELECT root, id, '', date_start,"
            " date_end, id, 1, 1, 1 FROM events WHERE cluster_id IS NULL"
        )
        connection.execute(
            "UPDATE events SET cluster_id = (SELECT c.id FROM clusters c"
            " WHERE c.source_key = events.id) WHERE cluster_id IS NULL"
        )
        connection.execute("ANALYZE")
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]


def queries(n: int) -> list[dict[str, str]]:
    """A mix of what users ask: by actor, by root code, by dyad, by date, by words."""
    rng = random.Random(3)
    codes = {"Kenya": "KEN", "Uganda": "UGA", "Russia": "RUS", "China": "CHN", "Sudan": "SDN"}
    every = [codes.get(s[0], "QAT") for s in STATES]
    mix = []
    for i in range(n):
        kind = i % 5
        a, b = rng.sample(every, 2)
        if kind == 0:
            mix.append({"actor": a})
        elif kind == 1:
            mix.append({"code": rng.choice(["04", "05", "11", "19", "057"])})
        elif kind == 2:
            mix.append({"dyad": f"{a}:{b}", "either": "true"})
        elif kind == 3:
            mix.append({"since": "2016-01-01", "until": "2016-03-31"})
        else:
            mix.append({"text": rng.choice(["talks", "sanctions", "attack", "border"])})
    return [{**q, "limit": "100"} for q in mix]


def baseline(db: Path, mix: list[dict[str, str]]) -> list[float]:
    from parley.store import Query, open_store

    times = []
    with open_store(db, readonly=True) as store:
        for q in mix:
            args = {k: v for k, v in q.items() if k not in ("limit", "either", "since", "until")}
            query = Query(limit=100, either="either" in q, **args)
            start = time.perf_counter()
            store.events(query)
            times.append(time.perf_counter() - start)
    return times


def load(url: str, mix: list[dict[str, str]], clients: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(timeout=30) as http:
            i = offset
            while time.monotonic() < stop:
                start = time.perf_counter()
                http.get(f"{url}/api/events", params=mix[i % len(mix)]).raise_for_status()
                with lock:
                    latencies.append(time.perf_counter() - start)
                i += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def start(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = Path(sys.executable).parent / "parley"
    process = subprocess.Popen(
        [str(script), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(f"{url}/openapi.json", timeout=1)
            return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "serve.db"
        events = build_store(db, wanted, Path(tmp) / "corpus")
        mix = queries(200)
        direct = baseline(db, mix)
        process, url = start(db)
        try:
            latencies = load(url, mix, clients, seconds)
        finally:
            process.terminate()
            process.wait()
    ms = lambda v: f"{v * 1000:.1f} ms"  # noqa: E731
    print(f"store: {events} events; {clients} clients for {seconds:.0f} s")
    print(f"HTTP /api/events: {len(latencies) / seconds:.1f} requests/s")
    print(
        f"  latency p50 {ms(percentile(latencies, 50))}  p90 {ms(percentile(latencies, 90))}"
        f"  p99 {ms(percentile(latencies, 99))}"
    )
    median_direct = statistics.median(direct)
    print(
        f"baseline, the same queries in-process: median {ms(median_direct)}"
        f"  p99 {ms(percentile(direct, 99))}"
    )
    print(f"HTTP median / in-process median: {percentile(latencies, 50) / median_direct:.2f}")


if __name__ == "__main__":
    main()
