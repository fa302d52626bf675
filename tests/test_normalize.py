"""normalize(): behaviour cases, folds checked against the Unicode data, properties."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from polyglot_text import charmaps
from polyglot_text.normalize import FOLDS, PROFILES, NormalizeConfig, normalize, normalize_config
from polyglot_text.segment import tokens

CASES = json.loads((Path(__file__).parent / "cases" / "normalize.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_cases(case: dict[str, object]) -> None:
    options = case.get("options", {})
    assert isinstance(options, dict)
    got = normalize(str(case["input"]), str(case.get("profile", "clean")), **options)
    assert got == case["expected"]


# --- options and errors ---------------------------------------------------------------------


def test_every_option_is_a_config_field_and_a_fold() -> None:
    fields = set(NormalizeConfig.__dataclass_fields__)
    assert fields == set(FOLDS)
    defaults = NormalizeConfig()
    for name in fields:
        assert getattr(defaults, name) in FOLDS[name], name
    for profile, values in PROFILES.items():
        for name, value in values.items():
            assert value in FOLDS[name], (profile, name)


def test_unknown_profile_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match="clean, search, fa, ur"):
        normalize("x", "arabic")


def test_unknown_option_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown normalize option 'harakat'.*diacritics"):
        normalize("x", harakat="strip")


def test_bad_value_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"digits='roman'.*keep, ascii, arabic, persian"):
        normalize("x", digits="roman")
    with pytest.raises(ValueError, match="valid values"):
        normalize("x", digits=["ascii"])  # type: ignore[arg-type]


def test_not_a_string() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        normalize(b"abc")  # type: ignore[arg-type]


def test_every_option_value_can_be_set() -> None:
    for name, values in FOLDS.items():
        for value in values:
            assert isinstance(normalize("كتاب ﻻ ٣", **{name: value}), str)
            assert getattr(normalize_config("search", **{name: value}), name) == value


def test_lone_surrogate_and_empty() -> None:
    assert normalize("\ud800ﻻ") == "\ud800لا"
    assert normalize("") == ""


# --- folds against the Unicode data ------------------------------------------------------------


def _presentation_forms() -> list[str]:
    return [
        chr(c)
        for start, end in charmaps.PRESENTATION_BLOCKS
        for c in range(start, end)
        if unicodedata.decomposition(chr(c)).startswith("<")
    ]


def test_every_presentation_form_folds_to_its_nfkc_letters() -> None:
    forms = _presentation_forms()
    assert len(forms) > 700
    for char in forms:
        expected = unicodedata.normalize("NFKC", char)
        if expected.startswith(" ") and all(unicodedata.combining(c) for c in expected[1:]):
            expected = expected[1:]  # a spacing form of a mark stays on its letter
        expected = unicodedata.normalize("NFC", expected.replace("\u0640", ""))
        got = normalize(char, zwnj="keep")
        assert got == expected, f"U+{ord(char):04X} {unicodedata.name(char)}"
        # no letter lost: every letter of the decomposition is in the result
        letters = [c for c in unicodedata.normalize("NFKD", char) if c.isalpha() and c != "ـ"]
        assert [c for c in unicodedata.normalize("NFKD", got) if c.isalpha()] == letters


def test_no_presentation_form_survives_in_text() -> None:
    text = "".join(_presentation_forms())
    out = normalize(text)
    left = {c for c in out if charmaps._is_presentation_form(c)}
    assert not left


EXPLICIT = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


@pytest.mark.parametrize("code", [c for c in range(0x2000, 0x2070)])
def test_bidi_controls_by_bidi_class(code: int) -> None:
    char = chr(code)
    bidi = unicodedata.bidirectional(char)
    text = f"a{char}ب"
    if bidi in EXPLICIT:
        assert normalize(text) == "aب"
        assert normalize(text, bidi_controls="keep") == text
    elif unicodedata.category(char) == "Cf" and bidi in ("L", "R", "AL"):
        assert normalize(text) == "aب"
        assert normalize(text, bidi_marks="keep") == text


def test_digits_by_decimal_value() -> None:
    digits = [chr(c) for c in range(0x0600, 0x0700) if unicodedata.category(chr(c)) == "Nd"]
    assert len(digits) == 20
    for char in digits:
        value = unicodedata.decimal(char)
        assert normalize(char, digits="ascii") == str(value)
        assert normalize(char, profile="search") == str(value)
        assert unicodedata.decimal(normalize(char, digits="persian")) == value
        assert unicodedata.name(normalize(char, digits="persian")).startswith("EXTENDED")
        assert unicodedata.name(normalize(char, digits="arabic")).startswith("ARABIC-INDIC")
    assert normalize("2024", digits="persian") == "2024"  # ASCII digits of English text stay


def test_diacritics_strip_only_arabic_marks() -> None:
    marks = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]
    for mark in marks:
        assert normalize("ب" + mark, diacritics="strip") == "ب"
        assert unicodedata.normalize("NFC", "ب" + mark) == normalize("ب" + mark)
    assert normalize("e\u0301", diacritics="strip") == "é"


def test_tatweel_only_character_removed() -> None:
    assert normalize("ـ", zwnj="keep") == ""
    assert normalize("ـ", tatweel="keep") == "ـ"


# --- the registry ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", charmaps.charmap_names())
def test_charmap_entries_are_valid(name: str) -> None:
    table = charmaps.charmap(name)
    assert table, name
    for key, value in table.items():
        assert len(key) == 1
        assert unicodedata.normalize("NFC", value) == value
        assert not any(charmaps._is_presentation_form(c) for c in value)
    assert charmaps.charmap_info(name).name == name


def test_fold_values_name_real_charmaps() -> None:
    names = set(charmaps.charmap_names())
    for values in FOLDS.values():
        for maps in values.values():
            assert set(maps) <= names


def test_duplicate_json_key_rejected() -> None:
    with pytest.raises(charmaps.CharMapError, match="given twice"):
        json.loads('{"a": 1, "a": 2}', object_pairs_hook=charmaps._reject_duplicates)


def test_validate_map_rejects_chains_and_non_nfc() -> None:
    with pytest.raises(charmaps.CharMapError, match="itself a key"):
        charmaps.validate_map("t", {"ك": "ک", "ک": "x"})
    with pytest.raises(charmaps.CharMapError, match="not NFC"):
        charmaps.validate_map("t", {"x": "e\u0301"})
    with pytest.raises(charmaps.CharMapError, match="one character"):
        charmaps.validate_map("t", {"ab": "c"})
    with pytest.raises(ValueError, match="valid"):
        charmaps.charmap("nope")


# --- properties ------------------------------------------------------------------------------

_INTERESTING = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآٱءؤئکیگپچژہھےۓ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
    "ﻻﷲﺍﻟﻌﹰﱞﹱ﷽ﷺ٠١٢٣۴۵۶"
    "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
    "abcéeE\u0301\u0300 \n\t\u00a0.:/@#_-0123456789wWhHtTpPs"
)
TEXT = st.text(
    st.one_of(st.sampled_from(_INTERESTING), st.characters(codec=None)), max_size=40
) | st.lists(
    st.sampled_from(
        [
            "http://",
            "www.",
            "x.com",
            "a@b.org",
            "@user",
            " ",
            "ﻻ",
            "ـ",
            "\u202e",
            "\u200c",
            "گ",
            "ة",
            ".",
            "/",
            "e\u0301",
            "\u0651\u064e",
            "أ",
            "ا\u0653",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(list(PROFILES)))
@example("a\u202a@ﻻ", "clean")
@example("www\u200e.x.com ﻻ", "clean")
@example("ﺍ\u0653", "search")
def test_idempotent(text: str, profile: str) -> None:
    once = normalize(text, profile)
    assert normalize(once, profile) == once


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(list(PROFILES)))
def test_result_is_nfc_outside_protected_spans(text: str, profile: str) -> None:
    out = normalize(text, profile)
    protected = [t for t in tokens(out) if t.kind in ("url", "email", "mention")]
    if not protected:
        assert unicodedata.is_normalized("NFC", out)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_canonically_equivalent_inputs_give_equal_results(text: str) -> None:
    if regex.search(r"[.:/@＠]", text):
        return  # URL interiors are kept as written, composed or not
    for profile in PROFILES:
        assert normalize(unicodedata.normalize("NFD", text), profile) == normalize(text, profile)


# Characters some profile deletes: removing one can glue a URL to what precedes it and so
# change what is a URL (then idempotence wins); without them every protected span survives.
_DELETED = regex.compile(r"[\p{Cf}\p{Mn}\u0640]")


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(list(PROFILES)))
@example("ﻻ http://x.com/ﻻ a@ﻻ.org @ﻻ", "search")
def test_protected_spans_kept_verbatim(text: str, profile: str) -> None:
    text = _DELETED.sub("", text)
    before = [t for t in tokens(text) if t.kind in ("url", "email", "mention")]
    out = normalize(text, profile)
    pos = 0
    for token in before:  # each one, in order, verbatim
        pos = out.find(token.text, pos)
        assert pos >= 0, token
        pos += len(token.text)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6), st.sampled_from(list(PROFILES)))
def test_long_text_is_normalised_line_by_line(parts: list[str], profile: str) -> None:
    module = sys.modules["polyglot_text.normalize"]  # the name is also the function

    lines = [p.replace("\n", " ") for p in parts]
    expected = "\n".join(normalize(line, profile) for line in lines)
    saved = module._LONG
    module._LONG = 0  # take the line-by-line path for any text
    try:
        assert normalize("\n".join(lines), profile) == expected
    finally:
        module._LONG = saved


_POOL = [
    "plain English line with nothing to fold",
    "وزارة الخارجية الإيرانية",
    "الإيرانيhttp://hamas.ps/ar/post/7769/",
    "http://موقع.وزارة-الاتصالات.مصر/تقرير.pdf و ﻻ",
    "مُحَمَّد ١٢٣ @user_ي",
    "",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=8, max_size=80), st.sampled_from(list(PROFILES)))
def test_many_lines_fold_like_their_lines(lines: list[str], profile: str) -> None:
    # Long texts take the per-line path or, when most lines (projected from the part
    # searched so far) have work, one pass over the whole text: both give the lines' result.
    expected = "\n".join(normalize(line, profile) for line in lines)
    assert normalize("\n".join(lines * 20), profile) == "\n".join([expected] * 20)


_WORDS = [
    "3.5", "a.m.", "file.txt", "ي.com", "الإيرانيhttp://hamas.ps/ar/post/7769/", "وفد",
    "http://موقع.وزارة-الاتصالات.مصر/تقرير.pdf", "@user_ي", "ﻻ", "x.com/ﺗﻘﺮﻳﺮ", "\u200ca.b",
    "end.", "a:", ":/", "@", "x@", "/.", ".\u0301a", "a\u00a0b.c", "\u3000", "\n", "\t",
]  # fmt: skip

_WHITE_SPACE_RE = re.compile(
    r"[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)


def _has_marker(word: str) -> bool:
    # A URL marker, as the URL finder anchors on it: "." ":" "/" before a word character or
    # "/", or any "@" (email, mention).
    return any(
        c in "@\uff20" or (c in ".:/" and i + 1 < len(word) and re.match(r"[\w/]", word[i + 1]))
        for i, c in enumerate(word)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60), st.text(max_size=40))
def test_marker_words_found_by_two_scans_are_the_words_with_a_marker(
    words: list[str], noise: str
) -> None:
    # The two scans (forwards, and backwards over the reversed text) must pair up into exactly
    # the White_Space-delimited words that hold a marker, found one word at a time here.
    module = sys.modules["polyglot_text.normalize"]
    text = "".join(words) + noise + " ".join(words)
    expected = []
    pos = 0
    for part in _WHITE_SPACE_RE.split(text):
        if part and _has_marker(part):
            expected.append((pos, pos + len(part)))
        pos += len(part) + 1
    assert module._marker_word_spans(text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS + _POOL), max_size=30),
    st.text(max_size=30),
    st.sampled_from(list(PROFILES)),
)
def test_pieces_folded_together_fold_as_if_alone(
    words: list[str], noise: str, profile: str
) -> None:
    # Between protected spans the pieces are joined by a control the text lacks and folded
    # in one go; folding each piece on its own (the path for a text holding every such
    # control) must give the same text.
    module = sys.modules["polyglot_text.normalize"]
    plan = module._plan_for(profile, ())
    alone = dataclasses.replace(plan, separators="")
    text = noise.join(words) + noise
    assert module._normalize_once(text, plan, [False]) == module._normalize_once(
        text, alone, [False]
    )
    # A text that holds every separator folds its pieces one by one, and agrees.
    crowded = text + plan.separators + " ".join(words)
    folded = normalize(crowded, profile)
    assert folded == normalize(folded, profile)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS + _POOL), max_size=12),
    st.text(max_size=20),
    st.sampled_from(list(PROFILES)),
)
def test_short_text_shortcut_folds_like_the_full_path(
    words: list[str], noise: str, profile: str
) -> None:
    # Text of up to a line with no URL-marker word skips the protection machinery: it must
    # give what the full path gives (which finds nothing to protect there either).
    module = sys.modules["polyglot_text.normalize"]
    text = noise.join(words)
    assert normalize(text, profile) == module._normalize_text(text, module._plan_for(profile, ()))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS + _POOL), max_size=30),
    st.text(max_size=20),
    st.sampled_from(list(PROFILES)),
    st.integers(min_value=1, max_value=9),
)
def test_folding_in_chunks_folds_like_one_pass(
    words: list[str], noise: str, profile: str, chunk: int
) -> None:
    # Long text is folded in chunks (one replace pass per distinct character costs passes x
    # length); any cut must give the one-pass result.
    module = sys.modules["polyglot_text.normalize"]
    text = noise.join(words)
    expected = normalize(text, profile)
    saved = module._TRANSLATE_CHUNK
    try:
        module._TRANSLATE_CHUNK = chunk
        assert normalize(text, profile) == expected
    finally:
        module._TRANSLATE_CHUNK = saved
