"""polyglot-text: find, clean, display and caption text that mixes Arabic-script languages
(Arabic, Persian, Urdu) with English.

>>> import polyglot_text as pt
>>> [(s.kind, s.lang) for s in pt.segments("Hamas وفد حماس")]
[('text', 'en'), ('space', None), ('text', 'ar')]
"""

from ._version import __version__
from .captions import Caption, GlossaryTranslator, Translator, annotate, caption
from .langid import detect_language
from .normalize import normalize
from .segment import Segment, Token, segments, tokens

__all__ = [
    "Caption",
    "GlossaryTranslator",
    "Segment",
    "Token",
    "Translator",
    "__version__",
    "annotate",
    "caption",
    "detect_language",
    "normalize",
    "segments",
    "tokens",
]
