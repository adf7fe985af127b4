"""How fast the explorer is written and drawn, beside pyvis' defaults, on seeded synthetic networks.

    python bench/explorer.py [--sizes 500,2000,10000,30000] [--cap 60] [--baseline-max 2000]

For each size a projection-shaped network (classes, labels in three languages, relations,
sources, evidence sentences, dates, a tenth of the edges inferred; about three edges per node,
power-law degrees with clustering) is written as the explorer page, loaded in headless Chromium
(/usr/bin/chromium), and timed from navigation start to the first drawing of the network, then
for one filter (a class unchecked) to the next painted frame; beside each, the CPU the renderer
processes spent on it (what a busy machine does not inflate). The baseline is what pyvis does by
default with the same network: `Network.from_nx` and `write_html` (vis-network inlined), physics
on, timed to its first drawing and to the moment its physics settles, within a cap; and
networkx's `spring_layout`, the layout one would reach for in Python. Pages go to build/bench/.
Every request the pages make to anything but the page file is blocked and counted.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import networkx as nx

from casckg.graph.network.explorer import write_page
from casckg.graph.network.projection import config

OUT = Path(__file__).resolve().parents[1] / "build" / "bench"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RELATIONS = ["cas:participant", "cas:organizedBy", "cas:hostedIn", "cas:signatory", "cas:memberOf", "cas:partOf"]
WORDS = ["peace", "security", "border", "council", "forum", "summit", "centre", "mission", "treaty", "regional"]


def synthetic(n: int, seed: int = 0) -> nx.MultiDiGraph:
    """A seeded network shaped like the projection of network.py."""
    rng = random.Random(seed)
    classes = list(config()["classes"])
    shares = [5, 5, 3, 4, 2, 1, 1, 1, 2, 1]  # the first classes (states, institutions…) are the common ones
    weights = [shares[i] if i < len(shares) else 1 for i in range(len(classes))]
    skeleton = nx.powerlaw_cluster_graph(n, 3, 0.3, seed=seed)
    sources = [f"https://w3id.org/casckg/source/article/a{i}" for i in range(max(1, n // 50))]
    graph = nx.MultiDiGraph()
    for i in skeleton.nodes:
        name = " ".join(rng.choice(WORDS) for _ in range(3)).title() + f" {i}"
        labels = {"en": name}
        if rng.random() < 0.6:
            labels["fr"] = name + " (fr)"
        if rng.random() < 0.5:
            labels["ru"] = name + " (ru)"
        start = f"{rng.randint(1991, 2024)}-{rng.randint(1, 12):02d}-01" if rng.random() < 0.4 else None
        graph.add_node(
            f"https://w3id.org/casckg/id/x/{i}",
            cls=rng.choices(classes, weights)[0],
            type="cas:Thing",
            labels=labels,
            aliases={"en": [f"E{i}"]},
            wikidata=f"http://www.wikidata.org/entity/Q{i + 1}" if rng.random() < 0.3 else None,
            properties=[("cas:acronym", f"E{i}")],
            citations=[],
            sources=[rng.choice(sources)],
            start=start,
            end=start,
        )
    nodes = list(graph.nodes)
    for a, b in skeleton.edges:
        source = rng.choice(sources)
        evidence = []
        if rng.random() < 0.5:
            evidence = [{"text": f"Sentence about {a} and {b}.", "source": source, "start": 10, "end": 40}]
        start = f"{rng.randint(1991, 2024)}-01-01" if rng.random() < 0.5 else None
        inferred = rng.random() < 0.1
        relation = rng.choice(RELATIONS)
        graph.add_edge(
            nodes[a],
            nodes[b],
            key=relation,
            relation=relation,
            predicate=relation,
            inferred=inferred,
            sources=[] if inferred else [source],
            links=[],
            evidence=evidence,
            start=start,
            end=None,
            count=None,
            via=None,
        )
    graph.graph["terms"] = {r: {"en": r[4:]} for r in RELATIONS}
    graph.graph["sources"] = {s: {"kind": "cas:Article", "title": s.rsplit("/", 1)[1], "url": None} for s in sources}
    return graph


def spring(graph: nx.MultiDiGraph) -> float | None:
    """Seconds networkx's spring_layout takes, or None without numpy and scipy (pip install -e '.[bench]')."""
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        return None
    seconds, _ = timed(lambda g: nx.spring_layout(g, seed=0), nx.Graph(graph))
    return seconds


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - start, value


def renderer_cpu() -> float:
    """CPU seconds used so far by Chromium's renderer processes (Linux /proc): unlike the page's
    own clock, it does not count the time a loaded machine gives to other processes."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if b"--type=renderer" not in (proc / "cmdline").read_bytes():
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile, or not ours to read
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def ours(browser, graph: nx.MultiDiGraph, n: int, cap: float) -> dict:
    path = OUT / f"explorer-{n}.html"
    cpu = time.process_time()
    seconds, _ = timed(write_page, graph, path)
    write_cpu = time.process_time() - cpu
    before = renderer_cpu()
    page, blocked = _open(browser, path)
    try:
        page.wait_for_selector("html[data-ready='true']", state="attached", timeout=cap * 1000)
        first = page.evaluate("window.casckgFirstDraw") / 1000
        first_cpu = renderer_cpu() - before
        page.wait_for_timeout(200)
        before = renderer_cpu()
        # one filter: uncheck the first class, then wait for the next painted frame
        respond = page.evaluate(
            """() => new Promise((done) => { const t = performance.now();
                 document.querySelector('#legend-classes input').click();
                 requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t))); })"""
        )
        filter_cpu = renderer_cpu() - before
    finally:
        page.close()
    return {
        "write": seconds,
        "write_cpu": write_cpu,
        "size": path.stat().st_size / 1e6,
        "first": first,
        "first_cpu": first_cpu,
        "filter": respond / 1000,
        "filter_cpu": filter_cpu,
        "blocked": blocked[0],
    }


def pyvis_baseline(browser, graph: nx.MultiDiGraph, n: int, cap: float) -> dict:
    from pyvis.network import Network

    simple = nx.Graph()
    simple.add_nodes_from((node, {"label": a["labels"]["en"]}) for node, a in graph.nodes(data=True))
    simple.add_edges_from(graph.edges())
    path = OUT / f"pyvis-{n}.html"

    def generate():
        net = Network(height="900px", width="100%", cdn_resources="in_line")
        net.from_nx(simple)
        net.write_html(str(path), open_browser=False)

    seconds, _ = timed(generate)
    hook = """Object.defineProperty(window, 'network', { configurable: true,
        get() { return this.__net; },
        set(v) { this.__net = v;
                 v.once('afterDrawing', () => { window.__first = performance.now(); });
                 v.once('stabilized', () => { window.__settled = performance.now(); }); } });"""
    page, blocked = _open(browser, path, hook)
    result = {"write": seconds, "first": None, "settled": None, "blocked": blocked}
    try:
        page.wait_for_function("window.__first !== undefined", timeout=cap * 1000)
        result["first"] = page.evaluate("window.__first") / 1000
        page.wait_for_function("window.__settled !== undefined", timeout=cap * 1000)
        result["settled"] = page.evaluate("window.__settled") / 1000
    except Exception:  # the cap: not settled (or not drawn) in time
        pass
    finally:
        page.close()
    result["blocked"] = blocked[0]
    return result


def _open(browser, path: Path, init_script: str | None = None):
    """A page for `path` with every other request blocked (and counted)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked = [0]

    def route(r):
        if r.request.url == path.as_uri():
            r.continue_()
        else:
            blocked[0] += 1
            r.abort()

    page.route("**/*", route)
    if init_script:
        page.add_init_script(init_script)
    page.goto(path.as_uri(), wait_until="commit")
    return page, blocked


def fmt(value, unit: str = "s", cap: float | None = None) -> str:
    if value is None:
        return f"> {cap:.0f} (cap)" if cap else "not run"
    return f"{value:.2f}" if unit == "s" else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,10000,30000")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds to wait for any page event")
    parser.add_argument("--baseline-max", type=int, default=2000, help="largest size to run the baselines at")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        write_page(synthetic(50), OUT / "warm-up.html")  # imports and first-call costs out of the timings
        for n in sizes:
            graph = synthetic(n)
            row = {"n": n, "m": graph.number_of_edges(), "ours": ours(browser, graph, n, args.cap)}
            if n <= args.baseline_max:
                row["pyvis"] = pyvis_baseline(browser, graph, n, args.cap)
                row["spring"] = spring(graph)
            rows.append(row)
            print(f"  measured {n} nodes", file=sys.stderr)
        browser.close()

    head = (
        "| nodes | edges | casckg: page written (s) | its CPU (s) | page (MB) | casckg: first draw (s) | its CPU (s) "
        "| casckg: filter (s) | its CPU (s) "
        "| pyvis default: written (s) | pyvis: first draw (s) | pyvis: physics settled (s) "
        "| networkx spring_layout (s) |"
    )
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for r in rows:
        o, b = r["ours"], r.get("pyvis")
        print(
            f"| {r['n']:,} | {r['m']:,} | {o['write']:.2f} | {o['write_cpu']:.2f} | {o['size']:.1f} "
            f"| {o['first']:.2f} | {o['first_cpu']:.2f} "
            f"| {o['filter']:.2f} | {o['filter_cpu']:.2f} "
            f"| {fmt(b and b['write'])} | {fmt(b and b['first'], cap=args.cap if b else None)} "
            f"| {fmt(b and b['settled'], cap=args.cap if b else None)} | {fmt(r.get('spring'))} |"
        )
    blocked = sum(r["ours"]["blocked"] for r in rows)
    pyvis_blocked = sum(r["pyvis"]["blocked"] for r in rows if "pyvis" in r)
    print(
        f"\nChromium {CHROMIUM}, headless; first draw is from navigation start; CPU is Python's for the page, "
        f"the renderer's for drawing; cap {args.cap:.0f} s per page event; "
        f"baselines up to {args.baseline_max:,} nodes ('not run' above). Requests blocked: casckg pages {blocked}, "
        f"pyvis pages {pyvis_blocked} (its template's bootstrap CDN)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
