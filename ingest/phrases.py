"""What the structure of a noun phrase says when its two names were found apart: "X of Y", "X de Y",
the Russian genitive "Х Казахстана", "Y's X", an organisation's acronym in front ("the UN Security Council").

The mention finder often ends a name before its complement ("Council of Defense Ministers" | "of the
member states of" | "the CSTO"), or lets it run into the next name. Nested names are read in
`names.py`; this module reads two top-level names that a complement joins. Which relation the phrase
states follows the ontology: a complement that `cas:locatedIn`'s range admits (a place, a state)
locates the head; an organisation as complement of an organisation makes the head a part of it; a
state as complement or owner of a body makes the body the state's ("Russia's Southern Military District"). What
joins head and complement in each language ("of the", "de la", a genitive) is data in
`patterns/LANG.yaml` (`complement`, `possessive`).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from casckg.ontology import domains_and_ranges

from .descriptions import describes
from .lexicon import patterns as load_patterns
from .linker import ArticleMentions, Mention
from .negation import negated
from .represented_by import after_locative
from .statements import Found
from .tokens import fold, maybe_genitive

LOCATED = "cas:locatedIn"
PART = "cas:partOf"
STATE = "cas:belongsToState"
SIGNED = "cas:signed"
# heads that are parts of what their complement names (an organisation's body, a place's district)
HEADS = ("Institution", "Place", "Mission")  # a mission "of" an organisation is its operation
OWNERS = ("State", "Institution")  # "Russia's Chelyabinsk oblast", "UNODC's Regional Office"
SKIP = ("alias", "anaphor")  # a short form or a pronoun-like head is no phrase of its own


@cache
def _joins(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    data = load_patterns(language)
    complement, possessive, apposition = data.get("complement"), data.get("possessive"), data.get("apposition")
    return (
        re.compile(complement) if complement else None,
        re.compile(possessive) if possessive else None,
        re.compile(apposition) if apposition else None,
    )


def _top(m) -> bool:
    """A top-level name, or a body right inside a top-level event's name (the body whose meeting it is)."""
    return m.top or m.cls == "Institution" and m.outer.cls == "Forum" and m.outer.top


def phrase_statements(am: ArticleMentions) -> list[Found]:
    """partOf and locatedIn between two top-level names that one noun phrase joins."""
    complement, possessive, apposition = _joins(am.language)
    acronym_first = bool(load_patterns(am.language).get("acronym_modifier"))
    out: list[Found] = []
    for index, mentions in enumerate(am.by_sentence):
        sentence = am.sentences[index]
        folded = am.folded[index]
        # a body a meeting is named after ("заседание [Комитета … Организации] Договора …") is read as a top name
        tops = sorted((m for m in mentions if _top(m) and m.how not in SKIP), key=lambda m: (m.start, -m.end))
        for a, b in itertools.pairwise(tops):
            if negated(folded, a.start - sentence.start, a.start - sentence.start, am.language, reach=2):
                continue  # "no NATO office in ...": the head names nothing that exists
            gap = folded[a.end - sentence.start : b.start - sentence.start]
            if acronym_first and _acronym_before(a, b, gap):  # "the UN Security Council", "OSCE Forum for ..."
                found = _relation(b, a, index, "phrase.acronym")
            elif b.start < a.end and not _runs_into(a, b):
                continue  # two readings of the same words
            elif (
                _runs_into(a, b)
                or complement
                and complement.fullmatch(gap)
                and _genitive_ok(am, index, b)
                and not _acronym(a)
            ):
                found = _relation(a, b, index, "phrase.complement")
            elif possessive and possessive.fullmatch(gap) and (owner := _owner_at_end(a, mentions)) is not None:
                place = _known_start(b, mentions)  # "the Chebarkul training ground in Russia's Chelyabinsk oblast"
                out += [
                    f
                    for f in (
                        _relation(place, owner, index, "phrase.possessive"),
                        _relation(a, place, index, "phrase.possessive"),
                    )
                    if f
                ]
                continue
            elif possessive and _owner(a, mentions) and possessive.fullmatch(gap):  # "Russia's Chelyabinsk oblast"
                found = _relation(b, a, index, "phrase.possessive")
            elif (  # "the Mazhilis (the lower house of the Parliament)": a description of the head names its whole
                apposition
                and a.cls == b.cls == "Institution"
                and apposition.fullmatch(sentence.text[a.end - sentence.start : b.start - sentence.start])
                and _genitive_ok(am, index, b)
            ):
                found = _relation(a, b, index, "phrase.apposition")
            else:
                found = None
            if found is not None and not (found.predicate != LOCATED and (common_noun(am, a) or common_noun(am, b))):
                out.append(found)
    return out


def common_noun(am: ArticleMentions, mention: Mention) -> bool:
    """Whether a discovered name is a common noun phrase rather than a body's name ("UN missions",
    "Centrasbat troops", "коллективных сил ОДКБ", "le bureau de l'OTAN"), by the one test of
    `descriptions.describes`. Such a phrase speaks of a kind of thing or describes one in passing; a
    part of it said by its structure is not one the article names. A capital that belongs to another
    name inside or run into ("UN" of "UN missions", "Организации" of "советов безопасности
    Организации") is not the phrase's own; its head word's always is ("CSTO Joint Staff")."""
    if mention.how != "new" or mention.candidate is None:
        return False
    head = range(*mention.candidate.head)
    others = {i for m in am.by_sentence[mention.sentence] if m is not mention for i in range(m.first, m.last)}
    return describes(am.tokens[mention.sentence], mention.first, mention.last, am.language, others.difference(head))


def _acronym_before(a: Mention, b: Mention, gap: str) -> bool:
    """An organisation's acronym written right before the name of an institution, as a modifier ("the UN
    Security Council", "OSCE Forum for ..."), also when both readings share it ("the UN" | "UN Department
    for ...", "the UN Mission for the Referendum in Western Sahara"): the institution or mission is the
    organisation's."""
    if a.cls != "Institution" or b.cls not in ("Institution", "Mission") or a.ref == b.ref or b.end <= a.end:
        return False
    acronym = a.text.split()[-1]
    if not (len(acronym) >= 2 and acronym.isupper() and acronym.isalpha()):
        return False
    shared = b.start < a.end and b.text.startswith(acronym + " ")
    return shared or b.start >= a.end and not gap.strip()


def is_complement(am: ArticleMentions, index: int, mention: Mention) -> bool:
    """Whether a name is the complement of a noun right before it ("the office of the UN", "Представительство
    ООН", "заседании Комитета секретарей ... ОДКБ"): a place said after it ("in Kazakhstan", "в Казахстане")
    is where the whole phrase is, not where the organisation sits."""
    sentence, tokens = am.sentences[index], am.tokens[index]
    if am.language == "ru":
        if mention.first == 0:
            return False
        before = tokens[mention.first - 1]
        return before.tag.startswith("NOUN") and _genitive_ok(am, index, mention)
    complement = _joins(am.language)[0]
    lead = am.folded[index][: mention.start - sentence.start]
    return complement is not None and re.search(rf"\w(?:{complement.pattern})$", lead) is not None


def placed_wholes(found: list[Found], am: ArticleMentions) -> list[Found]:
    """The facts without an organisation placed where the phrase it complements is ("l'agent de liaison de
    l'OTAN ... d'être basé à Bichkek": the officer, not NATO, would be based there), and without a state
    signing where the sentence only names it as a place ("a spokesman for the UN Secretary General in
    Tajikistan ... signed", "В Казахстане Россия и Китай подписали"): after "in", "au", "в" it is where
    someone is, not who acts."""
    return [f for f in found if not _misplaced(f, am) and not _signed_as_place(f, am)]


def _signed_as_place(f: Found, am: ArticleMentions) -> bool:
    if f.predicate != SIGNED or am.classes.get(f.subject) != "State":
        return False
    named = [m for m in am.by_sentence[f.sentence] if m.ref == f.subject and m.top]
    return bool(named) and all(after_locative(am.tokens[m.sentence], m, am.language) for m in named)


def _misplaced(f: Found, am: ArticleMentions) -> bool:
    if f.predicate != LOCATED or am.classes.get(f.subject) != "Institution":
        return False
    named = [m for m in am.by_sentence[f.sentence] if m.ref == f.subject and m.top and m.how not in SKIP]
    return bool(named) and all(is_complement(am, f.sentence, m) or _owns_noun(am, m) for m in named)


def _owns_noun(am: ArticleMentions, mention: Mention) -> bool:
    """Whether a name is the owner before a common noun ("NATO's liaison office")."""
    rest = owns_next(am, mention)
    return rest is not None and rest[:1].islower()


def owns_next(am: ArticleMentions, mention: Mention) -> str | None:
    """The text after a possessive that follows a name ("Russia's | Chelyabinsk oblast"), or None."""
    possessive = _joins(am.language)[1]
    sentence = am.sentences[mention.sentence]
    rest = sentence.text[mention.end - sentence.start :]
    joined = possessive.match(fold(rest)) if possessive else None
    return rest[joined.end() :] if joined is not None and joined.group().strip() else None


def _owner_at_end(a: Mention, mentions: list[Mention]) -> Mention | None:
    """A state or organisation that ends a place's or a body's name and owns the next name ("the Chebarkul
    training ground in Russia" | "'s Chelyabinsk oblast", "the Executive Committee of the SCO" | "'s Regional
    Anti-Terrorist Structure"): the name ran on past "in" or "of"; the place or body is in the next one."""
    if a.cls not in ("Place", "Institution"):
        return None
    return next((m for m in mentions if m.outer is a and m.end == a.end and m.cls in OWNERS), None)


def _known_start(b: Mention, mentions: list[Mention]) -> Mention:
    """The known name a discovered one starts with ("Chelyabinsk oblast" of "Chelyabinsk oblast on July 15")."""
    inner = [m for m in mentions if m.outer is b and m.start == b.start and m.how != "new" and m.cls == b.cls]
    return max(inner, key=lambda m: m.end) if b.how == "new" and inner else b


def joined_as_complement(am: ArticleMentions, index: int, first: int, inner: Mention) -> bool:
    """Whether a name inside a longer one (which starts at token `first`) is its complement: after "of", "de",
    or in Russian in the genitive right after a word ("Palais d'Exposition de Shanghai", "the Port of Aktau")."""
    complement = _joins(am.language)[0]
    if complement is None or inner.first <= first + 1:
        return False
    tokens, start, folded = am.tokens[index], am.sentences[index].start, am.folded[index]
    end = inner.start - start
    for k in range(inner.first, first + 1, -1):  # the gap grows back word by word; a head word stays before it
        if complement.fullmatch(folded[tokens[k - 1].end - start : end]):
            return _genitive_ok(am, index, inner) if k == inner.first else True
        if k < inner.first and not complement.match(folded[tokens[k].start - start : end]):
            break
    return False


def _acronym(mention: Mention) -> bool:
    """An acronym alone ("ОДКБ", "OSCE") heads no complement: a name after it in the genitive or after "of"
    belongs to a word before it ("начальник отдела ОДКБ | Первого департамента ...")."""
    return mention.text.isupper() and mention.text.isalpha()


def _owner(a: Mention, mentions: list[Mention]) -> bool:
    """Whether `a` is the owner before "'s": a state or an organisation, not one whose name ends with
    another name ("the press center of Kyrgyzstan's Ministry": Kyrgyzstan's, not the center's)."""
    return a.cls in OWNERS and not any(m.outer is a and m.end == a.end for m in mentions)


def _runs_into(a: Mention, b: Mention) -> bool:
    """A new name that ran on into a known one ("Комитета секретарей ... Организации" + "Организации
    Договора о коллективной безопасности"): the known name is its complement."""
    return a.how == "new" and b.how == "known" and a.start < b.start < a.end < b.end


def _genitive_ok(am: ArticleMentions, index: int, complement: Mention) -> bool:
    """In Russian a complement with no preposition is one in the genitive ("Совета ... ОДКБ"): its first word
    read so, or, when the best reading of each word is another case ("Мангистауской области": instrumental,
    locative), every word of it that can be."""
    if am.language != "ru":
        return True
    first = am.tokens[index][complement.first]
    if first.is_upper or "gent" in first.tag or not first.tag:
        return True
    words = [t for t in am.tokens[index][complement.first : complement.last] if t.is_word]
    return all(maybe_genitive(t.text) for t in words)


def _relation(head: Mention, of: Mention, index: int, extractor: str) -> Found | None:
    """The relation a phrase "head of `of`" states, by the ontology's ranges and the two classes."""
    if head.ref == of.ref or head.cls not in HEADS:
        return None
    _, ranges = domains_and_ranges()
    if head.cls != "Mission" and of.cls in ranges[LOCATED] and (head.cls == "Place" or of.cls == "Place"):
        return Found(head.ref, LOCATED, of.ref, index, 0.55, extractor)
    if of.cls == "Institution" and head.cls in ("Institution", "Mission"):
        return Found(head.ref, PART, of.ref, index, 0.55, extractor)
    if head.cls == "Institution" and of.cls in ranges[STATE]:  # "the Ministry of Defence of X", "X's Security Council"
        return Found(head.ref, STATE, of.ref, index, 0.55, extractor)
    return None
