"""The server's pages in a real browser, as an analyst uses them: Debian's chromium driven by
Playwright against `casckg serve` on a loopback port, over the store with the two seed articles.

Each test does what a reader does (types, picks, clicks) and reads what the page shows; every
request the browser makes is recorded and must go to the server itself. Screenshots are kept
under build/screenshots/ for people to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import free_port, start_server, stop_server

pytestmark = pytest.mark.slow

SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"


@pytest.fixture(scope="module")
def server(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    port = free_port()
    command = [sys.executable, "-m", "casckg.graph.cli", "serve", "--store", str(seeds_store), "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    process = start_server(command, url + "/", tmp_path_factory.mktemp("serve") / "server.log", timeout=60)
    yield url
    stop_server(process)


@pytest.fixture
def page(browser, server):
    opened = browser.new_page(viewport={"width": 1300, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    opened.on("request", lambda r: requests.append(r.url))
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield opened
    here = urlsplit(server).netloc
    assert [r for r in requests if urlsplit(r).netloc != here and not r.startswith("data:")] == []
    assert errors == [] and dialogs == []
    opened.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def table(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "table.results tbody tr", "(rows) => rows.map((r) => [...r.cells].map((c) => c.innerText.trim()))"
    )


def test_a_library_question_runs_from_its_form(page, server):
    page.goto(f"{server}/queries")
    page.click("text=Members of an organisation as of a date")
    org = page.locator("input[name=org]")
    org.fill("")
    org.press_sequentially("Collective Sec", delay=30)  # search-as-you-type over labels
    option = page.locator("#choices-org option[value='institution/csto']")
    option.wait_for(state="attached", timeout=10_000)
    assert "Collective Security Treaty Organization" in option.get_attribute("label")
    org.fill(option.get_attribute("value"))  # what picking the suggestion puts in the field
    page.fill("input[name=date]", "2013-01-01")
    page.click("form.params button[type=submit]")
    page.wait_for_selector("table.results")
    members = {row[0] for row in table(page)}
    # the CSTO at the start of 2013, Uzbekistan having suspended its membership in December 2012
    assert members == {"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}
    assert "org=institution%2Fcsto" in page.url and "date=2013-01-01" in page.url  # a URL to share
    shot(page, "query-library-form")


def test_an_entity_page_shows_the_evidence_of_an_article(page, server):
    page.goto(f"{server}/id/state/KAZ")
    assert page.inner_text("h1") == "Kazakhstan"
    evidence = page.locator("blockquote.evidence").first
    evidence.scroll_into_view_if_needed()
    assert "Kazakhstan" in evidence.inner_text()
    assert page.locator("details.inferred").get_attribute("open") is None  # folded
    assert page.locator("text=/graph/inferred/statement/").count() == 0
    shot(page, "entity-page")


def test_a_query_typed_in_the_editor_shows_its_rows(page, server):
    page.goto(f"{server}/sparql")
    page.wait_for_selector("html[data-editor='ready']", state="attached")
    editor = page.locator(".CodeMirror")
    assert editor.count() == 1 and page.locator("#query").is_hidden()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("SELECT ?state ?code WHERE { ?state a cas:State ; cas:isoCode ?code } ORDER BY ?code")
    assert page.locator(".CodeMirror .cm-keyword", has_text="SELECT").count() == 1  # highlighted
    page.click("#run")
    page.wait_for_selector("table.results")
    rows = {row[1]: row[0] for row in table(page)}
    assert rows["KAZ"] == "Kazakhstan" and rows["UZB"] == "Uzbekistan"
    link = page.locator("table.results a", has_text="Kazakhstan").first
    assert link.get_attribute("href") == "/id/state/KAZ"
    shot(page, "sparql-editor")


def test_hostile_text_in_a_query_stays_text(page, server):
    page.goto(f"{server}/sparql")
    page.wait_for_selector("html[data-editor='ready']", state="attached")
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.type('SELECT ?x WHERE { BIND("<img src=x onerror=alert(1)>" AS ?x) }')
    page.click("#run")
    page.wait_for_selector("table.results")
    assert table(page) == [["<img src=x onerror=alert(1)>"]]
    assert page.locator("table.results img").count() == 0
