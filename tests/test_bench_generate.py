"""The benchmark's synthetic graphs: the same for the same seed, shaped like the real graph."""

from __future__ import annotations

from bench.generate import generate, quads_of

ID = "https://w3id.org/casckg/id/"
CAS = "https://w3id.org/casckg/ontology#"


def nquads(quads_target: int, seed: int) -> list[str]:
    return sorted(str(q) for q in quads_of(generate(quads_target, seed)))


def test_the_same_seed_gives_the_same_graph_and_another_seed_another():
    first = nquads(4000, seed=1)
    assert first == nquads(4000, seed=1)
    assert first != nquads(4000, seed=2)


def test_size_follows_the_knob_and_the_shape_follows_the_real_graph():
    small, large = list(quads_of(generate(20_000, 0))), list(quads_of(generate(60_000, 0)))
    assert 10_000 < len(small) < 40_000 and 30_000 < len(large) < 120_000
    predicates = {q.predicate.value for q in large}
    for p in ("participant", "signatory", "member", "contributor", "partOf", "evidence", "cooperatesWith"):
        assert CAS + p in predicates
    subjects = {q.subject.value for q in large}
    assert {ID + "state/KAZ", ID + "institution/csto"} <= subjects  # the library's default parameters
    assert len({q.graph_name.value for q in large}) > 100  # many article graphs


def test_facts_and_labels_are_restated_across_source_graphs():
    """As in the corpus build: articles restate what the records say, and name their entities again
    (at a size where articles outweigh the reference records every graph holds, as at the
    benchmark's scales)."""
    from collections import Counter

    quads = list(quads_of(generate(60_000, 0)))
    graphs = Counter((q.subject, q.predicate, q.object) for q in quads)
    participant = [n for (s, p, o), n in graphs.items() if p.value == CAS + "participant"]
    assert sum(1 for n in participant if n > 1) > len(participant) / 10
    labels = [n for (s, p, o), n in graphs.items() if p.value.endswith("#label")]
    assert max(labels) >= 5


def test_pairs_kept_apart_and_analysts_decisions_are_listed_as_a_build_lists_them():
    """The merge-candidates query finds open pairs in article graphs and decided ones in a
    reference graph, about as many per article as the corpus build writes (8 pairs for 45
    articles, 3 decisions)."""
    from casckg.graph.query import resolve, run
    from casckg.graph.store import EmbeddedStore

    documents = generate(60_000, 0)
    store = EmbeddedStore(None)
    store.bulk_add(quads_of(documents))
    rows = list(run(store, resolve("merge-candidates")))
    decisions = [row["decision"].value for row in rows]
    articles = sum(1 for doc in documents if doc.source.kind == "article")
    assert 0.05 * articles < decisions.count("open") < 0.4 * articles
    assert {"same_as", "different_from"} <= set(decisions)
    assert decisions.count("same_as") + decisions.count("different_from") < decisions.count("open")
    assert all(row["candidateLabel"] is not None for row in rows)
