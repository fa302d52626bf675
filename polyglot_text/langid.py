"""Language identification for mixed Arabic-script and Latin text.

langdetect alone is wrong on short Arabic-script strings (it calls ``وزير`` Persian) and
random on short Latin ones. Here, in order:

1. the text is split by script, and only candidate languages written in that script compete;
   a script with one candidate needs no statistics at all (Latin -> ``en`` by default);
2. letter evidence: letters only Urdu uses (ٹ ڈ ڑ ں ے ہ ھ), letters Persian and Urdu use but
   Arabic does not (پ چ ژ گ ک ی), letters only Arabic uses (ة ي ك ى), and ه, which Urdu
   replaces with ہ/ھ;
3. langdetect, restricted to the candidates that the letters leave open, seeded so that the
   same input always gives the same answer, and run on a normalised copy (presentation forms
   folded by NFKC, tatweel and harakat removed).

langdetect's profiles are loaded lazily, once per candidate set, on first use.

>>> detect_language("وزير الخارجية")
'ar'
>>> detect_language("good morning")
'en'
>>> detect_language("پاکستان میں آج بارش ہوئی")
'ur'
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import os
import random
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import regex

from .chars import (
    ARABIC_ONLY_LETTERS,
    DEFAULT_LANGUAGES,
    LANGDETECT_LANGUAGE_SCRIPTS,
    PERSIAN_URDU_LETTERS,
    SCRIPT_FAMILY,
    URDU_ONLY_LETTERS,
)

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

__all__ = ["check_languages", "detect_language", "label_runs", "languages_for_script"]

#: Seed given to langdetect; any fixed value makes it deterministic.
LANGDETECT_SEED = 0
#: At most this many characters of a script group are given to langdetect in one call,
#: sampled evenly from its runs. Letter evidence decides most texts; between the candidates it
#: leaves open, 150 characters (about 25 words) gave the same accuracy on the evaluation sets
#: (`benchmarks/bench_langid.py`) as 300 and as langdetect's own 10,000-character limit, at
#: 0.6 ms a call instead of 1.6 ms (langdetect reads every character, then samples n-grams;
#: measured with langdetect's own code, which `_detect_block` now runs about four times faster).
LANGDETECT_MAX_CHARS = 150

_LOCK = threading.Lock()
_CALLS = 0

# Which candidate languages a letter leaves open (within ar/fa/ur).
_LETTER_COMPAT: dict[str, frozenset[str]] = {}
for _c in URDU_ONLY_LETTERS:
    _LETTER_COMPAT[_c] = frozenset({"ur"})
for _c in PERSIAN_URDU_LETTERS:
    _LETTER_COMPAT[_c] = frozenset({"fa", "ur"})
for _c in ARABIC_ONLY_LETTERS:
    _LETTER_COMPAT[_c] = frozenset({"ar"})
# HEH (U+0647): Urdu writes ہ/ھ instead (0.1 per mille of Urdu letters in the PersoArabicLID
# corpus against 56 in Persian and 30 in Arabic).
_LETTER_COMPAT["\u0647"] = frozenset({"ar", "fa"})
_EVIDENCE_LANGS = frozenset({"ar", "fa", "ur"})

#: How often each evidence letter occurs per letter of running text, per mille, rounded:
#: counted on the PersoArabicLID monolingual corpora (MIT; Arabic 844k letters, Persian
#: 716k, Urdu 593k). Used only to weigh the *absence* of telling letters in short texts.
_LETTER_PER_MILLE: dict[str, dict[str, float]] = {
        "ar": {"ة": 23, "ي": 86, "ك": 32, "ى": 11, "\u0647": 30},
        "fa": {"پ": 7, "چ": 7, "ژ": 0.5, "گ": 13, "ک": 34, "ی": 95, "\u0647": 56},
        "ur": {"ٹ": 7, "ڈ": 2, "ڑ": 4, "ں": 41, "ے": 61, "ہ": 82, "ھ": 26, "پ": 20, "چ": 10,
               "گ": 13, "ک": 65, "ی": 114},
}  # fmt: skip
LETTER_RATES: dict[str, dict[str, float]] = {
    lang: {c: n / 1000 for c, n in rates.items()} for lang, rates in _LETTER_PER_MILLE.items()
}


def check_languages(languages: Iterable[str] | str | None) -> tuple[str, ...]:
    """Validate a candidate-language argument and return it as a tuple of codes.

    ``None`` means the default ``("ar", "fa", "ur", "en")``; a single code may be given as
    a string.

    >>> check_languages(None)
    ('ar', 'fa', 'ur', 'en')
    >>> check_languages(["EN", "ar"])
    ('en', 'ar')
    >>> check_languages(["xx"])
    Traceback (most recent call last):
    ...
    ValueError: unknown language code 'xx'; langdetect knows: af, ar, bg, bn, ca, cs, cy, da, de, el, en, es, et, fa, fi, fr, gu, he, hi, hr, hu, id, it, ja, kn, ko, lt, lv, mk, ml, mr, ne, nl, no, pa, pl, pt, ro, ru, sk, sl, so, sq, sv, sw, ta, te, th, tl, tr, uk, ur, vi, zh-cn, zh-tw
    """
    if languages is None:
        return DEFAULT_LANGUAGES
    if isinstance(languages, str):
        languages = [languages]
    try:
        items = list(languages)
    except TypeError:
        raise TypeError(
            f"languages must be a sequence of language codes, got {type(languages).__name__}"
        ) from None
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"language codes must be str, got {type(item).__name__}: {item!r}")
        code = item.strip().lower()
        if code not in LANGDETECT_LANGUAGE_SCRIPTS:
            valid = ", ".join(sorted(LANGDETECT_LANGUAGE_SCRIPTS))
            raise ValueError(f"unknown language code {item!r}; langdetect knows: {valid}")
        if code not in out:
            out.append(code)
    if not out:
        raise ValueError("languages must name at least one language")
    return tuple(out)


def languages_for_script(script: str, candidates: Sequence[str]) -> tuple[str, ...]:
    """The candidate languages written in `script` (an ISO 15924 code). Cached per script and
    candidate tuple.

    >>> languages_for_script("Arab", ("ar", "fa", "ur", "en"))
    ('ar', 'fa', 'ur')
    >>> languages_for_script("Hira", ("ja", "zh-cn"))
    ('ja',)
    """
    if isinstance(candidates, tuple):
        return _languages_for_script(script, candidates)
    return _languages_for_script.__wrapped__(script, tuple(candidates))


@functools.lru_cache(maxsize=1024)
def _languages_for_script(script: str, candidates: tuple[str, ...]) -> tuple[str, ...]:
    family = SCRIPT_FAMILY.get(script, script)
    out = []
    for lang in candidates:
        lang_script = LANGDETECT_LANGUAGE_SCRIPTS[lang]
        if lang_script == family or (family == "Hani" and lang_script == "Jpan"):
            out.append(lang)
    return tuple(out)


# --- langdetect, wrapped -----------------------------------------------------------------


@functools.cache
def _factory(langs: tuple[str, ...]) -> DetectorFactory:
    """A DetectorFactory holding only the profiles of `langs` (>= 2), seeded."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = []
    for lang in langs:
        with open(os.path.join(PROFILES_DIRECTORY, lang), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.set_seed(LANGDETECT_SEED)
    return factory


@functools.cache
def _strip_for_langdetect() -> regex.Pattern[str]:
    return regex.compile(r"[\p{M}\u0640\u200c\u200d\p{Cf}]+")


@functools.cache
def _presentation_forms() -> tuple[re.Pattern[str], dict[int, str]]:
    """A class of the Arabic presentation forms, and a `str.translate` table folding each to
    the letters it shows (`charmaps`' ``presentation_forms``)."""
    from .charmaps import PRESENTATION_BLOCKS, charmap

    ranges = "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in PRESENTATION_BLOCKS)
    table = {ord(k): v for k, v in charmap("presentation_forms").items()}
    return re.compile(f"[{ranges}]"), table


def _letters_shown(text: str) -> str:
    """`text` with its Arabic presentation forms (shaped text, as PDFs export it) folded to
    the letters they show, so that letter evidence reads them; other text as it is.

    >>> _letters_shown("ﭘﺎﮐﺴﺘﺎﻥ ﻣﯿﮟ")
    'پاکستان میں'
    """
    pattern, table = _presentation_forms()
    return text.translate(table) if pattern.search(text) else text


def prepare_for_langdetect(text: str) -> str:
    """The copy of `text` langdetect sees: NFKC (presentation forms -> letters), no tatweel,
    harakat, joiners or format controls.

    >>> prepare_for_langdetect("ﻭﺯﻳﺮ الخـــارجيَّة")
    'وزير الخارجية'
    """
    return _strip_for_langdetect().sub("", unicodedata.normalize("NFKC", text))


def langdetect_calls() -> int:
    """How many times this process has called langdetect so far (for benchmarks).

    >>> isinstance(langdetect_calls(), int)
    True
    """
    return _CALLS


def _langdetect(text: str, langs: tuple[str, ...]) -> dict[str, float]:
    """langdetect's probability for each of `langs` (>= 2) on `text`; empty without features."""
    global _CALLS

    sample = prepare_for_langdetect(text[: LANGDETECT_MAX_CHARS * 2])[:LANGDETECT_MAX_CHARS]
    with _LOCK:
        _CALLS += 1
        factory = _factory(tuple(sorted(langs)))
        probs = _detect_block(factory, sample)
        if probs is None:
            return {}
        return {str(lang): p for lang, p in zip(factory.langlist, probs, strict=True)}


# langdetect 1.0.9's `Detector.append` + `Detector._detect_block`, step for step, faster:
# its n-gram extraction made three method calls and a binary search of the Unicode blocks per
# character (here: a cached table, and the n-grams of each word made once); its draws and
# updates went through `random.choice` and a list per step (here: inlined, and unrolled for
# two or three languages). The result is the same to the last bit: `tests/test_langid.py`
# checks it against langdetect itself on arbitrary text, so a langdetect release that changed
# its steps would fail there (pyproject pins langdetect < 1.1). On Arabic-script samples of
# the benchmark corpus a call costs 1.6M instructions instead of 6.5M (cachegrind).

#: Detector constants (langdetect.detector.Detector; `_copy_is_exact` checks them against it).
_LD_ALPHA, _LD_ALPHA_WIDTH, _LD_TRIALS = 0.5, 0.05, 7
_LD_ITERATION_LIMIT, _LD_CONV_THRESHOLD, _LD_BASE_FREQ = 1000, 0.99999, 10000
_LD_MAX_TEXT = 10000
_LD_RANDOM = random.Random()


@functools.cache
def _ld_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    r"""Spaces to collapse; the characters `Detector.cleaning_text` counts as Latin (``"A" <=
    ch <= "z"``); those it does not count as other letters (all but ``ch >= "\u0300"``: its
    test for Latin Extended Additional compares a block number with a name, so never holds)."""
    return re.compile("  +"), re.compile("[A-z]+"), re.compile("[^\u0300-\U0010ffff]+")


class _Normalized(dict[str, str]):
    """langdetect's `NGram.normalize` of each character, computed on first sight (at most
    `_LD_CACHE` characters kept)."""

    def __missing__(self, char: str) -> str:
        from langdetect.utils.ngram import NGram

        normalized: str = NGram.normalize(char)
        if len(self) < _LD_CACHE:
            self[char] = normalized
        return normalized


_LD_CACHE = 1 << 14
_LD_NORMALIZED = _Normalized()


def _ld_text(text: str) -> str:
    """What `Detector.append(text)` and `Detector.cleaning_text()` leave of `text`."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    text = Detector.URL_RE.sub(" ", text)
    text = Detector.MAIL_RE.sub(" ", text)
    text = NGram.normalize_vi(text)
    spaces, latin, below = _ld_patterns()
    text = spaces.sub(" ", text[:_LD_MAX_TEXT])
    without_latin = latin.sub("", text)
    latin_count = len(text) - len(without_latin)
    non_latin_count = len(below.sub("", text))
    return without_latin if latin_count * 2 < non_latin_count else text


def _ld_ngrams(text: str, known: dict[str, list[float]]) -> list[str]:
    """`Detector._extract_ngrams`: the 1- to 3-grams of `text` (as `NGram` buffers them,
    skipping words of capitals) that langdetect has profiles for, in order.

    `NGram` starts again at every space (a run of spaces counts as one), so the n-grams of a
    text are those of its words, each with the space after it: they are made once per word
    and candidate set, and looked up after that (words repeat; made character by character,
    they were about a third of the work of a call).

    >>> _ld_ngrams("ab c", {"a": [], " a": [], "ab": [], " ab": [], "b ": [], "c": []})
    ['a', ' a', 'ab', ' ab', 'b ', 'c']
    """
    normalized = "".join(map(_LD_NORMALIZED.__getitem__, text))
    *words, tail = _ld_patterns()[0].sub(" ", normalized).split(" ")
    cache = _LD_WORD_NGRAMS.get(id(known))
    if cache is None or len(cache) >= _LD_CACHE:
        cache = _LD_WORD_NGRAMS[id(known)] = {}
    result: list[str] = []
    for word in [w + " " for w in words if w] + ([tail] if tail else []):
        grams = cache.get(word)
        if grams is None:
            grams = cache[word] = _ld_ngrams_stepwise(word, known)
        result += grams
    return result


#: The n-grams of each word seen (with the space after it), per candidate set's profiles.
_LD_WORD_NGRAMS: dict[int, dict[str, list[str]]] = {}


def _ld_ngrams_stepwise(normalized: str, known: dict[str, list[float]]) -> list[str]:
    """`_ld_ngrams` of text already normalized, one `NGram` step per character (from the
    state `NGram` starts in, which it is in again after every space)."""
    result: list[str] = []
    grams = " "
    capital = False
    for ch in normalized:
        last = grams[-1]
        if last == " ":
            grams = " "
            capital = False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        if ch != " " and ch in known:
            result.append(ch)
        if len(grams) >= 2:
            if grams[-2:] in known:
                result.append(grams[-2:])
            if len(grams) >= 3 and grams in known:
                result.append(grams)
    return result


@functools.cache
def _choice_is_inlined() -> bool:
    """Whether `random.Random.choice` draws as `_detect_block` does (``getrandbits`` of the
    size's bit length until below it): true of CPython's `random` since 3.2. Where it is
    not, `_detect_block` lets langdetect run itself."""
    seq = list(range(37))
    ours, theirs = random.Random(7), random.Random(7)
    for _ in range(200):
        pick = ours.getrandbits(6)
        while pick >= 37:
            pick = ours.getrandbits(6)
        if theirs.choice(seq) != pick:
            return False
    return True


@functools.cache
def _copy_is_exact() -> bool:
    """Whether the installed langdetect and Python draw and weigh as this copy does: the
    constants of `Detector` (class and instance) are ours, and `random.Random.choice` is the
    draw `_detect_block` inlines. Where not, `_detect_block` lets langdetect run itself."""
    from langdetect.detector import Detector
    from langdetect.detector_factory import DetectorFactory

    detector = Detector(DetectorFactory())
    ours: tuple[float, ...] = (_LD_ALPHA, _LD_ALPHA_WIDTH, _LD_TRIALS, _LD_ITERATION_LIMIT)
    ours += (_LD_CONV_THRESHOLD, _LD_BASE_FREQ, _LD_MAX_TEXT)
    theirs: tuple[float, ...] = (detector.alpha, Detector.ALPHA_WIDTH, detector.n_trial)
    theirs += (Detector.ITERATION_LIMIT, Detector.CONV_THRESHOLD, Detector.BASE_FREQ)
    theirs += (detector.max_text_length,)
    same = ours == theirs
    return same and _choice_is_inlined()


def _detect_block(factory: DetectorFactory, text: str) -> list[float] | None:
    """The probabilities langdetect's `Detector` created by `factory` gives for `text`, one
    per language of ``factory.langlist`` (None when the text has no known n-gram)."""
    known = factory.word_lang_prob_map
    ngrams = _ld_ngrams(_ld_text(text), known)
    if not ngrams:
        return None
    if not _copy_is_exact():
        from langdetect.lang_detect_exception import LangDetectException

        detector = factory.create()
        detector.append(text)
        try:
            detector.detect()
        except LangDetectException:
            return None
        return [float(p) for p in detector.langprob]
    count = len(factory.langlist)
    langprob = [0.0] * count
    rand = _LD_RANDOM
    rand.seed(factory.seed)
    table = list(map(known.__getitem__, ngrams))
    trial = _LD_TRIAL.get(count, _ld_trial)
    for _trial in range(_LD_TRIALS):
        alpha = _LD_ALPHA + rand.gauss(0.0, 1.0) * _LD_ALPHA_WIDTH
        prob = trial(table, count, rand.getrandbits, alpha / _LD_BASE_FREQ)
        for j in range(count):
            langprob[j] += prob[j] / _LD_TRIALS
    return langprob


# One trial of `Detector._detect_block`: n-grams drawn at random (``rand.choice``, inlined:
# `_choice_is_inlined`) update the probabilities, normalised every fifth draw, until one
# exceeds the threshold. The same arithmetic in the same order as langdetect's loop, with
# the probabilities of two or three languages in local variables instead of a list.


def _ld_trial(
    table: list[list[float]], count: int, getrandbits: Callable[[int], int], weight: float
) -> list[float]:
    size = len(table)
    bits = size.bit_length()
    indices = range(count)
    prob = [1.0 / count] * count
    i = 0
    while True:
        pick = getrandbits(bits)
        while pick >= size:
            pick = getrandbits(bits)
        word_probs = table[pick]
        for j in indices:
            prob[j] *= weight + word_probs[j]
        if i % 5 == 0:
            maxp, sump = 0.0, sum(prob)
            for j in indices:
                p = prob[j] / sump
                if maxp < p:
                    maxp = p
                prob[j] = p
            if maxp > _LD_CONV_THRESHOLD or i >= _LD_ITERATION_LIMIT:
                return prob
        i += 1


def _ld_trial2(
    table: list[list[float]], count: int, getrandbits: Callable[[int], int], weight: float
) -> list[float]:
    size = len(table)
    bits = size.bit_length()
    p0 = p1 = 1.0 / 2
    i = 0
    while True:
        pick = getrandbits(bits)
        while pick >= size:
            pick = getrandbits(bits)
        word_probs = table[pick]
        p0 *= weight + word_probs[0]
        p1 *= weight + word_probs[1]
        if i % 5 == 0:
            sump = sum((p0, p1))  # sum(), as langdetect: its rounding changed in Python 3.12
            p0 /= sump
            p1 /= sump
            maxp = 0.0
            if maxp < p0:
                maxp = p0
            if maxp < p1:
                maxp = p1
            if maxp > _LD_CONV_THRESHOLD or i >= _LD_ITERATION_LIMIT:
                return [p0, p1]
        i += 1


def _ld_trial3(
    table: list[list[float]], count: int, getrandbits: Callable[[int], int], weight: float
) -> list[float]:
    size = len(table)
    bits = size.bit_length()
    p0 = p1 = p2 = 1.0 / 3
    i = 0
    while True:
        pick = getrandbits(bits)
        while pick >= size:
            pick = getrandbits(bits)
        word_probs = table[pick]
        p0 *= weight + word_probs[0]
        p1 *= weight + word_probs[1]
        p2 *= weight + word_probs[2]
        if i % 5 == 0:
            sump = sum((p0, p1, p2))
            p0 /= sump
            p1 /= sump
            p2 /= sump
            maxp = 0.0
            if maxp < p0:
                maxp = p0
            if maxp < p1:
                maxp = p1
            if maxp < p2:
                maxp = p2
            if maxp > _LD_CONV_THRESHOLD or i >= _LD_ITERATION_LIMIT:
                return [p0, p1, p2]
        i += 1


_LD_TRIAL = {2: _ld_trial2, 3: _ld_trial3}


# --- decisions -----------------------------------------------------------------------------


#: Arabic YEH and KAF are what Persian and Urdu text typed on an Arabic keyboard layout has
#: instead of ی and ک (common on the web; langdetect itself folds ی to ي). In a text that
#: never uses the Persian form but has letters Arabic never uses, they weigh this much
#: against Persian and Urdu. (Arabic quoted in Persian text comes with Persian ی and ک.)
KEYBOARD_VARIANT_WEIGHT = 0.05
_KEYBOARD_VARIANTS = {"\u064a": "\u06cc", "\u0643": "\u06a9"}  # Arabic form: Persian form


def _keyboard_variants(text: str) -> frozenset[str]:
    """The Arabic yeh/kaf of `text` whose Persian form it never uses."""
    return frozenset(a for a, p in _KEYBOARD_VARIANTS.items() if a in text and p not in text)


def _compat_counts(text: str, *, weighted: bool = False) -> dict[str, float]:
    """For each of ar/fa/ur, how many letters of `text` exclude it (`weighted`: Arabic
    yeh/kaf in a text without their Persian forms count `KEYBOARD_VARIANT_WEIGHT` each)."""
    exclude = {"ar": 0.0, "fa": 0.0, "ur": 0.0}
    variants = _keyboard_variants(text) if weighted else frozenset()
    for letter, compat in _LETTER_COMPAT.items():
        n: float = text.count(letter)
        if n:
            if letter in variants:
                n *= KEYBOARD_VARIANT_WEIGHT
            for lang in _EVIDENCE_LANGS - compat:
                exclude[lang] += n
    return exclude


def _run_compat(text: str, tolerated: frozenset[str] = frozenset()) -> frozenset[str]:
    """Languages among ar/fa/ur that every evidence letter of `text` (but `tolerated`) allows."""
    allowed = _EVIDENCE_LANGS
    for letter, compat in _LETTER_COMPAT.items():
        if letter in text and letter not in tolerated:
            allowed = allowed & compat
    return allowed


def _absence_log_likelihood(letters: int, lang: str, open_langs: tuple[str, ...]) -> float:
    """log P(a `lang` text of `letters` letters shows none of the letters that would have told
    the open languages apart), from the per-letter rates of `LETTER_RATES`."""
    rates = LETTER_RATES.get(lang)
    if not rates:
        return 0.0
    open_set = frozenset(open_langs)
    rate = sum(r for c, r in rates.items() if not open_set <= _LETTER_COMPAT[c])
    return letters * math.log1p(-min(rate, 0.99))


def decide_group(
    text: str,
    candidates: tuple[str, ...],
    *,
    sample: str | Callable[[], str] | None = None,
    letters: int | None = None,
) -> str | None:
    """One language for a block of text in one script, from `candidates` of that script.

    Letter evidence first: candidates that no letter of the text excludes stay open. Between
    open candidates, langdetect's probability (seeded, restricted to them) is weighed by how
    likely each language is to show none of the letters that would have told them apart in a
    text this long (a Persian sentence often has no ه; an Urdu one almost always has ے ہ ں).
    Letters are counted in all of `text`; langdetect reads `sample` (default: `text`; or a
    function that makes it, called only if langdetect is asked), at most
    `LANGDETECT_MAX_CHARS` of it. `letters`: how many Arabic-script letters `text` holds, if
    the caller knows.

    >>> decide_group("وزير", ("ar", "fa", "ur"))
    'ar'
    >>> decide_group("خواهم گفت", ("ar", "fa"))
    'fa'
    >>> decide_group("من تعطیلات خیلی طولانی", ("ar", "fa", "ur"))
    'fa'
    """
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    text = _letters_shown(text)
    open_langs = candidates
    evidence = bool(_EVIDENCE_LANGS.intersection(candidates))
    if evidence:
        exclude = _compat_counts(text)
        clean = tuple(c for c in candidates if exclude.get(c, 0) == 0)
        if clean:
            open_langs = clean
        else:
            # Mixed evidence (a Persian name in Arabic text, Arabic yeh typed in Persian):
            # keep the candidates excluded least often, within 10 % of the best, counting
            # keyboard variants (ي ك in Persian or Urdu) as weak evidence.
            exclude = _compat_counts(text, weighted=True)
            best = min(exclude.get(c, 0) for c in candidates)
            open_langs = tuple(c for c in candidates if exclude.get(c, 0) <= best * 1.1 + 1)
    if len(open_langs) == 1:
        return open_langs[0]
    weigh = evidence and not _compat_mixed(text)
    if not weigh:
        letters = 0
    elif letters is None:
        letters = _arabic_letter_count(text)
    absence = {
        lang: _absence_log_likelihood(letters, lang, open_langs) if weigh else 0.0
        for lang in open_langs
    }
    if weigh:
        # langdetect's clamped score moves a language by at most _LANGDETECT_SWING: where
        # the letters alone put one language further ahead than that, it cannot change the
        # answer and is not asked (a Persian page with no ے ہ ں is not Urdu).
        ranked = sorted(absence.values(), reverse=True)
        if ranked[0] - ranked[1] > _LANGDETECT_SWING:
            return max(open_langs, key=lambda lang: (absence[lang], -open_langs.index(lang)))
    if callable(sample):  # made only now: most texts are decided before langdetect is asked
        sample = sample()
    probs = _langdetect(text if sample is None else sample, open_langs)
    scores = {}
    for lang in open_langs:
        # langdetect's probabilities sit at 0 or 1 on short strings even when it is wrong;
        # clamped, they weigh as strong but not overwhelming evidence.
        score = math.log(min(max(probs.get(lang, 0.0), _CLAMP), 1 - _CLAMP)) if probs else 0.0
        scores[lang] = score + absence[lang]
    return max(open_langs, key=lambda lang: (scores[lang], -open_langs.index(lang)))


#: langdetect's probabilities are clamped to [_CLAMP, 1 - _CLAMP] before they are weighed.
_CLAMP = 0.05
#: The most the clamped langdetect score can move one language against another.
_LANGDETECT_SWING = math.log(1 - _CLAMP) - math.log(_CLAMP)


def _arabic_letter_count(text: str) -> int:
    """How many Arabic-script letters `text` holds (tatweel not counted).

    >>> _arabic_letter_count("وفد حمـــاس Hamas")
    7
    """
    from .segment import _classes  # the segmenter's class string: one translate, ~100 MB/s

    return _classes(text).count("A") - text.count("\u0640")


def _compat_mixed(text: str) -> bool:
    """Whether the text has letters that exclude every candidate (mixed evidence)."""
    return not _run_compat(text)


def label_runs(
    texts: Sequence[str],
    candidates: tuple[str, ...],
    *,
    letter_counts: Sequence[int] | None = None,
) -> list[str | None]:
    """Labels for the runs of one script, decided together.

    One joint decision from all the runs' text (`decide_group`); a run is relabelled only
    when its own letters rule the joint label out (an Urdu or Persian quote in Arabic text),
    and the runs relabelled that way are decided together too, so langdetect runs at most
    a few times per call, never once per run. `letter_counts` (each run's Arabic-script
    letters, when the caller has counted them already) saves counting them again.

    >>> label_runs(["وزير الخارجية", "الإيراني", "گفته شد"], ("ar", "fa", "ur"))
    ['ar', 'ar', 'fa']
    """
    if not candidates:
        return [None] * len(texts)
    if len(candidates) == 1:
        return [candidates[0]] * len(texts)
    joined = " ".join(texts)
    forms, folds = _presentation_forms()
    if forms.search(joined):  # shaped runs: their evidence is the letters the forms show
        texts = list(texts)
        for i in _runs_with(forms, joined, texts):
            texts[i] = texts[i].translate(folds)
        joined = " ".join(texts)
    joint = decide_group(
        joined,
        candidates,
        sample=functools.partial(joint_sample, texts),
        letters=None if letter_counts is None else sum(letter_counts),
    )
    labels: list[str | None] = [joint] * len(texts)
    if joint not in _EVIDENCE_LANGS:
        return labels
    pending: dict[tuple[str, ...], list[int]] = {}
    # A Persian or Urdu text typed with Arabic yeh/kaf: those letters do not make a run Arabic.
    tolerated: frozenset[str] = frozenset()
    if joint != "ar":
        tolerated = _keyboard_variants(joined)
    excluder = _excluders(joint, tolerated).search
    for i, run in enumerate(texts):
        if excluder(run) is None:  # no letter of the run rules the joint label out
            continue
        allowed = _run_compat(run, tolerated)
        if joint in allowed:
            continue
        options = tuple(c for c in candidates if c in allowed)
        if len(options) == 1:
            labels[i] = options[0]
        elif options:
            pending.setdefault(options, []).append(i)
    for options, members in pending.items():
        group = [texts[i] for i in members]
        letters = None if letter_counts is None else sum(letter_counts[i] for i in members)
        label = decide_group(
            " ".join(group), options, sample=functools.partial(joint_sample, group), letters=letters
        )
        for i in members:
            labels[i] = label
    return labels


@functools.cache
def _excluders(lang: str, tolerated: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """A class of the evidence letters (but `tolerated`) that rule `lang` out."""
    letters = sorted(
        c for c, compat in _LETTER_COMPAT.items() if lang not in compat and c not in tolerated
    )
    return re.compile("[" + "".join(letters) + "]")


def _runs_with(pattern: re.Pattern[str], joined: str, texts: Sequence[str]) -> list[int]:
    """The indices of the `texts` in which `pattern` (which never matches a space) matches,
    found by one search of `joined`, the texts joined by single spaces.

    >>> _runs_with(re.compile("[ک]"), "ab کد ef کک", ["ab", "کد", "ef", "کک"])
    [1, 3]
    """
    match = pattern.search(joined)
    if match is None:
        return []
    starts = list(itertools.accumulate([len(t) + 1 for t in texts], initial=0))
    found: list[int] = []
    while match is not None:
        i = bisect.bisect_right(starts, match.start()) - 1
        found.append(i)
        match = pattern.search(joined, starts[i + 1])
    return found


def joint_sample(texts: Sequence[str]) -> str:
    """`texts` joined by spaces, evenly sampled down to langdetect's reading limit.

    >>> joint_sample(["ab", "cd"])
    'ab cd'
    """
    budget = LANGDETECT_MAX_CHARS
    total = sum(map(len, texts))
    if total <= budget:
        return " ".join(texts)
    ratio = budget / total
    return " ".join(t[: max(1, int(len(t) * ratio))] for t in texts)


def detect_language(text: str, *, languages: Iterable[str] | str | None = None) -> str | None:
    """The language of `text`: the candidate with the most letters, or None without letters.

    `languages` are langdetect codes (default ``("ar", "fa", "ur", "en")``). The labels are
    those of `segments()`, so the two always agree; the language whose segments hold the most
    letters wins.

    >>> detect_language("Hamas delegation")
    'en'
    >>> detect_language("He said وفد حماس إلى طهران يلتقي وزير الخارجية today")
    'ar'
    >>> detect_language("1234 !!") is None
    True
    """
    from .segment import letter_count, segments

    if not isinstance(text, str):
        raise TypeError(f"detect_language() expects str, got {type(text).__name__}")
    counts: dict[str, int] = {}
    for seg in segments(text, languages=languages):
        if seg.kind == "text" and seg.lang is not None:
            counts[seg.lang] = counts.get(seg.lang, 0) + letter_count(seg.text)
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
