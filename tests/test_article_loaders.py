"""Article loaders: .md with front matter, .txt and .html; cleaning keeps offsets; bad input is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.article import MAX_BYTES, load_article
from casckg.ingest.errors import SourceError
from casckg.ingest.language import sentences

FRONT = "---\nid: {id}\nurl: https://example.org/a\ntitle: T\npublisher: P\nlanguage: {lang}\npublished: null\n---\n"


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _reason(path: Path) -> str:
    with pytest.raises(SourceError) as info:
        load_article(path)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    return problem.message


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", "", "empty article"),
        ("blank.txt", "  \n\n ", "empty article"),
        ("latin1.txt", "Le Kazakhstan a accueilli le forum à Almaty".encode("latin-1"), "not UTF-8"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("nofront.md", "Kazakhstan hosted a roundtable in Almaty on May 31.\n", "no YAML front matter"),
        ("missing.md", "---\nid: x\nurl: https://example.org\n---\nText here.\n", "missing field(s): title"),
        (
            "german.txt",
            "Der Bundestag hat heute in Berlin ein neues Gesetz über die Verteidigung beschlossen.\n",
            "unsupported language 'de'",
        ),
        ("spanish.md", FRONT.format(id="es", lang="es") + "El ministro visitó Almaty.\n", "unsupported language 'es'"),
        ("page.pdf", "%PDF-1.4", "unsupported article format"),
    ],
)
def test_bad_articles_are_one_clear_error(tmp_path, name, content, reason):
    assert reason in _reason(_write(tmp_path, name, content))


def test_an_article_over_the_size_limit_is_refused(tmp_path):
    path = _write(tmp_path, "big.txt", "Kazakhstan hosted a meeting. " * (MAX_BYTES // 29 + 10))
    assert "too large" in _reason(path)


def test_markdown_metadata_and_offsets_into_the_original_file(corpus):
    path = corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md"
    article = load_article(path)
    text = path.read_text(encoding="utf-8")
    assert article.text == text
    assert article.source.key == "turkishnewsworld-kazcent-roundtable-en"
    assert article.source.kind == "article" and article.language == "en"
    assert article.source.publisher == "Turkish News World"
    kept = [text[s:e] for s, e in article.regions]
    assert any(line.startswith("The Center for Peacekeeping Operations") for line in kept)
    for furniture in ("Related Articles", "Leave a Reply", "Back to top button", "Hostinger", "Pools Plus Cyprus"):
        assert furniture not in kept
    for sentence in sentences(article.text, article.regions, article.language):
        assert text[sentence.start : sentence.end] == sentence.text


def test_french_newsletter_and_section_lines_are_dropped(corpus):
    article = load_article(corpus / "seeds" / "lapresseturquoise-kazcent-forum-fr.md")
    kept = [text for _, text in article.region_texts()]
    assert "Newsletter" not in kept
    assert not any(line.startswith("Pour rester informé") for line in kept)
    assert any("table ronde" in line for line in kept)


def test_plain_text_gets_metadata_from_its_name_and_a_detected_language(tmp_path):
    path = _write(
        tmp_path,
        "2024-05-31-kazcent-roundtable.txt",
        "Казахстан провёл первый региональный круглый стол по миротворчеству в Алматы.\n",
    )
    article = load_article(path)
    assert article.language == "ru"
    assert article.source.published == "2024-05-31"
    assert article.source.key == "2024-05-31-kazcent-roundtable"
    assert article.source.title == "kazcent roundtable"


def test_saved_html_page_gives_main_text_and_title(tmp_path):
    html = (
        "<html lang='en'><head><title>KAZCENT hosts a roundtable</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>KAZCENT hosts a roundtable</h1>"
        "<p>The Center for Peacekeeping Operations of the Ministry of Defense (KAZCENT) organized the first "
        "regional roundtable on peacekeeping in Almaty on May 31, bringing together representatives of "
        "Tajikistan, the United Nations and the International Committee of the Red Cross.</p>"
        "<p>Participants discussed international humanitarian law and the role of Central Asian countries "
        "in United Nations peacekeeping operations around the world.</p></article>"
        "<footer>Back to top</footer></body></html>"
    )
    article = load_article(_write(tmp_path, "kazcent.html", html))
    assert article.language == "en"
    assert article.source.title == "KAZCENT hosts a roundtable"
    body = "\n".join(text for _, text in article.region_texts())
    assert "Center for Peacekeeping Operations" in body
    assert "Back to top" not in body


ALIAS_BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
    "title: *h\n"
)


@pytest.mark.parametrize(
    ("front", "line", "reason"),
    [
        ("id: x\nurl: https://example.org/a\n" + ALIAS_BOMB, 4, "aliases"),
        ("id: &r [*r]\n", 2, "aliases"),
        ("id: " + "[" * 5000 + "]" * 5000 + "\n", 2, "nested more than"),
        ("id: x\nx: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n", 3, "nested more than"),
    ],
    ids=["alias-bomb", "recursive-alias", "5000-deep-flow", "3000-deep-mapping"],
)
def test_front_matter_that_would_explode_is_refused_at_once(tmp_path, front, line, reason):
    path = _write(tmp_path, "bomb.md", "---\n" + front + "---\nKazakhstan hosted talks in Astana.\n")
    with pytest.raises(SourceError) as info:
        load_article(path)
    (problem,) = info.value.problems
    assert reason in problem.message and problem.line == line


@pytest.mark.parametrize("published", ["2024-02-30", "0000-01-01", "2023-13-01"])
def test_an_impossible_unquoted_date_is_one_clear_error(tmp_path, published):
    front = FRONT.format(id="d", lang="en").replace("published: null", f"published: {published}")
    path = _write(tmp_path, "date.md", front + "Kazakhstan hosted talks in Astana.\n")
    assert f"real date YYYY-MM-DD or null, not '{published}'" in _reason(path)


def test_an_unquoted_real_date_is_read_as_written(tmp_path):
    front = FRONT.format(id="d", lang="en").replace("published: null", "published: 2024-02-29")
    article = load_article(_write(tmp_path, "leap.md", front + "Kazakhstan hosted talks in Astana.\n"))
    assert article.source.published == "2024-02-29"


def test_one_bad_date_does_not_stop_the_rest_of_the_folder(tmp_path):
    from casckg.graph.build.articles import ingest_articles
    from casckg.graph.store import EmbeddedStore

    folder = tmp_path / "articles"
    folder.mkdir()
    bad = FRONT.format(id="bad", lang="en").replace("published: null", "published: 2024-02-30")
    _write(folder, "a-bad.md", bad + "Kazakhstan hosted talks in Astana.\n")
    _write(folder, "b-good.md", FRONT.format(id="good", lang="en") + "Kazakhstan hosted talks in Astana.\n")
    with EmbeddedStore() as store:
        report = ingest_articles(store, [folder])
    assert [i.path for i in report.ingested] == [str(folder / "b-good.md")]
    assert [p.file for p in report.skipped] == [str(folder / "a-bad.md")]


def test_an_endless_sentence_is_cut_into_bounded_pieces_at_spaces():
    from casckg.ingest.language import MAX_SENTENCE

    text = "Kazakhstan and Kyrgyzstan met the CSTO in Astana " * 4000  # 200 KB, not one full stop
    found = sentences(text, [(0, len(text))], "en")
    assert len(found) > len(text) // MAX_SENTENCE
    assert all(0 < len(s.text) <= MAX_SENTENCE and text[s.start : s.end] == s.text for s in found)
    assert all(
        s.text.endswith(("Astana", "CSTO", "in", "and", "met", "the", "Kazakhstan", "Kyrgyzstan")) for s in found
    )
    assert "".join(s.text for s in found).replace(" ", "") == text.replace(" ", "")


def test_each_mention_knows_the_smallest_mention_around_it(corpus, gazetteer, monkeypatch):
    from casckg.ingest import mentions as mentions_module
    from casckg.ingest.extract import extract

    seen: list = []
    original = mentions_module._apposition

    def keep(sentence, found, linker):
        seen.append(list(found))
        return original(sentence, found, linker)

    monkeypatch.setattr(mentions_module, "_apposition", keep)
    extract(load_article(corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md"), gazetteer)

    def size(m):
        return None if m is None else m.last - m.first

    nested = 0
    for found in seen:
        for m in found:  # the definition, checked against every other mention of the sentence
            around = [o for o in found if o is not m and o.first <= m.first and m.last <= o.last and size(o) > size(m)]
            assert size(m.outer) == size(min(around, key=size, default=None))
            nested += m.outer is not None
    assert nested > 0


@pytest.mark.parametrize("bad_id", ["two words", "a/b", "..", "50%"])
def test_an_id_that_is_not_one_path_segment_is_one_clear_error(tmp_path, bad_id):
    front = FRONT.format(id=f"'{bad_id}'", lang="en")
    assert "'id' must be one word" in _reason(_write(tmp_path, "odd.md", front + "Kazakhstan hosted talks.\n"))


def test_a_credit_closing_a_caption_is_not_article_text(tmp_path):
    """ "[Press Service - afp]" or "(Photo: …)" after a caption's last sentence says who made the
    picture; the caption itself stays, and brackets inside a sentence stay too."""
    body = (
        "Des soldats ont quitté Almaty jeudi. [Service de presse du ministère - afp]\n\n"
        "Les ministres se sont réunis à Astana. (Photo: Agence Exemple)\n\n"
        "Le texte [de l'accord] a été signé à Bichkek.\n"
    )
    article = load_article(_write(tmp_path, "credit.md", FRONT.format(id="credit", lang="fr") + body))
    kept = [text for _, text in article.region_texts()]
    assert kept == [
        "Des soldats ont quitté Almaty jeudi.",
        "Les ministres se sont réunis à Astana.",
        "Le texte [de l'accord] a été signé à Bichkek.",
    ]
