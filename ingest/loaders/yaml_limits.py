"""YAML read under limits: what a small file can make a parser do is bounded before it is built.

A YAML alias repeats a node; nested aliases repeat it exponentially ("billion laughs": a few
hundred bytes that expand to gigabytes), a recursive alias never ends, and thousands of nested
brackets exhaust Python's stack. So the event stream (PyYAML's parser is a state machine, not
recursive) is checked first: nesting depth, anchors and aliases; only then is the document
composed. Article front matter has no use for aliases and refuses them; reference files may use
a few (`MAX_ALIASES`) as long as the document they expand to stays small (`MAX_NODES`).
Breaking a limit raises `YamlLimit`, a `yaml.YAMLError` with a line, so every caller reports it
like any other malformed YAML: one line, file and line number.

Events and front matter are read with libyaml's parser when PyYAML has it (the same events and
values, several times faster than the pure-Python one: an article's front matter is read on every
ingest).
"""

from __future__ import annotations

import yaml

#: Brackets and indented blocks a document may nest: far beyond any record, far below the stack.
MAX_DEPTH = 64
#: Aliases a reference file may use.
MAX_ALIASES = 256
#: Nodes a reference file may expand to, aliases repeated (the real sources have a few thousand).
MAX_NODES = 200_000

#: libyaml's safe loader when PyYAML was built with it, else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLimit(yaml.YAMLError):
    """A document over one of the limits; `problem` says which, `problem_mark` where."""

    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


def check_events(text: str, *, aliases: bool, max_depth: int = MAX_DEPTH, max_aliases: int = MAX_ALIASES) -> None:
    """Raise YamlLimit when the document nests too deep or uses aliases it may not (or too many).

    libyaml reads ahead and has limits of its own, so a document it refuses is read again by the
    pure-Python parser, which says which of ours it breaks (or what is malformed) as it always has.
    """
    try:
        _check_events(text, _SAFE_LOADER, aliases, max_depth, max_aliases)
    except yaml.YAMLError:
        if _SAFE_LOADER is yaml.SafeLoader:
            raise
        _check_events(text, yaml.SafeLoader, aliases, max_depth, max_aliases)


def _check_events(text: str, loader: type, aliases: bool, max_depth: int, max_aliases: int) -> None:
    depth = used = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise YamlLimit(f"nested more than {max_depth} levels deep", event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if not aliases and (isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)):
            raise YamlLimit("anchors and aliases (& and *) are not allowed here", event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            used += 1
            if used > max_aliases:
                raise YamlLimit(f"more than {max_aliases} aliases", event.start_mark)


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """How many nodes `root` stands for with every alias repeated; YamlLimit past `limit` or for a cycle."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            depths[key] = 1 + max((depths[id(child)] for child in _children(node)), default=0)
            if sizes[key] > limit:
                raise YamlLimit(f"the aliases expand it to more than {limit} nodes", node.start_mark)
            if depths[key] > 2 * MAX_DEPTH:
                raise YamlLimit(f"the aliases nest it more than {2 * MAX_DEPTH} levels deep", node.start_mark)
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise YamlLimit("an alias refers to a node that contains it (a recursive alias)", node.start_mark)
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise YamlLimit("an alias refers to a node that contains it (a recursive alias)", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def compose_reference(text: str) -> yaml.Node | None:
    """A reference file's node tree, within the limits (a few aliases allowed)."""
    check_events(text, aliases=True)
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        expanded_size(node)
    return node


class _FrontMatterLoader(_SAFE_LOADER):  # type: ignore[misc,valid-type]
    """Safe YAML whose dates stay text, so an impossible date is reported, not raised mid-load."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_front_matter(text: str) -> object:
    """Article front matter as Python values: no aliases, bounded depth, dates as written."""
    check_events(text, aliases=False)
    return yaml.load(text, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
