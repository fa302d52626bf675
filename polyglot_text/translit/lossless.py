"""Lossless (letter-for-letter, reversible) schemes: Buckwalter and its variants, HSB.

Forward is one ``str.translate`` over the whole text (only characters in the table change, so
Latin text, digits and punctuation pass through), after moving every shadda in front of the
other marks of its letter (``~a``, as the Penn Arabic Treebank writes it) whatever the input's
mark order. Characters a table lacks pass through unchanged: nothing is ever dropped.

>>> to_scheme("وفد حماس", "buckwalter")
'wfd HmAs'
>>> to_scheme("\u0634\u064e\u0651\u0627\u0645", "buckwalter")  # fatha typed before shadda
'$~aAm'
>>> from_scheme("$~aAm", "buckwalter") == "\u0634\u0651\u064e\u0627\u0645"
True
"""

from __future__ import annotations

import functools
import re

import regex

from .tables import lossless_table

__all__ = ["from_scheme", "to_scheme"]

_SHADDA = "\u0651"


@functools.cache
def _shadda_first() -> regex.Pattern[str]:
    # Marks before a shadda on the same letter: move the shadda in front of them.
    return regex.compile(r"((?:(?!\u0651)\p{Mn})+)\u0651")


#: Runs kept in each scheme's cache of converted runs (text repeats words a lot).
CACHE_SIZE = 1 << 15


@functools.cache
def _runs(scheme: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A scanner for runs of the characters `scheme` maps (spaces between them included, so
    a phrase is one run), built from the table's own keys, and a cache of converted runs."""
    keys = "".join(sorted(re.escape(chr(code)) for code in lossless_table(scheme).forward))
    return re.compile(f"[{keys}]+(?: +[{keys}]+)*"), {}


def _convert(run: str, scheme: str) -> str:
    if _SHADDA in run:
        run = _shadda_first().sub(lambda m: _SHADDA + m.group(1), run)
    return run.translate(lossless_table(scheme).forward)


def to_scheme(text: str, scheme: str) -> str:
    """Transliterate `text` letter for letter into lossless `scheme`."""
    pattern, cache = _runs(scheme)

    def one(match: re.Match[str]) -> str:
        run = match.group()
        out = cache.get(run)
        if out is None:
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            out = cache[run] = _convert(run, scheme)
        return out

    return pattern.sub(one, text)


@functools.cache
def _escape_pattern(scheme: str) -> regex.Pattern[str]:
    table = lossless_table(scheme)
    return regex.compile(regex.escape(table.escape) + r"(.)", regex.DOTALL)


def from_scheme(text: str, scheme: str) -> str:
    """Back from lossless `scheme` to Arabic script; characters outside the scheme pass."""
    table = lossless_table(scheme)
    if table.escape and table.escape in text:
        reverse = table.reverse
        escape = table.escape

        def one(match: regex.Match[str]) -> str:
            return reverse.get(escape + match.group(1), match.group())

        # Two-character codes first; what they produce is Arabic, which the single-character
        # table (Latin keys only) leaves alone.
        text = _escape_pattern(scheme).sub(one, text)
    return text.translate(table.reverse_single)
