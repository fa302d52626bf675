"""Contextual shaping of Arabic-script letters to presentation forms, and back.

`shape` runs arabic-reshaper with a configuration that keeps what its defaults lose, and
fills the gaps an oracle built from ``ArabicShaping.txt`` and the ``<isolated>``/``<initial>``/
``<medial>``/``<final>`` decompositions in `unicodedata` finds (``tests/test_shaping.py``):

- its letter table is completed from Unicode: every Arabic-script letter with presentation
  forms gets them (Persian, Urdu, Pashto, Sindhi, Kurdish letters...), and a joining letter
  without a form of its own keeps its letter there but still joins its neighbours;
- transparent characters (Joining_Type T: every haraka, Quranic marks, U+0670, bidi marks,
  soft hyphen) are taken out before shaping and put back after their letter, so they never
  break a join and are never lost (reshaper's default deletes harakat; its own list of marks
  misses some, which then split words);
- ZERO WIDTH JOINER joins and is kept (reshaper drops it);
- reshaper's configuration file and environment variable are not read, so the output does
  not depend on the user's machine;
- the only ligatures are the four mandatory LAM WITH ALEF ones, made only when nothing stands
  between the two letters (reshaper moves a haraka on the lam after the ligature, which
  changes the text: ``لَا`` became ``لاَ``).

>>> shape("سلام") == "\ufeb3\ufefc\ufee1"  # seen-initial, lam-alef final, meem-isolated
True
>>> unshape(shape("پیامِ مُهم، لا")) == "پیامِ مُهم، لا"
True
"""

from __future__ import annotations

import bisect
import functools
import os
import threading
import unicodedata
from collections.abc import Callable
from typing import Final

import regex

__all__ = [
    "JOINING_FORMS",
    "joining_type",
    "presentation_forms",
    "shape",
    "strip_harakat",
    "unicode_letter_forms",
    "unshape",
]

#: The decomposition tags of the contextual forms, in arabic-reshaper's form order.
JOINING_FORMS: Final = ("<isolated>", "<initial>", "<medial>", "<final>")

#: LAM (initial or medial form) + ALEF variant (final form) -> LAM WITH ALEF ligature.
_LAM_ALEF: Final = {
    ("\ufedf", "\ufe82"): "\ufef5",
    ("\ufee0", "\ufe82"): "\ufef6",
    ("\ufedf", "\ufe84"): "\ufef7",
    ("\ufee0", "\ufe84"): "\ufef8",
    ("\ufedf", "\ufe88"): "\ufef9",
    ("\ufee0", "\ufe88"): "\ufefa",
    ("\ufedf", "\ufe8e"): "\ufefb",
    ("\ufee0", "\ufe8e"): "\ufefc",
}

_ZWJ: Final = "\u200d"
_TABLE_LOCK = threading.Lock()


@functools.cache
def _joining_table() -> tuple[list[int], list[tuple[int, int, str]]]:
    from . import _ucd

    rows = list(_ucd.JOINING_TYPES)
    return [lo for lo, _, _ in rows], rows


def joining_type(char: str) -> str:
    """The Joining_Type of one character: ``D R L C T`` or ``U`` (non-joining).

    >>> [joining_type(c) for c in "بدـ\u064e\u200da"]
    ['D', 'R', 'C', 'T', 'C', 'U']
    """
    starts, rows = _joining_table()
    i = bisect.bisect_right(starts, ord(char)) - 1
    if i >= 0:
        lo, hi, value = rows[i]
        if lo <= ord(char) <= hi:
            return value
    return "U"


@functools.cache
def presentation_forms() -> dict[str, tuple[str, str, str, str]]:
    """Letter -> its (isolated, initial, medial, final) presentation forms ('' if none),
    read from the compatibility decompositions of U+FB50-FDFF and U+FE70-FEFF.

    >>> presentation_forms()["ب"] == ("\ufe8f", "\ufe91", "\ufe92", "\ufe90")
    True
    >>> presentation_forms()["ں"]  # noon ghunna: Unicode encodes two of its four forms
    ('ﮞ', '', '', 'ﮟ')
    """
    forms: dict[str, list[str]] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and parts[0] in JOINING_FORMS:
            base = chr(int(parts[1], 16))
            forms.setdefault(base, ["", "", "", ""])[JOINING_FORMS.index(parts[0])] = chr(cp)
    return {base: (f[0], f[1], f[2], f[3]) for base, f in forms.items()}


@functools.cache
def unicode_letter_forms() -> dict[str, tuple[str, str, str, str]]:
    """Every joining Arabic-script letter -> the characters to show in each form.

    A form Unicode has no presentation form for is the letter itself (it still joins); a
    form the letter's joining type does not allow is ''. Non-joining letters (hamza) keep
    arabic-reshaper's entry.

    >>> unicode_letter_forms()["ں"]  # dual-joining: the initial and medial forms are itself
    ('ﮞ', 'ں', 'ں', 'ﮟ')
    >>> unicode_letter_forms()["د"]  # right-joining: no initial or medial form
    ('ﺩ', '', '', 'ﺪ')
    """
    from .uba import bidi_class

    unicode_forms = presentation_forms()
    table: dict[str, tuple[str, str, str, str]] = {}
    for lo, hi, kind in _joining_table()[1]:
        if kind not in ("D", "R"):
            continue
        for cp in range(lo, hi + 1):
            char = chr(cp)
            if bidi_class(char) != "AL":
                continue  # other scripts (Syriac, N'Ko...) are left to the renderer
            iso, ini, med, fin = unicode_forms.get(char, ("", "", "", ""))
            dual = kind == "D"
            table[char] = (
                iso or char,
                (ini or char) if dual else "",
                (med or char) if dual else "",
                fin or char,
            )
    return table


@functools.cache
def _letters() -> dict[str, tuple[str, str, str, str]]:
    """arabic-reshaper's letter table completed from Unicode (see the module docstring)."""
    from arabic_reshaper.letters import LETTERS_ARABIC

    table: dict[str, tuple[str, str, str, str]] = dict(LETTERS_ARABIC)
    for char, forms in unicode_letter_forms().items():
        table[char] = forms
    return table


def _reshaper_config() -> dict[str, object]:
    from arabic_reshaper.reshaper_config import default_config

    config: dict[str, object] = dict(default_config)
    config.update(
        {
            "language": "Arabic",
            "delete_harakat": True,  # there are none left: transparent characters go around it
            "shift_harakat_position": False,
            "delete_tatweel": False,
            "support_zwj": False,  # ZWJ is passed as a dual-joining stand-in letter instead
            "use_unshaped_instead_of_isolated": False,
            "support_ligatures": False,  # LAM WITH ALEF is done after, see _ligate
        }
    )
    return config


class _FixedConfig(dict[str, object]):
    """The reshaper's settings as a plain dict: `reshape` reads six of them per call, and a
    `configparser` section (what it is given) spends a third of the call doing so."""

    def getboolean(self, key: str) -> bool:
        return bool(self[key])


@functools.cache
def _reshaper() -> Callable[[str], str]:
    from arabic_reshaper import ArabicReshaper

    # An existing empty file as the configuration file: the environment variable
    # PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE is then not read.
    reshaper = ArabicReshaper(configuration=_reshaper_config(), configuration_file=os.devnull)
    reshaper.configuration = _FixedConfig(_reshaper_config())
    reshaper.letters = _letters()
    return reshaper.reshape  # type: ignore[no-any-return]


@functools.cache
def _transparent() -> frozenset[str]:
    """Every character of Joining_Type T."""
    return frozenset(
        chr(cp) for lo, hi, kind in _joining_table()[1] if kind == "T" for cp in range(lo, hi + 1)
    )


def _zwj_stand_in(text: str) -> str:
    """A private-use character absent from `text`, to stand for ZWJ while shaping."""
    for cp in range(0xF8FF, 0xE000, -1):
        if chr(cp) not in text:
            return chr(cp)
    return ""  # pragma: no cover - a text holding all 6,399 code points


def _ligate(text: str) -> str:
    if "\ufedf" not in text and "\ufee0" not in text:
        return text
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        lig = _LAM_ALEF.get((text[i], text[i + 1])) if i + 1 < n else None
        if lig is not None:
            out.append(lig)
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def shape(text: str, *, keep_harakat: bool = True) -> str:
    """Arabic-script letters in `text` replaced by their contextual presentation forms.

    Order is unchanged (this is logical order still); with ``keep_harakat=False`` the
    harakat (Mn marks of the Arabic script) are removed, as arabic-reshaper does by default.

    >>> shape("كتاب") == "\ufedb\ufe98\ufe8e\ufe8f"
    True
    >>> shape("گفتگو") == "\ufb94\ufed4\ufe98\ufb95\ufeee"
    True
    >>> shape("بَاب", keep_harakat=False) == shape("باب")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"shape() takes a str, got {type(text).__name__}")
    letters = _letters()
    if not any(char in letters for char in text):
        return text if keep_harakat else strip_harakat(text)
    marks: list[tuple[int, str]] = []  # (index in the letters-only text, mark)
    kept: list[str] = []
    zwj = _zwj_stand_in(text) if _ZWJ in text else ""
    transparent = _transparent()
    for char in text:
        if char in transparent:
            if not keep_harakat and _harakat().fullmatch(char):
                continue
            marks.append((len(kept), char))
        else:
            kept.append(zwj if char == _ZWJ and zwj else char)
    if zwj:
        with _TABLE_LOCK:  # the stand-in is a dual-joining letter for this call only
            letters[zwj] = (zwj, zwj, zwj, zwj)
            try:
                shaped = _reshaper()("".join(kept))
            finally:
                del letters[zwj]
        shaped = shaped.replace(zwj, _ZWJ)
    else:
        shaped = _reshaper()("".join(kept))
    if len(shaped) != len(kept):  # pragma: no cover - guards the one-char-per-letter contract
        raise RuntimeError("arabic-reshaper changed the number of characters")
    if marks:
        out: list[str] = []
        j = 0
        for i, char in enumerate(shaped):
            while j < len(marks) and marks[j][0] == i:
                out.append(marks[j][1])
                j += 1
            out.append(char)
        out.extend(mark for _, mark in marks[j:])
        shaped = "".join(out)
    return _ligate(shaped)


@functools.cache
def _harakat() -> regex.Pattern[str]:
    return regex.compile(r"[\p{Mn}&&\p{Script_Extensions=Arabic}]", regex.V1)


def strip_harakat(text: str) -> str:
    """`text` without harakat and other Arabic-script combining marks.

    >>> strip_harakat("مُحَمَّد Café")
    'محمد Café'
    """
    return _harakat().sub("", text)


@functools.cache
def _unshape_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for base, forms in presentation_forms().items():
        for form in forms:
            if form:
                table[ord(form)] = base
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        if cp in table:
            continue
        parts = unicodedata.decomposition(chr(cp)).split()
        if parts and parts[0] in JOINING_FORMS:  # ligatures: LAM WITH ALEF, ALLAH...
            table[cp] = "".join(chr(int(p, 16)) for p in parts[1:])
    return table


def unshape(text: str) -> str:
    """Arabic presentation forms (and their ligatures) replaced by the letters they show.

    >>> unshape("\ufefb \ufef7\ufedf\ufee2") == "لا لألم"
    True
    """
    return text.translate(_unshape_table())
