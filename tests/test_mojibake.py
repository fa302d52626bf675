"""fix_mojibake(): behaviour cases, damage made from real Arabic/Persian/Urdu sentences."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, external
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text.mojibake import fix_mojibake, fix_mojibake_and_explain

CASES = json.loads((Path(__file__).parent / "cases" / "mojibake.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["xfail"]))
        if "xfail" in c
        else c
        for c in CASES
    ],
    ids=[c["label"] for c in CASES],
)
def test_cases(case: dict[str, str]) -> None:
    assert fix_mojibake(case["input"]) == case["expected"]


def test_fixture_file_is_repaired() -> None:
    damaged = (FIXTURES / "cp1256_mojibake.txt").read_text("utf-8").splitlines()
    expected = (Path(__file__).parent / "cases" / "mojibake_fixture_expected.txt").read_text(
        "utf-8"
    )
    assert [fix_mojibake(line) for line in damaged] == expected.splitlines()


def test_explain_names_each_repair() -> None:
    text = "ط³ظ„ط§ظ… ÇáÚÑÈíÉ cafÃ©"
    fixed, steps = fix_mojibake_and_explain(text)
    assert fixed == "سلام العربية café"
    assert steps == [
        "utf-8 read as windows-1256",
        "windows-1256 read as latin-1/windows-1252",
        "utf-8 read as latin-1/windows-1252 (ftfy)",
    ]
    assert fix_mojibake_and_explain("سلام") == ("سلام", [])


def test_odd_input() -> None:
    assert fix_mojibake("") == ""
    assert fix_mojibake("\ud800 ÃÂ\x00") == fix_mojibake("\ud800 ÃÂ\x00")
    with pytest.raises(TypeError):
        fix_mojibake(b"x")  # type: ignore[arg-type]


# --- damage made from real sentences (PersoArabicLID corpora) ----------------------------------

LANGS = {"ar": "Arabic_arb.txt", "fa": "Persian_fas.txt", "ur": "Urdu_urd.txt"}


def _sentences(lang: str, n: int = 300) -> list[str]:
    path = external("persoarabic-lid", LANGS[lang])
    with path.open(encoding="utf-8") as handle:
        return [line.strip() for line in itertools.islice(handle, n) if line.strip()]


def _as_cp1252(raw: bytes) -> str:
    # Windows-1252 as browsers and ftfy read it: its five undefined bytes become C1 controls
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw
    )


def _damage(text: str, how: str) -> str | None:
    codec, _, reader = how.partition(">")
    try:
        raw = text.encode(codec)
    except UnicodeEncodeError:
        return None  # a letter the legacy codec lacks (Farsi yeh in ISO-8859-6...)
    if reader == "cp1252":
        return _as_cp1252(raw)
    damaged = raw.decode(reader, errors="replace")
    return None if "\ufffd" in damaged else damaged


# (how the text was damaged, the share of sentences that must come back exactly)
DAMAGE = [
    ("cp1256>latin-1", 1.0),
    ("cp1256>cp1252", 1.0),
    ("cp720>latin-1", 0.99),
    ("iso8859_6>latin-1", 0.93),  # ambiguous with Windows-1256 on short sentences
    ("utf-8>cp1256", 1.0),
    ("utf-8>cp1252", 1.0),  # ftfy's repair
]


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize(("how", "share"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_real_sentences_repaired(lang: str, how: str, share: float) -> None:
    pairs = [(s, _damage(s, how)) for s in _sentences(lang)]
    pairs = [(s, d) for s, d in pairs if d is not None and d != s]
    if len(pairs) < 5:
        pytest.skip(f"{how}: too few {lang} sentences encodable")
    good = sum(fix_mojibake(damaged) == sentence for sentence, damaged in pairs)
    assert good >= share * len(pairs), f"{good}/{len(pairs)}"


@pytest.mark.parametrize("lang", list(LANGS))
def test_real_sentences_untouched(lang: str) -> None:
    for sentence in _sentences(lang, 1000):
        assert fix_mojibake(sentence) == sentence


# --- properties ------------------------------------------------------------------------------

ACCENTED = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"
LATIN_WORD = st.lists(
    st.tuples(
        st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6),
        st.sampled_from(ACCENTED),
    ),
    min_size=1,
    max_size=3,
).map(lambda parts: "".join(a + b for a, b in parts))
LATIN_TEXT = st.lists(
    st.one_of(
        LATIN_WORD,
        st.sampled_from(["£5", "—", "–", "“", "”", "’", "«", "»", "€", "©", "½", ",", ".", "1999"]),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(LATIN_TEXT)
def test_correct_latin_text_never_changed(text: str) -> None:
    assert fix_mojibake(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_and_settles(text: str) -> None:
    once = fix_mojibake(text)
    assert isinstance(once, str)
