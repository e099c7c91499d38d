"""The HTTP API, through a real `parley serve` process on a free local port."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import parley_command, run_parley

TOKEN = "test-token-for-storing"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PARLEY_TOKEN": TOKEN}
    process = subprocess.Popen(
        [*parley_command(), "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/openapi.json", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError(f"server did not start: {process.stderr.read().decode()}")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("server") / "p.db"
    result = run_parley("ingest", str(EXAMPLES), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    process, url = start_server(store, "--allow-ingest")
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_server_openapi_lists_every_endpoint(server: str) -> None:
    paths = httpx.get(f"{server}/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/actors"):
        assert path in paths
    assert "/api/dyads/series" in paths and "/api/cameo" in paths and "/api/code" in paths


def test_server_events_take_the_store_filters(server: str) -> None:
    every = httpx.get(f"{server}/api/events").json()
    assert every["count"] == len(every["events"]) > 0
    first = every["events"][0]
    code = first["code"][:2]
    filtered = httpx.get(f"{server}/api/events", params={"code": code}).json()["events"]
    assert filtered and all(e["code"].startswith(code) for e in filtered)
    bad = httpx.get(f"{server}/api/events", params={"since": "yesterdayish"})
    assert bad.status_code == 400 and "since" in bad.json()["error"]


def test_server_one_event_with_its_reports_and_its_document(server: str) -> None:
    event = httpx.get(f"{server}/api/events").json()["events"][0]
    one = httpx.get(f"{server}/api/events/{event['id']}").json()
    assert one["event"]["id"] == event["id"]
    assert event["id"] in [m["id"] for m in one["mentions"]]
    document = httpx.get(f"{server}/api/documents/{event['doc_id']}").json()
    text = document["document"]["text"]
    assert event["text"] in text
    assert all(text[m["start_char"] : m["end_char"]] == m["text"] for m in document["mentions"])
    assert httpx.get(f"{server}/api/events/nope").status_code == 404


def test_server_actors_network_series_and_cameo(server: str) -> None:
    actors = httpx.get(f"{server}/api/actors").json()["actors"]
    assert actors and {"entity", "sector", "events"} <= set(actors[0])
    network = httpx.get(f"{server}/api/network").json()
    edge = network["edges"][0]
    series = httpx.get(
        f"{server}/api/dyads/series",
        params={"source": edge["source"], "target": edge["target"], "by": "month"},
    ).json()["series"]
    assert sum(row["events"] for row in series) == edge["events"]
    codes = httpx.get(f"{server}/api/cameo").json()["codes"]
    assert {"code": "057"}.items() <= next(c for c in codes if c["code"] == "057").items()


def test_server_codes_a_posted_document_and_stores_it_only_with_the_token(server: str) -> None:
    text = "Kenya and Uganda signed a border agreement in Kampala on Monday."
    coded = httpx.post(f"{server}/api/code", json={"text": text, "published": "2021-03-03"})
    assert coded.status_code == 200 and coded.json()["stored"] is False
    assert [e["code"] for e in coded.json()["events"]] == ["057"]
    refused = httpx.post(f"{server}/api/code", json={"text": text, "store": True})
    assert refused.status_code == 401
    stored = httpx.post(
        f"{server}/api/code",
        json={"text": text, "store": True, "published": "2021-03-03"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert stored.json()["stored"] is True
    found = httpx.get(f"{server}/api/events", params={"text": "Kampala"}).json()["events"]
    assert [e["code"] for e in found] == ["057"]


def test_server_posted_file_and_bad_bodies_get_clear_4xx(server: str) -> None:
    files = {"file": ("note.txt", b"Japan condemned North Korea's missile launch.", "text/plain")}
    coded = httpx.post(f"{server}/api/code", files=files)
    assert coded.status_code == 200 and coded.json()["events"]
    assert httpx.post(f"{server}/api/code", content=b"{not json").status_code == 400
    assert httpx.post(f"{server}/api/code", json={"text": "   "}).status_code == 400
    binary = {"file": ("x.bin", b"\xff\xfe\x00\x81", "application/octet-stream")}
    assert httpx.post(f"{server}/api/code", files=binary).json()["error"].endswith("UTF-8 text")
    huge = httpx.post(f"{server}/api/code", json={"text": "a" * 3_000_000})
    assert huge.status_code == 413 and "limit" in huge.json()["error"]


def test_server_read_only_by_default(store: Path) -> None:
    process, url = start_server(store)
    try:
        response = httpx.post(
            f"{url}/api/code",
            json={"text": "Kenya welcomed the deal.", "store": True},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 403 and "read-only" in response.json()["error"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_server_bad_query_values_are_4xx_not_500(server: str) -> None:
    for params in ({"text": '"'}, {"text": "talks -x"}, {"quad": "9"}, {"limit": "0"}):
        response = httpx.get(f"{server}/api/events", params=params)
        assert 400 <= response.status_code < 500 and response.json()["error"], params
    huge = httpx.get(f"{server}/api/documents", params={"offset": str(10**20)})
    assert huge.status_code == 422


def test_server_a_chunked_body_over_the_limit_is_refused(server: str) -> None:
    def chunks():
        for _ in range(40):
            yield b"a" * 100_000

    response = httpx.post(f"{server}/api/code", content=chunks())
    assert response.status_code == 413 and "limit" in response.json()["error"]
