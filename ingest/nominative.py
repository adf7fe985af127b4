"""A Russian person's name in the nominative, whatever case the sentence puts it in: the label a
person read after a title or found by the models is given ("министра обороны Руслана Жаксылыкова"
is Руслан Жаксылыков)."""

from __future__ import annotations

from .tokens import NAME_GRAMMEMES, Token, morphology


def person_name(words: list[Token], language: str) -> str:
    """The name as written; in Russian, in the nominative ("Сергеем Ивановым" -> "Сергей Иванов",
    "генерал-майора Рустама Назарова" -> "Рустам Назаров"). The case is the one all its words can be
    in as one person's name (so "Ислам Каримов" stays, though "Каримов" alone may read as a plural)."""
    if language != "ru":
        return " ".join(name_case(t.text) for t in words)

    def as_name(parse) -> bool:
        return bool(NAME_GRAMMEMES & set(str(parse.tag).replace(" ", ",").split(","))) and parse.tag.number == "sing"

    readings = [[p for p in morphology().parse(t.text) if as_name(p)] for t in words]
    cases = [{p.tag.case for p in r} for r in readings if r]
    common = set.intersection(*cases) if cases else set()
    if not common or "nomn" in common:
        return " ".join(name_case(t.text) for t in words)
    case = next(p.tag.case for r in readings if r for p in r if p.tag.case in common)
    out = []
    for t, r in zip(words, readings, strict=True):
        parse = next((p for p in r if p.tag.case == case), None)
        form = parse.inflect({"nomn"}) if parse is not None else None
        out.append("-".join(x.capitalize() for x in form.word.split("-")) if form is not None else name_case(t.text))
    return " ".join(out)


def name_case(word: str) -> str:
    """A word of a name as names are written: a surname in capitals, as official texts write it ("M.
    Kassymjomart TOKAEV", "Emomali RAHMON"), in title case, so that it is the same person as "Tokaev"."""
    return "-".join(x.capitalize() for x in word.split("-")) if word.isupper() and len(word) > 2 else word
