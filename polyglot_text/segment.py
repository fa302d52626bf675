"""Tokens and language segments of mixed Arabic-script / Latin text, with exact offsets.

Offsets are Python `str` indices into the very string the caller passed: for every token and
segment ``text[x.start:x.end] == x.text``, and the segments of a text concatenate back to it.

>>> text = "He said وفد حماس إلى طهران today http://hamas.ps/ar/"
>>> [(s.kind, s.lang, s.text) for s in segments(text)]  # doctest: +NORMALIZE_WHITESPACE
[('text', 'en', 'He said'), ('space', None, ' '), ('text', 'ar', 'وفد حماس إلى طهران'),
 ('space', None, ' '), ('text', 'en', 'today'), ('space', None, ' '),
 ('url', None, 'http://hamas.ps/ar/')]
"""

from __future__ import annotations

import contextlib
import functools
import gc
import operator
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from . import langid
from .chars import ARABIC_LETTER, DIGIT, JOINER, LATIN_LETTER, NUMBER_SEPARATOR, TATWEEL, script_of
from .urls import url_spans

__all__ = ["SEGMENT_KINDS", "TOKEN_KINDS", "Segment", "Token", "letter_count", "segments", "tokens"]

#: Kinds of `Token`.
TOKEN_KINDS = ("word", "url", "email", "mention", "hashtag", "number", "space", "punct", "symbol")
#: Kinds of `Segment`: a ``text`` segment is a run of one language; the rest as in tokens.
SEGMENT_KINDS = ("text", "url", "email", "mention", "hashtag", "number", "space", "punct", "symbol")


class Token(NamedTuple):
    """One token: ``text == source[start:end]``; `script` is an ISO 15924 code.

    An immutable named tuple (``start, end, text, kind, script = token`` works;
    ``token._asdict()`` gives a dict).

    >>> next(tokens("حماس"))
    Token(start=0, end=4, text='حماس', kind='word', script='Arab')
    """

    start: int
    end: int
    text: str
    kind: str
    script: str


class Segment(NamedTuple):
    """A maximal run of one language (``kind="text"``), or a URL, email, mention, hashtag,
    or the number/space/punct/symbol material between runs of different languages.

    `lang` is an ISO 639-1 code (langdetect's codes) for text, mention and hashtag segments
    whose script has a candidate language, else None. `script` is an ISO 15924 code;
    `direction` is ``"rtl"``, ``"ltr"`` or ``"neutral"``. An immutable named tuple, so that
    `segments()` can build them by the ten thousand per MB without a Python call each
    (``seg._asdict()`` gives a dict).

    >>> segments("سلام")[0].direction
    'rtl'
    """

    start: int
    end: int
    text: str
    kind: str
    lang: str | None
    script: str
    direction: str


#: ``_new_segment(fields)`` and ``_new_token(fields)``: the C constructor of the tuple type,
#: without the Python-level ``__new__`` that named tuples add for keyword arguments.
_new_segment: Callable[[tuple[int, int, str, str, str | None, str, str]], Segment] = (
    functools.partial(tuple.__new__, Segment)
)
_new_token: Callable[[tuple[int, int, str, str, str]], Token] = functools.partial(
    tuple.__new__,
    Token,
)


# --- the scanners, built from named classes, compiled once on first use --------------------

_AL = ARABIC_LETTER
_LL = LATIN_LETTER
_ARABIC_WORD = (
    rf"(?:{_AL}|{TATWEEL})(?:{_AL}|\p{{M}}|{TATWEEL}|{JOINER}(?=[\p{{M}}{TATWEEL}]*{_AL}))*+"
)
_LATIN_WORD = rf"{_LL}(?:{_LL}|\p{{M}}|['\u2019](?={_LL}))*+"
_OTHER_LETTER = r"[\p{L}--[\p{Script=Latin}\p{Script=Arabic}\u0640]]"
_OTHER_WORD = rf"(?:{_OTHER_LETTER}\p{{M}}*+)++"
_NUMBER = rf"{DIGIT}++(?:{NUMBER_SEPARATOR}{DIGIT}++)*+"
_WORDCHAR = r"[\p{L}\p{M}\p{N}_]"
_EMAIL = (
    r"(?<![\p{L}\p{M}\p{N}._%+-])[\p{L}\p{M}\p{N}._%+-]++@"
    r"(?:[\p{L}\p{M}\p{N}-]++\.)++\p{L}{2,}(?![\p{L}\p{M}\p{N}-])"
)
_MENTION = rf"(?<![\p{{L}}\p{{M}}\p{{N}}_@＠])[@＠]{_WORDCHAR}++"
_HASHTAG = (
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}_&#＃])[#＃](?=[\p{{N}}_]*+\p{{L}})"
    rf"(?:{_WORDCHAR}|{TATWEEL}|{JOINER}(?=[\p{{L}}\p{{M}}]))++"
)


@functools.cache
def _token_scanner() -> regex.Pattern[str]:
    # The alternatives start with disjoint classes of characters (but the last, which takes
    # anything), so their order changes no match: the commonest come first.
    return regex.compile(
        rf"""
        (?P<Latn>{_LATIN_WORD})
        |(?P<space>\s++)
        |(?P<Arab>{_ARABIC_WORD})
        |(?P<punct>\p{{P}})
        |(?P<number>{_NUMBER})
        |(?P<other>{_OTHER_WORD})
        |(?P<symbol>\X)
        """,
        regex.VERBOSE | regex.V1,
    )


@functools.cache
def _email_pattern() -> regex.Pattern[str]:
    return regex.compile(_EMAIL, regex.V1)


@functools.cache
def _email_local_reversed() -> regex.Pattern[str]:
    # Matched backwards from an ``@``: the local part that ends there.
    return regex.compile(r"(?r)[\p{L}\p{M}\p{N}._%+-]++", regex.V1)


@functools.cache
def _tag_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?P<mention>{_MENTION})|(?P<hashtag>{_HASHTAG})", regex.V1)


@functools.cache
def _sigil_pattern() -> re.Pattern[str]:
    # stdlib `re`: it scans for a class five times faster than `regex`.
    return re.compile(r"[@#＠＃]")


def _email_spans(text: str) -> list[tuple[int, int, str]]:
    """Emails, found from their ``@`` only: scanning every position for a local part is slow."""
    found: list[tuple[int, int, str]] = []
    local = _email_local_reversed()
    email = _email_pattern()
    last = 0
    at = text.find("@")
    while at != -1:
        back = local.match(text, last, at)
        if back is not None:
            match = email.match(text, back.start())
            if match is not None:
                found.append((match.start(), match.end(), "email"))
                last = match.end()
                at = text.find("@", last)
                continue
        at = text.find("@", at + 1)
    return found


@functools.cache
def _neutral_scanner() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?P<space>\s++)|(?P<number>{_NUMBER})|(?P<punct>\p{{P}}++)|(?P<symbol>[^\s\p{{Nd}}\p{{P}}]++)",
        regex.V1,
    )


def _split_neutrals(gap: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(
        (m.start(), m.end(), m.lastgroup or "symbol") for m in _neutral_scanner().finditer(gap)
    )


_neutral_parts = functools.lru_cache(maxsize=4096)(_split_neutrals)


#: The kind of each one-character gap seen so far (filled by `_neutral_kind`).
_NEUTRAL_KINDS: dict[str, str] = {}


def _neutral_kind(char: str) -> str:
    match = _neutral_scanner().match(char)
    kind = (match.lastgroup if match else None) or "symbol"
    if len(_NEUTRAL_KINDS) < 4096:
        _NEUTRAL_KINDS[char] = kind
    return kind


@functools.cache
def _letter_pattern() -> regex.Pattern[str]:
    return regex.compile(r"[\p{L}--[\p{Script=Common}\p{Script=Inherited}]]", regex.V1)


def letter_count(text: str) -> int:
    """How many letters with a script of their own `text` holds (tatweel, marks not counted).

    >>> letter_count("وفد حماس 2017 Hamas")
    12
    """
    # Letters of Arabic, Latin or any other script of their own: classes A, L and O of the
    # class string (A also holds tatweel, a Common-script letter, taken out again).
    classes = _classes(text)
    letters = len(classes) - classes.count("N") - classes.count("M") - classes.count("B")
    return letters - text.count(TATWEEL)


def _check_text(text: object, func: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{func}() expects a str, got {type(text).__name__}")
    return text


_SCRIPT_DIRECTION = {"Arab": "rtl", "Latn": "ltr"}


def _direction(text: str) -> str:
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in ("R", "AL"):
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "neutral"


def _first_letter_script(text: str) -> str:
    match = _letter_pattern().search(text)
    return script_of(match.group()) if match else "Zyyy"


def special_spans(text: str) -> list[tuple[int, int, str]]:
    """URLs, emails, mentions and hashtags of `text` as ``(start, end, kind)``, in order.

    URLs come from the one URL finder (`polyglot_text.urls.url_spans`). Where a URL and an
    email overlap, the one that starts first wins (``http://user@host.com`` is a URL,
    ``info@www.example.com`` an email).

    >>> special_spans("@hamas_info #غزة mail a@b.org www.x.com")
    [(0, 11, 'mention'), (12, 16, 'hashtag'), (22, 29, 'email'), (30, 39, 'url')]
    """
    found = [(s, e, "url") for s, e in url_spans(text)]
    if "@" in text:
        found += _email_spans(text)
        found.sort(key=lambda span: (span[0], -span[1]))
    spans: list[tuple[int, int, str]] = []
    last = 0
    for start, end, kind in found:
        if start < last and kind == "url" and spans[-1][2] == "email":
            # A URL glued to an email ("a@x.orghttp://x.com"): the email ends where the URL
            # starts if what is left of it is still an email.
            email_start = spans[-1][0]
            match = _email_pattern().fullmatch(text, email_start, start)
            if match is not None:
                spans[-1] = (email_start, start, "email")
                last = start
        if start >= last:
            spans.append((start, end, kind))
            last = end
    if "@" in text or "#" in text or "＃" in text or "＠" in text:
        tags: list[tuple[int, int, str]] = []
        tag = _tag_pattern()
        # One scan for sigils; a tag is matched only outside the URLs and emails, and ends
        # before the next one.
        ends = [(end, start) for start, end, _kind in spans]
        ends.append((len(text) + 1, len(text)))
        k = pos = 0
        for sigil in _sigil_pattern().finditer(text):
            at = sigil.start()
            if at < pos:
                continue
            while ends[k][0] <= at:
                k += 1
            if ends[k][1] <= at:  # inside a URL or email
                continue
            match = tag.match(text, at, ends[k][1])
            if match is not None:
                tags.append((at, match.end(), match.lastgroup or "mention"))
                pos = match.end()
        if tags:
            spans = sorted(spans + tags)
    return spans


def tokens(text: str) -> Iterator[Token]:
    """Split `text` into tokens: word, url, email, mention, hashtag, number, space, punct, symbol.

    A word is a run of letters of one script (with its combining marks; ZWNJ/ZWJ inside an
    Arabic-script word; an apostrophe inside a Latin word). A URL glued to a preceding word
    is its own token. `script` is the ISO 15924 code of the token's letters (``Zyyy`` for
    ASCII digits, spaces and common punctuation and for URLs and emails).

    >>> [(t.kind, t.text) for t in tokens("الإيرانيhttp://hamas.ps/ar/ #می‌خواهم")]
    [('word', 'الإيراني'), ('url', 'http://hamas.ps/ar/'), ('space', ' '), ('hashtag', '#می\u200cخواهم')]
    """
    _check_text(text, "tokens")
    return _tokens(text)


def _tokens(text: str) -> Iterator[Token]:
    scanner = _token_scanner()
    new = _new_token
    spans = special_spans(text)
    pos = 0
    for start, end, kind in [*spans, (len(text), len(text), "")]:
        if start > pos:
            for match in scanner.finditer(text, pos, start):
                group = match.lastgroup or "symbol"
                value = match.group()
                if group == "Arab" or group == "Latn":
                    yield new((match.start(), match.end(), value, "word", group))
                elif group == "other":
                    yield from _split_other(value, match.start())
                else:
                    yield new((match.start(), match.end(), value, group, script_of(value[0])))
        if kind:
            value = text[start:end]
            script = "Zyyy" if kind in ("url", "email") else _first_letter_script(value)
            yield new((start, end, value, kind, script))
        pos = end


def _split_other(value: str, offset: int) -> Iterator[Token]:
    """Split a word of letters outside Latin/Arabic where its script changes."""
    begin = 0
    current = None
    for i, char in enumerate(value):
        if unicodedata.category(char).startswith("M"):
            continue
        script = script_of(char)
        if current is not None and script != current:
            yield Token(offset + begin, offset + i, value[begin:i], "word", current)
            begin = i
        current = script
    yield Token(offset + begin, offset + len(value), value[begin:], "word", current or "Zyyy")


# --- segments ------------------------------------------------------------------------------


def segments(text: str, *, languages: Iterable[str] | str | None = None) -> list[Segment]:
    """Split `text` into maximal runs of one language, plus URL/email/mention/hashtag segments.

    A ``text`` segment starts and ends with a letter; spaces, digits and punctuation between
    two letters of the same language belong to it, and whatever lies between runs of
    different languages (or next to a URL) becomes ``space``/``number``/``punct``/``symbol``
    segments. ``"".join(s.text for s in segments(t)) == t`` always.

    Languages: the text is split by script; each script's runs are labelled together from
    all of that script's text in `text` (letter evidence, then seeded langdetect restricted to
    the candidates), and a single run is relabelled only when its own letters rule the joint
    label out (an Urdu or Persian quote in Arabic text). `languages` defaults to
    ``("ar", "fa", "ur", "en")``; Latin runs are English when ``en`` is the only Latin
    candidate.

    On a text of `GC_PAUSE_CHARS` (64K) characters or more, Python's cyclic garbage collector
    is paused for the call (segments can form no reference cycle; see `_collector_paused`).

    >>> [(s.kind, s.lang, s.text) for s in segments("Zarif: خواهیم گفت #غزة")]
    [('text', 'en', 'Zarif'), ('punct', None, ':'), ('space', None, ' '), ('text', 'fa', 'خواهیم گفت'), ('space', None, ' '), ('hashtag', 'ar', '#غزة')]
    """
    _check_text(text, "segments")
    candidates = langid.check_languages(languages)
    if not text:
        return []
    if len(text) < GC_PAUSE_CHARS:
        return _segments(text, candidates)
    with _collector_paused():
        return _segments(text, candidates)


def _segments(text: str, candidates: tuple[str, ...]) -> list[Segment]:
    specials = special_spans(text)
    runs, items, classes = _script_runs(text, specials, _line_crossing(candidates))
    labels = _label_runs(text, classes, runs, specials, candidates)
    return _assemble(text, items, labels)


#: `segments()` of a text at least this long runs with the cyclic garbage collector paused
#: (`_collector_paused`).
GC_PAUSE_CHARS = 1 << 16

_PAUSE_LOCK = threading.Lock()
_pause_count = 0
_resume_collector = False


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (`gc`) while a large text is segmented.

    Segments hold only ints and strings, so they can never be part of a reference cycle, but
    the collector cannot know that: it counts the ~26,000 segments per MB of a text as they
    are made, and every collection that runs meanwhile walks them all again (about a fifth of
    the time of `segments()` on a 10 MB text). Reference counting frees memory as usual. The
    collector runs again when the last pause of any thread ends, if it ran before the first.

    >>> import gc
    >>> with _collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    global _pause_count, _resume_collector
    with _PAUSE_LOCK:
        if _pause_count == 0:
            _resume_collector = gc.isenabled()
            gc.disable()
        _pause_count += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pause_count -= 1
            if _pause_count == 0 and _resume_collector:
                gc.enable()


# A run: [start, end, script]; for tags (mention/hashtag) script is of their first letter.
_Run = tuple[int, int, str]


# Character classes of the class string that `_script_runs` scans: ``A`` Arabic-script letter
# (tatweel and presentation forms included), ``L`` Latin letter, ``O`` letter of any other
# script, ``M`` combining mark, ``B`` line break, ``N`` anything else (spaces, digits,
# punctuation, symbols, controls, letters without a script of their own). The same `regex`
# properties as the tokenizer's, so both read one Unicode version.
_CLASS_RUNS = (
    r"(?P<M>\p{M}+)|(?P<B>[\n\r\v\f\x85\u2028\u2029]+)"
    rf"|(?P<A>(?:{TATWEEL}|{ARABIC_LETTER})+)|(?P<L>{LATIN_LETTER}+)"
    r"|(?P<O>[\p{L}--[\p{Script=Arabic}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]]+)"
)


@functools.cache
def _class_pattern() -> regex.Pattern[str]:
    return regex.compile(_CLASS_RUNS, regex.V1)


@functools.cache
def _bmp_class_runs() -> list[tuple[int, int, str]]:
    """The BMP as runs of consecutive code points of one class: ``(first, end, class)``
    (~600 runs for A, L, O, M and B; the rest is N). Built once, ~25 ms."""
    bmp = "".join(map(chr, range(0x10000)))
    return [(m.start(), m.end(), m.lastgroup or "N") for m in _class_pattern().finditer(bmp)]


@functools.cache
def _class_table() -> list[str]:
    """``str.translate`` table for the BMP: code point -> class character.

    A list, not a dict: `str.translate` then indexes it instead of hashing a new int object
    per character (three times faster on Arabic text). Characters beyond the BMP are left
    as they are by `str.translate` and classed by `_astral_class`.
    """
    table = ["N"] * 0x10000
    for start, end, cls in _bmp_class_runs():
        table[start:end] = [cls] * (end - start)
    return table


@functools.lru_cache(maxsize=4096)
def _astral_class(char: str) -> str:
    match = _class_pattern().match(char)
    return (match.lastgroup if match else None) or "N"


@functools.cache
def _non_ascii() -> re.Pattern[str]:
    return re.compile("[^\x00-\x7f]")


def _classes(text: str) -> str:
    """One class character per character of `text` (see `_CLASS_RUNS`)."""
    classes = text.translate(_class_table())
    if not classes.isascii():  # characters beyond the BMP, left as they were
        classes = _non_ascii().sub(lambda m: _astral_class(m.group()), classes)
    return classes


@functools.lru_cache(maxsize=8)
def _line_crossing(candidates: tuple[str, ...]) -> str:
    """The classes (``A``, ``L``) whose runs may run on across line breaks: those of a script
    with at most one candidate language, whose runs all get the same label anyway. Other runs
    end at a line break, so that a line in another language can be relabelled on its own.

    >>> _line_crossing(("ar", "fa", "ur", "en"))
    'L'
    """
    return "".join(
        c
        for c, script in _CLASS_SCRIPT.items()
        if len(langid.languages_for_script(script, candidates)) <= 1
    )


@functools.lru_cache(maxsize=8)
def _class_runs(cross: str = "") -> re.Pattern[str]:
    # Runs of one class of letters with the neutrals and marks between them (stdlib `re` on
    # the ASCII class string: ~150 MB/s); trailing neutrals are trimmed in Python. Runs of
    # the classes in `cross` hold line breaks too.
    return re.compile("|".join(f"{c}[{c}NM{'B' if c in cross else ''}]*" for c in "ALO"))


@functools.lru_cache(maxsize=8)
def _run_scanner(cross: str = "") -> re.Pattern[str]:
    """The script runs read off the text itself: a run of letters of one class (A, L or O)
    with the neutrals and marks between them, up to its last letter and that letter's marks.
    A run ends at a line break, but a run of a class in `cross` (see `_line_crossing`).

    The classes are `re` sets of the BMP code-point ranges of `_bmp_class_runs`, so they are
    the class string's by construction. One scan of the text with the stdlib engine costs
    a third of making the class string and scanning that. A character beyond the BMP counts
    as neutral here, so `_script_runs` uses this scanner only where every such character of
    the text is one (no letter or mark).
    """
    ranges: dict[str, list[str]] = {c: [] for c in "ALOMB"}
    for start, end, cls in _bmp_class_runs():
        if cls in ranges:
            last = end - 1
            ranges[cls].append(f"\\u{start:04x}" + (f"-\\u{last:04x}" if last > start else ""))
    sets = {c: "".join(r) for c, r in ranges.items()}
    # A run: its first letter, then (greedily, backing off to its last letter) the letters of
    # its class and whatever is no letter of another class or line break, then marks. One
    # repeat of a single set is a tight loop in the engine; a repeated group (word, gap,
    # word...) costs more per step.
    other = {
        c: "".join(sets[x] for x in "ALOB" if x != c and (x != "B" or c not in cross))
        for c in "ALO"
    }
    return re.compile(
        "|".join(
            f"(?P<{c}>[{sets[c]}](?:[^{other[c]}]*[{sets[c]}])?[{sets['M']}]*+)" for c in "ALO"
        )
    )


@functools.cache
def _astral() -> re.Pattern[str]:
    return re.compile("[\\U00010000-\\U0010ffff]")


def _astral_chars(text: str) -> set[str]:
    """The distinct characters of `text` beyond the BMP (emoji, mostly)."""
    if text.isascii() or _astral().search(text) is None:
        return set()
    return set(_astral().findall(text))


_CLASS_SCRIPT = {"A": "Arab", "L": "Latn"}


def _script_runs(
    text: str, specials: list[tuple[int, int, str]], cross: str = ""
) -> tuple[list[_Run], list[_Run], str | None]:
    """The script runs of `text` outside `specials`, the runs and specials together in text
    order (a special's third field is its kind), and the class string if it was needed
    (text with letters or marks beyond the BMP). Runs of the classes in `cross` run on
    across line breaks."""
    runs: list[_Run] = []
    items: list[_Run] = []
    astral_letters = any(_astral_class(c) != "N" for c in _astral_chars(text))
    classes = _classes(text) if astral_letters else None
    if classes is None:
        finditer = _run_scanner(cross).finditer
    pos = 0
    for special in [*specials, (len(text), len(text), "")]:
        if special[0] > pos:
            first = len(runs)
            if classes is None:
                for match in finditer(text, pos, special[0]):
                    start, end = match.span()
                    cls = match.lastgroup or "O"
                    script = _CLASS_SCRIPT.get(cls)
                    if script is not None:
                        runs.append((start, end, script))
                    else:
                        runs.extend(_other_runs(text, None, start, end))
            else:
                _class_string_runs(text, classes, pos, special[0], runs, cross)
            items += runs[first:]
        if special[2]:
            items.append(special)
        pos = special[1]
    return runs, items, classes


def _class_string_runs(
    text: str, classes: str, pos: int, end_pos: int, runs: list[_Run], cross: str = ""
) -> None:
    """`_run_scanner`'s runs of ``text[pos:end_pos]``, read off the class string instead."""
    for match in _class_runs(cross).finditer(classes, pos, end_pos):
        start, end = match.span()
        if classes[end - 1] in "NMB":  # trailing neutrals and line breaks: trimmed, marks kept
            match_end = end
            end = start + len(match.group().rstrip("NMB"))
            while end < match_end and classes[end] == "M":
                end += 1
        script = _CLASS_SCRIPT.get(classes[start])
        if script is not None:
            runs.append((start, end, script))
        else:
            runs.extend(_other_runs(text, classes, start, end))


def _other_runs(text: str, classes: str | None, start: int, end: int) -> Iterator[_Run]:
    """Split a run of letters outside Arabic/Latin where the script changes (rare path)."""
    if classes is None:  # the class string of this run only, indexed from `start`
        classes = " " * start + _classes(text[start:end])
    run_start, last_letter_end, current = start, start, ""
    for i in range(start, end):
        if classes[i] != "O":
            continue
        script = script_of(text[i])
        if current and script != current:
            yield run_start, last_letter_end, current
            run_start = i
        current = script
        last_letter_end = i + 1
        while last_letter_end < end and classes[last_letter_end] == "M":
            last_letter_end += 1
    if current:
        yield run_start, last_letter_end, current


def _label_runs(
    text: str,
    classes: str | None,
    runs: list[_Run],
    specials: list[tuple[int, int, str]],
    candidates: tuple[str, ...],
) -> dict[int, str | None]:
    """Label every run and every mention/hashtag (keyed by start offset)."""
    groups: dict[str, list[_Run]] = {}
    for run in runs:
        groups.setdefault(run[2], []).append(run)
    for start, end, kind in specials:
        if kind in ("mention", "hashtag"):
            script = _first_letter_script(text[start:end])
            groups.setdefault(script, []).append((start, end, script))
    labels: dict[int, str | None] = {}
    for script, members in groups.items():
        langs = langid.languages_for_script(script, candidates)
        if len(langs) <= 1:  # nothing to decide (Latin runs when English is the candidate)
            labels.update(dict.fromkeys(map(_first, members), langs[0] if langs else None))
            continue
        texts = [text[start:end] for start, end, _ in members]
        counts = None
        if script == "Arab" and classes is not None:  # letter counts, if the classes are known
            counts = [classes.count("A", s, e) - text.count(TATWEEL, s, e) for s, e, _ in members]
        labels_ = langid.label_runs(texts, langs, letter_counts=counts)
        labels.update(zip(map(_first, members), labels_, strict=True))
    return labels


_first = operator.itemgetter(0)

_SPECIAL_KINDS = frozenset({"url", "email", "mention", "hashtag"})


def _assemble(text: str, items: list[_Run], labels: dict[int, str | None]) -> list[Segment]:
    """The segments: runs merged while their language stays the same, the material between
    runs of different languages split into neutral segments, the specials as they are."""
    out: list[Segment] = []
    append = out.append
    make = _new_segment
    get_label = labels.get
    neutral_kinds = _NEUTRAL_KINDS
    # The text segment being extended: its start, end, language and script.
    p_start = p_end = -1
    p_lang: str | None = None
    p_script = ""
    pos = 0
    for start, end, kind in [*items, (len(text), len(text), "")]:
        is_run = kind and kind not in _SPECIAL_KINDS
        if is_run:
            lang = get_label(start)
            if p_start >= 0 and p_lang == lang and (lang is not None or p_script == kind):
                p_end = end
                continue
        if p_start >= 0:  # the text segment ends
            value = text[p_start:p_end]
            direction = _SCRIPT_DIRECTION.get(p_script) or _direction(value)
            append(make((p_start, p_end, value, "text", p_lang, p_script, direction)))
            pos = p_end
            p_start = -1
        if start > pos:  # the neutral material before this item
            if start == pos + 1:  # the common gap: one space, newline or punctuation mark
                char = text[pos]
                neutral = neutral_kinds.get(char) or _neutral_kind(char)
                append(make((pos, start, char, neutral, None, "Zyyy", "neutral")))
            else:
                gap = text[pos:start]
                # Gaps repeat (", ", ". ", ":\n"...): their split is cached by content.
                parts = _neutral_parts(gap) if start - pos <= 8 else _split_neutrals(gap)
                for rel_start, rel_end, neutral in parts:
                    value = gap[rel_start:rel_end]
                    append(
                        make(
                            (
                                pos + rel_start,
                                pos + rel_end,
                                value,
                                neutral,
                                None,
                                "Zyyy",
                                "neutral",
                            )
                        )
                    )
        if is_run:
            p_start, p_end, p_lang, p_script = start, end, lang, kind
            continue
        if not kind:
            break
        value = text[start:end]
        if kind == "url" or kind == "email":
            append(make((start, end, value, kind, None, "Zyyy", "ltr")))
        else:
            script = _first_letter_script(value)
            append(make((start, end, value, kind, get_label(start), script, _direction(value))))
        pos = end
    return out
