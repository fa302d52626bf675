"""`normalize()`: profiles of named character folds for mixed Arabic-script / English text.

Every fold is an option of `NormalizeConfig` with a few named values; a profile is a set of
option values (`PROFILES`) and any option can be overridden per call. The character maps come
from the one registry, `polyglot_text.charmaps`. Rules no option changes:

- URLs, emails and mentions (found by the tokenizer's `special_spans`) are copied unchanged;
- ZWNJ/ZWJ between two visible characters (Persian/Urdu spelling, emoji sequences) are kept;
- the result is NFC (combining marks in canonical order), so equal words compare equal;
- ``normalize(normalize(t, p), p) == normalize(t, p)`` for every profile.

>>> normalize("ﻻ إلــه إلا ﷲ\u202e see http://x.com/ﻻ")
'لا إله إلا الله see http://x.com/ﻻ'
>>> normalize("أَحْمَد في المدرسة ٣", profile="search")
'احمد في المدرسه 3'
>>> normalize("كتاب يومي", profile="fa")
'کتاب یومی'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Final

from .charmaps import charmap

__all__ = ["FOLDS", "PROFILES", "NormalizeConfig", "normalize", "normalize_config"]


@dataclass(frozen=True, slots=True)
class NormalizeConfig:
    """Every fold of `normalize()`, with the ``clean`` profile's values as defaults.

    The defaults are lossless for meaning: they remove what only changes display (bidi
    controls, marks, BOM, tatweel) and fold presentation forms to the letters they show, and
    keep every letter, diacritic, hamza form and digit as written.
    """

    #: ``fold``: presentation forms (PDF exports) -> letters; ``keep``.
    presentation_forms: str = "fold"
    #: ``strip``: remove embeddings/overrides/isolates U+202A-202E, U+2066-2069; ``keep``.
    bidi_controls: str = "strip"
    #: ``strip``: remove LRM, RLM, ALM (display hints only); ``keep``.
    bidi_marks: str = "strip"
    #: ``strip``: remove U+FEFF (byte order mark / zero width no-break space); ``keep``.
    bom: str = "strip"
    #: ``strip``: remove tatweel (kashida, only stretches words); ``keep``.
    tatweel: str = "strip"
    #: ``keep`` harakat/tanwin/shadda/Quranic marks, or ``strip`` them (search).
    diacritics: str = "keep"
    #: ``keep`` أ إ آ ٱ..., or ``fold`` them to bare ا (search).
    alef: str = "keep"
    #: ``keep`` ى, or fold it to ``yeh`` ي (search).
    alef_maksura: str = "keep"
    #: ``keep``; ``arabic``: ی -> ي; ``persian``: ي ى -> ی (Persian, Urdu).
    yeh: str = "keep"
    #: ``keep``; ``arabic``: ک -> ك; ``persian``: ك -> ک (Persian, Urdu).
    kaf: str = "keep"
    #: ``keep``; ``urdu``: ه -> ہ (heh goal; ھ for aspirates is kept).
    heh: str = "keep"
    #: ``keep`` ة, or fold it to ``heh`` ه (search).
    teh_marbuta: str = "keep"
    #: ``keep``; ``ascii``: Arabic-script digits -> 0-9; ``arabic``: ۴ -> ٤; ``persian``: ٤ -> ۴.
    digits: str = "keep"
    #: ``tidy``: drop ZWNJ/ZWJ next to a space or at an edge, collapse repeats; ``keep``.
    zwnj: str = "tidy"


#: Valid values of every option, and the registered charmaps each value applies (in order).
FOLDS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "presentation_forms": {"fold": ("presentation_forms",), "keep": ()},
    "bidi_controls": {"strip": ("bidi_controls",), "keep": ()},
    "bidi_marks": {"strip": ("bidi_marks",), "keep": ()},
    "bom": {"strip": ("bom",), "keep": ()},
    "tatweel": {"strip": ("tatweel",), "keep": ()},
    "diacritics": {"keep": (), "strip": ("arabic_diacritics",)},
    "alef": {"keep": (), "fold": ("alef_variants",)},
    "alef_maksura": {"keep": (), "yeh": ("alef_maksura_yeh",)},
    "teh_marbuta": {"keep": (), "heh": ("teh_marbuta_heh",)},
    "heh": {"keep": (), "urdu": ("heh_urdu",)},
    "yeh": {"keep": (), "arabic": ("yeh_arabic",), "persian": ("yeh_persian",)},
    "kaf": {"keep": (), "arabic": ("kaf_arabic",), "persian": ("kaf_persian",)},
    "digits": {
        "keep": (),
        "ascii": ("digits_ascii",),
        "arabic": ("digits_arabic",),
        "persian": ("digits_persian",),
    },
    "zwnj": {"tidy": (), "keep": ()},
}

#: Profiles: option values that differ from `NormalizeConfig`'s defaults (= ``clean``).
PROFILES: Final[dict[str, dict[str, str]]] = {
    "clean": {},
    "search": {
        "diacritics": "strip",
        "alef": "fold",
        "alef_maksura": "yeh",
        "yeh": "arabic",
        "kaf": "arabic",
        "teh_marbuta": "heh",
        "digits": "ascii",
    },
    "fa": {"yeh": "persian", "kaf": "persian", "digits": "persian"},
    "ur": {"yeh": "persian", "kaf": "persian", "heh": "urdu", "digits": "persian"},
}


def normalize_config(profile: str = "clean", **overrides: str) -> NormalizeConfig:
    """The configuration of `profile` with `overrides`; `ValueError` lists what is valid.

    >>> normalize_config("search", digits="keep").digits
    'keep'
    >>> normalize_config("web")
    Traceback (most recent call last):
    ...
    ValueError: unknown profile 'web'; valid profiles: clean, search, fa, ur
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; valid profiles: {', '.join(PROFILES)}")
    for name, value in overrides.items():
        if name not in FOLDS:
            raise ValueError(
                f"unknown normalize option {name!r}; valid options: {', '.join(FOLDS)}"
            )
        if not isinstance(value, str) or value not in FOLDS[name]:
            raise ValueError(
                f"option {name}={value!r} is not valid; valid values: {', '.join(FOLDS[name])}"
            )
    return replace(NormalizeConfig(), **{**PROFILES[profile], **overrides})


# --- the plan: one translate table + a trigger pattern, built once per configuration ----------


@dataclass(frozen=True)
class _Plan:
    table: dict[str, str]
    #: Matches any character the table changes (the common case: finds nothing).
    trigger: re.Pattern[str] | None
    tidy_joiners: bool
    #: Keys whose replacement is not one character of the same general category (deletions,
    #: ligatures, ﹰ -> a mark): folding one can move a URL or mention edge.
    reshaping: frozenset[str] = frozenset()
    #: C0 controls no fold reads or writes: one that a text lacks joins its pieces between
    #: protected spans into one string to fold (a control is a starter that composes with
    #: nothing, so NFC and the folds act on each piece as if it were alone).
    separators: str = ""


def _char_class(chars: set[str]) -> str:
    """A compact character class: contiguous code points become ranges."""
    codes = sorted(ord(c) for c in chars)
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = (f"\\U{codes[k]:08x}" for k in (i, j))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


def _compose(maps: list[Mapping[str, str]]) -> dict[str, str]:
    """One table equal to applying `maps` in order, then closed under itself."""
    keys: set[str] = set().union(*maps) if maps else set()
    trans = [str.maketrans(dict(m)) for m in maps]
    table = {}
    for key in keys:
        value = key
        for tr in trans:
            value = value.translate(tr)
        if value != key:
            table[key] = value
    for _ in range(4):  # a fold's output may hold another fold's key: iterate to a fixed point
        tr = str.maketrans(table)
        changed = {k: unicodedata.normalize("NFC", v.translate(tr)) for k, v in table.items()}
        if changed == table:
            break
        table = {k: v for k, v in changed.items() if v != k}
    if any(c in table for v in table.values() for c in v):  # `_translate` relies on it
        raise ValueError("the folds of this configuration do not settle on a closed table")
    return table


@functools.lru_cache(maxsize=64)
def _plan(config: NormalizeConfig) -> _Plan:
    maps: list[Mapping[str, str]] = []
    for option in fields(config):
        value = getattr(config, option.name)
        maps.extend(charmap(name) for name in FOLDS[option.name][value])
    table = _compose(maps)
    trigger = re.compile(_char_class(set(table))) if table else None
    reshaping = frozenset(
        k
        for k, v in table.items()
        if len(v) != 1 or unicodedata.category(v)[0] != unicodedata.category(k)[0]
    )
    written = set("".join(table.values()))
    separators = "".join(
        c for c in map(chr, range(1, 32)) if not c.isspace() and c not in table and c not in written
    )
    return _Plan(table, trigger, config.zwnj == "tidy", reshaping, separators)


@functools.lru_cache(maxsize=256)
def _plan_for(profile: str, overrides: tuple[tuple[str, str], ...]) -> _Plan:
    return _plan(normalize_config(profile, **dict(overrides)))


# --- the work ---------------------------------------------------------------------------------

_JOINERS = "\u200c\u200d"


@functools.cache
def _untidy_joiner() -> re.Pattern[str]:
    # A joiner at the start, after or before a space, before another joiner or at the end.
    return re.compile("[\u200c\u200d](?:(?<!\\S.)|(?=[\\s\u200c\u200d])|\\Z)")


@functools.cache
def _untidy_joiner_runs() -> re.Pattern[str]:
    # A run of joiners that is at an edge, next to a space, or longer than one (class first).
    return re.compile("[\u200c\u200d](?:(?<!\\S.)[\u200c\u200d]*|[\u200c\u200d]+|(?=\\s)|\\Z)")


def _tidy_joiners(text: str, protected: list[tuple[int, int]]) -> str:
    """Keep one joiner between two visible characters; drop the others.

    A ZWNJ/ZWJ between two letters (می‌خواهم, emoji sequences) has a meaning; one next to
    a space or at an edge, or a repeat, has none. Joiners inside protected spans are kept.
    """
    if "\u200c" not in text and "\u200d" not in text:
        return text
    out = []
    pos = 0
    index = 0
    for match in _untidy_joiner_runs().finditer(text):
        start, end = match.span()
        while end < len(text) and text[end] in _JOINERS:
            end += 1  # the rest of the run
        while index < len(protected) and protected[index][1] <= start:
            index += 1
        if index < len(protected) and protected[index][0] <= start:
            continue  # inside a URL, email or mention
        inside = start > 0 and end < len(text)
        visible = inside and not text[start - 1].isspace() and not text[end].isspace()
        out.append(text[pos:start])
        out.append(text[start] if visible else "")
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


#: `_translate` folds longer text in pieces of this many characters.
_TRANSLATE_CHUNK = 1 << 16


def _translate(text: str, plan: _Plan) -> str:
    """`str.translate` with the plan's table, several times faster on Arabic text.

    The table is closed (no value holds a key), so replacing each distinct key found, one
    `str.replace` at a time (a few dozen passes at memory speed), gives the same result as
    one translate pass. Returns `text` itself when nothing is found.
    """
    if plan.trigger is None:
        return text
    if len(text) > _TRANSLATE_CHUNK:
        # One replace pass per distinct character costs passes x length: in chunks, a long
        # text costs what its blocks cost (each character folds on its own, so any cut works).
        chunks = [text[i : i + _TRANSLATE_CHUNK] for i in range(0, len(text), _TRANSLATE_CHUNK)]
        parts = [_translate(chunk, plan) for chunk in chunks]
        if all(part is chunk for part, chunk in zip(parts, chunks, strict=True)):
            return text  # nothing folded: the caller tests identity
        return "".join(parts)
    table = plan.table
    if len(text) < 4096:  # short text: one findall costs less than a search per character
        for char in set(plan.trigger.findall(text)):
            text = text.replace(char, table[char])
        return text
    search = plan.trigger.search
    match = search(text)
    while match is not None:
        # Nothing before `pos` folds, and what a key becomes holds no key: search on from there.
        pos = match.start()
        char = match.group()
        text = text.replace(char, table[char])
        match = search(text, pos)
    return text


def _fold(text: str, plan: _Plan, nfc: bool = False) -> str:
    """NFC (unless `nfc` says the text is), then the plan's folds, to a fixed point, on text
    holding no protected span."""
    if not nfc:
        text = _nfc(text)
    for _ in range(8):
        folded = _translate(text, plan)
        if folded is text:
            break
        text = _nfc(folded)
        if text is folded:  # the table is closed: NFC output needs no second look
            break
    return text


def _protected(text: str) -> list[tuple[int, int]]:
    """URL, email and mention spans: the tokenizer's, so they agree with `tokens()`."""
    if len(text) > _CACHED_WORD:
        return _find_protected(text)
    return list(_protected_word(text))


#: Words up to this long have their protected spans cached (a URL or a handle recurs: the
#: same link in every post of a site, the same account in every reply).
_CACHED_WORD = 512


def _find_protected(text: str) -> list[tuple[int, int]]:
    if "@" in text or "\uff20" in text:
        from .segment import special_spans

        return [(s, e) for s, e, kind in special_spans(text) if kind != "hashtag"]
    from .urls import url_spans

    return url_spans(text)


@functools.lru_cache(maxsize=4096)
def _protected_word(word: str) -> tuple[tuple[int, int], ...]:
    return tuple(_find_protected(word))


# Characters with the Unicode White_Space property: no URL, email or mention holds one.
_WHITE_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


@functools.cache
def _marker_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for the words that hold a marker: from a word's first marker to its end, and
    (run on the reversed text) from its last marker to its start.

    A marker is what every URL hinges on (a ``.`` ``:`` or ``/`` before a word character or
    ``/``, as the URL finder's own anchor) or the ``@`` of an email or mention; the reversed
    pattern tests the same with a lookbehind. A class comes first, so that `re` scans for it
    at class speed; each pattern then runs on to the word's edge (possessively), so it finds
    every such word once.
    """
    rest = f"[^{_WHITE_SPACE}]*+"
    forward = re.compile(f"[.:/@\uff20](?:(?<=[@\uff20])|(?=[\\w/])){rest}")
    backward = re.compile(f"[.:/@\uff20](?:(?<=[@\uff20])|(?<=[\\w/][.:/])){rest}")
    return forward, backward


def _marker_word_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every White_Space-delimited word of `text` with a marker.

    >>> text = "see x.com and الإيرانيhttp://hamas.ps/ but not 3 . or a:"
    >>> [text[s:e] for s, e in _marker_word_spans(text)]
    ['x.com', 'الإيرانيhttp://hamas.ps/']
    """
    forward, backward = _marker_words()
    ends = [m.end() for m in forward.finditer(text)]
    if not ends:
        return []
    last = len(text)
    starts = [last - m.end() for m in backward.finditer(text[::-1])]
    starts.reverse()
    return list(zip(starts, ends, strict=True))


def _spans_to_protect(
    text: str, plan: _Plan, nfc: bool = False
) -> tuple[list[tuple[int, int]], bool]:
    """The protected spans that folding could touch (``[]`` in most text), and whether
    folding could move one (a word with a URL, email or mention also holds a character
    that folds to more or less than one letter, or a joiner).

    Finding URLs costs more than folding, so only space-delimited words that hold both a
    marker and something to fold are handed to the tokenizer (no URL, email or mention
    crosses a space, what one may be glued to lies in its word, and no fold makes a
    marker). Two scans find the words with a marker; each is then searched for a fold.
    `nfc` says the text is known to be NFC.
    """
    words = _marker_word_spans(text)
    if not words:
        return [], False
    # A part of NFC text is NFC: a composition or a reordering needs both of its characters.
    nfc = nfc or unicodedata.is_normalized("NFC", text)
    trigger = plan.trigger.search if plan.trigger is not None else None
    spans: list[tuple[int, int]] = []
    risky = not nfc
    for left, right in words:
        if (
            (trigger is None or trigger(text, left, right) is None)
            and text.find("\u200c", left, right) < 0
            and text.find("\u200d", left, right) < 0
            and (nfc or unicodedata.is_normalized("NFC", text[left:right]))
        ):
            continue  # nothing in the word folds: its URLs need no protection
        word = text[left:right]
        spans.extend((left + s, left + e) for s, e in _protected(word))
        risky = risky or not plan.reshaping.isdisjoint(word) or not _JOINER_SET.isdisjoint(word)
    return spans, risky


_JOINER_SET = frozenset("\u200c\u200d")


def _normalize_once(
    text: str, plan: _Plan, reshaped: list[bool], nfc: bool = False
) -> tuple[str, list[tuple[int, int]]]:
    """Fold the text between protected spans; return it and where those spans now are.

    ``reshaped[0]`` is set when a protected span may have moved (see `_spans_to_protect`);
    `nfc` says the text is known to be NFC (and so is any part of it).
    """
    spans, risky = _spans_to_protect(text, plan, nfc)
    if risky:
        reshaped[0] = True
    if not spans:
        folded = _fold(text, plan, nfc)
    else:
        pieces = []
        pos = 0
        for start, end in spans:
            pieces.append(text[pos:start])
            pos = end
        pieces.append(text[pos:])
        # One fold for all the pieces, joined by a control the text lacks: a few passes over
        # the text instead of a few per piece.
        sep = next((c for c in plan.separators if c not in text), None)
        if sep is not None:
            pieces = _fold(sep.join(pieces), plan, nfc).split(sep)
        else:
            pieces = [_fold(piece, plan, nfc) for piece in pieces]
        out = []
        moved = []
        size = 0
        for piece, (start, end) in zip(pieces[:-1], spans, strict=True):
            out.append(piece)
            out.append(text[start:end])
            size += len(piece)
            moved.append((size, size + end - start))
            size += end - start
        out.append(pieces[-1])
        folded = "".join(out)
        spans = moved
    if plan.tidy_joiners:
        folded = _tidy_joiners(folded, spans)
    return folded, spans


def normalize(text: str, profile: str = "clean", **overrides: str) -> str:
    """Normalise `text` with a profile (``clean``, ``search``, ``fa``, ``ur``) and overrides.

    Each keyword names a fold of `NormalizeConfig` (``diacritics="strip"``,
    ``digits="ascii"``, ``presentation_forms="keep"``...). An unknown profile, option or value
    raises `ValueError` listing the valid ones; any other `str`, however odd, is accepted.

    >>> normalize("مُحَمَّد said ﻻ", diacritics="strip")
    'محمد said لا'
    >>> normalize("می\u200c\u200cخواهم \u200c", profile="fa") == "می\u200cخواهم "
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects a str, got {type(text).__name__}")
    try:
        plan = _plan_for(profile, tuple(sorted(overrides.items())) if overrides else ())
    except TypeError:  # an unhashable option value: report it like any invalid value
        normalize_config(profile, **{k: str(v) for k, v in overrides.items()})
        raise
    # The common case: nothing to fold and already NFC -> one search that finds nothing.
    if (
        (plan.trigger is None or not plan.trigger.search(text))
        and (not plan.tidy_joiners or not _untidy_joiner().search(text))
        and unicodedata.is_normalized("NFC", text)
    ):
        return text
    if len(text) > _LONG and "\n" in text:
        return _normalize_lines(text, plan)
    if _marker_words()[0].search(text) is None:
        # No word with a URL, email or mention marker (most lines): nothing to protect, and
        # no fold makes a marker, so one fold and one tidy are all `_normalize_text` would do.
        folded = _fold(text, plan)
        return _tidy_joiners(folded, []) if plan.tidy_joiners else folded
    return _normalize_text(text, plan)


#: Text longer than this is normalised line by line, only where a line has work to do.
_LONG = 2048


def _normalize_text(text: str, plan: _Plan, nfc: bool = False) -> str:
    reshaped = [False]
    result, moved = _normalize_once(text, plan, reshaped, nfc)
    for _ in range(4):
        # Removing characters can move a URL/mention edge (a removed control glues a letter
        # to "@x"). Where the spans found in the result are where the pass put them, every
        # stretch between them is folded already: a fixed point. (Needed only where a word
        # with a URL or mention also held a fold that is not one letter for one letter.)
        if not reshaped[0] or result == text or _spans_to_protect(result, plan)[0] == moved:
            break
        text = result
        reshaped[0] = False
        result, moved = _normalize_once(text, plan, reshaped)
    return result


def _normalize_lines(text: str, plan: _Plan) -> str:
    """Normalise each ``\n``-line that has something to fold; copy the others.

    Normalisation is line-local: no URL, email or mention crosses a line feed (White_Space),
    and no composition or mark reordering crosses one (a starter), so a long text gives the
    same result as its lines one by one, for the cost of a few scans that find little.
    """
    if not unicodedata.is_normalized("NFC", text):
        return "\n".join(_normalize_line(line, plan) for line in text.split("\n"))
    # The lines with work to do: one search per such line, none per character found.
    most = text.count("\n") // 4
    found: set[tuple[int, int]] = set()
    patterns = [plan.trigger] if plan.trigger is not None else []
    if plan.tidy_joiners:
        patterns.append(_untidy_joiner())
    size = len(text)
    for pattern in patterns:
        pos = 0
        while (match := pattern.search(text, pos)) is not None:
            hit = match.start()
            end = text.find("\n", hit)
            end = size if end < 0 else end
            found.add((text.rfind("\n", 0, hit) + 1, end))
            if len(found) > most:
                # Work on most lines: one pass over the whole text costs less than one per line.
                return _normalize_text(text, plan, nfc=True)
            pos = end + 1
    lines = sorted(found)
    out = []
    pos = 0
    for start, end in lines:
        out.append(text[pos:start])
        out.append(_normalize_text(text[start:end], plan, nfc=True))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _normalize_line(line: str, plan: _Plan) -> str:
    if (
        (plan.trigger is None or not plan.trigger.search(line))
        and (not plan.tidy_joiners or not _untidy_joiner().search(line))
        and unicodedata.is_normalized("NFC", line)
    ):
        return line
    return _normalize_text(line, plan)


def config_dict(config: NormalizeConfig) -> dict[str, Any]:
    """The options of `config` as a plain dict (for ``--explain`` and JSON).

    >>> config_dict(normalize_config("fa"))["kaf"]
    'persian'
    """
    return asdict(config)
