"""Transliteration of Arabic-script text: lossless schemes and scholarly romanisations.

Only Arabic-script words change; Latin text, digits, URLs and punctuation pass through (a
scholarly scheme writes Arabic punctuation ``،`` ``؛`` ``؟`` as ``,`` ``;`` ``?``).

- **Lossless** (``buckwalter``, ``buckwalter-xml``, ``safe-buckwalter``, ``hsb``): one
  character for one, reversible with `detransliterate`. Persian/Urdu letters the classic
  tables lack are written ``^`` + one ASCII character (``ک`` ``^k``, ``ی`` ``^y``, ``ے``
  ``^e``...); any other character passes through unchanged, so nothing is ever dropped.
- **Scholarly** (``ala-lc``, ``ala-lc-fa``, ``ala-lc-ur``, ``din-31635``, ``bgn-pcgn``,
  ``bgn-pcgn-ur``, ``iso-233-2``): rules for the article, shadda, tanwin, ta marbuta, alef
  maqsura, nisba, hamza, wasla, long vowels and the Persian izafat (see
  `polyglot_text.translit.rules`).

Unvowelled words (almost all real text) get their vowels, in order, from: a small hand-written
lexicon of frequent words; the optional ``diacritize`` extra (text2tashkeel) for Arabic; a
caller's ``vowelled`` hook (e.g. the ``gloss`` extra's Buckwalter lexicon); and last the rules
on the bare letters. `transliterate_words` says which one each word came from.

>>> transliterate("He said وفد حماس today", "buckwalter")
'He said wfd HmAs today'
>>> transliterate("مَكتَبَة النَهضَة المِصرِيَّة (Cairo)")
'maktabat al-nahḍah al-miṣrīyah (Cairo)'
>>> transliterate("هذا المكتب", "din-31635", diacritize=False)  # lexicon; pattern mafʻal
'hāḏā al-maktab'
>>> detransliterate("wfd HmAs", "buckwalter")
'وفد حماس'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import regex

from ..chars import ARABIC_LETTER, TATWEEL
from . import lexicon, morph, rules
from .lossless import from_scheme, to_scheme
from .tables import (
    LOSSLESS,
    SCHEMES,
    SCHOLARLY,
    ScholarlyScheme,
    check_scheme,
    scholarly_scheme,
)

__all__ = [
    "LOSSLESS",
    "SCHEMES",
    "SCHOLARLY",
    "SOURCES",
    "TranslitConfig",
    "WordRomanization",
    "default_scheme_for",
    "detransliterate",
    "diacritizer_available",
    "schemes",
    "transliterate",
    "transliterate_and_explain",
    "transliterate_words",
]

#: Where a word's romanisation came from.
SOURCES = ("lexicon", "diacritizer", "gloss-lexicon", "rules", "table")

_DEFAULT_SCHEMES = {"ar": "ala-lc", "fa": "ala-lc-fa", "ur": "ala-lc-ur"}
_APOSTROPHES = {
    "scheme": {},
    "quotes": {ord("ʼ"): "’", ord("ʾ"): "’", ord("ʻ"): "‘", ord("ʿ"): "‘"},
    "ascii": {
        ord("ʼ"): "'",
        ord("ʾ"): "'",
        ord("’"): "'",
        ord("ʻ"): "`",
        ord("ʿ"): "`",
        ord("‘"): "`",
    },
}
#: Next words that make a preceding ta marbuta construct (``riḥlat ibn Baṭṭūṭah``).
_CONSTRUCT_NEXT = frozenset(["ابن", "إبن", "بن", "أبي", "ابي", "أبو", "ابو", "عبد", "ذي"])


@dataclass(frozen=True, slots=True)
class WordRomanization:
    """One Arabic-script word of the caller's string and its romanisation.

    ``text == caller_string[start:end]``; `source` is one of `SOURCES`.

    >>> transliterate_words("قال محمد", "ala-lc")[1]
    WordRomanization(start=4, end=8, text='محمد', latin='muḥammad', source='lexicon')
    """

    start: int
    end: int
    text: str
    latin: str
    source: str


@dataclass(frozen=True, slots=True)
class TranslitConfig:
    """Options of `transliterate` (scholarly schemes; lossless ones take none).

    - `lang`: ``ar``/``fa``/``ur`` lexicon and rules to use; None = the scheme's language.
    - `diacritize`: vowel unvowelled Arabic with the ``diacritize`` extra: None = when it is
      installed, True = always (raise `MissingExtraError` without it), False = never. Default
      None: the best result the installation allows.
    - `case`: ``"lower"``, ``"title"`` (each word capitalised after its article) or
      ``"sentence"``; None = the scheme's (``title`` for BGN/PCGN place names, else lower).
    - `apostrophes`: ayn and hamza signs as the scheme has them (``"scheme"``: ALA-LC ʻ ʼ,
      DIN ʿ ʾ), typographic ``"quotes"`` (‘ ’) or ``"ascii"`` (` ').
    """

    lang: str | None = None
    diacritize: bool | None = None
    case: str | None = None
    apostrophes: str = "scheme"

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in _DEFAULT_SCHEMES:
            raise ValueError(f"lang must be one of ar, fa, ur or None, got {self.lang!r}")
        if self.diacritize not in (None, True, False):
            raise ValueError(f"diacritize must be None, True or False, got {self.diacritize!r}")
        if self.case not in (None, "lower", "title", "sentence"):
            raise ValueError(
                f"case must be one of lower, title, sentence or None, got {self.case!r}"
            )
        if self.apostrophes not in _APOSTROPHES:
            raise ValueError(
                f"apostrophes must be one of {', '.join(_APOSTROPHES)}, got {self.apostrophes!r}"
            )


def schemes() -> list[str]:
    """Every scheme name: the lossless ones first, then the scholarly ones.

    >>> schemes()[:5]
    ['buckwalter', 'buckwalter-xml', 'safe-buckwalter', 'hsb', 'ala-lc']
    """
    return list(SCHEMES)


def default_scheme_for(lang: str | None) -> str:
    """The ALA-LC table for a language: ``ar`` -> ``ala-lc``, ``fa`` -> ``ala-lc-fa``,
    ``ur`` -> ``ala-lc-ur``; any other language (or None) -> ``ala-lc``.

    >>> default_scheme_for("fa"), default_scheme_for("ur"), default_scheme_for(None)
    ('ala-lc-fa', 'ala-lc-ur', 'ala-lc')
    """
    return _DEFAULT_SCHEMES.get(lang or "ar", "ala-lc")


def diacritizer_available() -> bool:
    """Whether the ``diacritize`` extra is installed (without importing it)."""
    from .diacritizer import available

    return available()


# --- finding words ----------------------------------------------------------------------------


def _word_pattern() -> re.Pattern[str]:
    """An Arabic-script word: letters (tatweel included), marks, ZWNJ between letters."""
    return _scanners()[0]


def _clean(word: str) -> str:
    if max(word) >= "\ufb50" and any(
        "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in word
    ):
        word = "".join(
            unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufeff" else c for c in word
        )
    return unicodedata.normalize("NFC", word.replace(TATWEEL, ""))


def _check_text(text: object, func: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{func}() expects a str, got {type(text).__name__}")
    return text


def _resolve(scheme: str, lang: str | None) -> str:
    check_scheme(scheme)
    if scheme == "bgn-pcgn" and lang == "ur":
        return "bgn-pcgn-ur"
    return scheme


@functools.lru_cache(maxsize=1 << 13)
def _bare(raw: str) -> str:
    """A word's letters without marks, as `_plan_word` reads them."""
    return rules.strip_marks(_clean(raw)).replace("ٱ", "ا")


def _starts_definite(bare: str) -> bool:
    return (len(bare) >= 4 and bare.startswith(("ال", "ٱل"))) or bare in _CONSTRUCT_NEXT


@functools.lru_cache(maxsize=1 << 13)
def _romanize(
    word: str,
    scheme: str,
    construct: bool,
    drop_final: bool,
    guess: bool,
    article: bool,
    first: bool,
    case: str | None,
    followed: bool = False,
) -> str:
    return rules.romanize_word(
        word,
        scholarly_scheme(scheme),
        construct=construct,
        drop_final=drop_final,
        guess=guess,
        article=article,
        first_in_run=first,
        case=case,
        followed=followed,
    )


def _consistent(user: str, form: str) -> bool:
    """Whether every mark `user` writes is also in lexicon `form` on the same letter."""
    a = rules.split_units(user)
    b = rules.split_units(form)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        allowed = set(y.marks) | {"\u0652"}  # a written sukun is what no mark means
        if "\u0670" in y.marks:
            allowed.add("\u064e")  # fatha where the lexicon writes a dagger alif
        if not set(x.marks) <= allowed:
            return False
    return True


# (vowelled form, source, article allowed, drop final vowels, guess, prefix), or a ready latin
_Plan = tuple[str, str, bool, bool, bool, str] | str


@functools.lru_cache(maxsize=1 << 13)
def _plan_word(raw: str, name: str, language: str) -> tuple[str, str, _Plan, bool]:
    """How to romanise one word without a model: (clean word, bare letters, plan, whether it
    is unvowelled and not in the lexicon, i.e. worth asking a diacritizer or hook)."""
    word = _clean(raw)
    bare = rules.strip_marks(word).replace("ٱ", "ا")  # as `_bare`
    allah = scholarly_scheme(name).allah.get(bare)
    if allah is not None:  # the scheme's own forms (لله lillāh), ahead of any proclitic split
        return word, bare, allah, False
    entry = lexicon.lookup(bare, language, name)
    if rules.has_vowel_marks(word):
        if (
            entry is not None
            and entry.vowelled
            and not entry.prefix
            and _consistent(word, entry.vowelled)
        ):
            return word, bare, (entry.vowelled, "lexicon", entry.article, False, False, ""), False
        return word, bare, (word, "rules", True, False, False, ""), False
    if entry is not None:
        if entry.latin is not None:
            return word, bare, entry.latin, False
        assert entry.vowelled is not None
        form, prefix = entry.vowelled, entry.prefix
        if len(prefix) > 1 and "{p}-" not in scholarly_scheme(name).article_prefixed:
            # a scheme that writes proclitics apart (BGN/PCGN) keeps a preposition with its
            # pronoun together: lahu, not "la hu"
            units = rules.split_units(prefix)
            bare_units = [u for u in units if not u.marks]
            prefix = "".join(u.letter for u in bare_units)
            form = "".join(u.letter + u.marks for u in units if u.marks) + form
        plan = (form, "lexicon", entry.article, False, False, prefix)
        return word, bare, plan, False
    prefix = _conjunction(bare) if language == "ar" else ""
    core = _drop_first_letter(word) if prefix else word
    pattern = rules.guess_vowels(bare[1:] if prefix else bare) if language == "ar" else None
    if pattern is not None:
        return word, bare, (pattern, "rules", True, False, False, prefix), True
    return word, bare, (core, "rules", True, False, True, prefix), True


def transliterate_words(
    text: str,
    scheme: str = "ala-lc",
    *,
    lang: str | None = None,
    vowelled: Callable[[str], str | None] | None = None,
    diacritize: bool | None = None,
    case: str | None = None,
    apostrophes: str = "scheme",
) -> list[WordRomanization]:
    """Romanise every Arabic-script word of `text`, with offsets and where each came from.

    `vowelled`: an optional hook given a bare word that may return a vowelled spelling (e.g.
    `polyglot_text.gloss.vowelled_form`); it is asked after the lexicon, and only when the
    diacritizer is not used. Other options as in `TranslitConfig`.

    >>> [(w.text, w.latin, w.source) for w in transliterate_words("في دَرْس Hamas", diacritize=False)]
    [('في', 'fī', 'lexicon'), ('دَرْس', 'dars', 'rules')]
    >>> [w.latin for w in transliterate_words("وفد", "buckwalter")]
    ['wfd']
    """
    _check_text(text, "transliterate_words")
    config = TranslitConfig(lang, diacritize, case, apostrophes)
    name = _resolve(scheme, lang)
    matches = list(_word_pattern().finditer(text))
    if name in LOSSLESS:
        return [
            WordRomanization(m.start(), m.end(), m.group(), to_scheme(m.group(), name), "table")
            for m in matches
        ]
    s = scholarly_scheme(name)
    language = lang or s.lang
    words: list[str] = []
    bares: list[str] = []
    plans: list[_Plan] = []
    pending: list[int] = []
    for i, m in enumerate(matches):
        word, bare, plan, unvowelled = _plan_word(m.group(), name, language)
        words.append(word)
        bares.append(bare)
        plans.append(plan)
        if unvowelled and len(bare) <= MODEL_MAX_LETTERS:
            pending.append(i)
    use_model = _use_diacritizer(config, language) if pending or diacritize else False
    if pending and use_model:
        from .diacritizer import vowel_lines

        lines = _lines(text, matches, pending)
        results = vowel_lines([[words[i] for i in line] for line in lines])
        use_gloss = morph.available()
        for line, forms in zip(lines, results, strict=True):
            for i, form in zip(line, forms, strict=True):
                vowelled_form = form if form is not None and rules.has_vowel_marks(form) else None
                choice = morph.choose(bares[i], vowelled_form) if use_gloss else None
                if choice is not None:
                    plans[i] = _split(choice)
                elif vowelled_form is not None:
                    form = vowelled_form
                    prefix = plans[i][5] if isinstance(plans[i], tuple) else ""
                    if prefix:
                        form = _drop_first_letter(form)
                    plans[i] = (form, "diacritizer", True, True, False, str(prefix))
    elif pending and vowelled is not None:
        for i in pending:
            plan = plans[i]
            prefix = plan[5] if isinstance(plan, tuple) else ""
            # a conjunction split off by the rules stays split: ask about the rest
            form = vowelled(bares[i][1:] if prefix else bares[i])
            if isinstance(form, str) and rules.has_vowel_marks(form):
                plans[i] = (_clean(form), "gloss-lexicon", True, True, False, prefix)
    out: list[WordRomanization] = []
    quotes = _APOSTROPHES[apostrophes]
    prev_end = -1
    for i, (m, plan) in enumerate(zip(matches, plans, strict=True)):
        first = prev_end < 0 or bool(text[prev_end : m.start()].strip(" \t"))
        prev_end = m.end()
        if isinstance(plan, str):
            latin, source = plan, "lexicon"
        else:
            form, source, article, drop, guess, prefix = plan
            construct = followed = False
            if bares[i].endswith(("ة", "ۃ")) and i + 1 < len(matches):
                gap = text[m.end() : matches[i + 1].start()]
                followed = bool(gap) and not gap.strip(" \t\u00a0")
                construct = followed and _starts_definite(bares[i + 1])
            latin = _romanize(form, name, construct, drop, guess, article, first, case, followed)
            if prefix:
                latin = _prefix(s, prefix) + latin
        if quotes:
            latin = latin.translate(quotes)
        out.append(WordRomanization(m.start(), m.end(), m.group(), latin, source))
    return out


#: After the conjunction و, the next letters that start most derived words (taCCīC, muCaCCiC,
#: yaCCuC...) and names with hamza: ``وتقديم`` = wa-taqdīm, but ``وزير`` stays one word.
_AFTER_CONJUNCTION = frozenset("تمينأإ")


def _conjunction(bare: str) -> str:
    """``و`` when an unvowelled word looks like the conjunction + a word of 4+ letters."""
    if len(bare) >= 5 and bare[0] == "و" and bare[1] in _AFTER_CONJUNCTION:
        return "و"
    return ""


def _drop_first_letter(word: str) -> str:
    i = 1
    while i < len(word) and unicodedata.combining(word[i]):
        i += 1
    return word[i:]


_PROCLITIC_LATIN = {"و": "wa", "ف": "fa", "ب": "bi", "ل": "li", "ك": "ka"}


def _prefix(s: ScholarlyScheme, prefix: str) -> str:
    """The romanisation of proclitic letters (bare, or with the vowel they are read with:
    ``لَ`` + a pronoun is ``la-``), each followed by the scheme's hyphen."""
    sep = "-" if "{p}-" in s.article_prefixed else " "
    if len(prefix) == 1:
        return (s.prefixes.get(prefix) or _PROCLITIC_LATIN.get(prefix, "")) + sep
    parts: list[str] = []
    for unit in rules.split_units(prefix):
        vowel = rules.short_vowel(unit.marks)
        if vowel:
            latin = s.letters.get(unit.letter, unit.letter) + s.vowels.get(vowel, vowel)
        else:
            latin = s.prefixes.get(unit.letter) or _PROCLITIC_LATIN.get(unit.letter, "")
        parts.append(latin + sep)
    return "".join(parts)


def _split(choice: morph.Choice) -> _Plan:
    """A plan from the gloss tier's choice: its proclitic letters (with their marks) apart."""
    form = choice.vowelled
    prefix = ""
    if choice.prefix:
        units = rules.split_units(form)
        prefix = "".join(u.letter + u.marks for u in units[: choice.prefix])
        form = "".join(u.letter + u.marks for u in units[choice.prefix :])
    return (form, choice.source, True, not choice.keep_final, False, prefix)


def _use_diacritizer(config: TranslitConfig, language: str) -> bool:
    if config.diacritize is False or language != "ar":
        return False
    from .diacritizer import _model, available

    if config.diacritize is None:
        return available()
    _model()  # raises MissingExtraError with the install command
    return True


#: Longer "words" are not sent to the diacritizer (the longest Arabic words have about 15
#: letters; a model's cost grows faster than the length of what it reads): rules read them.
MODEL_MAX_LETTERS = 40
#: The diacritizer reads a line in pieces of at most this many words (a sentence's context).
MODEL_LINE_WORDS = 64


def _lines(text: str, matches: list[re.Match[str]], pending: list[int]) -> list[list[int]]:
    """Group the words of `text` that need vowels into lines (the model reads them together),
    at most `MODEL_LINE_WORDS` words each."""
    lines: list[list[int]] = []
    current: list[int] = []
    last_end = 0
    wanted = set(pending)
    for i, m in enumerate(matches):
        if current and (len(current) >= MODEL_LINE_WORDS or "\n" in text[last_end : m.start()]):
            lines.append(current)
            current = []
        last_end = m.end()
        if i in wanted:
            current.append(i)
    if current:
        lines.append(current)
    return lines


def transliterate_and_explain(
    text: str, scheme: str = "ala-lc", **options: object
) -> tuple[str, list[WordRomanization]]:
    """`transliterate` plus the words it changed and where each romanisation came from.

    `vowelled`: an optional hook for unvowelled words, as in `transliterate_words`.

    >>> out, words = transliterate_and_explain("Cairo القاهرة", diacritize=False)
    >>> out, [(w.text, w.source) for w in words]
    ('Cairo al-qāhirah', [('القاهرة', 'lexicon')])
    """
    _check_text(text, "transliterate_and_explain")
    name = check_scheme(scheme)
    vowelled, options = _pop_hook(options)
    config = TranslitConfig(**options)  # type: ignore[arg-type]
    words = transliterate_words(
        text,
        name,
        lang=config.lang,
        vowelled=vowelled,
        diacritize=config.diacritize,
        case=config.case,
        apostrophes=config.apostrophes,
    )
    if name in LOSSLESS:
        return to_scheme(text, name), words
    punct = _gap_table(_resolve(name, config.lang))
    parts: list[str] = []
    pos = 0
    for word in words:
        parts.append(text[pos : word.start].translate(punct))
        parts.append(word.latin)
        pos = word.end
    parts.append(text[pos:].translate(punct))
    return "".join(parts), words


@functools.cache
def _gap_table(scheme: str) -> dict[int, str]:
    """Arabic punctuation and Arabic-Indic digits (Arabic script too) between the words."""
    table = {ord(k): v for k, v in scholarly_scheme(scheme).punctuation.items()}
    for start in (0x0660, 0x06F0):
        for digit in range(10):
            table[start + digit] = str(digit)
    table[0x066B] = "."  # ARABIC DECIMAL SEPARATOR
    table[0x066C] = ","  # ARABIC THOUSANDS SEPARATOR
    return table


def _pop_hook(
    options: dict[str, object],
) -> tuple[Callable[[str], str | None] | None, dict[str, object]]:
    """Split the ``vowelled`` hook off the config options."""
    hook = options.get("vowelled")
    if hook is not None and not callable(hook):
        raise TypeError(f"vowelled must be a callable or None, got {type(hook).__name__}")
    return hook, {k: v for k, v in options.items() if k != "vowelled"}


def transliterate(text: str, scheme: str = "ala-lc", **options: object) -> str:
    """Transliterate the Arabic-script words of `text` into `scheme`; the rest passes through.

    Options (scholarly schemes) as in `TranslitConfig`: ``lang``, ``diacritize``, ``case``,
    ``apostrophes``; ``vowelled`` is a hook for unvowelled words (see `transliterate_words`;
    e.g. ``polyglot_text.gloss.vowelled_form`` from the ``gloss`` extra). Unknown scheme ->
    ``ValueError`` listing the valid ones.

    >>> transliterate("Hamas حماس", "hsb")
    'Hamas HmAs'
    >>> transliterate("بِئْر زَيْت", "bgn-pcgn")
    'Bi’r Zayt'
    >>> transliterate("x", "pinyin")
    Traceback (most recent call last):
    ...
    ValueError: unknown transliteration scheme 'pinyin'; valid schemes: buckwalter, buckwalter-xml, safe-buckwalter, hsb, ala-lc, ala-lc-fa, ala-lc-ur, din-31635, bgn-pcgn, bgn-pcgn-ur, iso-233-2
    """
    _check_text(text, "transliterate")
    name = check_scheme(scheme)
    vowelled, options = _pop_hook(options)
    config = TranslitConfig(**options)  # type: ignore[arg-type]
    if name in LOSSLESS:
        return to_scheme(text, name)
    resolved = _resolve(name, config.lang)
    language = config.lang or scholarly_scheme(resolved).lang
    model = config.diacritize is True or (
        config.diacritize is None and language == "ar" and diacritizer_available()
    )
    if model or vowelled is not None:
        return transliterate_and_explain(
            text,
            name,
            vowelled=vowelled,
            lang=config.lang,
            diacritize=config.diacritize,
            case=config.case,
            apostrophes=config.apostrophes,
        )[0]
    return _fast(text, resolved, config)


#: Words kept in the cache of `_fast` (per scheme and options).
WORD_CACHE_SIZE = 1 << 13
#: Words `_romanize_run` looks up in the cache together.
FAST_CHUNK = 512


def _char_class(chars: str) -> str:
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


@functools.cache
def _scanners() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    r"""Stdlib `re` scanners for words, for splitting a text into gaps and words, and for
    the Arabic punctuation and digits between words. Their classes are computed once, on first use, by the `regex` module's Unicode
    properties (``[\p{Script=Arabic}&&\p{L}]``, ``\p{M}``) over the BMP (~40 ms): stdlib `re`
    then scans 3-6x faster than `regex` with properties."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    letters = "".join(regex.findall(rf"{ARABIC_LETTER}|{TATWEEL}", bmp, flags=regex.V1))
    marks = "".join(regex.findall(r"\p{M}", bmp))
    gaps = "".join(regex.findall(r"[\p{Script=Arabic}&&[\p{P}\p{Nd}]]", bmp, flags=regex.V1))
    letter = _char_class(letters)
    mark = _char_class(marks)
    inner = _char_class(letters + marks)
    # letters and marks, and ZWNJ only between letters (a run of marks may follow it)
    word = f"{letter}{inner}*(?:\u200c(?={mark}*{letter}){inner}*)*"
    return re.compile(word), re.compile(f"({word})"), re.compile(_char_class(gaps + "،؛؟") + "+")


@functools.cache
def _word_cache(scheme: str, config: TranslitConfig) -> dict[object, str]:
    return {}


#: Cached for a word whose romanisation depends on the next word (a final ta marbuta).
_CONTEXT = "\x00"


def _fast(text: str, scheme: str, config: TranslitConfig) -> str:
    """`transliterate` without a model: the same result as `transliterate_words`, each word
    romanised once per process (`_romanize_run`); the gaps between words need just their
    Arabic punctuation and digits rewritten."""
    gap_table = _gap_table(scheme)
    out = _romanize_run(text, scheme, config)
    return _scanners()[2].sub(lambda m: m.group().translate(gap_table), out)


def _romanize_run(text: str, scheme: str, config: TranslitConfig) -> str:
    """The Arabic-script words of `text` romanised (`_word_latin`), the rest as it is. One
    regex pass splits the text into gaps and words, and the words are looked up in the word
    cache together, in chunks (on distinct text ~4x faster than a phrase cache: sentences
    seldom repeat, words do); only a word ending in ta marbuta reads the next word (construct,
    when only spaces come between), and only a capitalised article the gap before (first word
    of a run)."""
    s = scholarly_scheme(scheme)
    parts = _scanners()[1].split(text)
    words = parts[1::2]
    if words:
        cache = _word_cache(scheme, config)
        firsts: list[bool] | None = None
        keys: list[object] = list(words)
        if _reads_first(s, config):
            firsts = [i == 0 or bool(parts[2 * i].strip(" \t")) for i in range(len(words))]
            keys = list(zip(words, firsts, strict=True))
        last = len(words) - 1
        latins: list[str] = []
        # in chunks, so that a word romanised in one chunk is a cache hit in the next ones
        for start in range(0, len(words), FAST_CHUNK):
            chunk = list(map(cache.get, keys[start : start + FAST_CHUNK]))
            for j in [j for j, latin in enumerate(chunk) if latin is None or latin is _CONTEXT]:
                i = start + j
                key = keys[i]
                latin = cache.get(key)  # romanised earlier in this chunk?
                if latin is not None and latin is not _CONTEXT:
                    chunk[j] = latin
                    continue
                gap = parts[2 * i + 2]
                after = words[i + 1] if i < last and gap and not gap.strip(" \t\u00a0") else None
                if latin is _CONTEXT:  # seen before: look it up with its context
                    construct = after is not None and _starts_definite(_bare(after))
                    latin = cache.get((key, construct, after is not None))
                    if latin is not None:
                        chunk[j] = latin
                        continue
                first = True if firsts is None else firsts[i]
                chunk[j] = _word_latin(words[i], key, s, config, cache, first, after)
            latins.extend(chunk)  # type: ignore[arg-type]  # every None was filled
        parts[1::2] = latins
    return "".join(parts)


def _reads_first(s: ScholarlyScheme, config: TranslitConfig) -> bool:
    """Whether the case mode capitalises the first word of a run (so words are cached with
    whether they are)."""
    mode = config.case or s.case
    return mode == "sentence" or (mode == "title" and s.article_capital_initial)


def _word_latin(
    word: str,
    key: object,
    s: ScholarlyScheme,
    config: TranslitConfig,
    cache: dict[object, str],
    first: bool,
    after: str | None,
) -> str:
    """One word of `_romanize_run` (`after`: the next word when only spaces come between),
    cached under `key` (the word, with `first` where the case mode reads it); a word ending
    in ta marbuta is marked `_CONTEXT` there and cached with its context."""
    scheme = s.name
    language = config.lang or s.lang
    _, bare, plan, _ = _plan_word(word, scheme, language)
    followed = construct = False
    if bare.endswith(("ة", "ۃ")) and not isinstance(plan, str):
        if len(cache) >= WORD_CACHE_SIZE:
            cache.clear()
        cache[key] = _CONTEXT
        if after is not None:
            followed = True
            construct = _starts_definite(_bare(after))
        key = (key, construct, followed)
        latin = cache.get(key)
        if latin is not None:
            return latin
    if isinstance(plan, str):
        latin = plan
    else:
        form, _, article, drop, guess, prefix = plan
        latin = _romanize(
            form, scheme, construct, drop, guess, article, first, config.case, followed
        )
        if prefix:
            latin = _prefix(s, prefix) + latin
    quotes = _APOSTROPHES[config.apostrophes]
    if quotes:
        latin = latin.translate(quotes)
    if len(cache) >= WORD_CACHE_SIZE:
        cache.clear()
    cache[key] = latin
    return latin


def detransliterate(text: str, scheme: str = "buckwalter") -> str:
    """Back from a lossless scheme to Arabic script (every character of the scheme's alphabet
    is read as a code, so give it transliterated text only).

    >>> detransliterate("Al^ktAb", "buckwalter")
    'الکتاب'
    >>> detransliterate("kitab", "ala-lc")
    Traceback (most recent call last):
    ...
    ValueError: scheme 'ala-lc' is not reversible; reversible schemes: buckwalter, buckwalter-xml, safe-buckwalter, hsb
    """
    _check_text(text, "detransliterate")
    name = check_scheme(scheme, kinds=("lossless",))
    return from_scheme(text, name)
