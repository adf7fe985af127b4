"""The explorer's commands: explore, export, network, and the explorer written by build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from casckg.graph.cli import main as cli

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_build_writes_the_explorer_to_build_or_where_asked_never_beside_the_store(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "elsewhere" / "store"
    assert cli.main(["build", "--sources", str(REPO / "sources"), "--store", str(store)]) == 0
    page = tmp_path / "build" / "explorer.html"  # where `casckg serve` looks for it by default
    text = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="casckg-data">(.*?)</script>', text, re.S)[1])
    labels = {node["l"].get("en") for node in data["nodes"]}
    assert {"Kazakhstan", "Collective Security Treaty Organization"} <= labels  # the graph's entities are drawn
    assert not re.search(r"""(src|href)=["']https?:""", text)  # and nothing is fetched: it opens offline
    assert f"explorer: open {page.resolve().as_uri()}" in capsys.readouterr().out
    assert not (store.parent / "explorer.html").exists()
    asked = tmp_path / "pages" / "network.html"
    assert cli.main(["build", "--sources", str(REPO / "sources"), "--store", str(store), "--explorer", str(asked)]) == 0
    assert asked.is_file() and asked.resolve().as_uri() in capsys.readouterr().out


def test_explore_writes_the_page_where_asked(built_store, tmp_path, capsys):
    out = tmp_path / "fr.html"
    assert cli.main(["explore", "--store", str(built_store), "--out", str(out), "--lang", "fr"]) == 0
    assert '<html lang="fr">' in out.read_text(encoding="utf-8")
    assert out.resolve().as_uri() in capsys.readouterr().out


def test_export_graphml_opens_in_networkx(built_store, tmp_path):
    out = tmp_path / "casckg.graphml"
    assert cli.main(["export", "--store", str(built_store), "--format", "graphml", "--out", str(out)]) == 0
    graph = nx.read_graphml(out)
    assert graph.nodes["https://w3id.org/casckg/id/state/KAZ"]["label_fr"] == "Kazakhstan"


def test_export_unknown_format_exits_2(built_store, tmp_path):
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", "--store", str(built_store), "--format", "xls", "--out", str(tmp_path / "x")])
    assert stop.value.code == 2


def test_network_prints_the_top_actors(built_store, capsys):
    assert cli.main(["network", "--store", str(built_store), "--metric", "betweenness", "--top", "3"]) == 0
    text = capsys.readouterr().out
    assert "most central by betweenness" in text
    ranks = [line.split("│")[1].strip() for line in text.splitlines() if line.startswith("│")]
    assert [r for r in ranks if r] == ["1", "2", "3"]  # long names wrap onto rows without a rank


def test_network_with_a_bad_date_is_one_clear_line(built_store, capsys):
    assert cli.main(["network", "--store", str(built_store), "--since", "2024-02-30"]) == 2
    err = capsys.readouterr().err
    assert "--since '2024-02-30' is not a date" in err and "Traceback" not in err
