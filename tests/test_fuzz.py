"""Fuzzing every public function and CLI command with arbitrary Unicode and bytes.

A CI-sized campaign (hypothesis, default example counts); `benchmarks/fuzz.py` runs a longer
one and times 1 KB against 1 MB adversarial inputs to show every pass is linear.
Functions not present in this version are skipped, so the list below is the contract.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner
from fuzz_inputs import ADVERSARIAL_UNITS, SCALE, TEXT_FUNCTIONS, adversarial
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import polyglot_text
from polyglot_text.cli import cli

# Text that exercises the hard parts: Arabic/Persian/Urdu letters and marks, presentation
# forms, bidi controls, joiners, URLs, mojibake fragments, surrogates, NULs, emoji.
_PIECES = [
    "وفد حماس",
    "الإيراني",
    "می‌خواهم",
    "پاکستان کے",
    "ﻻ ﷲ ﻭﺯﻳﺮ",
    "\u064e\u0651\u0650\u0652\u0670\u0640",
    "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c\ufeff",
    "\u200c\u200d",
    "http://",
    "https://hamas.ps/ar/post/7769/",
    "www.",
    "موقع.مصر/",
    "%D8%AD",
    "ط§ظ„ط¹ط±ط¨ظٹط©",
    "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©",
    "café £ — “x”",
    "@user #هشتگ info@example.org",
    "٠١٢۳۴۵ 123",
    "\x00\x01\x7f",
    "\ud800\udfff",
    "👍🏽\U0001f600",
    "\r\n\t  ",
    "[](){}«»<>&\"'",
]
unicode_text = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(_PIECES) | st.text(max_size=5), max_size=25).map("".join),
)


def _call(name: str) -> Callable[[str], Any]:
    func = getattr(polyglot_text, name, None)
    if func is None:
        pytest.skip(f"polyglot_text.{name} is not in this version")
    return func  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
@settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=unicode_text)
def test_public_function_survives_any_unicode(name: str, text: str) -> None:
    func = _call(name)
    allowed = TEXT_FUNCTIONS[name]
    try:
        result = func(text)
        if name == "tokens":
            result = list(result)
    except allowed:
        return
    if name in ("segments", "tokens"):
        assert "".join(item.text for item in result) == text


@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
def test_public_function_type_error_on_non_str(name: str) -> None:
    func = _call(name)
    with pytest.raises(TypeError, match="bytes"):
        result = func(b"not a str")  # type: ignore[arg-type]
        if name == "tokens":
            list(result)


@pytest.mark.parametrize("scheme", ["buckwalter", "hsb", "ala-lc"])
@settings(max_examples=40 * SCALE, deadline=None)
@given(text=unicode_text)
def test_transliteration_survives_any_unicode(scheme: str, text: str) -> None:
    transliterate = _call("transliterate")
    out = transliterate(text, scheme)  # type: ignore[call-arg]
    assert isinstance(out, str)


# Adversarial inputs of about 1 MB: a hang or catastrophic backtracking fails CI by timeout
# (`benchmarks/fuzz.py` times them at 1 KB, 100 KB and 1 MB for every text function).
ADVERSARIAL = {kind: adversarial(kind, 1_000_000) for kind in ADVERSARIAL_UNITS}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
@pytest.mark.parametrize(
    "name", ["segments", "normalize", "clean", "find_urls", "find_bidi_issues", "to_logical"]
)
def test_adversarial_megabyte(name: str, kind: str) -> None:
    func = _call(name)
    text = ADVERSARIAL[kind]
    result = func(text)
    if name == "segments":
        assert sum(len(s.text) for s in result) == len(text)


# --- the CLI ---------------------------------------------------------------------------------

COMMANDS = {
    "segment": [],
    "clean": [],
    "urls": [],
    "translit": ["--scheme", "buckwalter"],
    "caption": [],
    "show": [],
}


def _command(name: str) -> list[str]:
    if name not in cli.commands:
        pytest.skip(f"CLI command {name!r} is not in this version")
    return [name, *COMMANDS[name]]


@pytest.mark.parametrize("name", sorted(COMMANDS))
@settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=200) | unicode_text.map(lambda t: t.encode("utf-8", "replace")))
def test_cli_survives_any_bytes(name: str, data: bytes) -> None:
    args = _command(name)
    result = CliRunner().invoke(cli, args, input=data, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.strip(), "an error must say what went wrong"
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
