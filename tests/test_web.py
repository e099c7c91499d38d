"""The web page in a real browser: Debian's headless Chromium driven by Selenium, against a
real `parley serve` on a free local port. Screenshots go to tests/output/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, run_parley
from test_server import start_server

OUTPUT = ROOT / "tests" / "output"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

HOSTILE = (
    "Title: <b>Bold</b> claims\nDate: 2021-03-02\n\n"
    "Kenya condemned the attack on <script>window.hacked = 1</script> a bus near Mandera.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_file: Path) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(seed_file, folder / seed_file.name)
    db = folder / "p.db"
    result = run_parley("ingest", str(folder), "--db", str(db))
    assert result.returncode == 0, result.stderr
    process, url = start_server(db)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def seed_file() -> Path:
    path = ROOT.parent / "shared" / "seed" / "lavrov-2020-11-24.txt"
    if not path.exists():
        pytest.skip("the founding document is not beside the repository")
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    OUTPUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def wait_for(browser: webdriver.Chrome, selector: str, timeout: float = 20) -> object:
    return WebDriverWait(browser, timeout).until(
        ready.presence_of_element_located((By.CSS_SELECTOR, selector))
    )


def shot(browser: webdriver.Chrome, name: str) -> None:
    browser.save_screenshot(str(OUTPUT / f"{name}.png"))


def test_web_timeline_shows_the_founding_documents_events(site: str, browser) -> None:
    browser.get(f"{site}/#/")
    wait_for(browser, '[data-testid="timeline-event"]')
    circles = browser.find_elements(By.CSS_SELECTOR, '[data-testid="timeline-event"]')
    stored = len(__import__("httpx").get(f"{site}/api/events").json()["events"])
    assert len(circles) == stored and stored >= 8
    shot(browser, "events")


def test_web_clicking_an_event_opens_its_document_with_its_sentence_highlighted(
    site: str, browser
) -> None:
    browser.get(f"{site}/#/")
    circle = wait_for(browser, '[data-testid="timeline-event"]')
    event_id = circle.get_attribute("data-event-id")
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", circle
    )
    wait_for(browser, '[data-testid="document-text"]')
    selected = wait_for(browser, '[data-testid="document-text"] .selected')
    event = __import__("httpx").get(f"{site}/api/events/{event_id}").json()["event"]
    assert " ".join(event["text"].split())[:40] in " ".join(selected.text.split())
    assert wait_for(browser, '[data-testid="event-detail"]').text
    shot(browser, "document")


def test_web_document_view_selects_an_event_from_its_list(site: str, browser) -> None:
    browser.get(f"{site}/#/documents")
    link = wait_for(browser, "a[href*='#/document/']")
    link.click()
    items = WebDriverWait(browser, 20).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="doc-event"]')
    )
    items[-1].click()
    selected = wait_for(browser, '[data-testid="document-text"] .selected')
    assert selected.get_attribute("data-sentence") is not None


def test_web_network_draws_actors_and_dyads(site: str, browser) -> None:
    browser.get(f"{site}/#/network")
    network = wait_for(browser, '[data-testid="network"]')
    WebDriverWait(browser, 20).until(lambda b: network.find_elements(By.CSS_SELECTOR, "circle"))
    assert len(network.find_elements(By.CSS_SELECTOR, "line")) >= 1
    shot(browser, "network")


def test_web_document_text_with_html_shows_as_text(site: str, browser) -> None:
    documents = __import__("httpx").get(f"{site}/api/documents").json()["documents"]
    hostile = next(d for d in documents if d["id"].endswith("hostile.txt"))
    browser.get(f"{site}/#/document/{hostile['id']}")
    text = wait_for(browser, '[data-testid="document-text"]')
    WebDriverWait(browser, 20).until(lambda b: "<script>" in text.text)
    assert browser.execute_script("return window.hacked === undefined")
    assert not text.find_elements(By.TAG_NAME, "script")
    assert not browser.find_elements(By.CSS_SELECTOR, "h1 b, h2 b")


def test_web_paste_a_document_and_see_its_events(site: str, browser) -> None:
    browser.get(f"{site}/#/paste")
    box = wait_for(browser, '[data-testid="paste-text"]')
    box.send_keys("Egypt and Sudan signed a water agreement in Cairo on Monday. <i>x</i>")
    browser.find_element(By.CSS_SELECTOR, '[data-testid="paste-submit"]').click()
    event = wait_for(browser, '[data-testid="paste-event"]')
    assert "057" in event.text
    assert "<i>x</i>" in browser.find_element(By.TAG_NAME, "body").text
    shot(browser, "paste")


def test_web_a_meeting_lists_its_participants_by_role(site: str, browser) -> None:
    events = __import__("httpx").get(f"{site}/api/events", params={"code": "046"}).json()
    talks = next(e for e in events["events"] if e["date"]["start"] == "2018-11")
    browser.get(f"{site}/#/document/{talks['doc_id']}?event={talks['id']}")
    host = wait_for(browser, '[data-testid="event-participants"] [data-role="host"]')
    assert host.text == "RUS/GOV"
    observers = browser.find_element(
        By.CSS_SELECTOR, '[data-testid="event-participants"] [data-role="observer"]'
    )
    assert "a dozen of regional countries" in observers.text and "USA/GOV" in observers.text
    shot(browser, "meeting")


def test_web_a_peace_process_as_a_timeline_and_a_table(site: str, browser) -> None:
    browser.get(f"{site}/#/process?name=Moscow%20format")
    wait_for(browser, '[data-testid="process-table"]')
    rows = browser.find_elements(By.CSS_SELECTOR, '[data-testid="process-row"]')
    assert rows and "host: RUS/GOV" in rows[0].text
    assert browser.find_elements(By.CSS_SELECTOR, '[data-testid="timeline-event"]')
    shot(browser, "process")
