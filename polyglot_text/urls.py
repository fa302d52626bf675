"""Find URLs in mixed Arabic/English text.

`url_spans()` is the one URL finder of the package: `tokens()`, `segments()` and
`find_urls()` all call it, so they always agree on where a URL starts and ends.

>>> text = "وزير الخارجية الإيرانيhttp://hamas.ps/ar/post/7769/ today"
>>> [text[s:e] for s, e in url_spans(text)]
['http://hamas.ps/ar/post/7769/']
"""

from __future__ import annotations

import functools

import regex

# Characters that may end a URL candidate but are trimmed from its end (sentence
# punctuation of Latin and Arabic script, closing quotes, bidi marks).
_TRAILING = ".,:;!?'\"\u060c\u061b\u061f\u06d4\u00bb\u201d\u2019\u200e\u200f\u061c)]}"
_PAIRS = {")": "(", "]": "[", "}": "{"}


@functools.cache
def _url_candidate() -> regex.Pattern[str]:
    # A scheme or ``www.`` may be glued to a preceding letter of any script
    # (``الإيرانيhttp://``), so no word-boundary is required before it.
    return regex.compile(
        r"""
        (?:(?i:https?|ftp)://|(?<![\p{L}\p{N}_.-])(?i:www)\.)
        [^\s<>"\u00ab\u00bb\u201c\u201d\u2066-\u2069\u202a-\u202e]+
        """,
        regex.VERBOSE | regex.V1,
    )


def _trim(text: str, start: int, end: int) -> int:
    """Move `end` left past trailing punctuation, keeping balanced closing brackets."""
    while end > start and text[end - 1] in _TRAILING:
        closer = text[end - 1]
        opener = _PAIRS.get(closer)
        if opener is not None:
            body = text[start : end - 1]
            if body.count(opener) > body.count(closer):
                break
        end -= 1
    return end


def url_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets (Python `str` indices) of every URL in `text`, in order.

    >>> url_spans("see www.example.com، و (http://a.b/c_(d)).")
    [(4, 19), (24, 40)]
    """
    if "://" not in text and "www." not in text and "WWW." not in text:
        return []
    spans: list[tuple[int, int]] = []
    for match in _url_candidate().finditer(text):
        start, end = match.span()
        end = _trim(text, start, end)
        scheme_end = text.find("://", start, end)
        body_start = scheme_end + 3 if scheme_end >= 0 else start + 4
        if end > body_start:
            spans.append((start, end))
    return spans
