"""find_bidi_issues(): the Trojan Source samples, UAX #9 stack cases, properties."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import regex
from conftest import EXTERNAL, external
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text.bidi import ISSUE_KINDS, MAX_DEPTH, BidiIssue, find_bidi_issues
from polyglot_text.chars import BIDI_EMBEDDING
from polyglot_text.normalize import normalize

EXPLICIT = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


def _samples() -> list[Path]:
    root = EXTERNAL / "trojan-source"
    if not root.exists():
        return []
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.name != "LICENSE"
        and ".github" not in p.parts
        and "RegEx" not in p.parts
        and p.suffix != ".json"  # C#/omnisharp.json is tool configuration
    )


def _has_explicit_control(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in EXPLICIT for c in text)


def test_sample_set_is_complete() -> None:
    root = external("trojan-source")
    samples = _samples()
    regexes = list((root / "RegEx").iterdir())
    # the 53 files of nickboucher/trojan-source: 51 attack samples and 2 detection patterns
    assert (len(samples), len(regexes)) == (51, 2)
    bidi = [p for p in samples if _has_explicit_control(p.read_text("utf-8"))]
    # every sample whose attack is bidi-based, by its name, holds explicit controls
    named = [
        p
        for p in samples
        if regex.search(r"(?i)commenting-?out|early-?return|stretched-?string", p.name)
    ]
    assert bidi == named and len(bidi) == 29


@pytest.mark.parametrize(
    "path", _samples() or [None], ids=lambda p: str(p.relative_to(EXTERNAL)) if p else "absent"
)
def test_trojan_source_sample(path: Path | None) -> None:
    if path is None:
        external("trojan-source")
        return
    text = path.read_text("utf-8")
    issues = find_bidi_issues(text)
    if _has_explicit_control(text):
        assert issues, f"{path.name}: bidi attack not detected"
        assert any(i.kind == "unclosed" for i in issues)
        for issue in issues:
            assert unicodedata.bidirectional(text[issue.start]) == issue.control
            assert issue.end == issue.start + 1 and issue.kind in ISSUE_KINDS
    else:  # homoglyphs and invisible characters are not bidi attacks: no false alarm
        assert issues == []
    cleaned = normalize(text)  # clean strips every control
    assert find_bidi_issues(cleaned) == []
    assert not _has_explicit_control(cleaned)


def test_every_line_the_reference_regex_flags_is_reported() -> None:
    pattern = regex.compile(external("trojan-source", "RegEx", "java.regex").read_text().strip())
    flagged = 0
    for path in _samples():
        text = path.read_text("utf-8")
        issues = find_bidi_issues(text)
        for match in pattern.finditer(text):
            flagged += 1
            assert any(match.start() <= i.start < match.end() for i in issues), match.group()
    assert flagged >= 30


def test_controls_follow_bidi_class() -> None:
    from polyglot_text.bidi import BIDI_CONTROLS

    ucd = {chr(c) for c in range(0x110000) if unicodedata.bidirectional(chr(c)) in EXPLICIT}
    assert set(BIDI_CONTROLS()) == ucd
    shared = regex.compile(BIDI_EMBEDDING, regex.V1)
    assert all(shared.fullmatch(c) for c in ucd)


def _kinds(text: str) -> list[tuple[str, str, int]]:
    return [(i.kind, i.control, i.start) for i in find_bidi_issues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text مرحبا", []),
        ("سلام \u202b(English)\u202c", []),
        ("\u2066x\u2069 and \u2067ب\u2069", []),
        ("\u202a\u2067x\u2069\u202c", []),
        ("\u202eمرحبا\u202c", []),  # RLO over right-to-left letters reverses nothing
        ("a\u202eb", [("unclosed", "RLO", 1), ("override", "RLO", 1)]),
        ("\u202etxt.exe\u202c", [("override", "RLO", 0)]),
        ("\u202dمرحبا\u202c", [("override", "LRO", 0)]),
        ("x\u202c", [("unmatched", "PDF", 1)]),
        ("x\u2069", [("unmatched", "PDI", 1)]),
        ("\u2067\u202a x \u2069", [("unclosed", "LRE", 1)]),  # cut off by the PDI
        ("\u2067 x \u202c\u2069", [("unmatched", "PDF", 4)]),  # PDF cannot close an isolate
        ("\u2067 a\n\u2069", [("unclosed", "RLI", 0), ("unmatched", "PDI", 4)]),
        ("\u2068x\r\n", [("unclosed", "FSI", 0)]),
    ],
)
def test_stack_cases(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _kinds(text) == expected


def test_scope_ends_at_paragraph() -> None:
    [issue] = find_bidi_issues("ab\u2067cd\nef")
    assert issue == BidiIssue(2, 3, "unclosed", "RLI", 5, issue.message)
    assert "not closed by a PDI" in issue.message and "U+2067" in issue.message


def test_overflow() -> None:
    text = "\u202a" * (MAX_DEPTH + 2) + "x" + "\u202c" * (MAX_DEPTH + 2)
    assert [i.kind for i in find_bidi_issues(text)] == ["overflow", "overflow"]


def test_not_a_string() -> None:
    with pytest.raises(TypeError):
        find_bidi_issues(None)  # type: ignore[arg-type]


CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(CONTROLS + "abب \n\u2029") | st.characters(), max_size=60))
def test_issues_point_at_controls(text: str) -> None:
    issues = find_bidi_issues(text)
    for issue in issues:
        assert text[issue.start : issue.end] in CONTROLS
        assert issue.start < issue.scope_end <= len(text)
    if not any(c in CONTROLS for c in text):
        assert issues == []
    # a text whose controls are all well nested and closed has no unclosed/unmatched issue
    if all(i.kind == "override" for i in issues):
        depth = 0
        for c in text:
            if c in "\n\u2029":
                assert depth == 0
            depth += c in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
            depth -= c in "\u202c\u2069"
            assert depth >= 0
