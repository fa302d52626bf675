"""`to_logical` and `looks_visual`: repairing visual-order text, and not touching logical text."""

from __future__ import annotations

import random

import pytest
from conftest import FIXTURES, external
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text.display import VISUAL_THRESHOLD, looks_visual, to_logical, to_visual
from polyglot_text.normalize import normalize

# Behaviour cases: label, visual input, options, expected logical text.
LOGICAL_CASES = [
    {
        "label": "shaped-rtl-line-with-latin-and-number",
        "input": "2024 (Hamas) \ufeb1\ufe8e\ufee4\ufea3 \ufeaa\ufed3\ufeed",
        "options": {},
        "expected": "وفد حماس (Hamas) 2024",
    },
    {
        "label": "unshaped-reversed-arabic",
        "input": "نارهط ىلإ سامح دفو",
        "options": {},
        "expected": "وفد حماس إلى طهران",
    },
    {
        "label": "lam-alef-ligature-unshaped-in-visual-order",
        "input": "\ufeea\ufee0\ufedf\ufe8d \ufefb",
        "options": {},
        "expected": "لا الله",
    },
    {
        "label": "separate-numbers-in-arabic-stay-separate",
        "input": "4567 123 050 \ufe8f\ufeae\ufecb",
        "options": {},
        "expected": "عرب 050 123 4567",
    },
    {
        "label": "percent-in-arabic-context",
        "input": "%3.5 \ufbaf\ufbff\ufedf",
        "options": {},
        "expected": "لیے 3.5%",
    },
    {
        "label": "ltr-paragraph-given",
        "input": "He said \ufeb1\ufe8e\ufee4\ufea3 \ufeaa\ufed3\ufeed today",
        "options": {"base_dir": "ltr"},
        "expected": "He said وفد حماس today",
    },
    {
        "label": "marks-after-their-letter-go-back",
        "input": "\u062f\u0645\u064e\u0651\u062d\u064e\u0645\u064f",
        "options": {},
        "expected": "مُحَمَّد",
    },
    {
        "label": "brackets-unmirrored",
        "input": "[ال] (معن) لاق",
        "options": {},
        "expected": "قال (نعم) [لا]",
    },
    {
        "label": "line-endings-kept",
        "input": "لوأ رطس\r\nيناث رطس\n",
        "options": {},
        "expected": "سطر أول\r\nسطر ثاني\n",
    },
]


@pytest.mark.parametrize("case", LOGICAL_CASES, ids=[c["label"] for c in LOGICAL_CASES])
def test_logical_cases(case: dict[str, object]) -> None:
    options = case["options"]
    assert isinstance(options, dict)
    assert to_logical(str(case["input"]), **options) == case["expected"]


def test_visual_order_is_ambiguous_so_no_function_inverts_it_everywhere() -> None:
    """Why the round trip below is stated on a domain: two different logical lines that
    display the same. Any `to_logical` gets at least one of each such pair wrong."""
    pairs = [
        ("abc 12 عرب", "abc عرب 12"),  # LTR paragraph: a number between Latin and Arabic
        ("عرب 12 abc", "عرب abc 12"),  # RTL paragraph: a number next to a Latin word
        ("عرب abc", "abc عرب"),  # paragraph direction itself
    ]
    for one, other in pairs:
        assert one != other and to_visual(one) == to_visual(other)


def test_misuse() -> None:
    with pytest.raises(ValueError, match="auto, rtl, ltr"):
        to_logical("x", base_dir="up")
    with pytest.raises(TypeError):
        to_logical(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        looks_visual(b"x")  # type: ignore[arg-type]


def test_odd_unicode_never_raises() -> None:
    for text in ["a\ud800b ﺏﺮﻋ", "\x00ﺏﺮﻋ\x01", "", "\n", "\u2069ﻻ\u202e", "\ufdf2"]:
        assert isinstance(to_logical(text), str)
        assert 0.0 <= looks_visual(text) <= 1.0


# --- round trip ---------------------------------------------------------------------------

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةىپچژگکیےںٹڈڑھہ"
_HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b"


@st.composite
def _arabic_word(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=7))
    out = []
    for letter in letters:
        out.append(letter)
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(_HARAKAT)))
    word = "".join(out)
    punct = draw(st.sampled_from(["", "", "", "،", ".", "؟", "!", ":"]))
    if draw(st.integers(0, 6)) == 0:
        return f"({word}){punct}"
    return word + punct


_LATIN = st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True)
_NUMBER = st.one_of(
    st.from_regex(r"[0-9]{1,4}([.,][0-9]{1,3})?%?", fullmatch=True),
    st.from_regex(r"[٠-٩]{1,4}", fullmatch=True),
    st.from_regex(r"[۰-۹]{1,4}", fullmatch=True),
)


@st.composite
def rtl_line(draw: st.DrawFn) -> str:
    """An Arabic-first line (a right-to-left paragraph) of Arabic-script words with Latin
    words and numbers, never two left-to-right tokens side by side (see the ambiguity test)."""
    tokens = [draw(_arabic_word())]
    for _ in range(draw(st.integers(0, 7))):
        previous_rtl = tokens[-1][-1] not in "0123456789%٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹" and not (
            tokens[-1][-1].isascii() and tokens[-1][-1].isalpha()
        )
        if previous_rtl and draw(st.booleans()):
            tokens.append(draw(st.one_of(_LATIN, _NUMBER)))
        else:
            tokens.append(draw(_arabic_word()))
    return " ".join(tokens)


@st.composite
def ltr_line(draw: st.DrawFn) -> str:
    """A Latin-first line: Latin and Arabic-script words in any order, numbers only between
    two Arabic words."""
    tokens = [draw(_LATIN)]
    for _ in range(draw(st.integers(0, 7))):
        if draw(st.booleans()):
            tokens.append(draw(_LATIN))
        else:
            tokens.append(draw(_arabic_word()).strip("()،.؟!:"))
            if draw(st.integers(0, 3)) == 0:
                tokens += [draw(_NUMBER), draw(_arabic_word()).strip("()،.؟!:")]
    return " ".join(tokens)


@settings(max_examples=250, deadline=None)
@given(rtl_line(), st.booleans())
def test_round_trip_rtl_lines(text: str, shape: bool) -> None:
    assert to_logical(to_visual(text, shape=shape)) == normalize(text, "clean")


@settings(max_examples=150, deadline=None)
@given(ltr_line(), st.booleans())
def test_round_trip_ltr_lines(text: str, shape: bool) -> None:
    shown = to_visual(text, base_dir="ltr", shape=shape)
    assert to_logical(shown, base_dir="ltr") == normalize(text, "clean")


@settings(max_examples=150, deadline=None)
@given(rtl_line())
def test_repair_is_a_true_preimage(text: str) -> None:
    """Whatever reading it picks, the repaired text displays as the visual text it came from."""
    shown = to_visual(text, shape=False)
    assert to_visual(to_logical(shown), shape=False) == to_visual(
        normalize(text, "clean"), shape=False
    )


# --- looks_visual ------------------------------------------------------------------------


def _logical_fixture_lines() -> list[str]:
    lines = []
    for path in sorted(FIXTURES.glob("*.txt")):
        if path.name in ("pdf_presentation_forms.txt", "cp1256_mojibake.txt"):
            continue  # not logical-order text of ours to judge: forms fixture, mojibake
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


def test_looks_visual_low_on_logical_fixtures() -> None:
    lines = _logical_fixture_lines()
    assert len(lines) > 50
    assert [line for line in lines if looks_visual(line) >= VISUAL_THRESHOLD] == []


def test_logical_presentation_forms_are_not_visual() -> None:
    """Old PDFs give presentation forms in logical order: the joins say so."""
    path = FIXTURES / "pdf_presentation_forms.txt"
    if not path.exists():
        pytest.skip("fixture absent")
    for line in path.read_text(encoding="utf-8").splitlines():
        assert looks_visual(line) < VISUAL_THRESHOLD, line


@pytest.mark.parametrize("name", ["Arabic_arb.txt", "Persian_fas.txt", "Urdu_urd.txt"])
def test_looks_visual_on_corpora(name: str) -> None:
    """Every logical line of the corpus scores low; their visual forms mostly score high.

    Measured on the full corpora (98,435 lines): no logical line at or above the threshold;
    shaped visual forms of a 1,500-line sample found 96.3% (ar), 98.1% (fa), 98.7% (ur);
    unshaped visual forms 43.6%, 22.3%, 86.1% (few clues without presentation forms).
    """
    lines = [
        line
        for line in external("persoarabic-lid", name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert [line for line in lines if looks_visual(line) >= VISUAL_THRESHOLD] == []
    sample = random.Random(1).sample(lines, 500)
    found = sum(looks_visual(to_visual(line)) >= VISUAL_THRESHOLD for line in sample)
    assert found / len(sample) >= 0.94


def test_to_logical_then_looks_logical() -> None:
    for line in _logical_fixture_lines():
        shown = to_visual(line)
        if looks_visual(shown) >= VISUAL_THRESHOLD:
            assert looks_visual(to_logical(shown)) < VISUAL_THRESHOLD
