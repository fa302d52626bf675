"""Transliteration: API contract, registry, misuse, odd Unicode, behaviour cases."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import polyglot_text.translit as tr
from polyglot_text.translit import (
    WordRomanization,
    default_scheme_for,
    detransliterate,
    schemes,
    tables,
    transliterate,
    transliterate_and_explain,
    transliterate_words,
)

CASES = Path(__file__).parent / "cases"


def test_registry_is_the_one_list() -> None:
    assert schemes() == list(tables.SCHEMES)
    assert set(tables.LOSSLESS) | set(tables.SCHOLARLY) == set(schemes())
    for name in ("buckwalter", "buckwalter-xml", "safe-buckwalter", "hsb", "ala-lc", "ala-lc-fa"):
        assert name in schemes()
    for name in ("ala-lc-ur", "din-31635", "bgn-pcgn", "iso-233-2"):
        assert name in schemes()


@pytest.mark.parametrize("name", tables.SCHOLARLY)
def test_every_scholarly_scheme_loads(name: str) -> None:
    scheme = tables.scholarly_scheme(name)
    assert scheme.name == name
    assert scheme.lang in ("ar", "fa", "ur")
    # every core Arabic consonant has a value (nothing silently dropped)
    for letter in "بتثجحخدذرزسشصضطظعغفقكلمنهوي":
        if scheme.lang == "ar" or letter not in "كي":
            assert letter in scheme.letters, (name, letter)


def test_unknown_scheme_lists_valid_names() -> None:
    with pytest.raises(ValueError, match=r"valid schemes: buckwalter, .*iso-233-2"):
        transliterate("سلام", "klingon")
    with pytest.raises(ValueError, match="not reversible"):
        detransliterate("salam", "ala-lc")
    with pytest.raises(ValueError, match="valid schemes"):
        transliterate_words("سلام", "bw")


def test_misuse_raises_type_and_value_errors() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        transliterate(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        transliterate("abc", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="case must be one of"):
        transliterate("سلام", case="upper")
    with pytest.raises(ValueError, match="apostrophes must be one of"):
        transliterate("سلام", apostrophes="fancy")
    with pytest.raises(ValueError, match="lang must be one of"):
        transliterate_words("سلام", lang="xx")


def test_default_scheme_for() -> None:
    assert default_scheme_for("ar") == "ala-lc"
    assert default_scheme_for("fa") == "ala-lc-fa"
    assert default_scheme_for("ur") == "ala-lc-ur"
    assert default_scheme_for(None) == "ala-lc"


def test_contract_offsets_index_the_callers_string() -> None:
    text = "ﺍﻟﺴﻼﻡ عليكم\u200f — He said وفد حماس, http://x.ps/ar كِتَابٌ"
    for scheme in schemes():
        words = transliterate_words(text, scheme, diacritize=False)
        assert words, scheme
        for word in words:
            assert isinstance(word, WordRomanization)
            assert text[word.start : word.end] == word.text
            assert word.source in tr.SOURCES
            assert word.latin
        if scheme in tables.LOSSLESS:
            assert {w.source for w in words} == {"table"}


def test_contract_vowelled_hook_is_used_when_no_diacritizer() -> None:
    seen: list[str] = []

    def hook(bare: str) -> str | None:
        seen.append(bare)
        return "طَهْرَان" if bare == "طهران" else None

    words = transliterate_words("سافر إلى طهران", "ala-lc", vowelled=hook, diacritize=False)
    assert [w.source for w in words] == ["rules", "lexicon", "gloss-lexicon"]
    assert words[2].latin == "ṭahrān"
    assert "إلى" not in seen  # the lexicon comes first
    # a conjunction the rules split off stays split; the hook is asked about the rest
    words = transliterate_words(
        "وتقديم", vowelled=lambda w: "تَقدِيم" if w == "تقديم" else None, diacritize=False
    )
    assert (words[0].latin, words[0].source) == ("wa-taqdīm", "gloss-lexicon")
    # a hook that returns junk (no marks) is ignored, never trusted blindly
    words = transliterate_words("طهران", vowelled=lambda w: "xyz", diacritize=False)
    assert words[0].source == "rules"


def test_latin_digits_urls_punctuation_pass_through() -> None:
    text = "Visit https://example.com/a?b=1 at 10:30, OK? (2017)"
    for scheme in schemes():
        assert transliterate(text, scheme) == text
    # Arabic-Indic digits are Arabic script: scholarly schemes write them as ASCII digits (as
    # ALA-LC catalogue records do); lossless schemes have no code for them and keep them.
    assert transliterate("(٢٠١٧) ۱۳۹۹ ٣٫٥", "ala-lc") == "(2017) 1399 3.5"
    assert transliterate("(٢٠١٧)", "buckwalter") == "(٢٠١٧)"


def test_arabic_punctuation_in_scholarly_schemes() -> None:
    out = transliterate("تَوفِيق الحَكِيم، أَفكَارُه؟")
    assert out == "tawfīq al-ḥakīm, afkāruh?"
    # lossless schemes leave punctuation they have no code for unchanged
    assert transliterate("سلام، يا", "buckwalter") == "slAm، yA"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01",
        "\ud800سلام\udfff",
        "\u0651\u064e",  # marks with no letter
        "ـــ",
        "\u200c\u200d",
        "ﷲ ﷺ",
        "ٱلْحَمْدُ لِلَّهِ",
        "ک گ پ چ ژ ٹ ڈ ڑ ں ے ۓ ہ ھ ۀ ڤ ڨ ڭ ݐ",
        "a\u0301\u0651b",  # Latin: not reversible (a is fatha in Buckwalter), must not raise
    ],
)
def test_odd_unicode_never_raises_and_never_drops_letters(text: str) -> None:
    for scheme in schemes():
        out = transliterate(text, scheme, diacritize=False)
        assert isinstance(out, str)
    for scheme in tables.LOSSLESS if not any(c.isascii() and c.isalpha() for c in text) else ():
        back = detransliterate(transliterate(text, scheme), scheme)
        assert _letters(back) == _letters(text)


def _letters(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c).startswith("L")]


def test_unmapped_letter_is_kept_not_dropped() -> None:
    # U+0750 ARABIC LETTER BEH WITH THREE DOTS HORIZONTALLY BELOW: no scheme has a value
    assert "\u0750" in transliterate("\u0750ab", "buckwalter")
    assert "\u0750" in transliterate("ب\u0750ا", "ala-lc", diacritize=False)


def test_explain_replays_to_the_same_output() -> None:
    text = "قال وزير الخارجية، إن المفاوضات مع الولايات المتحدة ستستمر. OK"
    out, words = transliterate_and_explain(text, "ala-lc", diacritize=False)
    assert out == transliterate(text, "ala-lc", diacritize=False)
    rebuilt, pos = [], 0
    for word in words:
        rebuilt.append(text[pos : word.start].replace("،", ","))
        rebuilt.append(word.latin)
        pos = word.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == out


def test_apostrophe_styles() -> None:
    assert transliterate("عَلِيّ", apostrophes="quotes") == "‘alī"
    assert transliterate("عَلِيّ", apostrophes="ascii") == "`alī"
    assert transliterate("عَلِيّ") == "ʻalī"
    assert transliterate("عَلِيّ", "din-31635") == "ʿalī"


def _cases(name: str) -> list[dict[str, str]]:
    data = json.loads((CASES / name).read_text("utf-8"))
    assert isinstance(data, list)
    return data


@pytest.mark.parametrize("case", _cases("translit.json"), ids=lambda c: c["label"])
def test_behaviour_cases(case: dict[str, str]) -> None:
    options: dict[str, object] = {
        k: v for k, v in case.items() if k not in ("label", "input", "expected", "scheme")
    }
    options.setdefault("diacritize", False)
    out = transliterate(case["input"], case.get("scheme", "ala-lc"), **options)
    assert out == case["expected"]


# --- the diacritizer glue ----------------------------------------------------------------------

needs_model = pytest.mark.skipif(
    not tr.diacritizer_available(), reason="diacritize extra not installed"
)


def test_forcing_a_missing_diacritizer_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from polyglot_text.extras import MissingExtraError
    from polyglot_text.translit import diacritizer

    monkeypatch.setattr(diacritizer, "available", lambda: False)
    diacritizer._model.cache_clear()
    try:
        with pytest.raises(MissingExtraError, match=r"pip install 'polyglot-text\[diacritize\]'"):
            transliterate("وزارة", diacritize=True)
        # auto mode quietly falls back to the rules
        assert transliterate("مكتوب") == "maktūb"
    finally:
        monkeypatch.undo()
        diacritizer._model.cache_clear()


@needs_model
def test_diacritizer_vowels_and_keeps_the_letters() -> None:
    words = transliterate_words("قال وزير الخارجية إن المفاوضات ستستمر", diacritize=True)
    sources = {w.text: w.source for w in words}
    assert sources["وزير"] == "lexicon"
    assert sources["المفاوضات"] == "diacritizer"
    latin = {w.text: w.latin for w in words}
    assert latin["المفاوضات"] == "al-mufāwaḍāt"
    assert latin["الخارجية"] == "al-khārijīyah"
    # the model may rewrite a hamza seat; only its marks are used
    from polyglot_text.translit.diacritizer import transfer_marks

    assert transfer_marks("تأليف", "تَالِيف") == "تَألِيف"


def test_a_letter_with_many_marks_splits_in_linear_time() -> None:
    # Marks were appended to their letter one string concatenation at a time: quadratic
    # (found by benchmarks/fuzz.py: 1 MB of fatha after one letter did not finish).
    from polyglot_text.translit.rules import split_units

    units = split_units("ب" + "\u064e" * 200_000 + "تَ")
    assert [(u.letter, len(u.marks)) for u in units] == [("ب", 200_000), ("ت", 1)]


def test_the_model_reads_bounded_lines_and_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # A model's cost grows faster than what it reads: lines go to it in pieces of at most
    # MODEL_LINE_WORDS words, and a "word" of more than MODEL_MAX_LETTERS letters is left to
    # the rules (found by benchmarks/fuzz.py: a 1 MB line of one-letter words, and a word of
    # letters joined by ZWNJ, were superlinear).
    from polyglot_text.translit import diacritizer

    seen: list[list[str]] = []

    def fake_vowel_lines(lines: list[list[str]]) -> list[list[str | None]]:
        seen.extend(lines)
        return [[None] * len(line) for line in lines]

    monkeypatch.setattr(diacritizer, "vowel_lines", fake_vowel_lines)
    monkeypatch.setattr(tr, "_use_diacritizer", lambda config, language: True)
    long_word = "ب\u200c" * 100
    text = " ".join(["كتب"] * 150) + " " + long_word
    words = transliterate_words(text, diacritize=True)
    assert len(words) == 151
    assert [len(line) for line in seen] == [64, 64, 22]
    assert all(len(line) <= tr.MODEL_LINE_WORDS for line in seen)
    assert words[-1].source == "rules"
    assert long_word not in {w for line in seen for w in line}


@needs_model
def test_diacritizer_batches_survive_a_small_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from polyglot_text.translit import diacritizer

    monkeypatch.setattr(diacritizer, "CACHE_SIZE", 4)
    words = ["كتاب", "مدرسة", "جامعة", "وزارة", "مكتبة", "دراسة", "رواية", "سلسلة"] * 2
    out = diacritizer.vowel_words(words)
    assert all(form is not None and tr.rules.has_vowel_marks(form) for form in out)
    assert out[:8] == out[8:]


_PIECES = st.sampled_from(
    [
        "مكتبة",
        "مَكتَبَة",
        "جامعة",
        "القاهرة",
        "الجامعة",
        "ابن",
        "عبد",
        "وزارة",
        "التربية",
        "كتاب",
        "له",
        "بها",
        "والشمس",
        "لِلنَّشْر",
        "می\u200cخواهم",
        "ﺍﻟﺴﻼﻡ",
        "ة",
        "ال",
        "،",
        "٢٠",
        " ",
        "  ",
        "\u00a0",
        "\t",
        "\n",
        ". ",
        "x",
        "OK ",
        "\u200c",
        "\u0651",
        "ـ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=12),
    scheme=st.sampled_from(["ala-lc", "bgn-pcgn", "din-31635", "ala-lc-fa"]),
    case=st.sampled_from([None, "title", "sentence"]),
)
def test_fast_path_equals_the_explained_path_on_any_mix(
    pieces: list[str], scheme: str, case: str | None
) -> None:
    """The cached word-by-word fast path reads the same context (next word, first of a run)
    as `transliterate_words`, whatever the order, and twice in a row (warm caches)."""
    text = "".join(pieces)
    explained, _ = transliterate_and_explain(text, scheme, diacritize=False, case=case)
    for _ in range(2):
        assert transliterate(text, scheme, diacritize=False, case=case) == explained


@pytest.mark.parametrize("scheme", tables.SCHOLARLY)
def test_fast_path_equals_the_explained_path(scheme: str) -> None:
    text = (
        "قال وزير الخارجية، إن وِزَارَة التَربِيَة\u00a0المِصرِيَّة ستستمر ١٢ (OK) "
        "و أخيرا: مكتبة القاهرة\tوالشمس لِلنَّشْر می\u200cخواهم پاکستان کو\n"
        "ﺍﻟﺴﻼﻡ عليكم وتقديم بمصر"
    )
    for case in (None, "title", "sentence"):
        for apostrophes in ("scheme", "quotes", "ascii"):
            options: dict[str, object] = {
                "diacritize": False,
                "case": case,
                "apostrophes": apostrophes,
            }
            fast = transliterate(text, scheme, **options)
            explained, _ = transliterate_and_explain(text, scheme, **options)
            assert fast == explained


# --- the gloss tier (Buckwalter's lexicon with the diacritizer) ---------------------------------


@pytest.mark.parametrize("case", _cases("translit_gloss_tier.json"), ids=lambda c: c["label"])
def test_gloss_tier_cases(case: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    """The diacritizer's output is given (as the case's ``model``); the lexicon decides the
    structure: proclitic hyphens, which final vowels are kept, its vowels when unambiguous."""
    from polyglot_text.translit import diacritizer, morph

    uses_gloss = case.get("gloss", True)
    if uses_gloss and not morph.available():
        pytest.skip("gloss extra not installed")
    text, model = str(case["input"]), str(case["model"]).split()
    forms = dict(zip(text.split(), model, strict=True))
    monkeypatch.setattr(diacritizer, "available", lambda: True)
    monkeypatch.setattr(
        diacritizer, "vowel_lines", lambda lines: [[forms[w] for w in line] for line in lines]
    )
    monkeypatch.setattr(morph, "ENABLED", bool(uses_gloss))
    words = transliterate_words(text)
    assert " ".join(w.latin for w in words) == case["expected"]
    assert words[0].source == case["source"]


def test_gloss_tier_readings() -> None:
    from polyglot_text.translit import morph

    if not morph.available():
        pytest.skip("gloss extra not installed")
    assert morph.readings("له")[0] == morph.Reading("لَهُ", 1, True)
    assert morph.choose("فلسطينستان", None) is None  # unknown to the lexicon
    choice = morph.choose("بقلم", None)
    assert choice is not None and (choice.prefix, choice.keep_final) == (1, False)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="بت \u064e\u064f\u0650\u0651\u0652\u064b\u0301a", max_size=40))
def test_shadda_moves_before_the_marks_written_ahead_of_it(text: str) -> None:
    # The reference: a regex moving a shadda in front of the table's marks just before it.
    import re

    from polyglot_text.translit.lossless import _forward, _shadda_first

    marks = _forward("buckwalter")[1]
    reference = re.sub(
        f"([{''.join(sorted(marks))}]+)\u0651", lambda m: "\u0651" + m.group(1), text
    )
    assert _shadda_first(text, marks) == reference
