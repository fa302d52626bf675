"""`find_bidi_issues()`: unbalanced or misleading bidi controls ("Trojan Source", CVE-2021-42574).

Explicit bidi controls (embeddings LRE/RLE, overrides LRO/RLO, their terminator PDF, isolates
LRI/RLI/FSI and their terminator PDI, by ``Bidi_Class``) reorder what a reader *sees* without
changing what a program or an index *reads*. The checker follows the stack of the Unicode
Bidirectional Algorithm (UAX #9, rules X1-X8) one paragraph at a time and reports:

- ``unclosed``: an embedding, override or isolate still open where its paragraph ends (or where a
  PDI closes the isolate around it): everything after it on the line is displayed reordered;
- ``unmatched``: a PDF or PDI with nothing to close (it does nothing, so it hides nothing, but a
  reader cannot tell which control it was meant for);
- ``override``: an override whose scope holds letters of the opposite direction, which it displays
  reversed (``RLO`` + ``txt.exe`` shows as ``exe.txt``);
- ``overflow``: more than 125 levels of nesting, past which UAX #9 ignores controls.

>>> [(i.kind, i.control, i.start) for i in find_bidi_issues("x = 'user\u202e \u2066// admin\u2069 \u2066'")]
[('unclosed', 'RLO', 9), ('override', 'RLO', 9), ('unclosed', 'LRI', 22)]
>>> find_bidi_issues("مرحبا \u2066hello\u2069 world")
[]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["BIDI_CONTROLS", "ISSUE_KINDS", "BidiIssue", "find_bidi_issues"]

#: Kinds of `BidiIssue`.
ISSUE_KINDS = ("unclosed", "unmatched", "override", "overflow")
#: UAX #9's maximum explicit embedding depth.
MAX_DEPTH = 125

_OPENERS = frozenset(("LRE", "RLE", "LRO", "RLO", "LRI", "RLI", "FSI"))
_ISOLATES = frozenset(("LRI", "RLI", "FSI"))
_CLOSERS = frozenset(("PDF", "PDI"))


@functools.cache
def _controls() -> dict[str, str]:
    """Explicit controls (character -> Bidi_Class), from the Unicode data."""
    classes = _OPENERS | _CLOSERS
    return {
        chr(c): unicodedata.bidirectional(chr(c))
        for c in range(0x2000, 0x2070)
        if unicodedata.bidirectional(chr(c)) in classes
    }


#: The explicit bidi formatting characters, character -> ``Bidi_Class`` (U+202A-202E, 2066-2069).
BIDI_CONTROLS = _controls


@functools.cache
def _scanner() -> re.Pattern[str]:
    # Controls and paragraph separators (Bidi_Class B), in one stdlib `re` pass: text without
    # a control costs one search that finds nothing.
    controls = "".join(_controls())
    return re.compile(f"[{controls}\n\r\x1c\x1d\x1e\x85\u2029]")


@functools.cache
def _has_control() -> re.Pattern[str]:
    return re.compile(f"[{''.join(_controls())}]")


@dataclass(frozen=True, slots=True)
class BidiIssue:
    """One suspicious control: ``text[start:end]`` is the control character itself.

    `scope_end` is where its effect stops (the paragraph end or the closing control);
    `control` is its ``Bidi_Class`` (``RLO``, ``PDI``...); `message` says what is wrong.

    >>> find_bidi_issues("a\u202eb")[0].message
    'RLO (U+202E RIGHT-TO-LEFT OVERRIDE) is not closed by a PDF before the end of its paragraph'
    """

    start: int
    end: int
    kind: str
    control: str
    scope_end: int
    message: str


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '?')}"


def _contrary_letters(text: str, start: int, end: int, control: str) -> bool:
    """Whether an override's scope holds a strong letter of the direction it overrides."""
    wanted = ("R", "AL") if control == "LRO" else ("L",)
    return any(unicodedata.bidirectional(c) in wanted for c in text[start:end])


def find_bidi_issues(text: str) -> list[BidiIssue]:
    """Unbalanced or misleading bidi controls of `text`, in order of the control's offset.

    Offsets index `text` itself. An empty list means every embedding, override and isolate
    is closed inside its paragraph and no override reverses letters.

    >>> [(i.kind, i.control) for i in find_bidi_issues("/* \u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */")]
    [('unclosed', 'RLO'), ('override', 'RLO'), ('unclosed', 'LRI')]
    >>> find_bidi_issues("سلام \u202b(English)\u202c")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"find_bidi_issues() expects a str, got {type(text).__name__}")
    if not _has_control().search(text):
        return []
    controls = _controls()
    issues: list[BidiIssue] = []
    stack: list[tuple[str, int]] = []  # (Bidi_Class, offset) of open controls
    overflow = 0

    def close(entry: tuple[str, int], at: int, why: str) -> None:
        control, pos = entry
        char = text[pos]
        if why == _UNCLOSED:
            closer = "PDI" if control in _ISOLATES else "PDF"
            why = f"is not closed by a {closer} before the end of its paragraph"
        if why:
            issues.append(
                BidiIssue(pos, pos + 1, "unclosed", control, at, f"{control} ({_name(char)}) {why}")
            )
        if control in ("LRO", "RLO") and _contrary_letters(text, pos + 1, at, control):
            direction = "left-to-right" if control == "LRO" else "right-to-left"
            issues.append(
                BidiIssue(
                    pos,
                    pos + 1,
                    "override",
                    control,
                    at,
                    f"{control} ({_name(char)}) displays the letters up to offset {at} "
                    f"{direction}, reversing their order",
                )
            )

    for match in _scanner().finditer(text):
        pos = match.start()
        char = match.group()
        control = controls.get(char)
        if control is None:  # paragraph separator: everything still open ends here
            while stack:
                close(stack.pop(), pos, _UNCLOSED)
            overflow = 0
            continue
        if control in _OPENERS:
            if len(stack) >= MAX_DEPTH:
                overflow += 1
                issues.append(
                    BidiIssue(
                        pos,
                        pos + 1,
                        "overflow",
                        control,
                        pos + 1,
                        f"{control} ({_name(char)}) nests deeper than {MAX_DEPTH} levels "
                        "and is ignored by the bidi algorithm",
                    )
                )
                continue
            stack.append((control, pos))
        elif control == "PDF":
            if overflow:
                overflow -= 1
            elif stack and stack[-1][0] not in _ISOLATES:
                close(stack.pop(), pos, "")
            else:
                issues.append(_unmatched(pos, char, control, "embedding or override"))
        else:  # PDI
            if any(entry[0] in _ISOLATES for entry in stack):
                overflow = 0
                while stack[-1][0] not in _ISOLATES:
                    close(stack.pop(), pos, "is cut off by a PDI closing an isolate around it")
                close(stack.pop(), pos, "")
            else:
                issues.append(_unmatched(pos, char, control, "isolate"))
    while stack:
        close(stack.pop(), len(text), _UNCLOSED)
    issues.sort(key=lambda issue: (issue.start, ISSUE_KINDS.index(issue.kind)))
    return issues


_UNCLOSED = "is not closed before the end of its paragraph"


def _unmatched(pos: int, char: str, control: str, what: str) -> BidiIssue:
    return BidiIssue(
        pos, pos + 1, "unmatched", control, pos + 1, f"{control} ({_name(char)}) closes no {what}"
    )
