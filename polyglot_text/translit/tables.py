"""The scheme registry and its data files, loaded lazily and validated on load.

Every scheme is one JSON file in ``polyglot_text/translit/data/``; `SCHEMES` is the one list
the API, the CLI's ``--scheme`` choices and the docs read. Nothing is read at import time:
a scheme's file is parsed and checked the first time it is used, once per process.

>>> scheme_names()[:4]
('buckwalter', 'buckwalter-xml', 'safe-buckwalter', 'hsb')
>>> lossless_table("buckwalter").forward[ord("ب")]
'b'
"""

from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "LOSSLESS",
    "SCHEMES",
    "SCHOLARLY",
    "LosslessTable",
    "SchemeError",
    "ScholarlyScheme",
    "check_scheme",
    "lossless_table",
    "scheme_names",
    "scholarly_scheme",
]

#: Lossless (reversible, letter-for-letter) schemes, in display order.
LOSSLESS: Final = ("buckwalter", "buckwalter-xml", "safe-buckwalter", "hsb")
#: Scholarly romanisations (rule-based, one-way), in display order.
SCHOLARLY: Final = (
    "ala-lc",
    "ala-lc-fa",
    "ala-lc-ur",
    "din-31635",
    "bgn-pcgn",
    "bgn-pcgn-ur",
    "iso-233-2",
)
#: Every scheme name.
SCHEMES: Final = LOSSLESS + SCHOLARLY


_FAST_VALID: dict[tuple[str, ...], frozenset[str]] = {
    ("lossless", "scholarly"): frozenset(SCHEMES),
    ("lossless",): frozenset(LOSSLESS),
}


class SchemeError(ValueError):
    """A scheme data file breaks a rule (overlapping keys, non-NFC text...)."""


def scheme_names() -> tuple[str, ...]:
    """All scheme names, lossless ones first.

    >>> "ala-lc" in scheme_names()
    True
    """
    return SCHEMES


def check_scheme(scheme: object, *, kinds: tuple[str, ...] = ("lossless", "scholarly")) -> str:
    """Return `scheme` if it names a scheme of one of `kinds`, else raise with the valid names.

    >>> check_scheme("bw")
    Traceback (most recent call last):
    ...
    ValueError: unknown transliteration scheme 'bw'; valid schemes: buckwalter, buckwalter-xml, safe-buckwalter, hsb, ala-lc, ala-lc-fa, ala-lc-ur, din-31635, bgn-pcgn, bgn-pcgn-ur, iso-233-2
    """
    if scheme in _FAST_VALID.get(kinds, ()):
        return scheme  # type: ignore[return-value]
    if not isinstance(scheme, str):
        raise TypeError(f"scheme must be a str, got {type(scheme).__name__}")
    valid = tuple(
        name
        for name in SCHEMES
        if ("lossless" in kinds and name in LOSSLESS)
        or ("scholarly" in kinds and name in SCHOLARLY)
    )
    if scheme not in valid:
        if scheme in SCHEMES:
            raise ValueError(
                f"scheme {scheme!r} is not reversible; reversible schemes: {', '.join(valid)}"
            )
        raise ValueError(
            f"unknown transliteration scheme {scheme!r}; valid schemes: {', '.join(valid)}"
        )
    return scheme


def _load_json(name: str) -> dict[str, Any]:
    from importlib import resources

    text = resources.files(__package__).joinpath("data").joinpath(f"{name}.json").read_text("utf-8")
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("name") != name:
        raise SchemeError(f"{name}.json: 'name' must be {name!r}")
    return data


def _check_text(where: str, value: object, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str) or (not value and not allow_empty):
        raise SchemeError(f"{where}: expected a non-empty string, got {value!r}")
    if unicodedata.normalize("NFC", value) != value:
        raise SchemeError(f"{where}: {value!r} is not NFC")
    for char in value:
        if "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff":
            raise SchemeError(f"{where}: {value!r} holds a presentation form")
    return value


# --- lossless tables --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LosslessTable:
    """A validated lossless table: ``forward`` for `str.translate`, ``reverse`` Latin -> Arabic."""

    name: str
    description: str
    forward: dict[int, str]
    reverse: dict[str, str]
    #: Single-character Latin keys of `reverse`, as a `str.translate` table.
    reverse_single: dict[int, str]
    #: The escape character that starts a two-character code (``^``), or "".
    escape: str


@functools.cache
def lossless_table(name: str) -> LosslessTable:
    """Load and validate a lossless scheme: one row per Arabic character, no key or value twice,
    no value a prefix of another, every value free of Arabic-script characters."""
    data = _load_json(name)
    forward: dict[int, str] = {}
    reverse: dict[str, str] = {}
    for i, row in enumerate(data["table"]):
        where = f"{name}.json table[{i}]"
        if not (isinstance(row, list) and len(row) == 3):
            raise SchemeError(f"{where}: rows are [arabic, latin, unicode name]")
        arabic = _check_text(where, row[0])
        latin = _check_text(where, row[1])
        if len(arabic) != 1:
            raise SchemeError(f"{where}: key {arabic!r} must be one character")
        if unicodedata.name(arabic, "") != row[2]:
            raise SchemeError(f"{where}: {arabic!r} is not {row[2]}")
        if ord(arabic) in forward:
            raise SchemeError(f"{where}: {row[2]} is listed twice")
        if latin in reverse:
            raise SchemeError(f"{where}: {latin!r} is used for two characters")
        if any("\u0600" <= c <= "\u06ff" for c in latin):
            raise SchemeError(f"{where}: {latin!r} holds an Arabic character")
        forward[ord(arabic)] = latin
        reverse[latin] = arabic
    for a in reverse:
        for b in reverse:
            if a != b and b.startswith(a):
                raise SchemeError(f"{name}.json: {a!r} is a prefix of {b!r}")
    escapes = {latin[0] for latin in reverse if len(latin) > 1}
    if len(escapes) > 1 or any(len(latin) > 2 for latin in reverse):
        raise SchemeError(f"{name}.json: multi-character codes must be one escape + one char")
    escape = escapes.pop() if escapes else ""
    single = {ord(latin): arabic for latin, arabic in reverse.items() if len(latin) == 1}
    return LosslessTable(name, str(data["description"]), forward, reverse, single, escape)


# --- scholarly schemes ------------------------------------------------------------------------

_VOWEL_KEYS = ("a", "i", "u", "aa", "ii", "uu", "ay", "aw", "maqsura", "an", "un", "in")


@dataclass(frozen=True, slots=True)
class ScholarlyScheme:
    """A validated scholarly scheme: letter values plus the settings its rules read."""

    name: str
    lang: str
    description: str
    letters: dict[str, str]
    hamza: str
    vowels: dict[str, str]
    ta_pausa: str
    ta_construct: str
    ta_pausa_after_long: str
    article_plain: str
    article_prefixed: str
    article_lil: str
    assimilate: bool
    article_capital_initial: bool
    prefixes: dict[str, str]
    digraphs: frozenset[str]
    digraph_separator: str
    punctuation: dict[str, str]
    zwnj: str
    case: str
    drop_final_vowels: bool
    izafat: dict[str, str] | None
    allah: dict[str, str]


@functools.cache
def scholarly_scheme(name: str) -> ScholarlyScheme:
    """Load and validate a scholarly scheme file."""
    data = _load_json(name)

    def strmap(key: str, *, single_keys: bool = True, empty: bool = False) -> dict[str, str]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise SchemeError(f"{name}.json: {key!r} must be an object")
        out: dict[str, str] = {}
        for k, v in value.items():
            _check_text(f"{name}.json {key}", k)
            if single_keys and len(k) != 1:
                raise SchemeError(f"{name}.json {key}: key {k!r} must be one character")
            out[k] = _check_text(f"{name}.json {key}[{k}]", v, allow_empty=empty)
        return out

    vowels = strmap("vowels", single_keys=False)
    missing = [k for k in _VOWEL_KEYS if k not in vowels]
    if missing:
        raise SchemeError(f"{name}.json vowels: missing {missing}")
    ta = data["ta_marbuta"]
    article = data["article"]
    izafat = data.get("izafat")
    if data.get("case") not in ("lower", "title"):
        raise SchemeError(f"{name}.json: case must be 'lower' or 'title'")
    if data.get("final_vowels") not in ("keep", "drop"):
        raise SchemeError(f"{name}.json: final_vowels must be 'keep' or 'drop'")
    return ScholarlyScheme(
        name=name,
        lang=str(data["lang"]),
        description=str(data["description"]),
        letters=strmap("letters"),
        hamza=_check_text(f"{name}.json hamza", data["hamza"]),
        vowels=vowels,
        ta_pausa=_check_text(f"{name}.json ta", ta["pausa"], allow_empty=True),
        ta_construct=_check_text(f"{name}.json ta", ta["construct"]),
        ta_pausa_after_long=str(ta.get("pausa_after_long", ta["pausa"])),
        article_plain=_check_text(f"{name}.json article", article["plain"]),
        article_prefixed=_check_text(f"{name}.json article", article["prefixed"]),
        article_lil=_check_text(f"{name}.json article", article["lil"]),
        assimilate=bool(article["assimilate"]),
        article_capital_initial=bool(article["capital_initial"]),
        prefixes=strmap("prefixes"),
        digraphs=frozenset(str(d) for d in data["digraphs"]),
        digraph_separator=str(data["digraph_separator"]),
        punctuation=strmap("punctuation"),
        zwnj=str(data["zwnj"]),
        case=str(data["case"]),
        drop_final_vowels=data["final_vowels"] == "drop",
        izafat=None if izafat is None else {str(k): str(v) for k, v in izafat.items()},
        allah=strmap("allah", single_keys=False),
    )
