"""The Unicode Bidirectional Algorithm (UAX #9, Unicode 15.0): levels, line order, mirroring.

python-bidi's `get_display` (a wrapper of the Rust ``unicode-bidi`` crate) is fast and passes
the conformance suites once its L1 shortcut is worked around (see `reorder_with_python_bidi`),
but it only returns a reordered string: no levels, no mirroring (rule L4), no way to keep
combining marks after their base (rule L3), and no way to reorder the lines of one wrapped
paragraph with the paragraph's levels. This module computes the levels itself (rules P2-P3,
X1-X10, W1-W7, N0-N2, I1-I2) for those cases, and reorders lines with them (L1-L4). Both paths
pass 100% of ``BidiTest.txt`` and ``BidiCharacterTest.txt`` (``tests/test_bidi_conformance.py``).

>>> resolve_levels("abc אבג 12", 0)
(0, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2])
>>> "".join("(אבג) x"[i] for i in visual_indices("(אבג) x", None))
'x )גבא('
>>> display_line("(אבג) x", None)
'x (גבא)'
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

__all__ = [
    "bidi_class",
    "display_line",
    "paragraph_level",
    "reorder_with_python_bidi",
    "resolve_levels",
    "visual_indices",
]

#: Deepest embedding level (BD2).
MAX_DEPTH = 125
#: Size of the bracket-pair stack of BD16.
MAX_BRACKET_STACK = 63

_ISOLATE_INITIATORS = frozenset(("LRI", "RLI", "FSI"))
_ISOLATE_CONTROLS = frozenset(("LRI", "RLI", "FSI", "PDI"))
#: Classes removed by rule X9 (kept in the output at the level of their neighbour).
REMOVED_BY_X9 = frozenset(("RLE", "LRE", "RLO", "LRO", "PDF", "BN"))
_NEUTRAL_OR_ISOLATE = frozenset(("B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"))
_STRONG = frozenset(("L", "R", "AL"))
_EXPLICIT = REMOVED_BY_X9 | _ISOLATE_CONTROLS


@functools.cache
def _tables() -> tuple[list[int], list[str], dict[int, tuple[int, str]], dict[int, int]]:
    from . import _ucd

    starts = [cp for cp, _ in _ucd.BIDI_CLASS_RUNS]
    values = [value for _, value in _ucd.BIDI_CLASS_RUNS]
    return starts, values, dict(_ucd.BRACKETS), dict(_ucd.MIRRORING)


@functools.lru_cache(maxsize=4096)
def bidi_class(char: str) -> str:
    """The Bidi_Class of one character (Unicode 15.0, unassigned code points included).

    >>> bidi_class("a"), bidi_class("ب"), bidi_class("\u05d0"), bidi_class("٣"), bidi_class("\u2067")
    ('L', 'AL', 'R', 'AN', 'RLI')
    """
    starts, values, _, _ = _tables()
    return values[bisect.bisect_right(starts, ord(char)) - 1]


def _first_strong(classes: Sequence[str], start: int, stop: int) -> int | None:
    """Rules P2-P3 over ``classes[start:stop]``: 0, 1 or None (no strong character).

    Characters inside isolates are skipped; a PDI that closes the isolate the search began in
    (for FSI) ends the search.
    """
    depth = 0
    for i in range(start, stop):
        kind = classes[i]
        if kind in _ISOLATE_INITIATORS:
            depth += 1
        elif kind == "PDI":
            if depth:
                depth -= 1
            elif start:  # searching inside an FSI: its matching PDI ends the text
                return None
        elif kind == "B":
            return None
        elif depth == 0 and kind in _STRONG:
            return 0 if kind == "L" else 1
    return None


def paragraph_level(text: str) -> int:
    """The paragraph embedding level rules P2-P3 give `text`: 1 (RTL) or 0 (LTR).

    >>> paragraph_level("\u2067abc\u2069 وفد Hamas"), paragraph_level("Hamas وفد"), paragraph_level("123")
    (1, 0, 0)
    """
    return _first_strong([bidi_class(c) for c in text], 0, len(text)) or 0


def _matching_pdis(classes: Sequence[str]) -> dict[int, int]:
    """BD9: isolate initiator index -> index of its matching PDI."""
    match: dict[int, int] = {}
    open_: list[int] = []
    for i, kind in enumerate(classes):
        if kind in _ISOLATE_INITIATORS:
            open_.append(i)
        elif kind == "PDI" and open_:
            match[open_.pop()] = i
        elif kind == "B":
            open_.clear()
    return match


def _explicit(
    classes: Sequence[str], para: int, match: dict[int, int]
) -> tuple[list[int], list[str]]:
    """Rules X1-X8: embedding levels and the classes after directional overrides."""
    n = len(classes)
    levels = [para] * n
    types = list(classes)
    # stack entries: (level, override class or "", is isolate)
    stack: list[tuple[int, str, bool]] = [(para, "", False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i, kind in enumerate(classes):
        level, override, _ = stack[-1]
        if kind in ("RLE", "LRE", "RLO", "LRO"):
            levels[i] = level
            new = (level + 1) | 1 if kind[0] == "R" else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                stack.append((new, kind[0] if kind[2] == "O" else "", False))
            elif not overflow_isolates:
                overflow_embeddings += 1
        elif kind in _ISOLATE_INITIATORS:
            levels[i] = level
            if override:
                types[i] = override
            rtl = kind == "RLI"
            if kind == "FSI" and not overflow_isolates and not overflow_embeddings:
                # Only when the isolate can be valid: keeps nested FSIs linear.
                rtl = _first_strong(classes, i + 1, match.get(i, n)) == 1
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                valid_isolates += 1
                stack.append((new, "", True))
            else:
                overflow_isolates += 1
        elif kind == "PDI":
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[i] = level
            if override:
                types[i] = override
        elif kind == "PDF":
            levels[i] = level
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) >= 2:
                stack.pop()
        elif kind == "B":
            levels[i] = para
        else:
            levels[i] = level
            if override and kind != "BN":
                types[i] = override
    return levels, types


def _run_sequences(
    classes: Sequence[str], levels: Sequence[int], match: dict[int, int]
) -> list[list[int]]:
    """BD13/X10: the isolating run sequences, as lists of indices (X9-removed ones left out)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, kind in enumerate(classes):
        if kind in REMOVED_BY_X9:
            continue
        if current and levels[i] != levels[current[-1]]:
            runs.append(current)
            current = []
        current.append(i)
    if current:
        runs.append(current)
    starts_at = {run[0]: run for run in runs}
    matched_pdis = set(match.values())
    sequences = []
    for run in runs:
        if classes[run[0]] == "PDI" and run[0] in matched_pdis:
            continue  # already appended to the sequence of its isolate initiator
        sequence = list(run)
        while classes[sequence[-1]] in _ISOLATE_INITIATORS and sequence[-1] in match:
            following = starts_at.get(match[sequence[-1]])
            if following is None:
                break
            sequence.extend(following)
        sequences.append(sequence)
    return sequences


def _closing_key(char: str) -> int:
    cp = ord(char)
    return {0x2329: 0x3008, 0x232A: 0x3009}.get(cp, cp)  # canonical equivalents


def _bracket_pairs(text: str, seq: Sequence[int], types: Sequence[str]) -> list[tuple[int, int]]:
    """BD16: positions (in `seq`) of the bracket pairs of one isolating run sequence.

    `types` are the classes of the sequence's characters so far (indexed like `seq`).
    """
    brackets = _tables()[2]
    stack: list[tuple[int, int]] = []  # (closing code point, position)
    pairs = []
    for pos, i in enumerate(seq):
        if types[pos] != "ON":
            continue
        info = brackets.get(ord(text[i]))
        if info is None:
            continue
        other, kind = info
        if kind == "o":
            if len(stack) == MAX_BRACKET_STACK:
                break
            stack.append((_closing_key(chr(other)), pos))
        else:
            key = _closing_key(text[i])
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == key:
                    pairs.append((stack[depth][1], pos))
                    del stack[depth:]
                    break
    pairs.sort()
    return pairs


def _strong_dir(kind: str) -> str:
    return "L" if kind == "L" else "R" if kind in ("R", "AL", "EN", "AN") else ""


def _resolve_sequence(
    text: str,
    classes: Sequence[str],
    embedding_levels: Sequence[int],
    levels: list[int],
    types: list[str],
    seq: list[int],
    para: int,
) -> None:
    """Rules W1-W7, N0-N2 and I1-I2 over one isolating run sequence, in place.

    `embedding_levels` are the levels of rules X1-X8 (sos and eos come from them); the
    resolved levels are written to `levels`.
    """
    n = len(classes)
    level = embedding_levels[seq[0]]
    first, last = seq[0], seq[-1]
    before = first - 1
    while before >= 0 and classes[before] in REMOVED_BY_X9:
        before -= 1
    sos = "R" if max(level, embedding_levels[before] if before >= 0 else para) & 1 else "L"
    if classes[last] in _ISOLATE_INITIATORS:
        after_level = para
    else:
        after = last + 1
        while after < n and classes[after] in REMOVED_BY_X9:
            after += 1
        after_level = embedding_levels[after] if after < n else para
    eos = "R" if max(level, after_level) & 1 else "L"
    t = [types[i] for i in seq]
    m = len(t)
    # W1
    prev = sos
    for k in range(m):
        if t[k] == "NSM":
            t[k] = "ON" if prev in _ISOLATE_CONTROLS else prev
        prev = t[k]
    # W2, W3
    last_strong = sos
    for k in range(m):
        kind = t[k]
        if kind in _STRONG:
            last_strong = kind
            if kind == "AL":
                t[k] = "R"
        elif kind == "EN" and last_strong == "AL":
            t[k] = "AN"
    # W4
    for k in range(1, m - 1):
        if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN":
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    # W5
    k = 0
    while k < m:
        if t[k] == "ET":
            end = k
            while end < m and t[end] == "ET":
                end += 1
            if (k > 0 and t[k - 1] == "EN") or (end < m and t[end] == "EN"):
                t[k:end] = ["EN"] * (end - k)
            k = end
        else:
            k += 1
    # W6, W7
    last_strong = sos
    for k in range(m):
        kind = t[k]
        if kind in ("ES", "ET", "CS"):
            t[k] = "ON"
        elif kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            t[k] = "L"
    # N0
    embedding = "R" if level & 1 else "L"
    for open_pos, close_pos in _bracket_pairs(text, seq, t):
        inside = {_strong_dir(t[k]) for k in range(open_pos + 1, close_pos)}
        if embedding in inside:
            new = embedding
        elif inside - {""}:
            context = sos
            for k in range(open_pos - 1, -1, -1):
                if _strong_dir(t[k]):
                    context = _strong_dir(t[k])
                    break
            new = context if context != embedding else embedding
        else:
            continue
        for pos in (open_pos, close_pos):
            t[pos] = new
            k = pos + 1
            while k < m and classes[seq[k]] == "NSM":
                t[k] = new
                k += 1
    # N1, N2
    k = 0
    while k < m:
        if t[k] in _NEUTRAL_OR_ISOLATE:
            end = k
            while end < m and t[end] in _NEUTRAL_OR_ISOLATE:
                end += 1
            left = _strong_dir(t[k - 1]) if k else sos
            right = _strong_dir(t[end]) if end < m else eos
            t[k:end] = [left if left == right else embedding] * (end - k)
            k = end
        else:
            k += 1
    # I1, I2
    for k, i in enumerate(seq):
        kind = t[k]
        if level & 1:
            if kind in ("L", "EN", "AN"):
                levels[i] = level + 1
        elif kind == "R":
            levels[i] = level + 1
        elif kind in ("AN", "EN"):
            levels[i] = level + 2
        types[i] = kind


def resolve_levels(text: str, base: int | None = None) -> tuple[int, list[int]]:
    """The paragraph level and the resolved level of every character (before rule L1).

    `text` is one paragraph (a paragraph separator, if any, only at its end); `base` is 0
    (LTR), 1 (RTL) or None (rules P2-P3). Characters removed by rule X9 get the level of the
    character before them (or the paragraph level), so that every character has a place.

    >>> resolve_levels("وفد (Hamas) 2024")
    (1, [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2])
    """
    classes = [bidi_class(c) for c in text]
    para = base if base is not None else (_first_strong(classes, 0, len(classes)) or 0)
    if not classes:
        return para, []
    if _EXPLICIT.isdisjoint(classes):
        # No embedding, override, isolate or BN: one level run, one isolating run sequence.
        embedding = [para] * len(classes)
        levels = list(embedding)
        types = list(classes)
        _resolve_sequence(text, classes, embedding, levels, types, list(range(len(classes))), para)
        return para, levels
    match = _matching_pdis(classes)
    embedding, types = _explicit(classes, para, match)
    levels = list(embedding)
    for seq in _run_sequences(classes, embedding, match):
        _resolve_sequence(text, classes, embedding, levels, types, seq, para)
    previous = para
    for i, kind in enumerate(classes):
        if kind in REMOVED_BY_X9:
            levels[i] = previous
        previous = levels[i]
    return para, levels


def _line_levels(classes: Sequence[str], levels: Sequence[int], para: int) -> list[int]:
    """Rule L1 on one line: separators, and whitespace before them or at the line end."""
    out = list(levels)
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        kind = classes[i]
        if kind in ("S", "B"):
            out[i] = para
            trailing = True
        elif kind == "WS" or kind in _ISOLATE_CONTROLS or kind in REMOVED_BY_X9:
            if trailing:
                out[i] = para
        else:
            trailing = False
    return out


def _reverse_runs(levels: Sequence[int]) -> list[int]:
    """Rule L2: visual order (indices, left to right) from the levels of one line."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def visual_indices(
    text: str,
    base: int | None = None,
    *,
    levels: tuple[int, Sequence[int]] | None = None,
    start: int = 0,
    stop: int | None = None,
) -> list[int]:
    """Rules L1-L2: the indices of ``text[start:stop]`` in visual order, left to right.

    `levels` is ``resolve_levels(text, base)`` when already computed; ``start``/``stop``
    select one line of a wrapped paragraph (the levels stay those of the whole paragraph).
    Characters removed by rule X9 are kept, at the level of the character before them.

    >>> visual_indices("ab אב", 0)
    [0, 1, 2, 4, 3]
    """
    para, all_levels = levels if levels is not None else resolve_levels(text, base)
    stop = len(text) if stop is None else stop
    classes = [bidi_class(c) for c in text[start:stop]]
    line = _line_levels(classes, all_levels[start:stop], para)
    return [start + i for i in _reverse_runs(line)]


def display_line(
    text: str,
    base: int | None = None,
    *,
    levels: tuple[int, Sequence[int]] | None = None,
    start: int = 0,
    stop: int | None = None,
) -> str:
    """One line in visual order with rules L3 and L4 applied, bidi controls kept.

    L3: combining marks at an odd level are moved after their base character (a display
    that draws left to right attaches a mark to the character before it). L4: characters
    with a Bidi_Mirroring_Glyph at an odd level are replaced by that glyph, so ``(`` in a
    right-to-left run shows as ``)``.

    >>> display_line("قال (نعم)", None) == "(معن) لاق"
    True
    """
    para, all_levels = levels if levels is not None else resolve_levels(text, base)
    stop = len(text) if stop is None else stop
    classes = [bidi_class(c) for c in text[start:stop]]
    line = _line_levels(classes, all_levels[start:stop], para)
    order = _reverse_runs(line)
    mirrors = _tables()[3]
    out: list[str] = []
    marks: list[str] = []
    for i in order:
        char = text[start + i]
        odd = line[i] & 1
        if odd and classes[i] == "NSM":
            marks.append(char)  # L3: goes after the base that follows it visually
            continue
        if odd:
            mirror = mirrors.get(ord(char))
            if mirror is not None:
                char = chr(mirror)
        out.append(char)
        if marks:
            out.extend(reversed(marks))
            marks.clear()
    out.extend(reversed(marks))
    return "".join(out)


_RLM = "\u200f"


def reorder_with_python_bidi(text: str, base: int | None = None) -> str:
    """python-bidi's `get_display` on one paragraph, with its L1 shortcut worked around.

    python-bidi 0.6 (``unicode-bidi``) returns the text unchanged when no level is odd
    *before* rule L1, but in a right-to-left paragraph L1 itself makes trailing whitespace,
    separators and isolate controls odd, so ``get_display("a\u202a\\t", base_dir="R")``
    gives ``"a\u202a\\t"`` instead of ``"\\t\u202aa"``. A RIGHT-TO-LEFT MARK in front of a
    right-to-left paragraph changes no level (it stands where the paragraph start is, with
    the same class, R, as the start of paragraph sos) but makes one level odd, which
    disables the shortcut; after reordering the mark is always the last character
    (everything in an RTL paragraph is at level >= 1), and is cut off.

    >>> reorder_with_python_bidi("a\u202a\\t", 1) == "\\t\u202aa"
    True
    """
    from bidi import get_display

    para = base if base is not None else paragraph_level(text)
    if not para:
        return str(get_display(text, base_dir="L"))
    shown = str(get_display(_RLM + text, base_dir="R"))
    if shown.endswith(_RLM):
        return shown[:-1]
    # Not reachable per the argument above; never lose text if a future version differs.
    return shown.replace(_RLM, "", 1)  # pragma: no cover
