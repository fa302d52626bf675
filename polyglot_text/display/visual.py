"""`to_visual()`: text shaped and in display order, for screens that do neither.

Many terminals, Pillow's basic text layout, some PDF writers and game engines draw characters
left to right as they come, unjoined. `to_visual` does their work in advance: shape
(`polyglot_text.display.shaping.shape`), then for every display line resolve the bidi levels
of its paragraph and reorder the line (UAX #9 rules L1-L4).

Order of operations for wrapped text (``width=N``): a paragraph is shaped and its levels
resolved as a whole, wrapped in *logical* order, and each line is then reordered on its own
with the paragraph's levels. Reordering first and wrapping after (what calling
``get_display`` on a paragraph and then cutting it does) puts the end of an Arabic paragraph
on its first line.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import Final

import regex

from . import uba
from .shaping import shape as _shape
from .shaping import strip_harakat as _strip_harakat

__all__ = ["BASE_DIRS", "display_width", "to_visual", "wrap_logical"]

#: Valid values of ``base_dir``: the paragraph direction, or rules P2-P3 (first strong letter).
BASE_DIRS: Final = ("auto", "rtl", "ltr")


@functools.cache
def _bidi_formatting() -> regex.Pattern[str]:
    """Explicit formatting characters and implicit marks: applied by the reordering, then
    dropped from the visual text (a display without bidi support shows them as boxes, and
    one with it would apply them a second time)."""
    from ..chars import BIDI_EMBEDDING, BIDI_MARK

    return regex.compile(f"{BIDI_EMBEDDING}|{BIDI_MARK}")


@functools.cache
def _needs_own_levels() -> regex.Pattern[str]:
    """Characters python-bidi's output cannot place: marks (L3), mirrored ones (L4), and
    lone surrogates (it takes UTF-8 only)."""
    from . import _ucd

    mirrored = "".join(regex.escape(chr(cp)) for cp in _ucd.MIRRORING)
    return regex.compile(rf"[\p{{Mn}}\p{{Me}}{mirrored}\ud800-\udfff]")


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or char in "\u200b\u200c\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns `text` takes: marks and format characters 0, wide characters 2.

    >>> display_width("وفد"), display_width("مُحَمَّد"), display_width("漢字")
    (3, 4, 4)
    """
    return sum(_char_width(char) for char in text)


def wrap_logical(text: str, width: int) -> list[tuple[int, int]]:
    """Break one paragraph into lines of at most `width` columns, in logical order.

    Returns ``(start, stop)`` spans of `text`. Lines break after whitespace; the whitespace
    at a break is left out of both lines; a word wider than `width` is cut.

    >>> t = "وفد حماس إلى طهران today"
    >>> [t[a:b] for a, b in wrap_logical(t, 10)]
    ['وفد حماس', 'إلى طهران', 'today']
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        used = 0
        i = start
        last_break = -1  # index of the whitespace run's start after the last fitting word
        while i < n:
            w = _char_width(text[i])
            if text[i].isspace():
                last_break = i
            if used + w > width and i > start:
                break
            used += w
            i += 1
        if i >= n:
            spans.append((start, n))
            break
        stop = last_break if last_break > start and not text[i].isspace() else i
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop == start:  # only whitespace, or one word wider than the line
            stop = i
        spans.append((start, stop))
        start = stop
        while start < n and text[start].isspace():
            start += 1
    return spans or [(0, 0)]


def _base_level(base_dir: str) -> int | None:
    return {"auto": None, "rtl": 1, "ltr": 0}[base_dir]


#: The characters `str.splitlines` breaks at.
LINE_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _lines(text: str) -> Iterator[tuple[str, str]]:
    """(line, line ending) pairs; every `str.splitlines` boundary is a display line."""
    for piece in text.splitlines(keepends=True):
        if piece.endswith("\r\n"):
            yield piece[:-2], "\r\n"
        elif piece[-1] in LINE_BREAKS:
            yield piece[:-1], piece[-1]
        else:
            yield piece, ""


def _visual_paragraph(para: str, base: int | None, width: int | None) -> list[str]:
    level = base if base is not None else uba.paragraph_level(para)
    spans = wrap_logical(para, width) if width is not None else [(0, len(para))]
    if len(spans) == 1 and not _needs_own_levels().search(para):
        # python-bidi (with its L1 shortcut worked around) is right for everything here.
        start, stop = spans[0]
        return [uba.reorder_with_python_bidi(para[start:stop], level)]
    levels = uba.resolve_levels(para, level)
    return [uba.display_line(para, level, levels=levels, start=a, stop=b) for a, b in spans]


def to_visual(
    text: str,
    *,
    base_dir: str = "auto",
    width: int | None = None,
    keep_harakat: bool = True,
    shape: bool = True,
) -> str:
    """`text` shaped and reordered for a display that draws characters left to right.

    - `base_dir`: paragraph direction, ``"auto"`` (each line's first strong letter, UAX #9
      P2-P3), ``"rtl"`` or ``"ltr"``.
    - `width`: wrap each paragraph to this many terminal columns first (in logical order;
      lines are then reordered one by one with the paragraph's levels).
    - `keep_harakat`: keep the harakat (arabic-reshaper deletes them by default).
    - `shape`: replace letters by their contextual presentation forms (`False`: only reorder).

    Each display line (`str.splitlines` boundary; its line ending kept) is one paragraph.
    Brackets in right-to-left runs are mirrored, marks stay after their letter, and bidi
    formatting characters are applied, then removed.

    >>> to_visual("وفد حماس (Hamas) 2024") == "2024 (Hamas) \ufeb1\ufe8e\ufee4\ufea3 \ufeaa\ufed3\ufeed"
    True
    >>> to_visual("He said وفد today", shape=False)
    'He said دفو today'
    >>> print(to_visual("وفد حماس إلى طهران today", width=10, shape=False))
    سامح دفو
    نارهط ىلإ
    today
    """
    if not isinstance(text, str):
        raise TypeError(f"to_visual() takes a str, got {type(text).__name__}")
    if base_dir not in BASE_DIRS:
        raise ValueError(f"unknown base_dir {base_dir!r}; valid values: {', '.join(BASE_DIRS)}")
    if width is not None and (isinstance(width, bool) or not isinstance(width, int) or width < 1):
        raise ValueError(f"width must be a positive int or None, got {width!r}")
    base = _base_level(base_dir)
    out: list[str] = []
    for line, ending in _lines(text):
        if shape:
            line = _shape(line, keep_harakat=keep_harakat)
        elif not keep_harakat:
            line = _strip_harakat(line)
        shown = _visual_paragraph(line, base, width)
        out.append("\n".join(_bidi_formatting().sub("", piece) for piece in shown) + ending)
    return "".join(out)
