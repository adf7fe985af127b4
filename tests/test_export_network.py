"""GEXF and GraphML exports read back with networkx: same nodes, edges and attributes."""

from __future__ import annotations

import networkx as nx
import pytest

from casckg.graph.publish.export import WRITERS, export
from casckg.ingest.errors import CasckgError

ID = "https://w3id.org/casckg/id/"
READERS = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_reads_back(network_store, network_graph, tmp_path, fmt):
    out = tmp_path / f"casckg.{fmt}"
    assert export(network_store, fmt, out) == network_graph.number_of_nodes()
    back = READERS[fmt](out)
    assert back.number_of_nodes() == network_graph.number_of_nodes()
    assert back.number_of_edges() == network_graph.number_of_edges()
    kaz = back.nodes[ID + "state/KAZ"]
    assert (kaz["label_ru"], kaz["class"], kaz["wikidata"]) == (
        "Казахстан",
        "State",
        "http://www.wikidata.org/entity/Q232",
    )
    participant = [
        a for s, o, a in back.edges(data=True) if o == ID + "state/KAZ" and a["relation"] == "cas:participant"
    ]
    assert "Le Kazakhstan a pris part à la table ronde." in participant[0]["evidence"]
    inferred = [a for *_, a in back.edges(data=True) if a["inferred"] in (True, "true", "True")]
    assert [a["relation"] for a in inferred] == ["cas:belongsToState"]


def test_network_formats_are_in_the_table_of_writers():
    assert {"gexf", "graphml"} <= set(WRITERS) and all(callable(w) for w in WRITERS.values())


def test_unknown_format_is_a_clear_error(network_store, tmp_path):
    with pytest.raises(CasckgError, match="unknown export format 'xls'"):
        export(network_store, "xls", tmp_path / "x.xls")
    assert not list(tmp_path.iterdir())
