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
import unicodedata

import regex

from .tables import lossless_table

__all__ = ["from_scheme", "to_scheme"]

_SHADDA = "\u0651"


@functools.cache
def _forward(scheme: str) -> tuple[list[str], frozenset[str]]:
    """`scheme`'s forward table as a list indexed by code point, up to its largest key (for
    `str.translate`, indexed instead of hashed: faster on Arabic text; characters beyond
    it are left as they are), and the marks that `to_scheme` moves a shadda in front of."""
    forward = lossless_table(scheme).forward
    table = [chr(code) for code in range(max(forward) + 1)]
    for code, value in forward.items():
        table[code] = value
    marks = frozenset(
        chr(code)
        for code in forward
        if code != ord(_SHADDA) and unicodedata.category(chr(code)) == "Mn"
    )
    return table, marks


def _shadda_first(text: str, marks: frozenset[str]) -> str:
    """Move each shadda in front of the `marks` written just before it on its letter."""
    out: list[str] = []
    last = 0
    at = text.find(_SHADDA)
    while at >= 0:
        start = at
        while start > last and text[start - 1] in marks:
            start -= 1
        if start < at:
            out += (text[last:start], _SHADDA, text[start:at])
            last = at + 1
        at = text.find(_SHADDA, at + 1)
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def to_scheme(text: str, scheme: str) -> str:
    """Transliterate `text` letter for letter into lossless `scheme`.

    Only the table's characters change (all Arabic script), so the whole text goes through
    one `str.translate`; Latin text, digits and punctuation come out as they went in.
    """
    table, marks = _forward(scheme)
    if _SHADDA in text:
        text = _shadda_first(text, marks)
    return text.translate(table)


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
