"""The scheme data itself, and the lossless round trip (hypothesis)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text.translit import detransliterate, lexicon, tables, transliterate
from polyglot_text.translit.lossless import to_scheme

try:
    from polyglot_text.normalize import normalize as _normalize

    normalize: Callable[[str], str] = _normalize
except ImportError:  # pragma: no cover - before the normalisation issue lands

    def normalize(text: str) -> str:
        return unicodedata.normalize("NFC", text)


def _raw(name: str) -> dict[str, object]:
    path = resources.files("polyglot_text.translit").joinpath("data").joinpath(f"{name}.json")
    data = json.loads(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in [k, *_strings(v)]]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", [*tables.SCHEMES, "lexicon"])
def test_every_data_string_is_nfc_without_presentation_forms(name: str) -> None:
    for text in _strings(_raw(name)):
        assert unicodedata.normalize("NFC", text) == text, (name, text)
        assert not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in text)


@pytest.mark.parametrize("name", tables.SCHEMES)
def test_every_scheme_file_loads_and_validates(name: str) -> None:
    if name in tables.LOSSLESS:
        table = tables.lossless_table(name)
        assert len(table.forward) == len(table.reverse) >= 70
    else:
        assert tables.scholarly_scheme(name).name == name


def test_validation_rejects_duplicates(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _raw("buckwalter")
    rows = raw["table"]
    assert isinstance(rows, list)
    broken = {**raw, "table": [*rows, ["\u06a9", "'", "ARABIC LETTER KEHEH"]]}
    monkeypatch.setattr(tables, "_load_json", lambda name: broken)
    tables.lossless_table.cache_clear()
    try:
        with pytest.raises(tables.SchemeError, match=r"listed twice|used for two"):
            tables.lossless_table("buckwalter")
    finally:
        monkeypatch.undo()
        tables.lossless_table.cache_clear()


@pytest.mark.parametrize("name", tables.LOSSLESS)
def test_whole_alphabet_round_trips(name: str) -> None:
    table = tables.lossless_table(name)
    alphabet = "".join(chr(c) for c in table.forward)
    latin = transliterate(alphabet, name)
    assert not any("\u0600" <= c <= "\u06ff" for c in latin)
    # the shadda moves in front of the marks before it; otherwise the alphabet comes back
    assert normalize(detransliterate(latin, name)) == normalize(alphabet)
    for code, value in table.forward.items():
        assert detransliterate(value, name) == chr(code)


@pytest.mark.parametrize("name", tables.LOSSLESS)
def test_persian_and_urdu_letters_are_covered(name: str) -> None:
    persian_urdu = "پچژگکیٹڈڑںےۓہھۀۂۃ"
    out = transliterate(persian_urdu, name)
    assert not any("\u0600" <= c <= "\u06ff" for c in out), out
    assert detransliterate(out, name) == persian_urdu


@pytest.mark.parametrize("name", tables.LOSSLESS)
def test_shadda_is_written_before_its_vowel(name: str) -> None:
    shadda = tables.lossless_table(name).forward[0x0651]
    fatha = tables.lossless_table(name).forward[0x064E]
    for word in ("\u0634\u064e\u0651", "\u0634\u0651\u064e"):
        assert to_scheme(word, name).endswith(shadda + fatha)


def test_buckwalter_reference_spellings() -> None:
    # spellings from the Penn Arabic Treebank / Quranic Arabic Corpus conventions
    assert transliterate("الكِتَابُ", "buckwalter") == "AlkitaAbu"
    assert transliterate("ٱلْحَمْدُ لِلَّهِ", "buckwalter") == "{loHamodu lil~ahi"
    assert transliterate("إِنَّ", "buckwalter-xml") == "Iin~a"
    assert transliterate("شَيْءٌ", "safe-buckwalter") == "cayoCN"
    assert transliterate("مُحَمَّدٌ", "hsb") == "muHam~adũ"


def test_lexicon_entries_are_clean() -> None:
    sizes = lexicon.size()
    assert sizes["ar"] >= 200 and sizes["fa"] >= 30 and sizes["ur"] >= 30
    data = _raw("lexicon")
    for lang in ("ar", "fa", "ur"):
        table = data[lang]
        assert isinstance(table, dict)
        for key in table:
            assert key == key.strip() and not any(unicodedata.combining(c) for c in key)


# --- the round trip ----------------------------------------------------------------------------

_ARABIC_SCRIPT = st.characters(
    include_characters="\u200c \u060c\u061b\u061f\u0660\u0661\u06f1",
    min_codepoint=0x0600,
    max_codepoint=0x06FF,
    exclude_categories=("Cn", "Cs"),
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(_ARABIC_SCRIPT, max_size=40), name=st.sampled_from(tables.LOSSLESS))
def test_lossless_round_trip(text: str, name: str) -> None:
    latin = transliterate(text, name)
    assert normalize(detransliterate(latin, name)) == normalize(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=30), name=st.sampled_from(tables.SCHEMES))
def test_any_text_never_raises(text: str, name: str) -> None:
    out = transliterate(text, name, **({} if name in tables.LOSSLESS else {"diacritize": False}))
    assert isinstance(out, str)
