"""Word structure for unvowelled Arabic from the ``gloss`` extra's analyses, when installed.

Buckwalter's lexicon (``pip install 'polyglot-text[gloss]'``) gives every reading of a bare
word with its vowels and parts of speech. With the diacritizer, `transliterate_words` asks it
(as the ``gloss-lexicon`` tier) for what ALA-LC needs and the letters cannot tell:

- **vowels**: when every reading has the same vowels (the final letter's case vowel aside),
  the lexicon's form is used, ahead of the diacritizer's guess; when the diacritizer's vowels
  fit no reading of a word the lexicon knows, the lexicon's first reading is used instead;
- **proclitics**: the inseparable conjunctions و ف, prepositions ب ل ك and the particle ل are
  joined to the word with a hyphen (``bi-qalam``, ``wa-naqd``, ``la-hu``: ALA-LC romanization
  table for Arabic, prefixes), so a word whose matching readings all start with one is split;
- **final vowels**: a declinable word (noun, adjective, name) is romanised in pausa, without
  its case ending; verbs, pronoun suffixes, prepositions and particles keep theirs
  (``qaddama``, ``ḥaqqaqahu``), with the final marks the lexicon gives them (``ʻalayhim``,
  no helping vowel). The diacritizer's form decides which reading it is, and the final vowel
  is kept only when every reading with those vowels is such a word.

>>> Reading("بِقَلَم", 1, False).prefix
1
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from .diacritizer import transfer_marks
from .rules import DAGGER_ALIF, FATHA, SHADDA, SUKUN

__all__ = ["Choice", "Reading", "available", "choose", "readings"]

#: Parts of speech of a declinable word's last part: its case ending is not romanised.
_DECLINABLE = ("NOUN", "ADJ", "NSUFF", "ABBREV")
#: A proclitic part of speech and the letters it can be written with (one letter each).
_PROCLITICS = {"CONJ": "وف", "PREP": "بلك", "SUBJUNC": "ل", "EMPHATIC_PARTICLE": "ل"}
#: Parts that can only follow a stem: a PREP before one of these may be the stem itself.
_SUFFIX_TAGS = ("PRON", "POSS_PRON", "NSUFF", "PVSUFF", "IVSUFF", "CVSUFF", "CASE")
#: Letters of the pronoun a PRON_* part is written with.
_PRONOUN_LETTERS = {
    "1S": (1, 2),
    "1P": (2,),
    "2MS": (1,),
    "2FS": (1,),
    "2MP": (2,),
    "2FP": (2,),
    "2D": (3,),
    "3MS": (1,),
    "3FS": (2,),
    "3MP": (2,),
    "3FP": (2,),
    "3D": (3,),
}
_ALEFS = "\u0627\u0649"
#: When the diacritizer's vowels fit no reading of a known word, take the lexicon's first.
NO_MATCH_FIRST = True
_TANWIN = "\u064b\u064c\u064d"


@dataclass(frozen=True, slots=True)
class Reading:
    """One analysis: the vowelled word (its own letters), how many letters of it are
    proclitics, and whether its final vowel is romanised."""

    vowelled: str
    prefix: int
    keep_final: bool
    #: False for a noun with a pronoun suffix: the lexicon leaves out its case vowel
    complete: bool = True


@dataclass(frozen=True, slots=True)
class Choice:
    """The form to romanise, where its vowels came from, its proclitic letters, and whether
    its final vowel is kept."""

    vowelled: str
    source: str
    prefix: int
    keep_final: bool


#: Set False to leave the gloss tier out (to measure the diacritizer alone).
ENABLED = True


def available() -> bool:
    """Whether the gloss tier is used: the ``gloss`` extra is installed and `ENABLED`."""
    from ..gloss import gloss_available

    return ENABLED and gloss_available()


def _prefix_letters(bare: str, tags: list[str]) -> int:
    """How many leading letters of `bare` are one-letter proclitics, by the analysis's tags."""
    count = 0
    for i, tag in enumerate(tags[:-1]):
        letters = _PROCLITICS.get(tag)
        if letters is None or count >= len(bare) or bare[count] not in letters:
            break
        after = tags[i + 1]
        if tag == "PREP" and after.startswith(_SUFFIX_TAGS):
            # ب ل ك + a pronoun: a proclitic (la-hu) only if the pronoun is the rest of the word
            person = after.split("_")[-1]
            if not after.startswith("PRON_") or len(bare) - count - 1 not in _PRONOUN_LETTERS.get(
                person, ()
            ):
                break
        if after == "DET":
            break  # the article rules read و/ف/ب/ك + ال and لل themselves
        count += 1
    return count


@functools.lru_cache(maxsize=1 << 11)
def readings(bare: str) -> tuple[Reading, ...]:
    """Every reading the lexicon has for the bare word `bare` (empty without the extra).

    Readings whose letters differ in number from `bare` (the lexicon read a final ه as ة...)
    are left out; hamza seats and alef forms are the word's own.
    """
    from ..gloss import analyze_word, gloss_available

    if not gloss_available():
        return ()

    out: list[Reading] = []
    for analysis in analyze_word(bare):
        if analysis.spelling != bare:
            continue
        form = transfer_marks(bare, unicodedata.normalize("NFC", analysis.vowelled))
        if form is None:
            continue
        tags = [t.split(":")[0] for t in analysis.pos.split("+")]
        keep = not tags[-1].startswith(_DECLINABLE)
        complete = not (
            tags[-1].startswith("POSS_PRON") and any(t.startswith(_DECLINABLE) for t in tags)
        )
        out.append(Reading(form, _prefix_letters(bare, tags), keep, complete))
    return tuple(out)


def key(vowelled: str) -> str:
    """What two spellings of a word must share to be the same reading: letters and their
    vowels and shadda, ignoring sukun, the final letter's marks, marks on alef, a fatha
    before ا/ى and the shadda of a sun letter after the article (written or not)."""
    letters: list[str] = []
    marks: list[str] = []
    for char in vowelled:
        if unicodedata.combining(char):
            if letters:
                marks[-1] += char
        else:
            letters.append(char)
            marks.append("")
    out: list[str] = []
    n = len(letters)
    for i, (c, m) in enumerate(zip(letters, marks, strict=True)):
        if c in "\u0627\u0671":
            m = ""
        elif i == n - 1:
            m = SHADDA if SHADDA in m else ""  # the case ending aside
        m = m.replace(SUKUN, "").replace(DAGGER_ALIF, FATHA)
        if i + 1 < n and letters[i + 1] in _ALEFS:
            m = m.replace(FATHA, "")
        if 2 <= i <= 3 and letters[i - 1] == "\u0644" and letters[i - 2] in "\u0627\u0671":
            m = m.replace(SHADDA, "")  # ال (or و/ف/ب/ك + ال) + a sun letter
        out.append(c + "".join(sorted(m)))
    return "".join(out)


def _units(keyed: str) -> list[str]:
    out: list[str] = []
    for char in keyed:
        if unicodedata.combining(char) and out:
            out[-1] += char
        else:
            out.append(char)
    return out


def _fits(reading: Reading, wanted: str) -> bool:
    """Whether the model's key `wanted` is this reading; a letter the lexicon leaves
    unvowelled (the case vowel before a pronoun suffix) fits any vowel."""
    have = key(reading.vowelled)
    if have == wanted:
        return True
    if reading.complete:
        return False
    a, b = _units(have), _units(wanted)
    if len(a) != len(b):
        return False
    return all(x == y or (len(x) == 1 and x == y[0]) for x, y in zip(a, b, strict=True))


def _agree(found: list[Reading]) -> tuple[int, bool]:
    prefixes = {r.prefix for r in found}
    keeps = {r.keep_final for r in found}
    return (prefixes.pop() if len(prefixes) == 1 else 0), (keeps == {True})


def choose(bare: str, model: str | None) -> Choice | None:
    """The form and structure of unvowelled `bare`, given the diacritizer's form `model` (or
    None); None when the lexicon does not know the word and `model` is None."""
    found = readings(bare)
    if not found:
        return None
    if len({key(r.vowelled) for r in found}) == 1 and all(r.complete for r in found):
        prefix, keep = _agree(list(found))
        return Choice(found[0].vowelled, "gloss-lexicon", prefix, keep)
    if model is None:
        return None
    wanted = key(model)
    matched = [r for r in found if _fits(r, wanted)]
    if matched:
        prefix, keep = _agree(matched)
        if keep:
            model = _final_marks(model, matched)
        return Choice(model, "diacritizer", prefix, keep)
    if NO_MATCH_FIRST and found[0].complete:
        # vowels no reading of a word the lexicon knows has: the model guessed wrong
        first = found[0]
        return Choice(first.vowelled, "gloss-lexicon", first.prefix, first.keep_final)
    prefix, _ = _agree(list(found))
    return Choice(model, "diacritizer", prefix, False)


def _split_last(vowelled: str) -> tuple[str, str]:
    end = len(vowelled)
    while end and unicodedata.combining(vowelled[end - 1]):
        end -= 1
    return vowelled[:end], vowelled[end:]


def _final_marks(model: str, matched: list[Reading]) -> str:
    """`model` with the final marks of the matched readings when they agree (a verb's -a,
    no vowel after the pronoun -hum, not a tanwin the diacritizer wrote for a noun it took the
    word for); else the model's own, tanwin aside."""
    stem, marks = _split_last(model)
    finals = {_split_last(r.vowelled)[1].replace(SUKUN, "") for r in matched}
    if len(finals) == 1:
        return stem + finals.pop()
    return stem + "".join(m for m in marks if m not in _TANWIN)
