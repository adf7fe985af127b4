"""Each rule as SPARQL: the CONSTRUCT that draws its new conclusions, with their intervals and
proof records, and the update that gathers the dated facts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .rules import Pattern, Rule, _term_text
from .terms import rule_node

#: Separators of the key that picks one derivation per conclusion (see `Rule.update`): control
#: characters, which IRIs cannot hold and literals in this graph do not.
_FIELD, _TAG = "\\u0001", "\\u0002"
#: Rules whose conclusions are relations between things, and so hold only while their premises
#: do; class memberships (cax-sco, prp-dom, prp-rng) are timeless.
_TIMED = ("prp-spo1", "prp-inv", "prp-symp", "prp-trp", "prp-spo2")


def _pieces(var: str, iri: bool = False) -> list[str]:
    """SPARQL expressions whose CONCAT is a term as one string the decoder below turns back into
    the same term. `iri`: the term is known to be an IRI (or a blank node, whose string is never
    used), and the string is built without asking what it is; a constant is written out here."""
    if iri:
        return [f'"I{var[1:-1]}"'] if var.startswith("<") else ['"I"', f"STR({var})"]
    tag = f'IF(LANG({var}) != "", CONCAT("@", LANG({var})), CONCAT("^", STR(DATATYPE({var}))))'
    lexical = f'CONCAT({tag}, "{_TAG}", STR({var}))'
    return [f'COALESCE(IF(isIRI({var}), CONCAT("I", STR({var})), IF(isLiteral({var}), {lexical}, "")), "")']


def _concat(pieces: list[str]) -> str:
    """One CONCAT of string expressions, its neighbouring constants joined: the store interns
    every string an expression makes, so a nested CONCAT per term (two new strings for each)
    costs more than one flat CONCAT of them all."""
    merged: list[str] = []
    for piece in pieces:
        if merged and _constant(piece) and _constant(merged[-1]):
            merged[-1] = merged[-1][:-1] + piece[1:]
        else:
            merged.append(piece)
    return merged[0] if len(merged) == 1 else f"CONCAT({', '.join(merged)})"


def _constant(piece: str) -> bool:
    return piece.startswith('"') and piece.endswith('"') and '"' not in piece[1:-1]


def _decoded(text: str, iri: bool = False) -> str:
    """SPARQL for the term whose `_pieces` wrote `text` (unbound for an empty string)."""
    if iri:
        return f"IRI(SUBSTR({text}, 2))"
    head, body = f'STRBEFORE({text}, "{_TAG}")', f'STRAFTER({text}, "{_TAG}")'
    literal = f'IF(STRSTARTS({text}, "^"), STRDT({body}, IRI(SUBSTR({head}, 2))), ?nothing)'
    return (
        f'IF(STRSTARTS({text}, "I"), IRI(SUBSTR({text}, 2)), '
        f'IF(STRSTARTS({text}, "@"), STRLANG({body}, SUBSTR({head}, 2)), {literal}))'
    )


def _node(triple: Pattern, graph: str, iris: frozenset[str] = frozenset()) -> str:
    """SPARQL for the IRI of a triple's statement node: a digest of its three terms (none for
    a triple with a blank node, which has no name to digest). A subject and a predicate are
    IRIs when not blank, an object when it is a constant or one of the variables `iris`."""
    terms = [_term_text(t) for t in triple]
    parts = [
        piece
        for n, t in enumerate(terms)
        for piece in (['" "'] if n else []) + _pieces(t, n < 2 or not t.startswith("?") or t in iris)
    ]
    blank = " || ".join(f"isBlank({t})" for t in terms if t.startswith("?")) or "false"
    return f'IF({blank}, ?nothing, IRI(CONCAT("{graph}/statement/", SUBSTR(SHA1({_concat(parts)}), 1, 24))))'


def _later(a: str, b: str) -> str:
    return f"IF(!BOUND({a}) || (BOUND({b}) && STR({b}) > STR({a})), {b}, {a})"


def _earlier(a: str, b: str) -> str:
    return f"IF(!BOUND({a}) || (BOUND({b}) && STR({b}) < STR({a})), {b}, {a})"


@dataclass(frozen=True)
class Step:
    """One rule's run: a CONSTRUCT whose triples the store serialises and loads itself (no
    Python object per triple; an INSERT must read and write one store, and the same rule as an
    INSERT in the store, over its restated copies, costs as much as the workspace's CONSTRUCT
    and the load together): all of them
    into `graph`, and into each of `scratch` the conclusions and their intervals alone (the
    rules read no proof record, so the scratch graphs stay small)."""

    query: str
    graph: str
    scratch: list[str]


def _premises(rule: Rule, graphs: dict, *, delta: int | None, dated: int | None, rows: tuple, many: bool) -> list[str]:
    """The WHERE clauses that match a rule's premises (see `update`) and keep only conclusions
    that no graph holds yet."""
    timed, c = rule.id.startswith(_TIMED), rule.conclusion
    values = " ".join(f"({' '.join(f'<{v}>' for v in row)})" for row in rows or rule.rows)
    where = [f"VALUES ({' '.join('?' + col for col in rule.columns)}) {{ {values} }}"]
    # An update has no union default graph: every pattern names its graph as a variable.
    patterns = [f"{{ {' '.join(_term_text(t) for t in premise)} }}" for premise in rule.premises]
    for i, pattern in enumerate(patterns):
        if i == delta:  # the new premise first: the join starts from the few new facts
            # a UNION of named graphs, not GRAPH ?delta: the store starts from each small graph
            news = " UNION ".join(f"{{ GRAPH <{g}> {pattern} }}" for g in graphs["delta"])
            where.insert(1, news)
        if i == dated:
            where.insert(1 + (delta is not None), f"GRAPH <{graphs['dated']}> {pattern}")
        elif i != delta and delta is None and dated is None:
            # A join of two whole premises (the first round) reads one copy of each.
            where.append(_one_copy(rule, i, rows or rule.rows) if len(rule.premises) > 1 else f"GRAPH ?in{i} {pattern}")
        elif i != delta:
            # One side is a few new or dated facts: the store looks the other up for each of them
            # (LATERAL), where a join would read the whole other side first.
            where.append(f"LATERAL {{ GRAPH ?in{i} {pattern} }}")
        if timed and dated is None:
            where.append(f"FILTER NOT EXISTS {{ GRAPH <{graphs['dated']}> {pattern} }}")
    if c[0].startswith("?"):
        where.append(f"FILTER(!isLiteral({c[0]}))")
    # A bulk load gives blank nodes new names: nothing is concluded about one (the data names everything).
    where += [f"FILTER(!isBlank({v}))" for v in dict.fromkeys(c) if v.startswith("?") and v not in (c[1],)]
    known = f"GRAPH ?any {{ {' '.join(_term_text(t) for t in c)} }}"
    if many or (delta is None and dated is None):
        # All of a rule's premises at once, or many new facts: what is known already is read
        # once, with the table's conclusion columns, and set aside by a hash of it. A lookup per
        # row walks every quad of a busy entity, and many rows are about the same few.
        where.append(f"MINUS {{ {_cut(rule, c, rows or rule.rows)}{known} }}")
    else:  # a few new or dated facts: a lookup for each costs less than reading all
        where.append(f"FILTER NOT EXISTS {{ {known} }}")
    return where


def _cut(rule: Rule, pattern: Pattern, rows: tuple) -> str:
    """The VALUES clause of the rule's table cut to the columns a pattern names (none: empty)."""
    columns = [c for c in rule.columns if f"?{c}" in pattern]
    if not columns:
        return ""
    values = " ".join(sorted({f"({' '.join(f'<{row[rule.columns.index(c)]}>' for c in columns)})" for row in rows}))
    return f"VALUES ({' '.join('?' + c for c in columns)}) {{ {values} }} "


def _one_copy(rule: Rule, premise: int, rows: tuple) -> str:
    """A premise of a rule that joins several, read once per distinct triple: sources restate
    facts, and a join of every copy with every copy grows as their product. The table's columns
    the premise names cut it inside, as the store evaluates the subquery on its own."""
    pattern = rule.premises[premise]
    head = " ".join(dict.fromkeys(t for t in pattern if t.startswith("?")))
    triple = " ".join(_term_text(t) for t in pattern)
    return f"{{ SELECT DISTINCT {head} WHERE {{ {_cut(rule, pattern, rows)}GRAPH ?in{premise} {{ {triple} }} }} }}"


def _by_derivations(rule: Rule, rows: tuple) -> tuple[tuple, tuple]:
    """The rows of the rule's table whose conclusions have one derivation each, so that none is
    to be chosen, and the rest. A row is of the first kind in a rule of one premise whose every
    variable is in the conclusion or is a column of the table, when no other row fixes the same
    conclusion columns (prp-inv: an inverse property has one inverse; prp-spo1: a property with
    one sub-property). Grouping the derivations by conclusion costs most of what the trace adds
    to such a rule."""
    head = {t[1:] for t in rule.conclusion if t.startswith("?")}
    if len(rule.premises) != 1 or any(
        t.startswith("?") and t[1:] not in head | set(rule.columns) for t in rule.premises[0]
    ):
        return (), rows
    fixed = [n for n, column in enumerate(rule.columns) if column in head]

    def conclusion(row: tuple) -> tuple:
        return tuple(row[n] for n in fixed)

    derivations = Counter(map(conclusion, rows))
    single = tuple(row for row in rows if derivations[conclusion(row)] == 1)
    return single, tuple(row for row in rows if derivations[conclusion(row)] > 1)


def update(
    rule: Rule,
    graphs: dict,
    *,
    trace: bool,
    delta: int | None = None,
    dated: int | None = None,
    rows: tuple = (),
    many: bool = False,
) -> Step:
    """The CONSTRUCT that finds a rule's new conclusions (and their statement nodes), and the
    graphs its triples go to.

    `graphs`: "inferred" (conclusions and trace), "delta" (the graphs of what the round before
    found), "out" (what this rule finds now, the next round's input), "dated" (the facts that
    hold for a time, each with a statement node that carries the interval). `delta`: which
    premise must be new (None: any); `rows` cut the rule's table to what the new facts fire;
    `many`: the new facts are many, and what is known already is read once rather than looked
    up for each of them.

    A rule about relations (`_TIMED`) runs twice: from undated premises only, then (`dated`:
    which premise) from dated ones, where a conclusion holds over the intersection of its
    premises' intervals (and is not drawn when that is empty). A conclusion that also follows
    from undated facts is drawn by the first run and holds always.

    Of several derivations of one conclusion the update keeps one, chosen in the store: the
    smallest of a key made of its interval and premise terms, so reasoning twice writes the
    same quads (the rows of a rule whose conclusions have one derivation each skip the choice).
    """
    inferred, c = graphs["inferred"], rule.conclusion
    head = [v for v in dict.fromkeys(c) if v.startswith("?")]
    others = sorted(rule.variables() - set(head))
    where = _premises(rule, graphs, delta=delta, dated=dated, rows=rows, many=many)
    iris = frozenset(f"?{column}" for column in rule.columns)  # the table holds IRIs only
    conclusion = " ".join(_term_text(t) for t in c) + " ."
    scratch = [graphs["out"]] + ([graphs["dated"]] if dated is not None else [])
    if not trace and dated is None:  # nothing to choose: the conclusions alone, as a set
        body = "\n  ".join(where)
        return Step(f"CONSTRUCT {{ {conclusion} }}\nWHERE {{\n  {body}\n}}", inferred, scratch)
    fields: list[list[str]] = []  # each field's pieces (see `_pieces`)
    chosen: list[str] = []
    if dated is not None:
        where += _intervals(rule, graphs, iris)
        last = len(rule.premises) - 1
        fields = [_pieces(f"?from{last}"), _pieces(f"?to{last}")]
        chosen = ["?from", "?to"]
    if trace:
        fields += [_pieces(v, v in iris) for v in others]
        chosen += others
    # The rows whose conclusions have one derivation need no choice; the others (all of a dated
    # run's) are grouped by conclusion. Both kinds: a UNION of the two, the rows cut apart.
    single, several = _by_derivations(rule, rows or rule.rows) if dated is None else ((), rows or rule.rows)
    parts = []
    if single:
        parts.append(_premises(rule, graphs, delta=delta, dated=dated, rows=single, many=many) if several else where)
    if several:
        if single:
            where = _premises(rule, graphs, delta=delta, dated=dated, rows=several, many=many)
        parts.append(_chosen(where, head, fields, chosen, iris))
    outer = parts[0] if len(parts) == 1 else [" UNION ".join("{\n  " + "\n  ".join(p) + "\n  }" for p in parts)]
    outer.append(f"BIND({_node(c, inferred, iris)} AS ?statement)")
    made = [conclusion]
    if dated is not None:  # a dated statement node names its whole triple: the queries read it
        made.append(_reifies("?statement", c) + " ?statement cas:startDate ?from ; cas:endDate ?to .")
    if trace:  # a proof record: its triple, and a link per premise, named by the rule, to the premise's triple
        if dated is None:
            made.append(_reifies("?statement", c))
        link = rule_node(rule.id).value
        named = _named(rule, head, iris, outer)
        for premise in rule.premises:
            s, p, o = (named.get(t, _term_text(t)) for t in premise)
            made.append(f"?statement <{link}> <<( {s} {p} {o} )>> .")
    body = "\n  ".join(outer)
    return Step(f"CONSTRUCT {{ {' '.join(made)} }}\nWHERE {{\n  {body}\n}}", inferred, scratch)


def _named(rule: Rule, head: list[str], iris: frozenset[str], where: list[str]) -> dict[str, str]:
    """For each variable of a premise that may hold a blank node (a subject or object that is not
    in the conclusion, whose blank nodes the rules filter out, nor a column of the table), a
    variable bound to it only when it is no blank node, added to `where`: a bulk load renames
    blank nodes, so a premise's triple term with one would differ between two reasonings, and
    its link is left out (the sources name everything with an IRI)."""
    named = {}
    for premise in rule.premises:
        for term in (premise[0], premise[2]):
            if term.startswith("?") and term not in head and term not in iris and term not in named:
                named[term] = f"?named_{term[1:]}"
                where.append(f"BIND(IF(isBlank({term}), ?nothing, {term}) AS {named[term]})")
    return named


def _intervals(rule: Rule, graphs: dict, iris: frozenset[str]) -> list[str]:
    """The patterns that give each premise's interval, from its statement node among the dated
    facts, and keep a row only when the premises' intervals meet (`?fromN`, `?toN` for the last)."""
    inferred, where = graphs["inferred"], []
    for i, premise in enumerate(rule.premises):
        # The node's name is computed, not looked up by its triple: a lookup by triple makes
        # the store build the whole graph's statement table for every run.
        where.append(f"BIND(COALESCE({_node(premise, inferred, iris)}, <{inferred}/statement/none>) AS ?premise{i})")
        where.append(f"OPTIONAL {{ GRAPH <{graphs['dated']}> {{ ?premise{i} cas:startDate ?start{i} }} }}")
        where.append(f"OPTIONAL {{ GRAPH <{graphs['dated']}> {{ ?premise{i} cas:endDate ?end{i} }} }}")
        where.append(f"BIND({_later('?from' + str(i - 1), f'?start{i}') if i else f'?start{i}'} AS ?from{i})")
        where.append(f"BIND({_earlier('?to' + str(i - 1), f'?end{i}') if i else f'?end{i}'} AS ?to{i})")
    last = len(rule.premises) - 1
    where.append(f"FILTER(!BOUND(?from{last}) || !BOUND(?to{last}) || STR(?from{last}) <= STR(?to{last}))")
    return where


def _chosen(
    where: list[str], head: list[str], fields: list[list[str]], chosen: list[str], iris: frozenset[str]
) -> list[str]:
    """The patterns that keep one derivation per conclusion: the smallest key made of `fields`,
    grouped by the conclusion's variables `head`, then cut back into the `chosen` variables.
    A key of one IRI is that IRI: the store orders IRIs as the strings the key would hold, so
    MIN picks the same one without making a string per derivation and parsing the winner back."""
    group = " ".join(head)
    if len(chosen) == 1 and chosen[0] in iris:
        inner = "\n    ".join(where)
        return [
            f"{{ SELECT {group} (MIN({chosen[0]}) AS ?best) WHERE {{\n    {inner}\n  }} GROUP BY {group} }}",
            f"BIND(?best AS {chosen[0]})",
        ]
    key = _concat([piece for field in fields or [['""']] for piece in (*field, f'"{_FIELD}"')])
    inner = "\n    ".join(where + [f"BIND({key} AS ?key)"])
    grouped = [f"{{ SELECT {group} (MIN(?key) AS ?best) WHERE {{\n    {inner}\n  }} GROUP BY {group} }}"]
    rest = "?best"
    for n, var in enumerate(chosen):
        part = f'STRBEFORE({rest}, "{_FIELD}")'
        grouped.append(f"BIND({_decoded(part, var in iris)} AS {var})")
        grouped.append(f'BIND(STRAFTER({rest}, "{_FIELD}") AS ?rest{n})')
        rest = f"?rest{n}"
    return grouped


def dated_facts(graphs: dict) -> str:
    """The update that copies the facts about dated records (a membership, a mission: anything
    with a start or end date) into the scratch graph of dated facts, each with a statement node
    that carries the record's interval. The node has the name the trace gives the fact, a digest
    of its triple, so a rule computes it rather than looks it up. Classes are timeless: rdf:type
    is left out."""
    fact = ("?x", "?p", "?y")
    return f"""INSERT {{ GRAPH <{graphs["dated"]}> {{ ?x ?p ?y .
    ?statement cas:startDate ?start ; cas:endDate ?end . }} }}
WHERE {{
  {{ SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x cas:startDate|cas:endDate ?date }} }} }}
  GRAPH ?in {{ ?x ?p ?y }} FILTER(?p != rdf:type && ?in != <{graphs["inferred"]}>)
  OPTIONAL {{ GRAPH ?s {{ ?x cas:startDate ?start }} }} OPTIONAL {{ GRAPH ?e {{ ?x cas:endDate ?end }} }}
  BIND({_node(fact, graphs["inferred"])} AS ?statement)
}}"""


def _reifies(node: str, triple: Pattern) -> str:
    """The one quad that says which triple a statement node stands for: an RDF 1.2 triple term
    (three quads of rdf:subject, rdf:predicate and rdf:object before, most of the trace)."""
    s, p, o = (_term_text(t) for t in triple)
    return f"{node} rdf:reifies <<( {s} {p} {o} )>> ."
