"""Character classes and script/language tables shared by the whole package.

Everything here is data: named `regex` fragments built from Unicode properties (never
hand-typed code point ranges), plus small tables about scripts and languages. This module
imports nothing of ours and compiles nothing at import time.

>>> import regex
>>> bool(regex.fullmatch(ARABIC_LETTER + "+", "حماس"))
True
>>> bool(regex.fullmatch(ARABIC_LETTER, "ﻻ"))  # presentation forms are Arabic script
True
>>> script_of("ح"), script_of("H"), script_of("7"), script_of("\u064e")
('Arab', 'Latn', 'Zyyy', 'Zinh')
"""

from __future__ import annotations

import functools
from typing import Final

import regex

# --- named character classes (regex V1 syntax) ------------------------------------------

#: A letter of the Arabic script, presentation forms (U+FB50-FDFF, U+FE70-FEFF) included.
ARABIC_LETTER: Final = r"[\p{Script=Arabic}&&\p{L}]"
#: A letter of the Latin script.
LATIN_LETTER: Final = r"[\p{Script=Latin}&&\p{L}]"
#: Any combining mark (harakat, shadda, accents...).
MARK: Final = r"\p{M}"
#: ARABIC TATWEEL (kashida), a Common-script letter that only stretches Arabic words.
TATWEEL: Final = "\u0640"
#: ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER: part of Persian/Urdu spelling.
JOINER: Final = "[\u200c\u200d]"
#: A letter with no script of its own (modifier letters like U+02BB) or a combining letter.
NEUTRAL_LETTER: Final = r"[\p{L}&&[\p{Script=Common}\p{Script=Inherited}]]"
#: A decimal digit of any script (ASCII, Arabic-Indic, Extended Arabic-Indic...).
DIGIT: Final = r"\p{Nd}"
#: Separators inside a number: . , ARABIC DECIMAL SEPARATOR, ARABIC THOUSANDS SEPARATOR.
NUMBER_SEPARATOR: Final = "[.,\u066b\u066c]"
#: Explicit bidirectional formatting characters (Bidi_Class LRE RLE PDF LRO RLO LRI RLI FSI PDI).
BIDI_EMBEDDING: Final = r"[\p{Bidi_Class=LRE}\p{Bidi_Class=RLE}\p{Bidi_Class=PDF}\p{Bidi_Class=LRO}\p{Bidi_Class=RLO}\p{Bidi_Class=LRI}\p{Bidi_Class=RLI}\p{Bidi_Class=FSI}\p{Bidi_Class=PDI}]"
#: Implicit directional marks: LRM, RLM, ALM.
BIDI_MARK: Final = "[\u200e\u200f\u061c]"

# --- scripts -------------------------------------------------------------------------------

#: ISO 15924 codes of every script the `regex` module knows (Unicode Script property values).
ISO15924_SCRIPTS: Final = tuple(dict.fromkeys((
    # the common ones first (`script_of` tries them in order), then all, each kept once
    "Zyyy", "Zinh", "Latn", "Arab", "Hebr", "Syrc", "Thaa", "Cyrl", "Grek",
    "Adlm", "Aghb", "Ahom", "Arab", "Armi", "Armn", "Avst", "Bali", "Bamu", "Bass", "Batk",
    "Beng", "Bhks", "Bopo", "Brah", "Brai", "Bugi", "Buhd", "Cakm", "Cans", "Cari", "Cham",
    "Cher", "Chrs", "Copt", "Cpmn", "Cprt", "Cyrl", "Deva", "Diak", "Dogr", "Dsrt", "Dupl",
    "Egyp", "Elba", "Elym", "Ethi", "Geor", "Glag", "Gong", "Gonm", "Goth", "Gran", "Grek",
    "Gujr", "Guru", "Hang", "Hani", "Hano", "Hatr", "Hebr", "Hira", "Hluw", "Hmng", "Hmnp",
    "Hung", "Ital", "Java", "Kali", "Kana", "Kawi", "Khar", "Khmr", "Khoj", "Kits", "Knda",
    "Kthi", "Lana", "Laoo", "Latn", "Lepc", "Limb", "Lina", "Linb", "Lisu", "Lyci", "Lydi",
    "Mahj", "Maka", "Mand", "Mani", "Marc", "Medf", "Mend", "Merc", "Mero", "Mlym", "Modi",
    "Mong", "Mroo", "Mtei", "Mult", "Mymr", "Nagm", "Nand", "Narb", "Nbat", "Newa", "Nkoo",
    "Nshu", "Ogam", "Olck", "Orkh", "Orya", "Osge", "Osma", "Ougr", "Palm", "Pauc", "Perm",
    "Phag", "Phli", "Phlp", "Phnx", "Plrd", "Prti", "Rjng", "Rohg", "Runr", "Samr", "Sarb",
    "Saur", "Sgnw", "Shaw", "Shrd", "Sidd", "Sind", "Sinh", "Sogd", "Sogo", "Sora", "Soyo",
    "Sund", "Sylo", "Syrc", "Tagb", "Takr", "Tale", "Talu", "Taml", "Tang", "Tavt", "Telu",
    "Tfng", "Tglg", "Thaa", "Thai", "Tibt", "Tirh", "Tnsa", "Toto", "Ugar", "Vaii", "Vith",
    "Wara", "Wcho", "Xpeo", "Xsux", "Yezi", "Yiii", "Zanb",
)))  # fmt: skip


@functools.cache
def _script_pattern() -> regex.Pattern[str]:
    groups = "|".join(f"(?P<{code}>\\p{{Script={code}}})" for code in ISO15924_SCRIPTS)
    return regex.compile(groups, regex.V1)


@functools.lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """The ISO 15924 code of the Unicode Script property of one character.

    ``"Zzzz"`` for unassigned code points and lone surrogates.

    >>> script_of("ك"), script_of("ک"), script_of("é"), script_of("،")
    ('Arab', 'Arab', 'Latn', 'Zyyy')
    """
    if len(char) != 1:
        raise ValueError(f"script_of() takes one character, got {len(char)}: {char!r}")
    match = _script_pattern().match(char)
    return match.lastgroup if match and match.lastgroup else "Zzzz"


# --- languages --------------------------------------------------------------------------

#: Every language langdetect 1.0.9 has a profile for, with the ISO 15924 script it is written in.
LANGDETECT_LANGUAGE_SCRIPTS: Final[dict[str, str]] = {
    "af": "Latn", "ar": "Arab", "bg": "Cyrl", "bn": "Beng", "ca": "Latn", "cs": "Latn",
    "cy": "Latn", "da": "Latn", "de": "Latn", "el": "Grek", "en": "Latn", "es": "Latn",
    "et": "Latn", "fa": "Arab", "fi": "Latn", "fr": "Latn", "gu": "Gujr", "he": "Hebr",
    "hi": "Deva", "hr": "Latn", "hu": "Latn", "id": "Latn", "it": "Latn", "ja": "Jpan",
    "kn": "Knda", "ko": "Hang", "lt": "Latn", "lv": "Latn", "mk": "Cyrl", "ml": "Mlym",
    "mr": "Deva", "ne": "Deva", "nl": "Latn", "no": "Latn", "pa": "Guru", "pl": "Latn",
    "pt": "Latn", "ro": "Latn", "ru": "Cyrl", "sk": "Latn", "sl": "Latn", "so": "Latn",
    "sq": "Latn", "sv": "Latn", "sw": "Latn", "ta": "Taml", "te": "Telu", "th": "Thai",
    "tl": "Latn", "tr": "Latn", "uk": "Cyrl", "ur": "Arab", "vi": "Latn", "zh-cn": "Hani",
    "zh-tw": "Hani",
}  # fmt: skip

#: Scripts that are written together with another script's letters in one language.
SCRIPT_FAMILY: Final[dict[str, str]] = {"Hira": "Jpan", "Kana": "Jpan", "Hani": "Hani"}

#: Default candidate languages of `segments()` and `detect_language()`.
DEFAULT_LANGUAGES: Final = ("ar", "fa", "ur", "en")

# Letter evidence. Letters only Urdu uses among ar/fa/ur; letters Persian and Urdu use but
# Arabic does not; letters only Arabic uses (Persian and Urdu write ک ی ه/ہ instead).
URDU_ONLY_LETTERS: Final = frozenset("ٹڈڑںےۓہھ")
PERSIAN_URDU_LETTERS: Final = frozenset("پچژگکی")
ARABIC_ONLY_LETTERS: Final = frozenset("ةيكى")
