"""The data a caption is made of: `Caption` and its `CaptionPart` pieces.

>>> part = CaptionPart(8, 11, "وفد", "delegation", "gloss", "gloss-lexicon")
>>> cap = Caption(8, 11, "وفد", "ar", "delegation", "gloss", "en", None, (part,))
>>> cap.sources, cap.fallback
(('gloss-lexicon',), False)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["MODES", "PART_KINDS", "Caption", "CaptionPart"]

#: Caption modes, and the kind of part each one is meant to produce.
MODES = {"translit": "translit", "gloss": "gloss", "translate": "translation"}
#: Kinds of `CaptionPart`: what the caption of that stretch is.
PART_KINDS = ("translit", "gloss", "translation", "original")


@dataclass(frozen=True, slots=True)
class CaptionPart:
    """The caption of one stretch (a word or a phrase) of a captioned segment.

    `start`/`end` index the caller's string (``text == source[start:end]``). `kind` is what
    `caption` is: ``translit`` (a romanisation), ``gloss`` (an English word gloss),
    ``translation``, or ``original`` (the word left as written: nothing could caption it).
    `source` says where it came from: for a transliteration ``lexicon``, ``diacritizer``,
    ``gloss-lexicon``, ``rules`` or ``table`` (`polyglot_text.translit.SOURCES`: the
    engine's word list, the diacritizer model, a vowelled form from the Buckwalter lexicon,
    letter rules, a lossless table); for a gloss ``gloss-lexicon`` (Buckwalter's lexicon);
    for a translation ``glossary``, ``model`` (Argos Translate) or ``translator`` (a
    user's); ``none`` for an ``original`` word.
    """

    start: int
    end: int
    text: str
    caption: str
    kind: str
    source: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "caption": self.caption,
            "kind": self.kind,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Caption:
    """The caption of one Arabic-script segment of a text.

    `start`/`end`/`text`: the segment in the caller's string; `lang` its language (``ar``,
    ``fa``, ``ur``; None when no Arabic-script language was a candidate); `caption` the
    caption text (plain, one line); `mode` the mode asked for; `caption_lang` the BCP 47 tag
    of the caption (``ar-Latn`` for an Arabic romanisation, ``en`` for a gloss or
    translation into English); `scheme` the transliteration scheme used (None when no part
    was transliterated); `parts` the pieces it was assembled from, with their sources.
    """

    start: int
    end: int
    text: str
    lang: str | None
    caption: str
    mode: str
    caption_lang: str
    scheme: str | None
    parts: tuple[CaptionPart, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources of the parts, in order of first use."""
        return tuple(dict.fromkeys(p.source for p in self.parts))

    @property
    def fallback(self) -> bool:
        """True when some part is not what the mode asked for (a word the glossary or the
        lexicon lacks, transliterated instead)."""
        wanted = MODES.get(self.mode)
        return any(p.kind != wanted for p in self.parts)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the fields, `sources`, `fallback` and the parts."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lang": self.lang,
            "caption": self.caption,
            "caption_lang": self.caption_lang,
            "mode": self.mode,
            "scheme": self.scheme,
            "sources": list(self.sources),
            "fallback": self.fallback,
            "parts": [p.as_dict() for p in self.parts],
        }
