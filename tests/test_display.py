"""`to_visual`: shaping + reordering for displays without bidi or shaping."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text.display import to_visual, unshape
from polyglot_text.display.uba import bidi_class

# Behaviour cases: label, input, options, expected visual text (shape=False keeps them readable).
VISUAL_CASES = [
    {
        "label": "rtl-paragraph-with-latin-and-number",
        "input": "وفد حماس (Hamas) 2024",
        "options": {"shape": False},
        "expected": "2024 (Hamas) سامح دفو",
    },
    {
        "label": "ltr-paragraph-with-arabic-run",
        "input": "He said وفد حماس today",
        "options": {"shape": False},
        "expected": "He said سامح دفو today",
    },
    {
        "label": "brackets-mirrored-in-rtl-run",
        "input": "قال (نعم) [لا]",
        "options": {"shape": False},
        "expected": "[ال] (معن) لاق",
    },
    {
        "label": "harakat-stay-after-their-letter",
        "input": "مُحَمَّد",
        "options": {"shape": False},
        "expected": "\u062f\u0645\u064e\u0651\u062d\u064e\u0645\u064f",
    },
    {
        "label": "isolates-applied-then-removed",
        "input": "\u2067عرب 12\u2069 is here",
        "options": {"shape": False},
        "expected": "12 برع is here",
    },
    {
        "label": "base-dir-ltr-forces-ltr-paragraph",
        "input": "عرب abc",
        "options": {"shape": False, "base_dir": "ltr"},
        "expected": "برع abc",
    },
    {
        "label": "base-dir-rtl-forces-rtl-paragraph",
        "input": "abc عرب",
        "options": {"shape": False, "base_dir": "rtl"},
        "expected": "برع abc",
    },
    {
        "label": "python-bidi-l1-shortcut-case",
        "input": "a\u202a\t",
        "options": {"shape": False, "base_dir": "rtl"},
        "expected": "\ta",
    },
    {
        "label": "lines-keep-their-order",
        "input": "سطر أول\nسطر ثاني\n",
        "options": {"shape": False},
        "expected": "لوأ رطس\nيناث رطس\n",
    },
    {
        "label": "wrap-in-logical-order-first",
        "input": "وفد حماس إلى طهران today",
        "options": {"shape": False, "width": 10},
        "expected": "سامح دفو\nنارهط ىلإ\ntoday",
    },
    {
        "label": "shaped-persian",
        "input": "گفتگو",
        "options": {},
        "expected": "\ufeee\ufb95\ufe98\ufed4\ufb94",
    },
    {
        "label": "shaped-urdu",
        "input": "پاکستان کے",
        "options": {},
        "expected": "\ufbaf\ufb90 \ufee5\ufe8e\ufe98\ufeb4\ufb90\ufe8e\ufb58",
    },
    {
        "label": "lam-alef-ligature-unless-a-mark-between",
        "input": "لا لَا",
        "options": {},
        "expected": "\ufe8e\ufedf\u064e \ufefb",
    },
    {
        "label": "keep-harakat-false-drops-them",
        "input": "مُحَمَّد",
        "options": {"shape": False, "keep_harakat": False},
        "expected": "دمحم",
    },
]


@pytest.mark.parametrize("case", VISUAL_CASES, ids=[c["label"] for c in VISUAL_CASES])
def test_visual_cases(case: dict[str, object]) -> None:
    options = case["options"]
    assert isinstance(options, dict)
    assert to_visual(str(case["input"]), **options) == case["expected"]


def test_agrees_with_plain_reshaper_and_python_bidi_on_simple_text() -> None:
    """Without brackets, marks or unusual letters the result is what the two libraries give."""
    import arabic_reshaper
    from bidi import get_display

    for line in [
        "وفد حماس إلى طهران today",
        "He said وفد حماس إلى طهران today 12",
        "قالت الوزارة إن 25 شخصا أصيبوا",
        "سلام دنیا",
    ]:
        assert to_visual(line) == get_display(arabic_reshaper.reshape(line))


def test_harakat_are_kept_by_default_and_dropped_on_request() -> None:
    text = "بِسْمِ اللَّهِ"
    marks = Counter(c for c in text if unicodedata.category(c) == "Mn")
    shown = to_visual(text)
    assert Counter(c for c in shown if unicodedata.category(c) == "Mn") == marks
    for i, char in enumerate(shown):  # every mark follows a letter or another mark (rule L3)
        if unicodedata.category(char) == "Mn":
            assert i > 0 and unicodedata.category(shown[i - 1]) in ("Lo", "Mn")
    assert not [c for c in to_visual(text, keep_harakat=False) if unicodedata.category(c) == "Mn"]


def test_odd_unicode_never_raises() -> None:
    for text in ["a\ud800b عرب", "\udfff", "\x00عرب\x01", "", "\n\r\n", "\u2069\u202c\u2067"]:
        assert isinstance(to_visual(text), str)


def test_misuse_raises_with_valid_options() -> None:
    with pytest.raises(ValueError, match="auto, rtl, ltr"):
        to_visual("x", base_dir="right")
    with pytest.raises(ValueError, match="positive int"):
        to_visual("x", width=0)
    with pytest.raises(TypeError):
        to_visual(b"x")  # type: ignore[arg-type]


_MIXED = st.text(
    alphabet=st.sampled_from(
        list("وفدحماسإلىطهرانپچژگکیےںٹ") + list("abcXYZ 0123٤٥٦.,-()[]«»!؟") + ["\u064e", "\u0651"]
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_visual_is_a_rearrangement_of_the_shaped_letters(text: str) -> None:
    """Nothing is lost or invented: unshaped, the visual text has the same characters
    (brackets counted with their mirror, since they may be mirrored)."""
    from polyglot_text.display.uba import _tables

    mirrors = _tables()[3]

    def bag(s: str) -> Counter[str]:
        return Counter(min(c, chr(mirrors.get(ord(c), ord(c)))) for c in s)

    assert bag(unshape(to_visual(text))) == bag(text)


@settings(max_examples=200, deadline=None)
@given(_MIXED)
def test_pure_ltr_text_is_unchanged(text: str) -> None:
    ltr = "".join(c for c in text if bidi_class(c) not in ("R", "AL", "AN", "NSM"))
    assert to_visual(ltr, base_dir="ltr") == ltr


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["auto", "rtl", "ltr"]), st.booleans())
def test_never_raises_on_any_text(text: str, base_dir: str, shape: bool) -> None:
    from polyglot_text.display import looks_visual, to_logical

    shown = to_visual(text, base_dir=base_dir, shape=shape, width=7)
    assert isinstance(shown, str)
    assert isinstance(to_logical(shown, base_dir=base_dir), str)
    assert 0.0 <= looks_visual(shown) <= 1.0
