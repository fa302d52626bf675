"""`fix_mojibake()`: undo text decoded with the wrong codec, Arabic-script codecs included.

Three kinds of damage are repaired, each only where the repaired text is clearly better:

1. UTF-8 Arabic/Persian/Urdu decoded as Windows-1256 (``ط§ظ„ط¹ط±ط¨ظٹط©``): every letter
   became a pair whose first half is ط ظ ع غ (lead bytes D8-DB). A run of such pairs is
   re-encoded and decoded as UTF-8; it must decode strictly, to Arabic-script text.
2. Arabic text whose bytes were Windows-1256, ISO-8859-6 or CP720 and were decoded as
   Latin-1 or Windows-1252 (``ÇáÚÑÈíÉ``): a run of three or more Latin-1/Windows-1252
   letters and symbols, with no ASCII letter next to it, is re-encoded and decoded with each
   codec; it is replaced only when it decodes to Arabic-script letters and nothing else.
   ``café``, ``£``, ``—`` and any Latin word never qualify (an accented letter sits next to
   ASCII letters, and Windows-1256 keeps é è à ç... as themselves anyway).
3. UTF-8 decoded as Windows-1252 or Latin-1 (``cafÃ©``, ``Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©``): ftfy's
   `fix_encoding`, configured to change nothing but the encoding (no quote uncurling, no
   HTML unescaping, no width or ligature folding, no normalisation, no U+FFFD insertion).

The common case, clean text, costs one regex search that finds nothing.

>>> fix_mojibake("ط§ظ„ط¹ط±ط¨ظٹط© language")
'العربية language'
>>> fix_mojibake("ÇáÚÑÈíÉ and cafÃ©")
'العربية and café'
>>> fix_mojibake("café £5 — “naïve” ﻻ")
'café £5 — “naïve” ﻻ'
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

__all__ = ["ARABIC_CODECS", "fix_mojibake", "fix_mojibake_and_explain"]

#: Arabic single-byte codecs whose bytes may have been read as Latin-1/Windows-1252, in the
#: order they are tried (most common first).
ARABIC_CODECS = ("cp1256", "iso8859_6", "cp720")
_CODEC_NAMES = {"cp1256": "windows-1256", "iso8859_6": "iso-8859-6", "cp720": "cp720"}


@functools.cache
def _cp1252_images() -> dict[str, int]:
    """Character -> byte for what Windows-1252 (sloppily: C1 controls for its 5 holes) and
    Latin-1 decode bytes 0x80-0xFF to."""
    images = {chr(b): b for b in range(0x80, 0x100)}
    for b in range(0x80, 0xA0):
        with contextlib.suppress(UnicodeDecodeError):
            images[bytes([b]).decode("cp1252")] = b
    return images


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


# ASCII that may sit between damaged characters of one run: anything but letters and line
# breaks (a repair never crosses a line).
_GAP = r"[\x00-\x09\x0e-\x1b\x1f-\x40\x5b-\x60\x7b-\x7f]"


@functools.cache
def _cp1256_utf8_pattern() -> re.Pattern[str]:
    # UTF-8 sequences as Windows-1256 shows them: a lead byte image and its continuation
    # byte images; a run of them (with ASCII spaces, digits, signs between) making up whole
    # words: no letter on either side.
    def img(first: int, last: int) -> str:
        return _class(bytes(range(first, last + 1)).decode("cp1256"))

    cont = img(0x80, 0xBF)
    seq = f"(?:{img(0xC2, 0xDF)}{cont}|{img(0xE0, 0xEF)}{cont}{{2}}|{img(0xF0, 0xF4)}{cont}{{3}})"
    gap = _GAP
    return re.compile(f"(?<![^\\W\\d_]){seq}(?:{gap}*{seq})+(?![^\\W\\d_])|(?P<glued>{seq})")


@functools.cache
def _latin_run_pattern() -> re.Pattern[str]:
    # Three or more Latin-1/Windows-1252 high characters, spaces/digits/ASCII punctuation
    # allowed between them, with no ASCII letter (or other non-ASCII) on either side.
    high = _class("".join(_cp1252_images()))
    gap = _GAP
    return re.compile(
        f"(?<![A-Za-z])(?<!{high}){high}(?:{gap}*{high}){{2,}}(?![A-Za-z])",
    )


@functools.cache
def _utf8_signature() -> re.Pattern[str]:
    # A UTF-8 lead byte as Windows-1252/Latin-1 shows it, then a continuation byte's image.
    images = _cp1252_images()
    cont = _class("".join(c for c, b in images.items() if b < 0xC0))
    return re.compile(f"[\u00c2-\u00f4]{cont}")


def _utf8_signatures(text: str) -> int:
    """How many UTF-8 sequences misread as Windows-1252/Latin-1 `text` shows: the badness
    that a repair by ftfy must lower."""
    return len(_utf8_signature().findall(text))


@functools.cache
def _precheck() -> re.Pattern[str]:
    """Any sign of mojibake: a UTF-8 lead byte image before a continuation byte image
    (Windows-1252/Latin-1 view, or a Windows-1256 view whose continuation is a symbol such as
    ``§ „ … †``: the images of ا ل م ن...), or three Latin-1 high characters in a row (one
    space or ASCII sign allowed between them).

    Written as one character class and then lookbehinds, so that `re` skips through text
    with none of those characters (Arabic, ASCII) at the speed of a class scan.
    """
    images = _cp1252_images()
    high = _class("".join(images))
    cont = _class("".join(c for c, b in images.items() if b < 0xC0))
    symbols = "".join(
        c
        for c in bytes(range(0x80, 0xC0)).decode("cp1256")
        if unicodedata.category(c)[0] in "SPZ" and not unicodedata.name(c, "").startswith("ARABIC")
    )
    first = _class("".join(images) + symbols)
    lead = "[\u00c2-\u00f4]"
    arabic_lead = "[\u0637\u0638\u0639\u063a\u00e2]"  # ط ظ ع غ â: D8-DB, E2 in Windows-1256
    gap = r"[\x20-\x40]?"
    return re.compile(
        f"{first}(?:(?<={lead}{cont})|(?<={arabic_lead}{_class(symbols)})"
        f"|(?<={high}){gap}{high}{gap}{high})"
    )


def _is_arabic_text(text: str, *, symbols: bool = False) -> bool:
    """Arabic-script letters (at least two), marks on letters, neutral punctuation, ASCII
    (and any symbol or digit with `symbols`: emoji in UTF-8 text)."""
    letters = 0
    previous = " "
    for char in text:
        if not char.isascii():
            category = unicodedata.category(char)
            name = unicodedata.name(char, "")
            if category[0] == "L":
                if not name.startswith("ARABIC"):
                    return False
                letters += 1
            elif category[0] == "M":
                if not (unicodedata.category(previous)[0] in "LM" and previous != " "):
                    return False
            elif category in ("Cc", "Co", "Cn", "Cs") or (
                category[0] in "SN"
                and not symbols
                and not name.startswith(("ARABIC", "EXTENDED ARABIC"))
            ):
                return False
        previous = char
    return letters >= 2


def _longest_word(text: str) -> int:
    """Letters in the longest run of letters (marks inside a word do not break it)."""
    best = run = 0
    for char in text:
        category = unicodedata.category(char)[0]
        if category == "L":
            run += 1
            best = max(best, run)
        elif category != "M":
            run = 0
    return best


def _needed(run: str) -> int:
    """How long a word the decoded run must hold: Windows-1256 and ISO-8859-6 Arabic letters
    read as Latin-1 are Latin-1 letters; a run mostly of symbols (``© © £``, CP720's images)
    must decode to a real word of three letters, not to scattered single letters."""
    high = [c for c in run if not c.isascii()]
    letters = sum(unicodedata.category(c)[0] == "L" for c in high)
    return 2 if letters * 2 > len(high) else 3


def _to_bytes(text: str) -> bytes | None:
    images = _cp1252_images()
    out = bytearray()
    for char in text:
        code = ord(char)
        if code < 0x80:
            out.append(code)
        else:
            byte = images.get(char)
            if byte is None:
                return None
            out.append(byte)
    return bytes(out)


def _fix_utf8_as_cp1256(text: str, steps: list[str]) -> str:
    runs: list[tuple[int, int, str]] = []
    glued: list[tuple[int, int, str]] = []
    for match in _cp1256_utf8_pattern().finditer(text):
        try:
            fixed = match.group().encode("cp1256").decode("utf-8")
        except UnicodeError:
            continue
        start, end = match.span()
        if match.group("glued") is None:
            if _is_arabic_text(fixed.replace("\u200c", "").replace("\u200d", ""), symbols=True):
                runs.append((start, end, fixed))
        elif unicodedata.category(fixed)[0] == "L" and (
            text[start - 1 : start].isascii() or text[end : end + 1].isascii()
        ):
            # One sequence in a Latin word ("xorؤپki" = xorāki): repaired only along with
            # Arabic runs of the same text, and only into a letter.
            glued.append((start, end, fixed))
    if not runs:
        return text
    _note(steps, "utf-8 read as windows-1256")
    return _splice(text, sorted(runs + glued))


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    out = []
    pos = 0
    for start, end, fixed in edits:
        out.append(text[pos:start])
        out.append(fixed)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _note(steps: list[str], note: str) -> None:
    if note not in steps:
        steps.append(note)


def _fix_arabic_as_latin(text: str, steps: list[str]) -> str:
    runs = list(_latin_run_pattern().finditer(text))
    if not runs:
        return text
    # Decode every run with every codec; the codec under which most runs are Arabic wins for
    # the line (one line has one encoding), the others only where it fails.
    decoded: list[dict[str, str]] = []
    for match in runs:
        raw = _to_bytes(match.group()) or b""
        options: dict[str, str] = {}
        for codec in ARABIC_CODECS if raw else ():
            try:
                fixed = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if _is_arabic_text(fixed) and _longest_word(fixed) >= _needed(match.group()):
                options[codec] = fixed
        decoded.append(options)
    ranked = sorted(ARABIC_CODECS, key=lambda c: -sum(c in options for options in decoded))
    out = []
    pos = 0
    for match, options in zip(runs, decoded, strict=True):
        best = next((c for c in ranked if c in options), None)
        if best is None:
            continue
        codec = best
        _note(steps, f"{_CODEC_NAMES[codec]} read as latin-1/windows-1252")
        out.append(text[pos : match.start()])
        out.append(options[codec])
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


@functools.cache
def _ftfy() -> tuple[Callable[..., Any], Any]:
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=False,  # "Â " is also how a Latin word ending in Â meets a space
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    return ftfy.fix_and_explain, config


def _fix_with_ftfy(text: str, steps: list[str]) -> str:
    fix_and_explain, config = _ftfy()
    try:
        fixed, _plan = fix_and_explain(text, config=config)
    except (UnicodeError, ValueError):  # lone surrogates and the like: leave the text alone
        return text
    if fixed != text and _utf8_signatures(fixed) >= _utf8_signatures(text):
        return text  # not clearly better: ftfy read "Â " as a mangled no-break space...
    if fixed != text:
        # ftfy's own plan (``encode sloppy-windows-1252, decode utf-8``) varies by version;
        # the step is named for what it repairs.
        _note(steps, "utf-8 read as latin-1/windows-1252 (ftfy)")
    return str(fixed)


def fix_mojibake_and_explain(text: str) -> tuple[str, list[str]]:
    """`fix_mojibake`, plus the repairs it made, in order.

    >>> fix_mojibake_and_explain("ط³ظ„ط§ظ… cafÃ©")
    ('سلام café', ['utf-8 read as windows-1256', 'utf-8 read as latin-1/windows-1252 (ftfy)'])
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_mojibake() expects a str, got {type(text).__name__}")
    steps: list[str] = []
    if not _precheck().search(text):
        return text, steps
    # Line by line: a line is repaired on its own evidence, so cleaning a file in one call
    # or line by line gives the same text.
    lines = text.splitlines(keepends=True)
    fixed = [_fix_line(line, steps) if _precheck().search(line) else line for line in lines]
    return "".join(fixed), steps


def _fix_line(text: str, steps: list[str]) -> str:
    for _ in range(3):  # text damaged twice is repaired twice
        before = text
        text = _fix_utf8_as_cp1256(text, steps)
        text = _fix_arabic_as_latin(text, steps)
        if _precheck().search(text):
            text = _fix_with_ftfy(text, steps)
        if text == before or not _precheck().search(text):
            break
    return text


def fix_mojibake(text: str) -> str:
    """Repair text decoded with the wrong codec; leave correct text exactly as it is.

    >>> fix_mojibake("ظ…ط±ط­ط¨ط§ — Ù…Ø±Ø­Ø¨Ø§ — ãÑÍÈÇ")
    'مرحبا — مرحبا — مرحبا'
    """
    return fix_mojibake_and_explain(text)[0]
