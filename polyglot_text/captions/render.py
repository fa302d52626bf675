"""Render a text with its captions: ``inline``, ``html``, ``markdown`` or ``json``.

- ``inline``: ``SEGMENT [CAPTION]``, one space before the bracket. Square brackets inside a
  caption become parentheses and line breaks spaces, so a caption is always `` [...]``
  without brackets inside, right after an Arabic-script letter or mark. Where the input
  itself has such a bracket group after an Arabic-script character that gets no caption
  (``#غزة [1]``), an empty caption `` []`` is put before it. `strip_captions` removes
  exactly one bracket group at each such place, so it gives the input back exactly.
- ``html``: one ``<p dir="auto">`` per input line, all text escaped (and characters HTML
  forbids, such as NUL or lone surrogates, replaced by U+FFFD). Each captioned segment is
  ``<bdi class="pt-seg" dir="rtl" lang="ar">`` (isolated from the LTR text around it), its
  caption right after it in ``<bdi class="pt-cap" dir="ltr" lang="ar-Latn">`` (``en`` for a
  gloss or translation); short segments (`ruby`) instead carry their captions as the
  ``<rt>`` of one ``<ruby>`` per word (or per glossary phrase), so each caption sits over its
  own word. `page_start`/`page_end` wrap fragments into a standalone HTML5 page.
- ``markdown``: the inline form with the caption in italics, ``\\[*caption*\\]``, every
  Markdown special character in the caption backslash-escaped; the rest of the text is
  passed through untouched (it may be Markdown already).
- ``json``: a JSON array, one object per caption (`Caption.as_dict`) per line.

>>> from polyglot_text.captions.model import Caption
>>> cap = Caption(8, 11, "وفد", "ar", "wafd [x]", "translit", "ar-Latn", "ala-lc", ())
>>> print(render("He said وفد today", [cap]))
He said وفد [wafd (x)] today
>>> strip_captions("He said وفد [wafd (x)] today")
'He said وفد today'
>>> print(render("He said وفد today", [cap], style="html", ruby="never"), end="")
<p dir="auto">He said <bdi class="pt-seg" dir="rtl" lang="ar">وفد</bdi> <bdi class="pt-cap" dir="ltr" lang="ar-Latn" data-mode="translit">[wafd [x]]</bdi> today</p>
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Sequence

import regex

from .model import Caption

__all__ = [
    "RUBY_CHOICES",
    "RUBY_MAX_WORDS",
    "STYLES",
    "check_style",
    "page_end",
    "page_start",
    "render",
    "render_html",
    "render_inline",
    "render_json",
    "render_markdown",
    "strip_captions",
]

#: Output styles of `render` (and `polyglot_text.caption`).
STYLES = ("inline", "html", "markdown", "json")
#: ``ruby`` option of the html style: ``auto`` uses ``<ruby>`` for segments of at most
#: `RUBY_MAX_WORDS` words (a caption above a long segment stretches it out of shape).
RUBY_CHOICES = ("auto", "always", "never")
RUBY_MAX_WORDS = 3


def check_style(style: object, ruby: object = "auto") -> None:
    """Raise ValueError for an unknown style or ruby choice, listing the valid ones.

    >>> check_style("pdf")
    Traceback (most recent call last):
    ...
    ValueError: unknown caption style 'pdf'; choose one of: inline, html, markdown, json
    """
    if style not in STYLES:
        raise ValueError(f"unknown caption style {style!r}; choose one of: {', '.join(STYLES)}")
    if ruby not in RUBY_CHOICES:
        raise ValueError(f"unknown ruby choice {ruby!r}; choose one of: {', '.join(RUBY_CHOICES)}")


def render(
    text: str,
    captions: Sequence[Caption],
    *,
    style: str = "inline",
    ruby: str = "auto",
    standalone: bool = False,
    title: str = "Captioned text",
) -> str:
    """Render `text` with `captions` (from `annotate` on the same text) in `style`.

    >>> render("سلام", [], style="json")
    '[]'
    """
    check_style(style, ruby)
    if style == "inline":
        return render_inline(text, captions)
    if style == "markdown":
        return render_markdown(text, captions)
    if style == "json":
        return render_json(captions)
    body = render_html(text, captions, ruby=ruby)
    return page_start(title) + body + page_end() if standalone else body


# --- inline ---------------------------------------------------------------------------------

_BRACKETS = str.maketrans({"[": "(", "]": ")", "\n": " ", "\r": " "})


@functools.cache
def _caption_pattern() -> regex.Pattern[str]:
    # one inline caption: " [" + no brackets or line breaks + "]", after an Arabic-script
    # character (a letter, tatweel, a mark) and its marks
    return regex.compile(r"(?<=[\p{Script=Arabic}\u0640]\p{M}*+) \[[^\[\]\n\r]*+\]", regex.V1)


def _inline_body(caption: str) -> str:
    return caption.translate(_BRACKETS)


def _insertions(text: str, captions: Sequence[Caption]) -> list[tuple[int, str | None]]:
    """Where captions go: ``(offset, caption)``; None marks an empty guard caption."""
    points: dict[int, str | None] = {}
    for match in _caption_pattern().finditer(text):
        points[match.start()] = None
    for cap in captions:
        points[cap.end] = cap.caption
    return sorted(points.items())


def render_inline(text: str, captions: Sequence[Caption]) -> str:
    """``SEGMENT [CAPTION]`` for every caption; see the module docs.

    >>> from polyglot_text.captions.model import Caption
    >>> render_inline("#غزة [1]", [])
    '#غزة [] [1]'
    """
    pieces: list[str] = []
    pos = 0
    for offset, body in _insertions(text, captions):
        pieces.append(text[pos:offset])
        pieces.append(f" [{_inline_body(body or '')}]")
        pos = offset
    pieces.append(text[pos:])
    return "".join(pieces)


def strip_captions(text: str) -> str:
    """Remove the captions that `render_inline` added: the exact input comes back.

    >>> strip_captions("وفد حماس [wafd Ḥamās] [1] and #غزة [] [2]")
    'وفد حماس [1] and #غزة [2]'
    """
    return _caption_pattern().sub("", text)


# --- markdown -------------------------------------------------------------------------------

# Characters with a meaning inside a line in CommonMark or a common extension (GFM tables,
# strikethrough, autolinks; math, highlight, mentions, emoji). Line-start specials (# - + .)
# need no escape: a caption never starts a line.
_MD_SPECIALS = "\\`*_{}[]()<>!|~&$^=@:"


@functools.cache
def _md_escape_table() -> dict[int, str]:
    table = {ord(c): "\\" + c for c in _MD_SPECIALS}
    table.update({ord("\n"): " ", ord("\r"): " "})
    return table


def render_markdown(text: str, captions: Sequence[Caption]) -> str:
    r"""The inline form with each caption in italics, escaped: ``\[*caption*\]``.

    >>> from polyglot_text.captions.model import Caption
    >>> cap = Caption(0, 3, "وفد", "ar", "*wafd*_1", "translit", "ar-Latn", None, ())
    >>> print(render_markdown("وفد.", [cap]))
    وفد \[*\*wafd\*\_1*\].
    """
    pieces: list[str] = []
    pos = 0
    for cap in captions:
        body = " ".join(cap.caption.split()).translate(_md_escape_table())
        pieces.append(text[pos : cap.end])
        if body:
            pieces.append(f" \\[*{body}*\\]")
        pos = cap.end
    pieces.append(text[pos:])
    return "".join(pieces)


# --- json -----------------------------------------------------------------------------------


def render_json(captions: Sequence[Caption]) -> str:
    """A JSON array with one object per caption, one object per line.

    >>> from polyglot_text.captions.model import Caption
    >>> print(render_json([Caption(0, 3, "وفد", "ar", "wafd", "translit", "ar-Latn", "ala-lc", ())]))
    [
    {"start":0,"end":3,"text":"وفد","lang":"ar","caption":"wafd","caption_lang":"ar-Latn","mode":"translit","scheme":"ala-lc","sources":[],"fallback":false,"parts":[]}
    ]
    """
    if not captions:
        return "[]"
    items = [json.dumps(c.as_dict(), ensure_ascii=False, separators=(",", ":")) for c in captions]
    return "[\n" + ",\n".join(items) + "\n]"


# --- html -----------------------------------------------------------------------------------


@functools.cache
def _html_forbidden() -> regex.Pattern[str]:
    # controls other than HTML white space, lone surrogates and noncharacters: parse errors
    return regex.compile(
        r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\p{Cs}\p{Noncharacter_Code_Point}]", regex.V1
    )


def _escape(text: str) -> str:
    return html.escape(_html_forbidden().sub("\ufffd", text), quote=True)


@functools.cache
def _line_breaks() -> regex.Pattern[str]:
    return regex.compile(r"\r\n|\r|\n")


@functools.cache
def _words() -> regex.Pattern[str]:
    return regex.compile(r"\S+")


def _lang_attr(lang: str | None) -> str:
    return lang or "und-Arab"


def _use_ruby(cap: Caption, ruby: str) -> bool:
    if ruby == "always":
        return True
    if ruby == "never":
        return False
    return len(_words().findall(cap.text)) <= RUBY_MAX_WORDS


def _cap_attrs(cap: Caption, lang: str) -> str:
    return f'dir="ltr" lang="{_escape(lang)}" data-mode="{_escape(cap.mode)}"' + (
        ' data-fallback="true"' if cap.fallback else ""
    )


def _part_lang(cap: Caption, kind: str) -> str:
    return f"{cap.lang or 'und'}-Latn" if kind == "translit" else cap.caption_lang


def _ruby(base: str, caption: str, attrs: str) -> str:
    return (
        f'<ruby>{_escape(base)}<rp> [</rp><rt class="pt-cap" {attrs}>'
        f"{_escape(' '.join(caption.split()))}</rt><rp>]</rp></ruby>"
    )


def _aligned(cap: Caption) -> bool:
    """Whether the parts tile the segment in order without overlapping (one per word)."""
    pos = cap.start
    for part in cap.parts:
        if part.start < pos or part.end > cap.end or not part.caption.strip():
            return False
        pos = part.end
    return bool(cap.parts)


def _caption_html(cap: Caption, ruby: str) -> str:
    lang = _lang_attr(cap.lang)
    if _use_ruby(cap, ruby):
        if not _aligned(cap):
            inner = _ruby(cap.text, cap.caption, _cap_attrs(cap, cap.caption_lang))
        else:
            # one <ruby> per word, so that each caption sits over its own word: a single
            # LTR annotation over an RTL base would put the first word's caption over the
            # last word
            pieces: list[str] = []
            pos = cap.start
            for part in cap.parts:
                pieces.append(_escape(cap.text[pos - cap.start : part.start - cap.start]))
                pieces.append(
                    _ruby(part.text, part.caption, _cap_attrs(cap, _part_lang(cap, part.kind)))
                )
                pos = part.end
            pieces.append(_escape(cap.text[pos - cap.start :]))
            inner = "".join(pieces)
        return f'<bdi class="pt-seg" dir="rtl" lang="{lang}">{inner}</bdi>'
    body = _escape(" ".join(cap.caption.split()))
    attrs = _cap_attrs(cap, cap.caption_lang)
    return (
        f'<bdi class="pt-seg" dir="rtl" lang="{lang}">{_escape(cap.text)}</bdi> '
        f'<bdi class="pt-cap" {attrs}>[{body}]</bdi>'
    )


def render_html(text: str, captions: Sequence[Caption], *, ruby: str = "auto") -> str:
    """An HTML fragment: one ``<p dir="auto">`` per non-empty line; see the module docs.

    >>> render_html("a < b\\n\\nc", [])
    '<p dir="auto">a &lt; b</p>\\n<p dir="auto">c</p>\\n'
    """
    check_style("html", ruby)
    caps = sorted(captions, key=lambda c: c.start)
    out: list[str] = []
    pos = index = 0
    for line_end, next_start in _line_ends(text):
        pieces: list[str] = []
        while pos < line_end:
            while index < len(caps) and caps[index].start < pos:
                index += 1
            cap = caps[index] if index < len(caps) else None
            if cap is not None and cap.start == pos and cap.end <= line_end:
                pieces.append(_caption_html(cap, ruby))
                pos = cap.end
                index += 1
                continue
            upto = cap.start if cap is not None and pos < cap.start < line_end else line_end
            pieces.append(_escape(text[pos:upto]))
            pos = upto
        if "".join(pieces).strip():
            out.append('<p dir="auto">' + "".join(pieces) + "</p>\n")
        pos = next_start
    return "".join(out)


def _line_ends(text: str) -> list[tuple[int, int]]:
    """``(end of line content, start of next line)`` for every line of `text`."""
    ends = [(m.start(), m.end()) for m in _line_breaks().finditer(text)]
    if not ends or ends[-1][1] < len(text):
        ends.append((len(text), len(text)))
    return ends


PAGE_STYLE = """\
body { font-family: "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif;
       line-height: 1.9; max-width: 48em; margin: 2em auto; padding: 0 1em; }
.pt-seg { font-size: 1.1em; }
.pt-cap { color: #3a5a78; font-size: 0.85em; font-style: italic; }
rt.pt-cap { font-size: 0.6em; font-style: normal; }
"""


def page_start(title: str = "Captioned text", *, lang: str = "en") -> str:
    """The start of a standalone HTML5 page, up to and including ``<body>``.

    >>> page_start("x").splitlines()[0]
    '<!DOCTYPE html>'
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="polyglot-text">\n'
        f"<title>{_escape(title)}</title>\n<style>\n{PAGE_STYLE}</style>\n</head>\n<body>\n"
    )


def page_end() -> str:
    """The end of a standalone HTML5 page.

    >>> page_end()
    '</body>\\n</html>\\n'
    """
    return "</body>\n</html>\n"
