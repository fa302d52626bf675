"""polyglot-text: find, clean, display and caption text that mixes Arabic-script languages
(Arabic, Persian, Urdu) with English.

Every public name is importable from here; each is loaded on first use (PEP 562), so
``import polyglot_text`` costs only what you use.

>>> import polyglot_text as pt
>>> [(s.kind, s.lang) for s in pt.segments("Hamas وفد حماس")]
[('text', 'en'), ('space', None), ('text', 'ar')]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

# `normalize` is both a submodule and a function: imported eagerly so that the package
# attribute is the function (importing the submodule later would otherwise shadow it).
from .normalize import normalize

#: public name -> the module that defines it
_EXPORTS: dict[str, str] = {
    "BidiIssue": "bidi",
    "find_bidi_issues": "bidi",
    "Caption": "captions",
    "GlossaryTranslator": "captions",
    "Translator": "captions",
    "annotate": "captions",
    "caption": "captions",
    "looks_visual": "display",
    "to_logical": "display",
    "to_visual": "display",
    "detect_language": "langid",
    "fix_mojibake": "mojibake",
    "clean": "pipeline",
    "clean_and_explain": "pipeline",
    "Segment": "segment",
    "Token": "segment",
    "segments": "segment",
    "tokens": "segment",
    "detransliterate": "translit",
    "schemes": "translit",
    "transliterate": "translit",
    "UrlMatch": "urls",
    "find_urls": "urls",
    "isolate_urls": "urls",
    "normalize_url": "urls",
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .bidi import BidiIssue, find_bidi_issues
    from .captions import Caption, GlossaryTranslator, Translator, annotate, caption
    from .display import looks_visual, to_logical, to_visual
    from .langid import detect_language
    from .mojibake import fix_mojibake
    from .pipeline import clean, clean_and_explain
    from .segment import Segment, Token, segments, tokens
    from .translit import detransliterate, schemes, transliterate
    from .urls import UrlMatch, find_urls, isolate_urls, normalize_url


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'polyglot_text' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "BidiIssue",
    "Caption",
    "GlossaryTranslator",
    "Segment",
    "Token",
    "Translator",
    "UrlMatch",
    "__version__",
    "annotate",
    "caption",
    "clean",
    "clean_and_explain",
    "detect_language",
    "detransliterate",
    "find_bidi_issues",
    "find_urls",
    "fix_mojibake",
    "isolate_urls",
    "looks_visual",
    "normalize",
    "normalize_url",
    "schemes",
    "segments",
    "to_logical",
    "to_visual",
    "tokens",
    "transliterate",
]
