"""A small hand-written lexicon of frequent words whose vowels the letters cannot tell.

``data/lexicon.json`` holds, per language, bare spellings -> vowelled spellings (function
words, pronouns, frequent names and nouns, ``هذا`` with its dagger alif...), written from
general knowledge of the languages and never derived from test data. Where Arabic marks cannot
write a vowel (Urdu *e*/*o*), an entry gives the romanisation itself. Loaded once, on first
use.

>>> lookup("في", "ar")
Entry(vowelled='فِي', latin=None, article=True, prefix='')
>>> lookup("وهذا", "ar").prefix
'و'
>>> lookup("له", "ar")
Entry(vowelled='هُ', latin=None, article=True, prefix='لَ')
>>> lookup("کو", "ur", "ala-lc-ur").latin
'ko'
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

__all__ = ["Entry", "lookup", "size"]

#: Proclitics tried in front of a lexicon word (``وفي`` = ``و`` + ``في``, ``بمصر`` = ``ب`` +
#: ``مصر``), Arabic only; the word itself is always looked up first (``لكن``, ``بين``).
PROCLITICS = "وفبلك"


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon hit: a vowelled spelling to romanise, or a ready romanisation."""

    vowelled: str | None
    latin: str | None
    article: bool  #: whether ``ال`` at the start of `vowelled` may be the article
    prefix: str  #: a proclitic split off in front of the entry ("" when none)


@functools.cache
def _data() -> dict[str, dict[str, Any]]:
    from importlib import resources

    text = resources.files(__package__).joinpath("data").joinpath("lexicon.json").read_text("utf-8")
    data = json.loads(text)
    out: dict[str, dict[str, Any]] = {}
    for lang in ("ar", "fa", "ur"):
        table = data[lang]
        for key, value in table.items():
            if not isinstance(value, (str, dict)):
                raise ValueError(f"lexicon.json {lang}[{key}]: bad value {value!r}")
        out[lang] = table
    return out


def size() -> dict[str, int]:
    """How many entries each language has.

    >>> size()["ar"] > 200
    True
    """
    return {lang: len(table) for lang, table in _data().items()}


def _entry(value: Any, scheme: str | None, prefix: str) -> Entry | None:
    if isinstance(value, str):
        if "|" in value:  # an inseparable preposition with its vowel: لَ|هُ la-hu
            inner, value = value.split("|", 1)
            prefix += inner
        if value.startswith("="):
            return Entry(value[1:], None, False, prefix)
        return Entry(value, None, True, prefix)
    latin = value.get(scheme) if scheme else None
    if latin is None:
        latin = value.get("latin")
    return Entry(None, str(latin), False, prefix) if latin is not None else None


def lookup(bare: str, lang: str, scheme: str | None = None) -> Entry | None:
    """The lexicon entry for the bare spelling `bare` in `lang` (``ar``, ``fa``, ``ur``), trying
    a proclitic ``و``/``ف`` in front of an Arabic word; None when absent."""
    table = _data().get(lang)
    if table is None:
        return None
    value = table.get(bare)
    if value is not None:
        return _entry(value, scheme, "")
    if lang == "ar" and len(bare) >= 3 and bare[0] in PROCLITICS:
        value = table.get(bare[1:])
        if value is not None:
            return _entry(value, scheme, bare[0])
    return None
