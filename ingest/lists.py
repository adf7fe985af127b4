"""Lists in a sentence: the items coordinated with the one nearest a trigger ("X, Y and Z"), items
that open with a person's title ("Defence Minister of the Republic of India N, Defence Minister of
... N"), and what a title is made of. Used by the statement patterns and the title rules.
"""

from __future__ import annotations

import re
from functools import cache

from .discover import lang_lexicon
from .language import Sentence
from .lexicon import patterns as load_patterns
from .mentions import Mention
from .records import Ref
from .tokens import fold

_BRACKETS = re.compile(r"\([^()]*\)")
_NAME_REST = re.compile(r"\s*(?:[A-ZА-ЯЁ][\w’'-]*\s*)+")
# the dot of a lower-case one-letter abbreviation ("в г. Бишкеке") ends no clause (a title's "M." still may)
_LEAD = re.compile(r"(?:[^.;!?]|(?<=\b[a-zа-яё])\.){0,60}")
_CLAUSE_MARK = re.compile(r"[;:!?,«»\"“”]|(?<!\b[a-zа-яё])\.")  # where a clause, a quotation or an aside starts
_WORD = re.compile(r"[\w'-]+")


@cache
def _separator(language: str) -> re.Pattern[str]:
    words = sorted((re.escape(w) for w in lang_lexicon(language).get("coordinators") or []), key=len, reverse=True)
    alternatives = "|".join(words)
    return re.compile(rf"\s*(?:[,;]\s*(?:\b(?:{alternatives})\b)?|\b(?:{alternatives})\b)\s*")


def coordinated(gap: str, language: str) -> bool:
    """Whether the text between two mentions joins them as items of one list: a comma or a coordinator,
    with at most two words of the item before ("the UN staff, the ICRC") and four of the next one's lead
    ("des fonctionnaires de l'ONU"), none of them a verb or relative word that starts a new clause."""
    gap = _BRACKETS.sub("", gap)
    if _NAME_REST.fullmatch(gap):
        return True  # the rest of a name the gazetteer did not know ("UN Women's Office")
    folded = fold(gap)
    if _spelled_out(folded, language):
        return True
    if re.search(r"[.:!?]", folded):
        return False
    sep = _separator(language).search(folded)
    if sep is None:  # the rest of one item, a title between two names ("'s Republic of China Colonel General")
        return not gap.strip() or title_lead(gap, language, need_title=True) or _joins(gap, language)
    before, after = _WORD.findall(folded[: sep.start()]), _WORD.findall(folded[sep.end() :])
    stop = lang_lexicon(language)["stop"]
    if any(w in stop for w in before + after) or len(before) > 2 and not title_lead(gap[: sep.start()], language):
        return False
    return len(after) <= 4 or title_lead(gap[sep.end() :], language)


def _spelled_out(folded: str, language: str) -> bool:
    """Whether the gap is a last item that a colon or a dash spells out as more items ("China, Russia and the
    three republics of Central Asia: Kazakhstan, ..."; "и страны Центральной Азии — Казахстан, ...")."""
    collective = load_patterns(language).get("collective")
    if not collective:
        return False
    match = re.fullmatch(rf"\s*[,;]?\s*(.*?)\b(?:{collective})\b(.*?)\s*(?::|–|—|\s-)\s*", folded)
    if match is None or re.search(r"[.:;!?]", match.group(1) + match.group(2)):
        return False
    before = [w for w in _WORD.findall(match.group(1)) if w not in (lang_lexicon(language).get("coordinators") or ())]
    return len(before) <= 4 and len(_WORD.findall(match.group(2))) <= 4


def title_lead(text: str, language: str, need_title: bool = False) -> bool:
    """Whether the lead of a list item is a person's title ("Defence Minister of the Republic of",
    "le ministre des Affaires étrangères"): words that are capitalised, title words, ranks or the
    small words that join them (a nationality adjective is a mention of its state, an item itself)."""
    vocab, titles = _title_words(language), _title_words(language, titles_only=True)
    words = re.findall(r"\w+", text)
    if need_title and not any(_inflected_in(w, titles) for w in words):
        return False
    return 0 < len(words) <= 14 and all(w[:1].isupper() or len(w) == 1 or _inflected_in(w, vocab) for w in words)


def _joins(gap: str, language: str) -> bool:
    """One or two joining words between two names of one item ("l'ambassadeur kirghize au Turkménistan")."""
    words = _WORD.findall(fold(gap))
    return 0 < len(words) <= 2 and all(w in lang_lexicon(language)["connectors"] for w in words)


def _inflected_in(word: str, vocab: frozenset[str]) -> bool:
    """A word of the vocabulary, also in its feminine or plural form ("secrétaire générale", "ministres")."""
    w = fold(word)
    return any(form in vocab for form in (w, w.removesuffix("s"), w.removesuffix("es"), w.removesuffix("e")))


@cache
def _title_words(language: str, titles_only: bool = False) -> frozenset[str]:
    lex = lang_lexicon(language)
    words = set() if titles_only else set(lex["determiners"]) | set(lex["connectors"]) | set(lex.get("title_of") or ())
    for key in ("titles", "ranks"):
        for phrase in lex.get(key) or {}:
            words |= set(_WORD.findall(fold(phrase)))
    return frozenset(words)


def listed(
    pool: list[Mention],
    heads: list[Mention],
    sentence: Sentence,
    trigger: tuple[int, int],
    side: str,
    language: str,
    lead: re.Pattern[str] | None = None,
    reach: int = 0,
) -> list[Mention]:
    """The mention of `heads` nearest the trigger and the items of `pool` coordinated with it ("X, Y and Z");
    `lead`, when given, is what the text between the trigger and the list must match ("of the CSTO – ");
    `reach`, when given, how far the list may stand from the trigger when nothing but words lies between
    ("received a delegation of the Committee of Secretaries of the Security Councils of the CIS in Dushanbe")."""
    if side == "any":  # the list after the trigger, else the one before it
        return listed(pool, heads, sentence, trigger, "after", language, lead, reach) or listed(
            pool, heads, sentence, trigger, "before", language, lead, reach
        )
    t0, t1 = trigger

    def gap(a: int, b: int) -> str:
        return sentence.text[a - sentence.start : b - sentence.start]

    def near(text: str) -> bool:
        return bool(_LEAD.fullmatch(text)) or len(text) <= reach and not _CLAUSE_MARK.search(text)

    if side == "before":
        ordered = sorted((m for m in pool if m.end <= t0), key=lambda m: -m.start)
        first = max((m for m in heads if m.end <= t0), key=lambda m: m.start, default=None)
        if first is None or not near(gap(first.end, t0)) or lead and not lead.search(gap(first.end, t0)):
            return []
        out = [first]
        for m in ordered:
            if m.end > out[-1].start:
                continue
            if not coordinated(gap(m.end, out[-1].start), language):
                break
            out.append(m)
    else:
        ordered = sorted((m for m in pool if m.start >= t1), key=lambda m: m.start)
        first = min((m for m in heads if m.start >= t1), key=lambda m: m.start, default=None)
        if first is None or not near(gap(t1, first.start)) or lead and not lead.search(gap(t1, first.start)):
            return []
        out = [first]
        for m in ordered:
            if m.start < out[-1].end:
                continue
            if not coordinated(gap(out[-1].end, m.start), language):
                break
            out.append(m)
    seen: set[Ref] = set()
    return [m for m in out if not (m.ref in seen or seen.add(m.ref))]
