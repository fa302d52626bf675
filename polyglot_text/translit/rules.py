"""Rules that romanise one Arabic-script word in a scholarly scheme.

The word is read as units (a letter with its marks) and turned into pieces (a consonant and
the vowel after it); the vowel letters ا و ي ى then lengthen or diphthongise the vowel before
them instead of being written themselves. The rules, each read from the scheme's data file:

- the definite article ``ال`` (``al-``; assimilated to sun letters where the scheme says so,
  ``aš-šams`` in DIN 31635), after the prefixes و ف ب ك (``wa-al-``) and as ``لل`` (``lil-``);
- shadda doubles the consonant (``shsh`` for a digraph), except the shadda a sun letter takes
  after the article; ``ِيّ`` at the end of a word is the nisba ``ī``, ``ُوّ`` is ``ūw``;
- tanwin (``-an``, ``-un``, ``-in``; the alif or alef maqsura after tanwin fath is silent);
- ta marbuta: ``-ah`` in pausa, ``-at`` in construct (before a definite noun), ``-atan`` with
  tanwin;
- alef maqsura ``á`` (ALA-LC), hamza (omitted at the start of a word), hamzat wasl,
  madda (``ā`` at the start, ``ʼā`` inside), dagger alif ``ā``;
- Persian and Urdu: the izafat (a final kasra ``-i``, ``هٔ``/``ۀ`` ``-ʼi``), silent final ``h``
  (``-ah``), ``ے`` (``e``), aspirates with ``ھ``;
- a prime (``ʹ``) between two letters that would otherwise read as a digraph (``Adʹham``).

Unvowelled words the lexicon and the diacritizer leave alone get the vowels of the commonest
noun pattern their letters fit (`guess_vowels`: ``مكتوب`` maktūb, ``تقديم`` taqdīm, ``كاتب``
kātib...), or else are read letter by letter (``و``/``ي`` after a consonant as ``ū``/``ī``).

>>> from .tables import scholarly_scheme
>>> romanize_word("الشَّمْس", scholarly_scheme("ala-lc")), romanize_word("الشَّمْس", scholarly_scheme("din-31635"))
('al-shams', 'aš-šams')
>>> romanize_word("مَكتَبَة", scholarly_scheme("ala-lc"), construct=True)
'maktabat'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .tables import ScholarlyScheme

__all__ = ["has_vowel_marks", "romanize_word", "short_vowel", "split_units", "strip_marks"]

FATHA, DAMMA, KASRA = "\u064e", "\u064f", "\u0650"
FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
SHADDA, SUKUN, DAGGER_ALIF = "\u0651", "\u0652", "\u0670"
HAMZA_ABOVE = "\u0654"
ZWNJ = "\u200c"

_SHORT = {FATHA: "a", KASRA: "i", DAMMA: "u"}
_TANWIN = {FATHATAN: "an", DAMMATAN: "un", KASRATAN: "in"}
_VOWEL_MARKS = frozenset(_SHORT) | frozenset(_TANWIN) | {SUKUN}

ALEFS = "\u0627\u0671"  # ا ٱ
HAMZA_LETTERS = "\u0623\u0625\u0624\u0626\u0621"  # أ إ ؤ ئ ء
WAW = "\u0648"
YEHS = "\u064a\u06cc"  # ي ی
MAQSURA = "\u0649"
TA_MARBUTA = "\u0629\u06c3"
HEHS = "\u0647\u06c1\u06d5"  # ه ہ ە
HEH_HAMZA = "\u06c0\u06c2"  # ۀ ۂ: izafat after silent h
DOACHASHMEE = "\u06be"
YEH_BARREE = "\u06d2"
YEH_BARREE_HAMZA = "\u06d3"
#: Letters the article assimilates to (ALA-LC does not; DIN 31635 and BGN/PCGN do).
SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
_QUOTES = "ʻʼʾʿ‘’'`"
#: Letters with a rule of their own in `romanize_word` (any other is a plain consonant).
_SPECIAL_LETTERS = frozenset(
    ZWNJ
    + ALEFS
    + "\u0622"
    + HAMZA_LETTERS
    + WAW
    + YEHS
    + MAQSURA
    + YEH_BARREE
    + YEH_BARREE_HAMZA
    + TA_MARBUTA
    + HEHS
    + HEH_HAMZA
    + DOACHASHMEE
)
#: Read a machine-added case vowel without tanwin on a final ta marbuta of a word without the
#: article as the construct state (an indefinite noun would carry tanwin), when a word follows
#: (a word at the end of its phrase is in pausa: riwāyah).
INFER_CONSTRUCT = True
# After these letters a و/ي is a consonant even in unvowelled text (طويل, أوان); "" = end.
_GLIDE_NEXT = ("\u0627", "\u0671", "\u0648", "\u064a", "\u06cc")


def strip_marks(word: str) -> str:
    """`word` without combining marks and tatweel.

    >>> strip_marks("مُحَمَّدٌ")
    'محمد'
    """
    return word.translate(_STRIP)


class _StripTable(dict[int, str | None]):
    """A `str.translate` table that learns each character once: combining marks and tatweel
    map to None (deleted), anything else to itself."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if code == 0x0640 or unicodedata.combining(char) else char
        self[code] = value
        return value


class _MarkTable(dict[str, bool]):
    """Whether a character is a mark `split_units` attaches to the letter before it."""

    def __missing__(self, char: str) -> bool:
        value = bool(unicodedata.combining(char)) or unicodedata.category(char) == "Mn"
        self[char] = value
        return value


class _UnitStripTable(dict[int, str | None]):
    """A `str.translate` table deleting what `split_units` does not make a unit of (the
    characters of `_MarkTable` and tatweel), keeping anything else."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if code == 0x0640 or _IS_MARK[char] else char
        self[code] = value
        return value


_STRIP = _StripTable()
_IS_MARK = _MarkTable()
_UNIT_STRIP = _UnitStripTable()


def has_vowel_marks(word: str) -> bool:
    """Whether `word` writes any short vowel, tanwin or sukun (shadda alone does not count).

    >>> has_vowel_marks("كِتاب"), has_vowel_marks("كتاب"), has_vowel_marks("اللّه")
    (True, False, False)
    """
    return not _VOWEL_MARKS.isdisjoint(word)


@dataclass(slots=True)
class _Unit:
    letter: str
    marks: str


def split_units(word: str) -> list[_Unit]:
    """A word as letters with their marks (tatweel removed; a stray leading mark ignored).

    >>> [(u.letter, len(u.marks)) for u in split_units("بَيتٌ")]
    [('ب', 1), ('ي', 0), ('ت', 1)]
    """
    if word.translate(_UNIT_STRIP) == word:  # no marks, no tatweel: one unit per character
        return [_Unit(char, "") for char in word]
    letters: list[str] = []
    marks: list[list[str]] = []  # each letter's marks, joined once (+= on the unit: quadratic)
    is_mark = _IS_MARK
    for char in word:
        if char == "\u0640":
            continue
        if is_mark[char]:
            if marks:
                marks[-1].append(char)
            continue
        letters.append(char)
        marks.append([])
    return [_Unit(letter, "".join(m)) for letter, m in zip(letters, marks, strict=True)]


@dataclass(slots=True)
class _Piece:
    cons: str
    vowel: str  # a key of the scheme's vowels, or ""
    kind: str  # "cons" | "seat" | "hamza" | "glide" | "h" | "ta" | "zwnj" | "raw"
    long: bool = False
    from_waw: bool = False


def short_vowel(marks: str) -> str:
    """The short vowel (``a``, ``i``, ``u``) `marks` write, or ``""``.

    >>> short_vowel("\u0651\u064e")
    'a'
    """
    for mark in marks:
        if mark in _SHORT:
            return _SHORT[mark]
    return ""


def _tanwin(marks: str) -> str:
    for mark in marks:
        if mark in _TANWIN:
            return _TANWIN[mark]
    return ""


def _marks_ok(marks: str, allowed: str) -> bool:
    return all(m in allowed for m in marks)


def capitalize(text: str) -> str:
    """Upper-case the first letter of `text`, skipping ayn/hamza signs.

    >>> capitalize("ʻamad"), capitalize("al-qāhirah")
    ('ʻAmad', 'Al-qāhirah')
    """
    for i, char in enumerate(text):
        if char in _QUOTES:
            continue
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
        return text
    return text


def _plural_alif(is_w: bool, idx: int, n: int, before: str, guess: bool) -> bool:
    """Whether a word-final ``وا`` is the verb plural ``-ū`` with its silent alif."""
    return is_w and idx + 2 == n and (before == "u" or (guess and before == "" and n >= 4))


def _head(
    letters: list[str], units: list[_Unit], s: ScholarlyScheme, marked: bool
) -> tuple[int, str, bool]:
    """Find proclitics + article: (stem start, head template with {l}, has_article)."""
    n = len(letters)
    if (
        n >= 4
        and letters[0] in s.prefixes
        and letters[1] == "\u0627"
        and letters[2] == "\u0644"
        and (n >= 6 or marked)
        and _marks_ok(units[1].marks, FATHA)
        and (_marks_ok(units[2].marks, SUKUN) or (units[2].marks == KASRA and letters[3] in ALEFS))
    ):
        return 3, s.article_prefixed.replace("{p}", s.prefixes[letters[0]]), True
    if (
        s.lang == "ar"
        and n >= 4
        and letters[0] == "\u0644"
        and letters[1] == "\u0644"
        and (n >= 5 or marked)
        and _marks_ok(units[0].marks, KASRA)
        and _marks_ok(units[1].marks, SUKUN)
    ):
        return 2, s.article_lil, True
    if (
        n >= 4
        and letters[0] == "\u0627"
        and letters[1] == "\u0644"
        and _marks_ok(units[0].marks, FATHA)
        and (
            _marks_ok(units[1].marks, SUKUN)
            or (units[1].marks == KASRA and letters[2] in ALEFS)  # al- before hamzat al-wasl
        )
    ):
        return 2, s.article_plain, True
    return 0, "", False


def romanize_word(
    word: str,
    s: ScholarlyScheme,
    *,
    construct: bool = False,
    drop_final: bool = False,
    guess: bool = False,
    article: bool = True,
    first_in_run: bool = True,
    case: str | None = None,
    followed: bool = False,
) -> str:
    """Romanise one word (letters and marks) in scheme `s`.

    `construct`: the word is the first term of a construct (ta marbuta -> ``t``);
    `drop_final`: leave out the final short vowel or tanwin (machine-added case endings);
    `guess`: the word is unvowelled (``و``/``ي`` after an unmarked consonant read as long
    vowels); `article`: ``ال`` at the start may be the article; `case`: ``"lower"`` or
    ``"title"`` (None: the scheme's own); `followed`: another word follows in the same
    phrase (only then can a machine-added case vowel on ta marbuta mean the construct).

    >>> from .tables import scholarly_scheme
    >>> ala = scholarly_scheme("ala-lc")
    >>> [romanize_word(w, ala) for w in ("كُلِّيَّة", "المِصرِيّ", "عَدُوّ", "مَعنًى", "حَتَّى")]
    ['kullīyah', 'al-miṣrī', 'ʻadūw', 'maʻnan', 'ḥattá']
    """
    units = split_units(unicodedata.normalize("NFC", word))
    if not units:
        return ""
    letters = ["\u0627" if u.letter == "\u0671" else u.letter for u in units]
    bare = "".join(letters)
    if bare in s.allah:
        return s.allah[bare]
    marked = not guess
    start, head, has_article = _head(letters, units, s, marked) if article else (0, "", False)
    drop = drop_final or s.drop_final_vowels
    n = len(units)
    pieces: list[_Piece] = []
    izafat = ""
    for idx in range(start, n):
        unit = units[idx]
        c = letters[idx]
        m = unit.marks
        last = idx == n - 1
        if last and drop:
            if (
                INFER_CONSTRUCT
                and followed
                and drop_final
                and c in TA_MARBUTA
                and short_vowel(m)
                and not _tanwin(m)
            ):
                construct = True  # a case vowel and no tanwin on an indefinite noun: muḍāf
            keep_an = FATHATAN in m and c in ALEFS + MAQSURA
            m = "".join(x for x in m if x not in _SHORT and (x not in _TANWIN or keep_an))
            if c in TA_MARBUTA:
                m = "".join(x for x in m if x not in _TANWIN)
        if m:
            v = short_vowel(m)
            tan = _tanwin(m)
            sh = SHADDA in m
        else:
            v = tan = ""
            sh = False
        first = idx == start
        prev = pieces[-1] if pieces else None
        count = len(pieces)
        nxt = letters[idx + 1] if idx + 1 < n else ""
        if c not in _SPECIAL_LETTERS:  # a plain consonant (most letters): tested first
            value = s.letters.get(c)
            if value is None:
                # A letter the scheme has no value for: keep it rather than drop it.
                pieces.append(_Piece(c, v or tan, "raw"))
                continue
            cons = value
            if sh and not (first and has_article):
                cons = cons * 2
            vowel = v or tan
            if DAGGER_ALIF in m and vowel in ("", "a"):
                vowel = "aa"
            if last and s.izafat and v == "i" and not tan:
                vowel = ""
                izafat = s.izafat["consonant"]
            pieces.append(_Piece(cons, vowel, "cons", long=vowel == "aa"))
        elif c == ZWNJ:
            pieces.append(_Piece(s.zwnj, "", "zwnj"))
        elif c in ALEFS:
            if first or prev is None:
                vowel = v or tan
                if not vowel:
                    vowel = "a"
                    if idx + 1 < n and (
                        SUKUN in units[idx + 1].marks or SHADDA in units[idx + 1].marks
                    ):
                        vowel = "i"  # hamzat al-wasl before a cluster: intaqala, istiqlāl
                    elif guess and nxt == "\u0633" and idx + 2 < n and letters[idx + 2] == "\u062a":
                        vowel = "i"  # است...: Form X verbal nouns (istiqlāl)
                    elif guess and idx + 3 < n and letters[idx + 3] == "\u0627" and n - idx >= 5:
                        vowel = "i"  # اCCاC: Form IV verbal nouns (islām, iʻlān)
                pieces.append(_Piece("", vowel, "seat"))
            elif tan:
                prev.vowel = tan
            elif prev.vowel == "an" or (prev.from_waw and last):
                pass  # alif after tanwin fath; the silent alif after the plural -ū
            elif prev.vowel in ("", "a", "i", "u") and not prev.long:
                prev.vowel = "aa"
                prev.long = True
            else:
                pieces.append(_Piece("", "aa", "seat", long=True))
        elif c == "\u0622":  # آ
            if first or prev is None:
                pieces.append(_Piece("", "aa", "seat", long=True))
            elif nxt == "\u0621":
                prev.vowel, prev.long = "aa", True
            else:
                pieces.append(_Piece(s.hamza, "aa", "hamza", long=True))
        elif c in HAMZA_LETTERS:
            vowel = v or tan
            if c == "\u0625" and vowel != "in":
                vowel = "i"  # hamza below is only ever read with i (whatever a model says)
            elif not vowel and c == "\u0623" and first:
                vowel = "a"
            if first or prev is None:
                pieces.append(_Piece("", vowel, "seat"))
            else:
                cons = s.hamza * (2 if sh else 1)
                pieces.append(_Piece(cons, vowel, "hamza"))
        elif c == WAW or c in YEHS:
            cons = s.letters.get(c, c)
            is_w = c == WAW
            same = "u" if is_w else "i"
            if v or tan:
                if sh and prev is not None and prev.vowel == same:
                    prev.vowel, prev.long = same * 2, True
                    pieces.append(_Piece(cons, v or tan, "glide"))
                else:
                    pieces.append(_Piece(cons * (2 if sh else 1), v or tan, "glide"))
            elif sh:
                if prev is not None and prev.vowel == same:
                    prev.vowel, prev.long = same * 2, True
                    if is_w or not last:
                        pieces.append(_Piece(cons, "", "glide"))
                else:
                    pieces.append(_Piece(cons * 2, "", "glide"))
            elif (
                first
                or prev is None
                or (nxt and nxt in ALEFS and not _plural_alif(is_w, idx, n, prev.vowel, guess))
            ):
                pieces.append(_Piece(cons, "", "glide"))  # before ا a glide is a consonant
            elif prev.vowel == same and not prev.long:
                prev.vowel, prev.long, prev.from_waw = same * 2, True, is_w
            elif prev.vowel == "a" and not prev.long:
                prev.vowel, prev.long = ("aw" if is_w else "ay"), True
            elif prev.vowel == "" and guess and not is_w and nxt and nxt in TA_MARBUTA:
                prev.vowel, prev.long = "ii", True  # -īyah
                pieces.append(_Piece(cons, "", "glide"))
            elif prev.vowel == "" and guess and prev.kind != "zwnj" and nxt not in _GLIDE_NEXT:
                prev.vowel, prev.long, prev.from_waw = same * 2, True, is_w
            else:
                pieces.append(_Piece(cons, "", "glide"))
        elif c == MAQSURA:
            if prev is None:
                pieces.append(_Piece("", "maqsura", "seat", long=True))
            elif prev.vowel == "an":
                pass
            elif prev.vowel == "i":
                prev.vowel, prev.long = "ii", True
            elif not prev.long:
                prev.vowel, prev.long = "maqsura", True
        elif c in (YEH_BARREE, YEH_BARREE_HAMZA):
            e = "e" if "e" in s.vowels else "ay"
            if c == YEH_BARREE_HAMZA:
                pieces.append(_Piece(s.hamza, e, "hamza", long=True))
            elif v:
                pieces.append(_Piece(s.letters.get(c, "y"), v, "glide"))
            elif prev is None or prev.long:
                pieces.append(_Piece("", e, "seat", long=True))
            elif last:
                prev.vowel, prev.long = e, True
            elif prev.vowel == "a":
                prev.vowel, prev.long = "ay", True
            else:
                prev.vowel, prev.long = e, True
        elif c in TA_MARBUTA:
            if tan:
                pieces.append(_Piece(s.ta_construct, tan, "ta"))
            elif v and not (drop and last):
                pieces.append(_Piece(s.ta_construct, v, "ta"))
            else:
                after_long = prev is not None and prev.long
                if prev is not None and prev.vowel == "":
                    prev.vowel = "a"
                if construct and not has_article:
                    pieces.append(_Piece(s.ta_construct, "", "ta"))
                else:
                    pausa = s.ta_pausa_after_long if after_long else s.ta_pausa
                    pieces.append(_Piece(pausa, "", "ta"))
        elif c in HEHS or c in HEH_HAMZA:
            cons = s.letters.get(c, s.letters.get("\u0647", "h"))
            if (c in HEH_HAMZA or HAMZA_ABOVE in m) and s.izafat and last:
                izafat = s.izafat["hamza"]
            silent = (
                last
                and s.lang in ("fa", "ur")
                and not (v or tan or sh)
                and prev is not None
                and prev.vowel in ("", "a")
                and not prev.long
            )
            if silent and prev is not None:
                prev.vowel = "a"
                pieces.append(_Piece(cons, "", "h"))
            else:
                pieces.append(_Piece(cons * (2 if sh else 1), v or tan, "h"))
        else:  # DOACHASHMEE
            pieces.append(_Piece(s.letters.get(c, "h"), v or tan, "asp"))
        if DAGGER_ALIF in m and len(pieces) > count and pieces[-1].vowel in ("", "a"):
            pieces[-1].vowel, pieces[-1].long = "aa", True
    # the article's {l}: the sun letter it assimilates to, else l
    if has_article:
        lam = "l"
        if s.assimilate and start < n and letters[start] in SUN_LETTERS:
            lam = s.letters.get(letters[start], "l")
        head = head.replace("{l}", lam)
    out: list[str] = []
    prev_piece: _Piece | None = None
    vowels = s.vowels
    for piece in pieces:
        if (
            piece.kind == "h"
            and s.digraph_separator
            and prev_piece is not None
            and prev_piece.vowel == ""
            and prev_piece.cons
            and prev_piece.cons[-1] + "h" in s.digraphs
        ):
            out.append(s.digraph_separator)
        out.append(piece.cons)
        if piece.vowel:
            out.append(vowels.get(piece.vowel, piece.vowel))
        prev_piece = piece
    stem = "".join(out) + izafat
    mode = case or s.case
    if mode == "title":
        stem = capitalize(stem)
        if head and first_in_run and s.article_capital_initial:
            head = capitalize(head)
    elif mode == "sentence" and first_in_run:
        if head and s.article_capital_initial:
            head = capitalize(head)
        elif head:
            stem = capitalize(stem)
        else:
            stem = capitalize(stem)
    return head + stem


# --- unvowelled words: the most frequent patterns ----------------------------------------------

_F, _K, _D, _S = FATHA, KASRA, DAMMA, SUKUN
#: Stem shapes (C = consonant; ا و ي as written) -> the marks of the most frequent reading of
#: that shape in Modern Standard Arabic (the usual noun and verbal-noun patterns).
PATTERNS: dict[str, tuple[str, ...]] = {
    "CCC": (_F, _S, ""),  # faʻl: baḥr, ʻilm is missed, but faʻl is the commonest
    "CCاC": (_K, _F, "", ""),  # fiʻāl: kitāb, ḥisāb, jihād
    "CاCC": (_F, "", _K, ""),  # fāʻil: kātib, ʻālim, nāṣir
    "CCيC": (_F, _K, "", ""),  # faʻīl: kabīr, karīm, jadīd
    "CCوC": (_D, _D, "", ""),  # fuʻūl: ʻulūm, ḥurūf, buḥūth
    "مCCوC": (_F, _S, _D, "", ""),  # mafʻūl: maktūb, majmūʻ
    "مCCC": (_F, _S, _F, ""),  # mafʻal: maktab, markaz
    "تCCيC": (_F, _S, _K, "", ""),  # tafʻīl: taqdīm, taʼlīf, tafsīr
    "CCاCC": (_F, _F, "", _K, ""),  # mafāʻil / fawāʻil: maʻārif, madāris
    "CCاCيC": (_F, _F, "", _K, "", ""),  # mafāʻīl: maṣābīḥ, tafāṣīl
    "اCCCاC": (_K, _S, _K, _F, "", ""),  # iftiʻāl / infiʻāl: ijtimāʻ, intikhāb
    "استCCاC": (_K, _S, _K, _S, _F, "", ""),  # istifʻāl: istiqlāl, istikhdām
    "تCاCC": (_F, _F, "", _D, ""),  # tafāʻul: taʻāwun, tanāwul
}
#: Suffixes tried after a stem: (letters, marks of the suffix, mark on the stem's last letter).
SUFFIXES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("ية", (SHADDA + _F, ""), _K),  # -īyah
    ("ات", ("", ""), _F),  # -āt
    ("ون", ("", ""), _D),  # -ūn
    ("ين", ("", ""), _K),  # -īn
    ("ان", ("", ""), _F),  # -ān
    ("ة", ("",), _F),  # -ah
    ("ي", ("",), _K),  # -ī
    ("", (), ""),
)
#: Article heads with the marks of their proclitic (ALA-LC reads them whatever the stem).
_HEADS = (
    ("وال", _F, ""),
    ("فال", _F, ""),
    ("بال", _K, ""),
    ("كال", _F, ""),
    ("لل", _K, _S),
    ("ال", "", ""),
)


@functools.cache
def _pattern_scanners() -> dict[int, tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]]:
    """`PATTERNS` as one regex per stem length, its alternatives in the table's order (the
    first shape that fits wins), with the marks of each. C is any letter but ا ى ة, and in
    stems under 5 letters not و ي either (they are vowels there)."""
    by_length: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    for shape, marks in PATTERNS.items():
        consonant = "[^اىة]" if len(shape) >= 5 else "[^اىةوي]"
        body = "".join(consonant if ch == "C" else re.escape(ch) for ch in shape)
        by_length.setdefault(len(shape), []).append((f"({body})", marks))
    return {
        n: (re.compile("|".join(a for a, _ in items)), tuple(m for _, m in items))
        for n, items in by_length.items()
    }


def _match(stem: str) -> str | None:
    """The stem with the marks of its pattern, or None."""
    entry = _pattern_scanners().get(len(stem))
    if entry is None:
        return None
    fit = entry[0].fullmatch(stem)
    if fit is None:
        return None
    assert fit.lastindex is not None
    marks = entry[1][fit.lastindex - 1]
    return "".join(c + m for c, m in zip(stem, marks, strict=True))


def _head_marked(letters: str, mark1: str, mark2: str) -> str:
    if len(letters) == 3:
        return letters[0] + mark1 + letters[1:]
    if letters == "لل":
        return "ل" + mark1 + "ل" + mark2
    return letters


#: Each article head of `_HEADS` with its proclitic's marks.
_HEAD_MARKED = {letters: _head_marked(letters, m1, m2) for letters, m1, m2 in _HEADS}


@functools.cache
def _affix_tables() -> tuple[
    re.Pattern[str], dict[str, tuple[tuple[str, tuple[str, ...], str], ...]]
]:
    """The heads of `_HEADS` as one regex (tried in order, at least 3 letters must follow),
    and the suffixes of `SUFFIXES` worth trying after each last letter (in order, ending with
    the empty suffix)."""
    head_re = re.compile("(?:" + "|".join(re.escape(h) for h, _, _ in _HEADS) + ")(?=.{3})")
    by_last: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {}
    for entry in SUFFIXES:
        if entry[0]:
            last = entry[0][-1]
            by_last[last] = (*by_last.get(last, ()), entry)
    return head_re, {last: (*entries, SUFFIXES[-1]) for last, entries in by_last.items()}


@functools.lru_cache(maxsize=1 << 13)
def guess_vowels(bare: str) -> str | None:
    """A vowelled spelling of an unvowelled Arabic word from its pattern (after the article and
    a proclitic, before a suffix), or None when no pattern fits.

    >>> [guess_vowels(w) == v for w, v in [("كاتب", "كَاتِب"), ("المكتوب", "المَكْتُوب")]]
    [True, True]
    >>> guess_vowels("فلسطين") is None
    True
    """
    head = ""
    stem = bare
    head_re, by_last = _affix_tables()
    found_head = head_re.match(bare)
    if found_head is not None:
        letters = found_head.group()
        head = _HEAD_MARKED[letters]
        stem = bare[len(letters) :]
    for suffix, suffix_marks, last_mark in by_last.get(stem[-1:], SUFFIXES[-1:]):
        if suffix and not stem.endswith(suffix):
            continue
        found = _match(stem[: len(stem) - len(suffix)] if suffix else stem)
        if found is None:
            continue
        if last_mark:
            found = strip_last_mark(found) + last_mark
        tail = "".join(c + m for c, m in zip(suffix, suffix_marks, strict=True))
        return head + found + tail
    return None


def strip_last_mark(vowelled: str) -> str:
    """`vowelled` without the marks after its last letter."""
    end = len(vowelled)
    while end and unicodedata.combining(vowelled[end - 1]):
        end -= 1
    return vowelled[:end]
