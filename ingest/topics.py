"""Topics a meeting discussed or an actor proposed: the phrases a discussion or proposal word governs, and a
multilingual vocabulary.

A topic is free text ("the situation in Afghanistan", "strengthening defence and security
cooperation"): the noun phrases after "discussed", "discussions on", "exchange of views on", "talks on"…
(or before "were discussed"), a coordinated list split into its items, become cas:Topic entities
(`phrase_topics`, English articles), and so do those after a proposal verb that no name stands for
("proposed to create a regional centre for water security"); words that only say something was
discussed ("matters of mutual interest", "the issue") name none. The graph names topics in English
whatever the article's language, and a French or Russian phrase copied from the text ("la sécurité de
l'eau") joins nothing across languages; so a sentence that says what a meeting was about is read for the
vocabulary's topics (`lexicons/topics.yaml`), each recorded under its English label ("water security"), one node
across articles in every language, and French and Russian articles take their topics from it only.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .mentions import ArticleMentions
from .negation import clause_before
from .records import Ref
from .slug import slug


@cache
def vocabulary(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(English label, compiled expression) of each topic the vocabulary spells in this language."""
    return tuple(
        (entry["label"], re.compile(r"(?<!\w)(?:" + entry[language] + r")(?!\w)"))
        for entry in lexicon("topics")["topics"]
        if entry.get(language)
    )


def labels_in(folded: str, language: str, names: list[tuple[int, int]] = ()) -> list[str]:
    """The labels of the topics named in this lowercased, accent-folded text, in vocabulary order; a
    stretch of text names one topic only (the first, most specific, entry that matches it), and words
    running into a name (`names`: spans of the entities found) name no topic: the "Collective Security
    Treaty Organization" is not a discussion of collective security; a topic may hold a whole name
    ("the situation in Afghanistan").

    >>> labels_in("jointly countering terrorism, extremism and cybercrime", "en")
    ['cybercrime', 'terrorism', 'extremism']
    >>> labels_in("la securite de l'eau et l'energie verte", "fr")
    ['water security', 'green energy']
    >>> labels_in("the collective security treaty organization", "en", [(4, 43)])
    []
    >>> labels_in("the situation in afghanistan", "en", [(17, 28)])
    ['situation in Afghanistan']
    >>> labels_in("strengthening regional and collective security", "en")
    ['collective security', 'regional security']
    >>> labels_in("la securite alimentaire et energetique", "fr")
    ['food security', 'energy', 'energy security']
    """
    taken: list[tuple[int, int]] = []
    out: list[str] = []
    for label, regex in vocabulary(language):
        for m in regex.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if _runs_into(m.span(), names):
                continue  # the words run into a name; a name wholly inside them ("situation in Afghanistan") is theirs
            taken.append(m.span())
            if label not in out:
                out.append(label)
    for span, conjunct in _elliptic_conjuncts(folded, language):
        label = next((label for label, regex in vocabulary(language) if regex.fullmatch(conjunct)), None)
        if label is not None and label not in out and not _runs_into(span, names):
            out.append(label)
    return out


def _runs_into(span: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    s, e = span
    return any(a < e and s < b and not (s <= a and b <= e) for a, b in names)


# "regional and collective security", "продовольственной и энергетической безопасности", "la sécurité
# alimentaire et énergétique": a noun two coordinated modifiers share belongs to each, so the modifier
# written away from it, with the noun, names a topic of its own ("regional security", "food security",
# "energy security")
_ELLIPSIS = {
    "en": re.compile(r"\b(\w+) and (?:\w+) (\w+)\b"),
    "ru": re.compile(r"\b(\w+) и (?:\w+) (\w+)\b"),
    "fr": re.compile(r"\b(\w+) (?:\w+) et (\w+)\b"),
}


def _elliptic_conjuncts(folded: str, language: str) -> list[tuple[tuple[int, int], str]]:
    """(span of the coordination, the conjunct it leaves unwritten) for each coordination of two modifiers."""
    regex = _ELLIPSIS.get(language)
    if regex is None:
        return []
    return [(m.span(), f"{m.group(1)} {m.group(2)}") for m in regex.finditer(folded)]


def vocabulary_topics(am: ArticleMentions, index: int, folded: str) -> list[Ref]:
    """The vocabulary's topics named in sentence `index` (`folded`: its folded text) outside the names of
    the entities found there, as cas:Topic entities of the article."""
    start = am.sentences[index].start
    names = [(m.start - start, m.end - start) for m in am.by_sentence[index] if m.cls != "Topic"]
    out = []
    for label in labels_in(folded, am.language, names) + _situations(am, index, folded):
        ref = Ref("topic", slug(label)[:80])
        am.classes.setdefault(ref, "Topic")
        am.labels.setdefault(ref, label)
        if ref not in out:
            out.append(ref)
    return out


@cache
def _cue(key: str, language: str) -> re.Pattern[str] | None:
    """The regular expression of `lexicons/topics.yaml` under `key` for a language (None when it has none)."""
    words = (lexicon("topics").get(key) or {}).get(language)
    return re.compile(words) if words else None


def said_from_outside(folded: str, start: int, language: str) -> bool:
    """Whether the clause of a discussion word (at `start` of the folded sentence) has for its subject a
    speaker from outside the meeting ("An expert at the institute drew attention to…", "Эксперт института
    обратил внимание на…"): the words say what that speaker singled out, not what the meeting dealt with."""
    regex = _cue("outside_speakers", language)
    return regex is not None and regex.search(clause_before(folded, start, language)) is not None


def _situations(am: ArticleMentions, index: int, folded: str) -> list[str]:
    """ "situation in X" for each state or place the gazetteer knows that sentence `index` names right after
    "the situation in" ("la situation en Syrie", "ситуацию в Сирии"), under X's English name."""
    regex = _cue("situation_in", am.language)
    start = am.sentences[index].start
    return [
        f"situation in {am.labels[m.ref]}"
        for m in am.by_sentence[index]
        if regex is not None
        and m.cls in ("State", "Place")
        and m.how in ("known", "nested")
        and m.ref in am.labels
        and regex.search(folded[: m.start - start])
    ]


# items of a coordinated list: ", ", "; ", "as well as", "and on" ("views on X and on Y"); a bare "and"
# separates items only in a list with commas ("terrorism, extremism and cybercrime"): without one it
# joins two modifiers of one noun ("international and regional security", "defence and security
# cooperation"), and the words before it read as an English adjective by their ending ("-ent", but not a noun's
# "-ment"); without commas, it separates items only between two phrases of two words or more each
_ITEM_SPLIT = re.compile(
    r"[,;]\s*(?:and\s+|et\s+|и\s+)?(?:on\s+)?|\s+(?:and on|as well as|ainsi que)\s+"
    r"|\s+and\s+(?=(?:the|a|an|its|their)\s)"  # "X of Y and the Z of W": a determiner opens a second phrase
)
_AND_SPLIT = re.compile(
    r"(?<!al)(?<!ic)(?<!ive)(?<!ary)(?<!ous)(?<!an)(?<!ern)(?<!ese)(?<!(?<!m)ent)(?<!ant)\s+(?:and|et|и)\s+(?:on\s+)?"
)


def _items(segment: str) -> list[str]:
    """The items of a coordinated list of topics.

    >>> _items("terrorism, extremism and cybercrime")
    ['terrorism', 'extremism', 'cybercrime']
    >>> _items("matters of international and regional security and on defence and security cooperation")
    ['matters of international and regional security', 'defence and security cooperation']
    >>> _items("the creation of a joint air defence system and the supply of modern weapons")
    ['the creation of a joint air defence system', 'the supply of modern weapons']
    >>> _items("the Afghan settlement and biological security")
    ['the Afghan settlement', 'biological security']
    >>> _items("strengthening regional and collective security")
    ['strengthening regional and collective security']
    >>> _items("defence and security cooperation")
    ['defence and security cooperation']
    """
    parts = _ITEM_SPLIT.split(segment)
    if re.search(r"[,;]", segment):
        parts[-1:] = _AND_SPLIT.split(parts[-1])
    elif len(halves := _AND_SPLIT.split(segment)) == 2 and all(len(h.split()) >= 2 for h in halves):
        parts = halves  # two phrases of two words or more each: "the Afghan settlement and biological security"
    return parts


# words before a topic that are none of it: articles, list openers, and how or with whom it was discussed
# ("discussed in detail the X", "discussed with President Putin the X")
_TOPIC_LEAD = re.compile(
    r"^(?:(?:the|an?|les?|la|l'|des|du|de|d')\s+|(?:\w+\s+)?topics,?\s*|including\s+|such as\s+|notamment\s+"
    r"|importance of\s+|in (?:detail|depth)\s+|at length\s+|with (?:(?-i:[A-Z])[\w'-]*\s+)+)+",
    re.I,
)
# a second finite verb of the meeting's sentence ends its object ("discussed X and reached agreement")
_CLAUSE_END = re.compile(
    r"[.;:!?]|\b(?:were|was|is|are|that|which|who)\b"
    r"|\band (?:also )?(?:reached|agreed|signed|adopted|decided|noted|stressed|expressed|exchanged)\b"
)
# what says only that something was discussed ("matters of mutual interest", "a wide range of issues")
_NO_TOPIC = re.compile(
    r"(?:a (?:wide|broad) range of |a number of |various |other |current |topical )?"
    r"(?:(?:this|that) )?(?:issues?|matters?|questions?|topics?|subjects?)(?: of (?:mutual|common) interest)?",
    re.I,
)
MAX_TOPIC_WORDS = 7
_RELATIVE = re.compile(r"\s+(?:that|which|who|whose)\s")


# what opens the words that say where or when a meeting spoke ("discussed X at a meeting in Bishkek")
_AT_EVENT = re.compile(r"\b(?:at|during|in the course of|on the sidelines of|in|on)(?: the| a| an)?\s+$", re.I)


def _where_told(am: ArticleMentions, index: int, start: int, length: int) -> int:
    """The length of the object after a discussion word up to a meeting it names as the occasion ("discussed water
    security at a meeting in Bishkek": the topic ends before "at"), or `length` when it names none."""
    sentence = am.sentences[index]
    for m in sorted(am.by_sentence[index], key=lambda m: m.start):
        at = m.start - sentence.start
        if m.cls == "Forum" and start <= at < start + length:
            before = _AT_EVENT.search(sentence.text[start:at])
            if before:
                return before.start()
    return length


def phrase_topics(am: ArticleMentions, index: int, t0: int, t1: int, before: bool) -> list[Ref]:
    """Listed subjects of a 'discussed' (or 'proposed') trigger (at article offsets t0-t1) that are not entities become
    cas:Topic entities: the list after the trigger ("discussions on X, Y and Z"), or before it ("X, Y
    and Z were the focus of")."""
    sentence = am.sentences[index]
    if before:
        seg_start = max(sentence.text.rfind(c, 0, t0 - sentence.start) for c in ";:") + 1
        # the subject's head noun phrase, without the relative clause that qualifies it ("Threats to the member
        # states that originate outside…")
        seg = _RELATIVE.split(sentence.text[seg_start : t0 - sentence.start])[0]
    else:
        seg_start = t1 - sentence.start
        seg = _CLAUSE_END.split(sentence.text[seg_start:])[0]
        seg = seg[: _where_told(am, index, seg_start, len(seg))]
    covered = [(m.start - sentence.start, m.end - sentence.start) for m in am.by_sentence[index]]
    out = []
    pos = seg_start
    for part in _items(seg):
        begin = sentence.text.find(part, pos) if part else -1
        if begin >= 0:
            pos = begin + len(part)
        phrase = _TOPIC_LEAD.sub("", part.strip(' “”"«»,')).strip()
        words = phrase.split()
        if not (1 <= len(words) <= MAX_TOPIC_WORDS) or begin < 0 or _NO_TOPIC.fullmatch(phrase):
            continue
        named = len({i for s, e in covered for i in range(max(s, begin), min(e, begin + len(part)))})
        if 2 * named >= len(part.strip()):
            continue  # the item is an entity's name ("Kazakhstan and Uzbekistan"), not a topic
        ref = Ref("topic", slug(phrase)[:80])
        am.classes.setdefault(ref, "Topic")
        am.labels.setdefault(ref, phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase)
        out.append(ref)
    return out
