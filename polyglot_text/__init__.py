"""polyglot-text: find, clean, display and caption text that mixes Arabic-script languages
(Arabic, Persian, Urdu) with English.

>>> import polyglot_text as pt
>>> [(s.kind, s.lang) for s in pt.segments("Hamas وفد حماس")]
[('text', 'en'), ('space', None), ('text', 'ar')]
"""

from ._version import __version__
from .bidi import BidiIssue, find_bidi_issues
from .captions import Caption, GlossaryTranslator, Translator, annotate, caption
from .display import looks_visual, to_logical, to_visual
from .langid import detect_language
from .mojibake import fix_mojibake
from .normalize import normalize
from .pipeline import clean, clean_and_explain
from .segment import Segment, Token, segments, tokens
from .translit import detransliterate, schemes, transliterate
from .urls import UrlMatch, find_urls, isolate_urls, normalize_url

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
