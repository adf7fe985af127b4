"""The explorer in a real browser: Debian's chromium driven by Playwright, headless, offline.

The page is written from the hand-made store (tests/data/network.trig), whose entities,
sentences and hostile labels are what the assertions expect, and once from the project's own
reference records, whose page is also kept as a screenshot under build/ for CI to archive.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.network.explorer import write_page
from casckg.graph.network.projection import project

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "build" / "screenshots" / "explorer.png"
ID = "https://w3id.org/casckg/id/"
FORUM, KAZ, KGZ = ID + "forum/roundtable-2024", ID + "state/KAZ", ID + "state/KGZ"
KAZCENT, CSTO, UNIFIL = ID + "institution/kazcent", ID + "institution/csto", ID + "mission/unifil"
IMG, SCRIPT = ID + "person/img", ID + "person/script"
IMG_LABEL = "<img src=x onerror=alert(1)>"
SCRIPT_LABEL = "</script><script>alert(1)</script>"


@pytest.fixture(scope="session")
def hand_made_page(network_graph, tmp_path_factory) -> Path:
    return write_page(network_graph, tmp_path_factory.mktemp("explorer") / "explorer.html")


class Visit:
    """One page load, recording every request, dialog and script error along the way."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        # a selector, not a polled expression: the page's CSP forbids the eval that polling needs
        self.page.wait_for_selector("html[data-ready='true']", state="attached", timeout=30_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def index(self, iri: str) -> int:
        return self.js("(iri) => window.casckg.index(iri)", iri)

    def shown(self, iri: str) -> bool:
        return self.js("(i) => window.casckg.isShown(i)", self.index(iri))

    def shown_iris(self) -> set[str]:
        return set(
            self.js("() => window.casckg.data.nodes.filter((n, i) => window.casckg.isShown(i)).map((n) => n.iri)")
        )

    def click_node(self, iri: str) -> None:
        """Click where the node is drawn, as a reader would."""
        x, y = self.js(
            """(i) => { const net = window.casckg.network; const p = net.getPositions([i])[i];
                 const d = net.canvasToDOM(p);
                 const r = document.querySelector('#network canvas').getBoundingClientRect();
                 return [r.left + d.x, r.top + d.y]; }""",
            self.index(iri),
        )
        self.page.mouse.click(x, y)

    def panel(self) -> str:
        return self.page.inner_text("#panel")

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def visit(browser, hand_made_page):
    opened = Visit(browser, hand_made_page)
    yield opened
    assert opened.errors == [], f"script errors on the page: {opened.errors}"
    opened.close()


def test_page_loads_with_no_request_to_any_other_host(visit, hand_made_page):
    visit.click_node(FORUM)  # a panel full of links and sentences must not fetch anything either
    assert visit.requests == [hand_made_page.as_uri()]


def test_page_draws_as_many_nodes_as_the_projection_has(visit, network_graph):
    drawn = visit.js("() => window.casckg.network.body.nodeIndices.length")
    assert drawn == network_graph.number_of_nodes() == 8
    assert visit.js("() => window.casckg.network.body.edgeIndices.length") == network_graph.number_of_edges()
    assert visit.page.inner_text("#status").startswith("8 of 8 entities")


@pytest.mark.parametrize(
    ("typed", "iri", "heading"),
    [
        ("ОДКБ", CSTO, "Collective Security Treaty Organization"),
        ("kazakhstan peacekeeping", KAZCENT, "KAZCENT"),
        ("kirghizistan", KGZ, "Kyrgyzstan"),
        ("Interim Force", UNIFIL, "United Nations Interim Force in Lebanon"),
    ],
)
def test_search_by_any_label_or_alias_focuses_the_node(visit, typed, iri, heading):
    visit.page.fill("#search", typed)
    visit.page.press("#search", "Enter")
    assert visit.js("() => window.casckg.network.getSelectedNodes()") == [visit.index(iri)]
    assert visit.page.inner_text("#panel h2") == heading


def test_clicking_a_node_shows_its_relations_with_sources_and_evidence(visit):
    visit.click_node(FORUM)
    assert visit.page.inner_text("#panel h2") == "Regional peacekeeping roundtable"
    text = visit.panel()
    assert "Officers from Kazakhstan joined the first regional roundtable at KAZCENT." in text
    assert "Le Kazakhstan a pris part à la table ronde." in text
    assert "characters 120–193" in text
    source = visit.page.locator("#panel a", has_text="Peacekeeping roundtable opens in Almaty").first
    assert source.get_attribute("href") == "https://news.example.org/alpha"


def test_panel_shows_labels_type_properties_and_wikidata_link(visit):
    visit.click_node(KAZ)
    text = visit.panel()
    assert "Казахстан" in text and "РК" in text and "Republic of Kazakhstan" in text
    assert "KAZ" in text  # the ISO code, a property
    wikidata = visit.page.locator("#panel a", has_text="Q232")
    assert wikidata.get_attribute("href") == "https://www.wikidata.org/wiki/Q232"
    assert "2002-10-07" in text and "120" in text  # folded membership date, deployment count


def test_clicking_a_relation_shows_its_record(visit):
    visit.js("(j) => window.casckg.network.fit()")
    j = visit.js(
        "(pair) => window.casckg.data.edges.findIndex((e) => e.f === pair[0] && e.t === pair[1])",
        [visit.index(KAZ), visit.index(UNIFIL)],
    )
    x, y = visit.js(
        """(j) => { const net = window.casckg.network; const e = window.casckg.data.edges[j];
             const p = net.getPositions([e.f, e.t]);
             const mid = {x: (p[e.f].x + p[e.t].x) / 2, y: (p[e.f].y + p[e.t].y) / 2};
             const d = net.canvasToDOM(mid);
             const r = document.querySelector('#network canvas').getBoundingClientRect();
             return [r.left + d.x, r.top + d.y]; }""",
        j,
    )
    visit.page.mouse.click(x, y)
    text = visit.panel()
    assert "deployed to" in text and "120" in text and "2018-10-31" in text
    assert visit.page.locator("#panel a", has_text="https://example.org/unifil-kaz").count() == 1


def test_class_filter_hides_that_class(visit):
    person = visit.page.locator("#legend-classes label", has_text="person").locator("input")
    person.uncheck()
    assert not visit.shown(IMG) and not visit.shown(SCRIPT)
    assert visit.js("() => window.casckg.network.body.nodeIndices.length") == 6
    assert visit.page.inner_text("#status").startswith("6 of 8 entities")
    person.check()
    assert visit.shown(IMG) and visit.js("() => window.casckg.network.body.nodeIndices.length") == 8


def test_relation_and_source_filters(visit):
    visit.page.locator("#filter-relations label", has_text="participant").locator("input").uncheck()
    rows = visit.js(
        "() => window.casckg.data.edges.map((e, j) => "
        "[window.casckg.data.relations[e.r].id, !window.casckg.isEdgeShown(j)])"
    )
    assert {r for r, h in rows if h} == {"cas:participant"}
    # organised by, cooperates with, member of, deployed to, and the inferred belongs to state
    assert visit.js("() => window.casckg.shownEdges()") == 5
    visit.page.locator("#filter-sources label", has_text="inferred by the reasoner").locator("input").uncheck()
    assert visit.js("() => window.casckg.shownEdges()") == 4
    visit.page.locator("#filter-sources label", has_text="alert('title')").locator("input").uncheck()
    assert not visit.shown(IMG) and not visit.shown(SCRIPT)  # known from the hostile article only
    assert visit.shown(FORUM)


def test_time_slider_shows_one_year(visit):
    visit.page.locator("#year").fill("2009")
    assert visit.page.inner_text("#year-label") == "2009"
    assert not visit.shown(FORUM)  # met in 2024
    rows = visit.js("() => window.casckg.data.edges.map((e, j) => [e.f, e.t, window.casckg.isEdgeShown(j)])")
    shown = {(f, t): on for f, t, on in rows}
    assert shown[(visit.index(KAZ), visit.index(CSTO))] is True  # member since 2002
    assert shown[(visit.index(KAZ), visit.index(UNIFIL))] is False  # deployed in 2018
    drawn = visit.js("() => window.casckg.network.body.edgeIndices.length")
    assert drawn == visit.js("() => window.casckg.shownEdges()")  # the view holds only what passes
    visit.page.locator("#year").press("End")  # past the last year: every year again
    assert visit.page.inner_text("#year-label") == "all years" and visit.shown(FORUM)


def test_play_steps_through_the_years(visit):
    visit.page.click("#play")
    first = visit.page.inner_text("#year-label")
    assert first.isdigit()
    visit.page.wait_for_function(f"() => document.getElementById('year-label').textContent !== '{first}'")
    visit.page.click("#play")  # pause
    assert visit.page.get_attribute("#play", "aria-pressed") == "false"


def test_neighbourhood_mode_shows_n_hops(visit):
    visit.page.fill("#search", "KAZCENT")
    visit.page.press("#search", "Enter")
    visit.page.check("#hood")
    assert visit.shown_iris() == {KAZCENT, FORUM, KAZ}
    visit.page.fill("#hops", "2")
    visit.page.dispatch_event("#hops", "change")
    assert visit.shown_iris() == {KAZCENT, FORUM, KAZ, KGZ, CSTO, UNIFIL, IMG, SCRIPT}


def test_language_switch_with_fallback(visit):
    label = "(i) => window.casckg.label(i)"
    visit.page.select_option("#lang", "fr")
    assert visit.js(label, visit.index(KGZ)) == "Kirghizistan"
    assert visit.js(label, visit.index(CSTO)) == "Collective Security Treaty Organization"  # no French label
    assert "État" in visit.page.inner_text("#legend-classes")
    visit.page.select_option("#lang", "ru")
    assert visit.js(label, visit.index(CSTO)) == "Организация Договора о коллективной безопасности"
    assert visit.js(label, visit.index(KGZ)) == "Kyrgyzstan"  # no Russian label: English


def test_inferred_relations_are_drawn_dashed(visit):
    dashes = visit.js(
        "() => window.casckg.data.edges.map((e, j) => [!!e.i, !!window.casckg.network.body.edges[j].options.dashes])"
    )
    assert [i for i, d in dashes if d] == [True]
    assert all(d == i for i, d in dashes)


def test_hostile_labels_are_shown_as_text_and_run_nothing(visit):
    for typed, expected in (("<img src", IMG_LABEL), ("</script>", SCRIPT_LABEL), ("<svg", SCRIPT_LABEL)):
        visit.page.fill("#search", typed)
        assert expected in visit.page.locator("#results li").first.inner_text()
        visit.page.press("#search", "Enter")
        assert visit.page.inner_text("#panel h2") == expected
    visit.click_node(FORUM)
    assert "<img src=y onerror=alert(3)> attended, says </script><script>alert(4)</script>" in visit.panel()
    assert "<b>Breaking</b></script><script>alert('title')</script>" in visit.panel()
    assert visit.page.locator("a[href^='javascript']").count() == 0
    assert visit.js("() => document.querySelectorAll('img, svg, b, #panel script, #results script').length") == 0
    assert visit.js("() => document.querySelectorAll('script').length") == 3  # data, vis-network, explorer
    assert visit.dialogs == []


def overlapping(boxes: list[dict]) -> list[tuple[int, int]]:
    """Pairs of label boxes (page pixels) that share any area."""
    return [
        (a["node"], b["node"])
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
        if a["left"] < b["left"] + b["width"]
        and b["left"] < a["left"] + a["width"]
        and a["top"] < b["top"] + b["height"]
        and b["top"] < a["top"] + a["height"]
    ]


def test_reference_graph_opens_readable_and_is_kept_as_screenshot(browser, store, tmp_path):
    graph = project(store)
    page = write_page(graph, tmp_path / "explorer.html")
    opened = Visit(browser, page)
    try:
        alone = [n for n in graph.nodes if graph.degree(n) == 0]
        drawn = opened.js("() => window.casckg.network.body.nodeIndices.length")
        assert drawn == graph.number_of_nodes() - len(alone)  # the unconnected are folded into a count
        assert opened.page.inner_text("#isolated-count").startswith(f"{len(alone)} ")
        boxes = opened.js("() => window.casckg.labelBoxes()")
        assert len(boxes) >= 5 and overlapping(boxes) == []
        named = {opened.js("(i) => window.casckg.data.nodes[i].iri", b["node"]) for b in boxes}
        hubs = sorted(graph.nodes, key=lambda n: -len(set(graph.predecessors(n)) | set(graph.successors(n))))[:3]
        assert set(hubs) <= named  # the most connected actors are named in the first view
        canvas = opened.page.locator("#network canvas").bounding_box()
        assert all(canvas["x"] <= b["left"] and b["left"] + b["width"] <= canvas["x"] + canvas["width"] for b in boxes)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        opened.page.screenshot(path=str(SCREENSHOT))
        opened.js("() => window.casckg.network.moveTo({scale: window.casckg.network.getScale() * 3})")
        closer = opened.js("() => window.casckg.labelBoxes()")
        assert overlapping(closer) == [] and len(closer) > len(boxes)  # names appear as one zooms in
        opened.page.fill("#search", "KAZCENT")
        opened.page.press("#search", "Enter")
        x, y = opened.js(
            """() => { const net = window.casckg.network; const i = window.casckg.network.getSelectedNodes()[0];
                 const d = net.canvasToDOM(net.getPosition(i)); return [d.x, d.y]; }"""
        )
        assert abs(x - canvas["width"] / 2) < 2 and abs(y - canvas["height"] / 2) < 2  # centred
        assert opened.js("() => window.casckg.network.getScale()") <= 1.0  # not a giant zoom
        assert overlapping(opened.js("() => window.casckg.labelBoxes()")) == []
        opened.page.screenshot(path=str(SCREENSHOT.with_name("explorer-search.png")))
        before = opened.page.inner_text("#status")
        opened.page.click("#reset")
        opened.page.locator("#year").focus()
        opened.page.keyboard.press("ArrowLeft")  # one step back from "all years": the last year alone
        assert opened.page.inner_text("#year-label").isdigit()
        assert opened.page.inner_text("#status") != before
        opened.page.screenshot(path=str(SCREENSHOT.with_name("explorer-year.png")))
        assert opened.requests == [page.as_uri()]
        assert opened.errors == []
    finally:
        opened.close()
    assert SCREENSHOT.stat().st_size > 10_000


def test_arrowheads_of_a_big_network_appear_once_one_zooms_in_to_see_them(browser, tmp_path):
    """Zoomed out over thousands of relations an arrowhead is under a pixel and costs a fill per
    relation per frame: the page leaves them out there and draws them at a readable scale."""
    from bench.explorer import synthetic

    big = Visit(browser, write_page(synthetic(2000), tmp_path / "big.html"))
    arrows = "() => window.casckg.network.body.edges[0].options.arrows.to.enabled"
    try:
        assert big.js("() => window.casckg.data.edges.length") > 5000
        assert big.js("() => window.casckg.network.getScale()") < 0.4
        assert big.js(arrows) is False
        big.js("() => window.casckg.network.moveTo({ scale: 1.0, animation: false })")
        big.page.wait_for_timeout(300)  # the frame after the move (the page's CSP forbids polling)
        assert big.js(arrows) is True
        assert big.errors == []
    finally:
        big.close()


def test_a_small_network_always_has_its_arrowheads(visit):
    assert visit.js("() => window.casckg.network.getScale()") > 0
    assert visit.js("() => Object.values(window.casckg.network.body.edges).every((e) => e.options.arrows.to.enabled)")


# Where each relation of the page is drawn, sampled every 3 screen pixels along its line outside
# both entities' shapes and the names written over the network: how many samples the canvas
# leaves blank (no line there), and their mean shade (0 black, 765 white). Relations with an end off
# screen or shorter than 30 pixels are left out.
LINE_SAMPLES = """(which) => {
  const net = window.casckg.network;
  const canvas = document.querySelector('#network canvas');
  const frame = canvas.getBoundingClientRect();
  const ratio = canvas.width / canvas.clientWidth;
  // the last frame the page drew
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const names = window.casckg.labelBoxes(); // the same view drawn again: where its names are
  const named = (p) => names.some((n) => p.x + frame.left >= n.left - 1 && p.x + frame.left <= n.left + n.width + 1 &&
    p.y + frame.top >= n.top - 1 && p.y + frame.top <= n.top + n.height + 1);
  const out = [];
  for (const j of which) {
    const e = window.casckg.data.edges[j];
    const from = net.body.nodes[e.f], to = net.body.nodes[e.t];
    const a = net.canvasToDOM({ x: from.x, y: from.y });
    const b = net.canvasToDOM({ x: to.x, y: to.y });
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const inside = (p) => p.x >= 0 && p.y >= 0 && p.x < canvas.clientWidth && p.y < canvas.clientHeight;
    if (length < 30 || !inside(a) || !inside(b)) continue;
    const skip = (Math.max(from.shape.width, to.shape.width) * net.getScale()) / 2 + 6;
    let blank = 0, samples = 0, shade = 0;
    for (let d = skip; d < length - skip; d += 3) {
      const p = { x: a.x + ((b.x - a.x) * d) / length, y: a.y + ((b.y - a.y) * d) / length };
      if (named(p)) continue;
      const x = Math.round(p.x * ratio);
      const y = Math.round(p.y * ratio);
      // the darkest of the 3×3 pixels there, as seen on the page's white (the canvas is
      // transparent where nothing is drawn); a line thinner than a pixel may miss the middle one
      let sum = 3 * 255;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const k = ((y + dy) * canvas.width + x + dx) * 4;
          const alpha = pixels[k + 3] / 255;
          const seen = [0, 1, 2].reduce((t, c) => t + pixels[k + c] * alpha + 255 * (1 - alpha), 0);
          sum = Math.min(sum, seen);
        }
      }
      samples += 1;
      if (sum >= 3 * 255 - 1) blank += 1;
      shade += sum;
    }
    if (samples) out.push({ edge: j, samples, blank, shade: shade / samples });
  }
  return out;
}"""


def test_every_relation_of_a_big_network_is_drawn_in_the_overview(browser, tmp_path):
    """Zoomed out over thousands of relations the page draws them all at once rather than one by
    one: each shown relation is still a line from one entity to the other, a relation a filter
    hides is gone, and the relations of a selected entity stand out."""
    from bench.explorer import synthetic

    big = Visit(browser, write_page(synthetic(2000), tmp_path / "big.html"))
    shown = "() => window.casckg.data.edges.map((e, j) => j).filter((j) => window.casckg.isEdgeShown(j))"
    try:
        assert big.js("() => window.casckg.data.edges.length") > 5000
        assert big.js("() => window.casckg.network.getScale()") < 0.4
        lines = big.js(LINE_SAMPLES, big.js(shown))
        assert len(lines) > 1000
        assert all(line["blank"] == 0 for line in lines), [line for line in lines if line["blank"]][:5]

        # every relation type off: the lines leave the canvas; one back on: its lines are back
        relations = big.js("() => window.casckg.data.relations.map((r, k) => k)")
        for k in relations:
            big.page.click(f"#filter-relations input[data-key='{k}']")
        big.page.wait_for_timeout(300)  # the page's next frame (its CSP forbids polling)
        assert big.js(shown) == []
        gone = big.js(LINE_SAMPLES, [line["edge"] for line in lines])
        assert sum(line["blank"] for line in gone) > sum(line["samples"] for line in gone) / 2
        big.page.click(f"#filter-relations input[data-key='{relations[0]}']")
        big.page.wait_for_timeout(300)
        back = big.js(LINE_SAMPLES, big.js(shown))
        assert len(back) > 100
        assert all(line["blank"] == 0 for line in back)

        # a selected entity's relations are drawn in the highlight colour, darker than the rest
        degrees = big.js("() => window.casckg.data.nodes.map((n) => n.d || 0)")
        hub = degrees.index(max(degrees))
        mine = big.js("(i) => window.casckg.network.getConnectedEdges(i)", hub)
        before = big.js(LINE_SAMPLES, mine)
        big.js("(i) => window.casckg.network.selectNodes([i])", hub)
        big.page.wait_for_timeout(300)
        after = big.js(LINE_SAMPLES, mine)
        shade = {line["edge"]: line["shade"] for line in before}
        darker = [line["shade"] < shade[line["edge"]] for line in after if line["edge"] in shade]
        assert len(darker) > 5
        assert sum(darker) >= 0.9 * len(darker)
        assert big.errors == []
    finally:
        big.close()
