"""`casckg check`: is the graph well formed, and is it consistent?

Three looks, from cheapest to deepest: the violation queries (`queries/checks/*-violation.rq`,
which name the culprits), the SHACL shapes (pySHACL, over the asserted data with the ontology),
and a DL consistency check of the ontology with its data (HermiT through owlready2, which needs
Java). HermiT only says "inconsistent"; the violation queries say who, so both are reported.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from casckg import ontology
from casckg.ingest.contract import CasckgError
from casckg.queries import checks

from .build.mint import graph_iri
from .query import short
from .store.embedded import Store

# Asserted data only: the ontology is added separately, inferred facts are not checked.
_DATA = """CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (?ontology, ?inferred)) }"""
# What the DL check reads: types and the ontology's own properties (not rdf:subject & co.,
# which OWL 2 DL reserves, nor source metadata).
_DL_DATA = """CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(?g NOT IN (?ontology, ?inferred)) FILTER(?p = rdf:type || STRSTARTS(STR(?p), STR(cas:))) }"""


class ReasonerUnavailable(CasckgError):
    """The DL reasoner cannot run here (no Java runtime)."""


@dataclass
class Finding:
    """One problem: which check, which focus node, what is wrong."""

    check: str
    focus: str
    message: str

    def __str__(self) -> str:
        return f"{self.check}: {self.focus}: {self.message}"


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    consistent: bool | None = None  # None: the DL check did not run
    unsatisfiable: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.findings and self.consistent is not False and not self.unsatisfiable

    def lines(self) -> list[str]:
        out = [str(f) for f in self.findings]
        if self.consistent is False:
            out.append("owl: the ontology with its data is INCONSISTENT (HermiT)")
        for cls in self.unsatisfiable:
            out.append(f"owl: class {cls} is unsatisfiable")
        out += self.notes
        verdict = "conforms" if self.conforms else f"{len(self.findings)} finding(s); does not conform"
        dl = {True: "consistent", False: "inconsistent", None: "not checked"}[self.consistent]
        out.append(f"{verdict} (SHACL and violation queries); OWL DL: {dl}")
        return out


def _graphs() -> dict[str, ox.NamedNode]:
    return {"ontology": ox.NamedNode(ontology.ONTOLOGY_IRI), "inferred": ox.NamedNode(graph_iri("inferred"))}


def asserted_data(store: Store, sparql: str = _DATA) -> bytes:
    """The asserted triples (all source graphs, no ontology, no inferences) as N-Triples."""
    out = io.BytesIO()
    store.query(sparql, _graphs()).serialize(out, format=ox.RdfFormat.N_TRIPLES)
    return out.getvalue()


def run_violation_queries(store: Store) -> list[Finding]:
    """Every row of every violation query is a finding; the first column names the culprit."""
    findings = []
    for name, query in checks().items():
        result = store.query(query.text)
        columns = [v.value for v in result.variables]
        for row in result:
            focus = short(row[columns[0]])
            detail = ", ".join(f"{c}={short(row[c])}" for c in columns[1:] if row[c] is not None)
            findings.append(Finding(name.removesuffix("-violation"), focus, f"{query.title}. {detail}".strip()))
    return findings


def run_shacl(store: Store) -> list[Finding]:
    """Validate the asserted data (with the ontology's class hierarchy) against the shapes."""
    import pyshacl

    data = rdflib.Graph().parse(data=asserted_data(store), format="nt")
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=ontology.load_shapes(), ont_graph=ontology.load(), inference="none", advanced=True
    )
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    findings = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(result, sh.focusNode)
        message = results.value(result, sh.resultMessage)
        shape = results.value(result, sh.sourceShape)
        value = results.value(result, sh.value)
        text = str(message)
        if value is not None:
            text += f" (value: {short(ox.NamedNode(str(value))) if isinstance(value, rdflib.URIRef) else value})"
        name = str(shape).rsplit("#", 1)[-1] if isinstance(shape, rdflib.URIRef) else "shape"
        findings.append(Finding(f"shacl {name}", short(ox.NamedNode(str(focus))), text))
    return sorted(findings, key=lambda f: (f.focus, f.check, f.message))


def run_hermit(store: Store) -> tuple[bool, list[str]]:
    """Is the ontology with its data consistent? Returns (consistent, unsatisfiable classes)."""
    import owlready2

    if shutil.which(owlready2.JAVA_EXE) is None and shutil.which("java") is None:
        raise ReasonerUnavailable("the DL check needs a Java runtime (apt-get install default-jre-headless)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "closure.nt"
        onto = rdflib.Graph().parse(ontology.ONTOLOGY_PATH)
        path.write_bytes(onto.serialize(format="nt", encoding="utf-8") + asserted_data(store, _DL_DATA))
        world = owlready2.World()
        loaded = world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with loaded:
                owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, []
        except owlready2.OwlReadyJavaError as exc:
            raise ReasonerUnavailable(f"HermiT failed: {str(exc).strip().splitlines()[-1]}") from exc
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
        world.close()
        return True, unsatisfiable


def check(store: Store, reasoner: bool = True) -> CheckReport:
    """Run every check on a store and gather what they find."""
    report = CheckReport(findings=run_violation_queries(store) + run_shacl(store))
    if reasoner:
        report.consistent, report.unsatisfiable = run_hermit(store)
    else:
        report.notes.append("owl: DL consistency not checked (--no-reasoner)")
    return report
