"""clean() and clean_and_explain(): fixtures, options, replay, properties."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from polyglot_text import clean, clean_and_explain, find_bidi_issues
from polyglot_text.mojibake import _precheck
from polyglot_text.pipeline import STEPS, CleanConfig, clean_config, replay
from polyglot_text.segment import tokens

CASES = Path(__file__).parent / "cases"


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def test_seed_article_glued_url_is_separated() -> None:
    text = (FIXTURES / "seed_article.txt").read_text("utf-8")
    out = clean(text)
    assert "وزير الخارجية الإيراني http://hamas.ps/ar/post/7769/\n" in out
    assert "الإيرانيhttp" not in out
    assert "http://hamas.ps/ar/post/7769/" in [t.text for t in tokens(out) if t.kind == "url"]
    assert not any(line != line.rstrip() for line in out.splitlines())
    assert out.count("\n") == text.count("\n")  # newlines kept
    # nothing else in the (clean, English) article changes
    assert out.replace("الإيراني http", "الإيرانيhttp").splitlines() == [
        line.rstrip() for line in text.splitlines()
    ]


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("الإيرانيhttp://hamas.ps/ar/", "الإيراني http://hamas.ps/ar/"),
        ("بيانHTTPS://x.com/a", "بيان HTTPS://x.com/a"),
        ("ملفftp://files.example.org/x", "ملف ftp://files.example.org/x"),
        ("موقعWww.example.com", "موقع Www.example.com"),
        ("see:http://x.com", "see:http://x.com"),  # a colon before the URL already splits it
        ("ratio 3:2 at 10.30 and http: alone", "ratio 3:2 at 10.30 and http: alone"),
    ],
)
def test_glued_urls_split_in_any_case(glued: str, split: str) -> None:
    assert clean(glued) == split
    assert clean(f"first line\n{glued} end\nlast") == f"first line\n{split} end\nlast"


def test_pdf_presentation_forms_fixture() -> None:
    got = [clean(line) for line in _lines(FIXTURES / "pdf_presentation_forms.txt")]
    assert got == _lines(CASES / "pdf_presentation_forms_expected.txt")


def test_cp1256_mojibake_fixture() -> None:
    got = [clean(line) for line in _lines(FIXTURES / "cp1256_mojibake.txt")]
    assert got == _lines(CASES / "mojibake_fixture_expected.txt")


def test_persian_zwnj_fixture() -> None:
    lines = _lines(FIXTURES / "persian_zwnj.txt")
    assert [clean(line, profile="fa") for line in lines] == _lines(
        CASES / "persian_zwnj_expected_fa.txt"
    )
    # the default profile keeps Arabic kaf/yeh and every ZWNJ between letters
    for line in lines:
        out = clean(line)
        assert out.count("ك") == line.count("ك") and out.count("ي") == line.count("ي")
        assert "\u200c\u200c" not in out and "\u200c " not in out


def test_trojan_source_line_is_defused() -> None:
    line = '    if (strcmp(access_level, "user\u202e \u2066// Check if admin\u2069 \u2066")) {'
    assert find_bidi_issues(line)
    out, steps = clean_and_explain(line)
    assert find_bidi_issues(out) == [] and steps[0] == "normalize (profile=clean)"
    assert out == '    if (strcmp(access_level, "user // Check if admin ")) {'  # indent kept


def test_explain_lists_changing_steps_and_replays() -> None:
    text = "ط³ظ„ط§ظ…  ﻻ\u202e وزيرhttp://x.com/a "
    out, steps = clean_and_explain(text)
    assert out == "سلام لا وزير http://x.com/a"
    assert [s.split(" (")[0] for s in steps] == [
        "fix_mojibake",
        "normalize",
        "split_urls",
        "tidy_whitespace",
    ]
    assert replay(text, steps) == out
    assert clean_and_explain("plain text") == ("plain text", [])


def test_options() -> None:
    assert clean("ﻻ  x", whitespace=False) == "لا  x"
    assert clean("ط³ظ„ط§ظ…", mojibake=False) == "ط³ظ„ط§ظ…"
    assert clean("aهttp://x.com", split_urls=False) == "aهttp://x.com"
    assert clean("نعمexample.com و Xhttps://a.org") == "نعم example.com و X https://a.org"
    assert clean("أحمد ٣", profile="search") == "احمد 3"
    assert clean("أحمد ٣", profile="search", digits="keep") == "احمد ٣"
    assert clean_config(profile="fa", zwnj="keep") == CleanConfig(
        profile="fa", folds=(("zwnj", "keep"),)
    )
    with pytest.raises(ValueError, match="valid options: mojibake"):
        clean("x", colour="red")
    with pytest.raises(ValueError, match="valid profiles"):
        clean("x", profile="web")
    with pytest.raises(ValueError, match="valid values"):
        clean("x", digits="roman")
    with pytest.raises(ValueError, match="True or False"):
        clean("x", mojibake="yes")
    with pytest.raises(ValueError, match="valid steps"):
        replay("x", ["polish"])
    with pytest.raises(TypeError):
        clean(None)  # type: ignore[arg-type]


def test_repair_visual_option() -> None:
    display = pytest.importorskip("polyglot_text.display")
    if not all(hasattr(display, n) for n in ("looks_visual", "to_logical", "VISUAL_THRESHOLD")):
        pytest.skip("polyglot_text.display has no looks_visual/to_logical yet (issue of display)")
    logical = "وفد حماس إلى طهران"
    visual = display.to_visual(logical) if hasattr(display, "to_visual") else logical[::-1]
    if display.looks_visual(visual) < display.VISUAL_THRESHOLD:
        pytest.skip("display does not take this line for visual order")
    assert clean(visual, repair_visual=True) == clean(display.to_logical(visual))
    assert clean(logical, repair_visual=True) == logical


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("a  b\n", "a b\n"),
        ("a \t\nb", "a\nb"),
        ("a \r\nb", "a\r\nb"),
        ("a\t\r\nb \rc", "a\r\nb\rc"),
        ("a\tb\n", "a\tb\n"),  # a tab between words stays
        ("  indented\n\tand tab\n", "  indented\n\tand tab\n"),  # indentation stays
        ("end\t", "end"),
        ("no\u00a0\u00a0break \u3000\n", "no break\n"),
    ],
)
def test_whitespace_is_tidied_around_tabs_and_carriage_returns(raw: str, tidy: str) -> None:
    assert clean(raw) == tidy
    assert clean(f"x\n{raw}") == f"x\n{tidy}"


# --- properties ------------------------------------------------------------------------------

_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءؤئکیگپچژہھے ﻻﷲﺍﻟﻌﹰﷺ٠١٢۴۵"
    "\u064b\u064e\u0651\u0640\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufeff"
    "abcdeéE\u0301 \t\n\u00a0.:/@#0123456789wh"
)
TEXT = st.text(st.sampled_from(_ALPHABET) | st.characters(), max_size=50) | st.lists(
    st.sampled_from(
        [
            "http://x.com/",
            "www.a.org",
            "وزير",
            "a@b.org",
            "@u",
            " ",
            "  ",
            "\n",
            "ﻻ",
            "ـ",
            "\u202e",
            "café",
            "ÇáÚÑÈíÉ",
            "ط³ظ„ط§ظ…",
            "Ã©",
            "٣",
        ]
    ),
    max_size=10,
).map("".join)


def _letters_and_digits(text: str) -> list[str]:
    """Base letters and digits, compatibility forms decomposed, tatweel and marks left out."""
    return [
        c
        for c in unicodedata.normalize("NFKD", text)
        if (unicodedata.category(c)[0] == "L" and c != "\u0640") or unicodedata.category(c) == "Nd"
    ]


@settings(max_examples=400, deadline=None)
@given(TEXT)
@example("وزيرhttp://x.com ﻻ\u202e")
def test_clean_keeps_every_letter_and_digit(text: str) -> None:
    out = clean(text, mojibake=False)
    assert _letters_and_digits(out) == _letters_and_digits(text)
    if not _precheck().search(text):  # no sign of mojibake: the default run is the same
        assert clean(text) == out


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_clean_is_idempotent_and_explained(text: str) -> None:
    out, steps = clean_and_explain(text, mojibake=False)
    assert clean(out, mojibake=False) == out
    assert replay(text, steps, mojibake=False) == out
    assert set(s.split(" (")[0] for s in steps) <= set(STEPS)
    assert not re.search(r"(?<=\S)[ \u00a0\u2000-\u200a\u3000]{2}", out)
    assert not any(line.endswith((" ", "\t")) for line in out.split("\n"))


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT.map(lambda t: "".join(t.splitlines()) + "\n"), max_size=6))
@example(["ÇáÚÑÈíÉ\n", "ÇäÙÑÈêÉ\n"])
@example(["é\n", "ÀÉÎ Ô\n"])
def test_clean_is_line_local(lines: list[str]) -> None:
    # the CLI cleans blocks of lines in one call: the result must be the lines' results
    assert clean("".join(lines)) == "".join(clean(line) for line in lines)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["clean", "search", "fa", "ur"]))
def test_no_exception_on_any_string(text: str, profile: str) -> None:
    assert isinstance(clean(text, profile=profile), str)


def test_no_exception_on_surrogates_and_controls() -> None:
    for text in ["\ud800", "a\udfffb ﻻ", "\x00\x01\x7f\x85\u2028", "Ã\ud800©"]:
        assert isinstance(clean(text), str)
