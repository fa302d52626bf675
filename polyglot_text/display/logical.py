"""Repair text stored in visual order (PDF extraction, old web pages): `to_logical`,
`looks_visual` and its threshold `VISUAL_THRESHOLD`.

Visual order is what a left-to-right drawing of bidi text gives: right-to-left runs reversed
(Arabic words backwards, word order backwards), numbers and Latin runs inside them kept left
to right, letters often as presentation forms (so the end of a word shows its *final* form
first). `looks_visual` weighs evidence for and against; `to_logical` undoes the reordering:

1. presentation forms and ligatures are unshaped (a ligature into its letters in visual
   order: LAM WITH ALEF becomes alef, lam);
2. every character gets the level the bidi algorithm would have given it, read from the
   visual line (the paragraph direction: the line's rightmost strong letter, unless given);
3. rule L2 with those levels is its own inverse, so it puts the characters back in logical
   order; marks are put back after their letter and mirrored brackets unmirrored;
4. the result is checked by reordering it again (it must give the visual line back; if it
   does not, the other paragraph direction is tried) and normalised (`normalize`, profile
   ``clean``).

Visual order loses information, so no function inverts it everywhere: ``"abc 12 عرب"`` and
``"abc عرب 12"`` are shown the same way. Where two logical texts look alike the repair picks
the reading where a number stays with the Latin word before it (``"page 12"``) and numbers
separated by spaces inside Arabic are separate (``"050 123 4567"``).

>>> to_logical("2024 (Hamas) \ufeb1\ufe8e\ufee4\ufea3 \ufeaa\ufed3\ufeed")
'وفد حماس (Hamas) 2024'
>>> looks_visual("\ufeb1\ufe8e\ufee4\ufea3 \ufeaa\ufed3\ufeed") >= VISUAL_THRESHOLD
True
>>> looks_visual("وفد حماس (Hamas) 2024") < VISUAL_THRESHOLD
True
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from typing import Final

import regex

from . import uba
from .shaping import JOINING_FORMS, presentation_forms

__all__ = ["VISUAL_THRESHOLD", "looks_visual", "to_logical"]

#: `looks_visual` scores at or above this mean "visual order: repair with `to_logical`".
#: The score is visual evidence / (visual + logical evidence + 2): a line needs at least
#: three clues' worth of evidence for visual order and 1.5 times more than for logical order. Measured on the
#: 98,435 logical lines of the PersoArabicLID corpora (Arabic, Persian, Urdu) and on the same
#: lines after `to_visual`, shaped and not (README, "Display").
VISUAL_THRESHOLD: Final = 0.6

#: Prior weight of `looks_visual`: evidence a line needs before its score can pass 0.5.
_PRIOR: Final = 2.0


@functools.cache
def _form_of() -> dict[str, int]:
    """Presentation form character -> 0 isolated, 1 initial, 2 medial, 3 final."""
    out: dict[str, int] = {}
    for forms in presentation_forms().values():
        for index, form in enumerate(forms):
            if form:
                out[form] = index
    for cp in range(0xFEF5, 0xFEFD):  # LAM WITH ALEF ligatures: isolated / final
        out[chr(cp)] = 0 if cp % 2 else 3
    return out


@functools.cache
def _visual_unshape_table() -> dict[int, str]:
    """Presentation form -> letter(s); ligatures spelled backwards (they stand in RTL runs)."""
    table: dict[int, str] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        parts = unicodedata.decomposition(chr(cp)).split()
        if parts and parts[0] in (*JOINING_FORMS, "<compat>"):
            letters = "".join(chr(int(p, 16)) for p in parts[1:])
            if all(uba.bidi_class(c) in ("AL", "NSM") for c in letters):
                table[cp] = letters[::-1] if len(letters) > 1 else letters
    return table


@functools.cache
def _ligature_with_marks() -> regex.Pattern[str]:
    table = _visual_unshape_table()
    ligatures = "".join(regex.escape(chr(cp)) for cp, s in table.items() if len(s) > 1)
    return regex.compile(rf"([{ligatures}])(\p{{Mn}}+)")


def _unshape_visual(line: str) -> str:
    """Unshape a visual line: a ligature's letters come out reversed, and marks after a
    ligature (rule L3 put them there) stay with its logically last letter (the alef of
    LAM WITH ALEF: marks on the lam keep the two letters apart when shaping)."""
    table = _visual_unshape_table()
    line = _ligature_with_marks().sub(
        lambda m: table[ord(m[1])][0] + m[2] + table[ord(m[1])][1:], line
    )
    return line.translate(table)


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    arabic = r"[\p{Bidi_Class=AL}\p{Bidi_Class=R}]"
    return {
        "word": regex.compile(
            rf"(?:{arabic}|[\p{{Mn}}\u200c\u200d\u0640])*{arabic}(?:{arabic}|[\p{{Mn}}\u200c\u200d\u0640])*"
        ),
        # From a digit on (so matching is linear); leading terminators are merged after.
        "number": regex.compile(
            r"\p{Nd}+(?:[\p{Bidi_Class=CS}\p{Bidi_Class=ES}]\p{Nd}+)*\p{Bidi_Class=ET}*"
        ),
    }


#: Letters no Arabic, Persian or Urdu word starts with (teh marbuta, alef maksura, noon
#: ghunna, yeh barree): one at the start of a stored word is strong evidence of reversal.
_NEVER_INITIAL: Final = frozenset("ةىںےۓ")
#: Letters words hardly ever end with (alef with hamza below).
_NEVER_FINAL: Final = frozenset("إ")
#: Letters mostly word-initial (أن، أو، آن، آب) that informal spelling sometimes puts last
#: (بدأ، دائمآ), and hamza, mostly final but initial in some informal Urdu: weak clues.
_MOSTLY_INITIAL: Final = frozenset("أآ")
_MOSTLY_FINAL: Final = frozenset("ء")
#: Very frequent function words of Arabic, Persian and Urdu whose reversal is not itself a
#: common word of any of the three (so "در", "ما", "این", "یہ", "وہ", "کی", "ایک", "لم"... are
#: left out: نیا، مل، رد are words too).
_FUNCTION_WORDS: Final = frozenset(
    {
        *("في", "من", "على", "إلى", "عن", "أن", "إن", "التي", "الذي", "هذا", "كان"),
        *("لن", "قد", "ثم", "بين", "عند", "حتى", "بعد", "مع", "كما", "أيضا", "حيث"),
        *("لكن", "ذلك", "كانت", "وقد", "فقط", "عليه", "إلا", "بعض", "غير", "يكون", "منذ"),
        *("خلال", "هناك", "هنا", "الآن", "لقد", "إذا", "كيف", "لماذا", "شيء", "أنا", "أنت"),
        *("است", "از", "که", "را", "به", "برای", "بود", "آن", "کرد", "تا", "باید"),
        *("خود", "شد", "هست", "نیست", "کنند", "شده", "کند", "دارد", "چه", "چرا"),
        *("ہے", "کے", "میں", "سے", "اور", "کو", "نے", "ہیں", "پر", "بھی", "تھا", "گیا"),
        *("کہ", "جو", "لیے", "رہا", "بہت", "ساتھ", "یہاں", "نہیں", "تھے", "ہوں"),
    }
)


def _word_evidence(word: str) -> tuple[float, float]:
    """(visual, logical) evidence of one stored Arabic-script word."""
    visual = logical = 0.0
    form_of = _form_of()
    letters = [c for c in word if unicodedata.category(c)[0] == "L" and c != "\u0640"]
    n = len(letters)
    for a, b in itertools.pairwise(letters):
        # A joined pair is (initial|medial, medial|final) in logical order and the mirror
        # image, (final|medial, medial|initial), in visual order; medial-medial tells nothing.
        fa, fb = form_of.get(a), form_of.get(b)
        if fa is None or fb is None or fa == fb == 2:
            continue
        if fa in (1, 2) and fb in (2, 3):
            logical += 1
        elif fa in (2, 3) and fb in (1, 2):
            visual += 1
    if n >= 2:
        plain = unicodedata.normalize("NFKC", "".join(letters))
        if plain[0] in _NEVER_INITIAL or plain[-1] in _NEVER_FINAL:
            visual += 2
        elif plain[-1] in _NEVER_INITIAL or plain[0] in _NEVER_FINAL:
            logical += 1
        if plain[0] in _MOSTLY_INITIAL or plain[-1] in _MOSTLY_FINAL:
            logical += 0.5
        elif plain[-1] in _MOSTLY_INITIAL or plain[0] in _MOSTLY_FINAL:
            visual += 0.5
        if plain in _FUNCTION_WORDS:
            logical += 1
        elif plain[::-1] in _FUNCTION_WORDS:
            visual += 1
        if plain.startswith("ال") and n >= 3:
            logical += 1
        elif plain.endswith("لا") and n >= 4:  # reversed ال, or a real ending (سهلا، حالا)
            visual += 0.5
    if word.startswith("می\u200c"):  # Persian verb prefix
        logical += 1
    elif word.endswith("\u200cیم"):
        visual += 1
    return visual, logical


def looks_visual(text: str) -> float:
    """How much `text` looks like Arabic-script text stored in visual order, 0.0 to 1.0.

    Clues: presentation forms on the wrong side of their joined neighbour (a final form at
    the start of a stored word, an initial form at its end), letters that never start a word
    found at the start, ``لا`` ending words where ``ال`` should start them; and the same clues
    the other way round count for logical order. Text without Arabic-script words scores
    0.0. Compare with `VISUAL_THRESHOLD`.

    >>> looks_visual("He said وفد حماس today"), looks_visual("Hello")
    (0.0, 0.0)
    >>> round(looks_visual("ﺔﻠﻴﻤﺠﻟﺍ ﺔﻨﻳﺪﻤﻟﺍ"), 2)  # "the beautiful city", stored visually
    0.79
    """
    if not isinstance(text, str):
        raise TypeError(f"looks_visual() takes a str, got {type(text).__name__}")
    visual = logical = 0.0
    for match in _patterns()["word"].finditer(text):
        v, lg = _word_evidence(match.group())
        visual += v
        logical += lg
    if visual == 0:
        return 0.0
    return visual / (visual + logical + _PRIOR)


# --- to_logical ---------------------------------------------------------------------------


def _items(line: str) -> list[tuple[int, int, str]]:
    """The line as (start, stop, kind) items: kind R (right-to-left letter with its marks),
    L (left-to-right letter), E (European number), A (Arabic-Indic number) or N (neutral)."""
    items: list[tuple[int, int, str]] = []
    number = _patterns()["number"]
    i = 0
    n = len(line)
    while i < n:
        match = number.match(line, i) if line[i].isdigit() else None
        if match:
            start = i
            while items and items[-1][2] == "N" and uba.bidi_class(line[items[-1][0]]) == "ET":
                start = items.pop()[0]  # terminators before the number ($12, ٪٥): part of it
            kind = "A" if uba.bidi_class(line[i]) == "AN" else "E"
            items.append((start, match.end(), kind))
            i = match.end()
            continue
        kind = uba.bidi_class(line[i])
        if kind in ("R", "AL"):
            tag = "R"
        elif kind == "L":
            tag = "L"
        elif kind in ("EN", "AN"):
            tag = "A" if kind == "AN" else "E"
        elif kind == "NSM" and items:
            start, _, prev = items[-1]
            items[-1] = (start, i + 1, prev)
            i += 1
            continue
        else:
            tag = "N"
        items.append((i, i + 1, tag))
        i += 1
    return items


def _visual_levels(line: str, para: int) -> list[int]:
    """The level of every character of a visual line, as the bidi algorithm would have
    given it in logical order (see the module docstring for the readings chosen)."""
    items = _items(line)
    levels = [para] * len(line)
    strong = [k for k in range(len(items)) if items[k][2] != "N"]
    # Levels of the non-neutral items.
    item_level: dict[int, int] = {}
    if para:
        for k in strong:
            item_level[k] = 1 if items[k][2] == "R" else 2
    else:
        # The nearest letter (R or L; L at the edges) before and after each item, in two
        # passes: a number sits inside an RTL run when both are R.
        kinds = [items[k][2] for k in strong]
        before: list[str] = []
        last = "L"
        for kind in kinds:
            before.append(last)
            if kind in "RL":
                last = kind
        after: list[str] = []
        last = "L"
        for kind in reversed(kinds):
            after.append(last)
            if kind in "RL":
                last = kind
        after.reverse()
        for pos, k in enumerate(strong):
            kind = kinds[pos]
            if kind == "R":
                item_level[k] = 1
            elif kind == "L":
                item_level[k] = 0
            else:  # a number
                item_level[k] = 2 if before[pos] == after[pos] == "R" else 0
    # Neutrals between two items: the items' side if both agree, else the paragraph's.
    has_l = False  # for para 1: the current left-to-right island holds a Latin letter
    for pos, k in enumerate(strong):
        kind = items[k][2]
        start, stop, _ = items[k]
        if para and item_level[k] == 1:
            has_l = False
        elif kind == "L":
            has_l = True
        for i in range(start, stop):
            levels[i] = item_level[k]
        if kind in "EA" and item_level[k] == 2 and not (para and has_l):
            # A number in Arabic context is AN (rule W2): terminators (%) and ES signs are
            # not part of it (W5 and W4 are for EN only), so they sit at the RTL level.
            kinds = [uba.bidi_class(c) for c in line[start:stop]]
            for j, kind_j in enumerate(kinds):
                if kind_j not in ("EN", "AN") and not (
                    kind_j == "CS"
                    and 0 < j < len(kinds) - 1
                    and kinds[j - 1] in ("EN", "AN")
                    and kinds[j + 1] in ("EN", "AN")
                ):
                    levels[start + j] = 1
        following = strong[pos + 1] if pos + 1 < len(strong) else None
        gap = range(stop, items[following][0] if following is not None else len(line))
        if following is None or not gap:
            continue
        left_level, right_level = item_level[k], item_level[following]
        right_kind = items[following][2]
        if para:
            merge = left_level == right_level == 2 and (
                (has_l and right_kind in "LE") or (kind == right_kind == "L")
            )
            gap_level = 2 if merge else 1
        else:
            gap_level = 1 if left_level >= 1 and right_level >= 1 else 0  # both in an RTL run
        for i in gap:
            levels[i] = gap_level
    return levels


def _undo_l3(line: str, levels: list[int]) -> tuple[str, list[int]]:
    """Marks after their base at an odd level go back before it (its reversed place)."""
    chars = list(line)
    out: list[str] = []
    out_levels: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        j = i + 1
        while j < n and unicodedata.category(chars[j]) in ("Mn", "Me") and levels[i] % 2:
            j += 1
        if j > i + 1:
            out.extend(reversed(chars[i + 1 : j]))
            out.append(chars[i])
            out_levels.extend([levels[i]] * (j - i))
        else:
            out.append(chars[i])
            out_levels.append(levels[i])
        i = j
    return "".join(out), out_levels


def _logical_line(line: str, para: int) -> str:
    levels = _visual_levels(line, para)
    line, levels = _undo_l3(line, levels)
    order = uba._reverse_runs(levels)
    mirrors = uba._tables()[3]
    out = []
    for i in order:
        char = line[i]
        if levels[i] % 2:
            mirror = mirrors.get(ord(char))
            if mirror is not None:
                char = chr(mirror)
        out.append(char)
    return "".join(out)


def _rightmost_strong(line: str) -> int:
    for char in reversed(line):
        kind = uba.bidi_class(char)
        if kind in ("R", "AL"):
            return 1
        if kind == "L":
            return 0
    return 0


def _clean(text: str) -> str:
    from ..normalize import normalize

    return normalize(text, "clean")


def to_logical(text: str, *, base_dir: str = "auto") -> str:
    """Repair text stored in visual order: logical order, letters instead of presentation
    forms, then `normalize` (profile ``clean``).

    `base_dir` is the direction of the paragraphs the text was laid out in: ``"auto"`` (the
    rightmost strong letter of each line decides: Arabic there means right-to-left),
    ``"rtl"`` or ``"ltr"``. Lines are repaired one by one; line endings are kept. Text that
    is already logical is changed too: check `looks_visual` first.

    >>> to_logical("He said \ufeb1\ufe8e\ufee4\ufea3 \ufeaa\ufed3\ufeed today", base_dir="ltr")
    'He said وفد حماس today'
    >>> to_logical("ﻥﺍﺮﻬﻃ ﻰﻟﺇ 12 ﻡﻮﻳ")
    'يوم 12 إلى طهران'
    """
    from .visual import BASE_DIRS, _lines

    if not isinstance(text, str):
        raise TypeError(f"to_logical() takes a str, got {type(text).__name__}")
    if base_dir not in BASE_DIRS:
        raise ValueError(f"unknown base_dir {base_dir!r}; valid values: {', '.join(BASE_DIRS)}")
    out = []
    for line, ending in _lines(text):
        out.append(_clean(_repair_line(line, base_dir)) + ending)
    return "".join(out)


def _repair_line(line: str, base_dir: str) -> str:
    from .visual import _bidi_formatting

    plain = _bidi_formatting().sub("", _unshape_visual(line))
    if base_dir != "auto":
        return _logical_line(plain, 1 if base_dir == "rtl" else 0)
    first = _rightmost_strong(plain)
    candidate = _logical_line(plain, first)
    if _shows_as(candidate, first) == plain:
        return candidate
    other = _logical_line(plain, 1 - first)
    return other if _shows_as(other, 1 - first) == plain else candidate


def _shows_as(logical: str, para: int) -> str:
    levels = uba.resolve_levels(logical, para)
    return uba.display_line(logical, para, levels=levels)
