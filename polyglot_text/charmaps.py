"""The one registry of character maps: every fold `normalize()` can apply, as validated data.

A character map sends single characters to replacement text (``""`` deletes). Maps that the
Unicode Character Database defines are *derived* from it here (presentation forms from their
NFKC decompositions, digits from their decimal values, bidi controls from ``Bidi_Class``,
Arabic diacritics from ``General_Category=Mn`` and ``Script_Extensions=Arabic``); maps that are
orthographic choices live in ``data/charmaps.json``. Every map is built on first use, cached
and validated: keys are single characters, values are NFC, contain no presentation form and no
key of their own map, and a JSON key given twice is an error instead of a silent overwrite.

>>> charmap("presentation_forms")["ﻻ"], charmap("presentation_forms")["ﷲ"]
('لا', 'الله')
>>> charmap("digits_ascii")["٣"], charmap("kaf_persian")["ك"]
('3', 'ک')
>>> sorted(charmap_names())[:3]
['alef_maksura_yeh', 'alef_variants', 'arabic_diacritics']
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = [
    "CharMap",
    "CharMapError",
    "charmap",
    "charmap_info",
    "charmap_names",
    "fold_presentation_form",
    "validate_map",
]

# Blocks where Arabic-script characters live (scanned lazily to derive the tables).
_ARABIC_BLOCKS = (
    (0x0600, 0x0700),  # Arabic
    (0x0750, 0x0780),  # Arabic Supplement
    (0x0870, 0x0900),  # Arabic Extended-B and -A
    (0xFB50, 0xFE00),  # Arabic Presentation Forms-A
    (0xFE70, 0xFF00),  # Arabic Presentation Forms-B
    (0x10EC0, 0x10F00),  # Arabic Extended-C
)
#: The two presentation-form blocks whose compatibility decompositions `presentation_forms` folds.
PRESENTATION_BLOCKS = ((0xFB50, 0xFE00), (0xFE70, 0xFF00))
_FOLDED_TAGS = ("<initial>", "<medial>", "<final>", "<isolated>", "<compat>")


class CharMapError(ValueError):
    """A character map that breaks a rule of the registry (names the map and the key)."""


@dataclass(frozen=True, slots=True)
class CharMap:
    """One registered map: its `name`, what it does, and where it comes from."""

    name: str
    description: str
    source: str  #: ``"unicode"`` (derived from the UCD) or ``"data"`` (data/charmaps.json)


def _code_points(blocks: Iterable[tuple[int, int]]) -> Iterable[str]:
    for start, end in blocks:
        for code in range(start, end):
            yield chr(code)


def _presentation_forms() -> dict[str, str]:
    # Every presentation form with a compatibility decomposition folds to its NFKC form
    # (ﻻ -> لا, ﷲ -> الله, ﷺ -> صلى الله عليه وسلم). Forms without one (﷽, ornate
    # parentheses) and U+FEFF (a BOM, handled by the `bom` map) are left alone.
    # The spacing forms of harakat (ﹰ U+FE70, ﱞ U+FC5E...) decompose to SPACE + marks; the
    # space is dropped so the marks stay on the letter they were drawn over.
    table = {}
    for char in _code_points(PRESENTATION_BLOCKS):
        tag = unicodedata.decomposition(char).split(" ", 1)[0]
        if tag in _FOLDED_TAGS:
            table[char] = fold_presentation_form(char)
    return table


def fold_presentation_form(char: str) -> str:
    """The NFKC form of one presentation form, without the SPACE before a spacing mark.

    >>> fold_presentation_form("ﻻ"), fold_presentation_form("ﹰ") == "\u064b"
    ('لا', True)
    """
    value = unicodedata.normalize("NFKC", char)
    if value[:1] == " " and len(value) > 1 and all(unicodedata.combining(c) for c in value[1:]):
        value = value[1:]
    return value


def _strip(pattern: str, blocks: Iterable[tuple[int, int]]) -> dict[str, str]:
    import regex

    compiled = regex.compile(pattern, regex.V1)
    return {char: "" for char in _code_points(blocks) if compiled.fullmatch(char)}


def _arabic_diacritics() -> dict[str, str]:
    # Non-spacing marks used with Arabic script: harakat, tanwin, shadda, sukun, superscript
    # alef, Quranic annotation marks. Latin accents (Script=Inherited, not Arabic) are not in.
    return _strip(
        r"[\p{Mn}&&\p{Script_Extensions=Arabic}]", _ARABIC_BLOCKS[:3] + _ARABIC_BLOCKS[5:]
    )


def _alef_variants() -> dict[str, str]:
    # Letters named ARABIC LETTER ALEF WITH ... / ALEF WASLA (not ALEF MAKSURA) -> bare alef.
    table = {}
    for char in _code_points(_ARABIC_BLOCKS[:3]):
        name = unicodedata.name(char, "")
        if (
            name.startswith("ARABIC LETTER ALEF ")
            and "MAKSURA" not in name
            and unicodedata.category(char) == "Lo"
        ):
            table[char] = "\u0627"
    return table


def _digits(target: str) -> dict[str, str]:
    # Decimal digits of the Arabic block by their Unicode decimal value: Arabic-Indic
    # (U+0660..) and Extended Arabic-Indic (U+06F0.., Persian and Urdu). "arabic" and
    # "persian" convert between those two sets only: ASCII digits in the English parts of
    # mixed text stay ASCII.
    zero = {"ascii": "0", "arabic": "\u0660", "persian": "\u06f0"}[target]
    table = {}
    for char in _code_points(_ARABIC_BLOCKS[:1]):
        if unicodedata.category(char) == "Nd":
            value = chr(ord(zero) + unicodedata.decimal(char))
            if value != char:
                table[char] = value
    return table


def _bidi_controls() -> dict[str, str]:
    # Explicit embeddings, overrides and isolates, by Bidi_Class (U+202A-202E, U+2066-2069).
    classes = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
    return {
        c: "" for c in _code_points([(0x2000, 0x2070)]) if unicodedata.bidirectional(c) in classes
    }


def _bidi_marks() -> dict[str, str]:
    # Implicit marks: invisible format characters with a strong Bidi_Class (LRM, RLM, ALM).
    return {
        c: ""
        for c in _code_points([(0x0600, 0x0700), (0x2000, 0x2070)])
        if unicodedata.category(c) == "Cf" and unicodedata.bidirectional(c) in ("L", "R", "AL")
    }


def _derived(name: str, description: str, build: Callable[[], dict[str, str]]) -> tuple[Any, ...]:
    return (CharMap(name, description, "unicode"), build)


_DERIVED: dict[str, tuple[CharMap, Callable[[], dict[str, str]]]] = {
    item[0].name: item
    for item in (
        _derived(
            "presentation_forms",
            "Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) -> their NFKC letters",
            _presentation_forms,
        ),
        _derived("tatweel", "ARABIC TATWEEL (kashida) removed", lambda: {"\u0640": ""}),
        _derived("arabic_diacritics", "Arabic-script combining marks removed", _arabic_diacritics),
        _derived("alef_variants", "alef with hamza/madda/wasla... -> bare alef", _alef_variants),
        _derived(
            "digits_ascii", "Arabic-Indic and Persian digits -> ASCII", lambda: _digits("ascii")
        ),
        _derived("digits_arabic", "Persian digits -> Arabic-Indic", lambda: _digits("arabic")),
        _derived("digits_persian", "Arabic-Indic digits -> Persian", lambda: _digits("persian")),
        _derived("bidi_controls", "embeddings, overrides, isolates removed", _bidi_controls),
        _derived("bidi_marks", "LRM, RLM and ALM removed", _bidi_marks),
        _derived("bom", "ZERO WIDTH NO-BREAK SPACE (BOM) removed", lambda: {"\ufeff": ""}),
    )
}


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CharMapError(f"data/charmaps.json: key {key!r} given twice")
        result[key] = value
    return result


@functools.cache
def _data_maps() -> dict[str, tuple[CharMap, dict[str, str]]]:
    import json
    from importlib import resources

    raw = resources.files("polyglot_text").joinpath("data/charmaps.json").read_text("utf-8")
    data = json.loads(raw, object_pairs_hook=_reject_duplicates)
    maps = {}
    for name, entry in data.items():
        if name.startswith("_"):
            continue
        if name in _DERIVED:
            raise CharMapError(f"data/charmaps.json: {name!r} is already a derived map")
        maps[name] = (CharMap(name, entry["description"], "data"), dict(entry["map"]))
    return maps


def _is_presentation_form(char: str) -> bool:
    code = ord(char)
    return any(start <= code < end for start, end in PRESENTATION_BLOCKS) and code != 0xFEFF


def validate_map(name: str, table: Mapping[str, str]) -> None:
    """Raise `CharMapError` unless `table` follows the registry's rules.

    >>> validate_map("demo", {"ك": "ک"})
    >>> validate_map("demo", {"ك": "ﻙ"})
    Traceback (most recent call last):
    ...
    polyglot_text.charmaps.CharMapError: charmap 'demo': value of 'ك' contains presentation form 'ﻙ'
    """
    for key, value in table.items():
        if not isinstance(key, str) or len(key) != 1:
            raise CharMapError(f"charmap {name!r}: key {key!r} is not one character")
        if not isinstance(value, str):
            raise CharMapError(f"charmap {name!r}: value of {key!r} is not a string: {value!r}")
        if value == key:
            raise CharMapError(f"charmap {name!r}: {key!r} maps to itself")
        if unicodedata.normalize("NFC", value) != value:
            raise CharMapError(f"charmap {name!r}: value of {key!r} is not NFC: {value!r}")
        for char in value:
            if _is_presentation_form(char):
                raise CharMapError(
                    f"charmap {name!r}: value of {key!r} contains presentation form {char!r}"
                )
            if char in table:
                raise CharMapError(
                    f"charmap {name!r}: value of {key!r} contains {char!r}, itself a key"
                )


def charmap_names() -> list[str]:
    """Names of every registered map, derived and data.

    >>> "kaf_persian" in charmap_names() and "presentation_forms" in charmap_names()
    True
    """
    return [*_DERIVED, *_data_maps()]


def charmap_info(name: str) -> CharMap:
    """Description and source of one map.

    >>> charmap_info("heh_urdu").source
    'data'
    """
    if name in _DERIVED:
        return _DERIVED[name][0]
    if name in _data_maps():
        return _data_maps()[name][0]
    raise ValueError(f"unknown charmap {name!r}; valid: {', '.join(charmap_names())}")


@functools.cache
def charmap(name: str) -> Mapping[str, str]:
    """The validated map `name` (read-only): character -> replacement (``""`` = delete).

    >>> dict(charmap("yeh_persian"))
    {'ي': 'ی', 'ى': 'ی'}
    """
    if name in _DERIVED:
        table = _DERIVED[name][1]()
    elif name in _data_maps():
        table = _data_maps()[name][1]
    else:
        raise ValueError(f"unknown charmap {name!r}; valid: {', '.join(charmap_names())}")
    validate_map(name, table)
    return MappingProxyType(table)
