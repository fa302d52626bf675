"""`clean()`: the CLI's cleaning pipeline as an ordered list of named ``str -> str`` steps.

1. ``fix_mojibake``: undo wrong decoding (`polyglot_text.mojibake`);
2. ``repair_visual`` (off by default): text stored in visual order (old PDFs) put back in
   logical order (`polyglot_text.display`);
3. ``normalize``: a profile of character folds (`polyglot_text.normalize`; bidi controls go
   here, so "Trojan Source" reordering cannot survive cleaning);
4. ``split_urls``: a URL glued to a word (``الإيرانيhttp://...``) gets a space before it;
5. ``tidy_whitespace``: no run of spaces, no space at a line end; line breaks, tabs and
   indentation kept.

Each step is cheap on text it does not change (one regex search that finds nothing).
`clean_and_explain` names the steps that changed the text; `replay` applies named steps, and
gives the same result.

>>> clean("وفد حماس  إلى طهرانhttp://hamas.ps/ar/  \\nط§ظ„ط¹ط±ط¨ظٹط©\u202e ﻻ ")
'وفد حماس إلى طهران http://hamas.ps/ar/\\nالعربية لا'
>>> clean_and_explain("ÇáÚÑÈíÉ  ")
('العربية', ['fix_mojibake (windows-1256 read as latin-1/windows-1252)', 'tidy_whitespace'])
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .mojibake import fix_mojibake_and_explain
from .normalize import FOLDS, PROFILES, normalize, normalize_config

__all__ = ["STEPS", "CleanConfig", "clean", "clean_and_explain", "clean_config", "replay"]


@dataclass(frozen=True)
class CleanConfig:
    """Options of `clean()`; the defaults are what ``polyglot-text clean`` does.

    Every option of `normalize()` (``diacritics="strip"``...) is accepted too and kept in
    `folds`, applied on top of `profile`.
    """

    #: Repair mojibake first: damaged text would otherwise be "normalised" as Latin letters.
    mojibake: bool = True
    #: Put visual-order text back in logical order; off because only some sources need it
    #: and the check costs time.
    repair_visual: bool = False
    #: The `normalize()` profile: ``clean`` is lossless for meaning.
    profile: str = "clean"
    #: Fold overrides on top of `profile`, as sorted ``(option, value)`` pairs.
    folds: tuple[tuple[str, str], ...] = field(default=())
    #: Put a space before a URL glued to a word, so tokenizers and people see both.
    split_urls: bool = True
    #: Collapse runs of spaces and drop spaces at line ends (line breaks and tabs kept).
    whitespace: bool = True


_FLAGS = ("mojibake", "repair_visual", "split_urls", "whitespace")


def clean_config(**options: Any) -> CleanConfig:
    """Collect `clean()` options into a `CleanConfig`; `ValueError` lists the valid ones.

    >>> clean_config(profile="search", digits="keep").folds
    (('digits', 'keep'),)
    >>> clean_config(colour="red")
    Traceback (most recent call last):
    ...
    ValueError: unknown clean option 'colour'; valid options: mojibake, repair_visual, profile, split_urls, whitespace, or a normalize fold: presentation_forms, bidi_controls, bidi_marks, bom, tatweel, diacritics, alef, alef_maksura, teh_marbuta, heh, yeh, kaf, digits, zwnj
    """
    config = CleanConfig()
    values: dict[str, Any] = {}
    folds: dict[str, str] = {}
    for name, value in options.items():
        if name in _FLAGS:
            if not isinstance(value, bool):
                raise ValueError(f"clean option {name} must be True or False, got {value!r}")
            values[name] = value
        elif name == "profile":
            if value not in PROFILES:
                raise ValueError(
                    f"unknown profile {value!r}; valid profiles: {', '.join(PROFILES)}"
                )
            values[name] = value
        elif name in FOLDS:
            folds[name] = value
        else:
            valid = [f.name for f in fields(config) if f.name != "folds"]
            raise ValueError(
                f"unknown clean option {name!r}; valid options: {', '.join(valid)}, "
                f"or a normalize fold: {', '.join(FOLDS)}"
            )
    normalize_config(values.get("profile", "clean"), **folds)  # validates fold values
    return replace(config, **values, folds=tuple(sorted(folds.items())))


# --- the steps ---------------------------------------------------------------------------------


def _fix_mojibake(text: str, config: CleanConfig) -> tuple[str, str]:
    fixed, repairs = fix_mojibake_and_explain(text)
    return fixed, ", ".join(repairs)


def _repair_visual(text: str, config: CleanConfig) -> tuple[str, str]:
    display = importlib.import_module("polyglot_text.display")  # heavy: loaded on first use
    out = []
    for line in text.split("\n"):  # one decision per line, as everywhere in the pipeline
        if line and display.looks_visual(line) >= display.VISUAL_THRESHOLD:
            line = str(display.to_logical(line))
        out.append(line)
    fixed = "\n".join(out)
    return fixed, "visual order" if fixed != text else ""


def _normalize(text: str, config: CleanConfig) -> tuple[str, str]:
    out = normalize(text, config.profile, **dict(config.folds))
    if out == text:
        return text, ""
    detail = [f"profile={config.profile}", *(f"{k}={v}" for k, v in config.folds)]
    return out, ", ".join(detail)


@functools.cache
def _glued_url_hint() -> re.Pattern[str]:
    # A letter, digit or mark right before "http://", "https://", "ftp://" or "www." (any
    # case): one class scan for ":" and ".", a one-character lookbehind that turns away
    # nearly all of them (sentence ends, times, ratios), then fixed-width lookbehinds.
    return re.compile(
        r"(?::(?<=[sp]:)|\.(?<=w\.))"
        r"(?:(?<=[^\W_]https:)|(?<=[^\W_]http:)|(?<=[^\W_]ftp:)|(?<=[^\W_]www\.))",
        re.IGNORECASE,
    )


@functools.cache
def _domain_dot() -> re.Pattern[str]:
    return re.compile(r"\.(?=[A-Za-z])")


@functools.cache
def _arabic_glued_domain() -> Any:
    # An Arabic-script letter right before an ASCII domain ("نعمexample.com"). `regex`, for
    # its variable-length lookbehind: the scan looks at dots only, not at every letter.
    import regex

    return regex.compile(r"\.(?=[A-Za-z])(?<=[\u0600-\u06ff][A-Za-z0-9-]+\.)")


def _glued_url_hits(text: str) -> list[int]:
    """Where a URL may be glued to a word: the only shapes that can be. Most text has
    none, and costs a few scans that find nothing."""
    hits = [m.start() for m in _glued_url_hint().finditer(text)]
    if _domain_dot().search(text):
        hits += [m.start() for m in _arabic_glued_domain().finditer(text)]
    return hits


def _on_lines(text: str, hits: list[int], func: Callable[[str], str]) -> str:
    """Apply `func` to each ``\n``-line holding a hit (every step is line-local)."""
    if not hits:
        return text
    if "\n" not in text:
        return func(text)
    out = []
    pos = 0
    for hit in sorted(hits):
        if hit < pos:
            continue
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        out.append(text[pos:start])
        out.append(func(text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _split_urls(text: str, config: CleanConfig) -> tuple[str, str]:
    out = _on_lines(text, _glued_url_hits(text), _split_line_urls)
    if out == text:
        return text, ""
    # A split can free a word from an email or mention it was glued to: normalise it too.
    return _normalize(out, config)[0], ""


def _split_line_urls(text: str) -> str:
    from .urls import url_spans

    for _ in range(4):  # a split can reveal another glued URL ("نعمa.orgHTTP://x")
        out = []
        pos = 0
        for start, _end in url_spans(text):
            if start > 0 and (text[start - 1].isalnum() or _is_mark(text[start - 1])):
                out.append(text[pos:start])
                out.append(" ")
                pos = start
        if not out:
            break
        out.append(text[pos:])
        text = "".join(out)
    return text


def _is_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char).startswith("M")


# Horizontal spaces (Unicode Space_Separator, i.e. not tabs or line breaks).
_ZS = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


@functools.cache
def _untidy() -> re.Pattern[str]:
    # Spaces and tabs before a line end; two or more spaces after a visible character
    # (indentation at the start of a line is kept).
    return re.compile(f"[{_ZS}\\t]+(?=\\r?\\n|\\r|\\Z)|(?<=\\S)[{_ZS}]{{2,}}")


@functools.cache
def _rare_space() -> re.Pattern[str]:
    # A space other than U+0020 next to another space or at a line end (a lone no-break
    # space between words is fine); class first, so text without one is skipped fast.
    rare = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
    return re.compile(f"[{rare}](?:(?<=[{_ZS}\\t][{rare}])|(?=[{_ZS}\\t\\r\\n]|\\Z))")


def _untidy_hits(text: str) -> list[int]:
    # Substring searches run at memory speed; only a space other than U+0020 needs a regex.
    hits = []
    needles = ["  ", " \n"]
    if "\t" in text:  # one memchr-speed check instead of a search per tab needle
        needles.append("\t\n")
    if "\r" in text:
        needles += [" \r", "\t\r"]
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            hits.append(at)
            at = text.find(needle, text.find("\n", at) + 1 or len(text))
    if text.endswith((" ", "\t")):
        hits.append(len(text) - 1)
    hits += [m.start() for m in _rare_space().finditer(text)]
    return hits


def _tidy_line(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        end = match.end()
        if end == len(text) or text[end] in "\r\n":
            return ""
        return " "

    return _untidy().sub(repl, text)


def _tidy_whitespace(text: str, config: CleanConfig) -> tuple[str, str]:
    return _on_lines(text, _untidy_hits(text), _tidy_line), ""


Step = Callable[[str, CleanConfig], tuple[str, str]]

#: The steps in order: name -> (function, the `CleanConfig` flag that turns it on or None).
STEPS: dict[str, tuple[Step, str | None]] = {
    "fix_mojibake": (_fix_mojibake, "mojibake"),
    "repair_visual": (_repair_visual, "repair_visual"),
    "normalize": (_normalize, None),
    "split_urls": (_split_urls, "split_urls"),
    "tidy_whitespace": (_tidy_whitespace, "whitespace"),
}


def _check(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"clean() expects a str, got {type(text).__name__}")
    return text


def _run(text: str, config: CleanConfig, steps: list[str] | None) -> str:
    for name, (step, flag) in STEPS.items():
        if flag is not None and not getattr(config, flag):
            continue
        out, detail = step(text, config)
        if steps is not None and out != text:
            steps.append(f"{name} ({detail})" if detail else name)
        text = out
    return text


def clean(text: str, **options: Any) -> str:
    """Clean `text`: mojibake -> normalise (profile ``clean``) -> split glued URLs -> tidy
    whitespace. Options: see `CleanConfig`, plus any `normalize()` fold.

    >>> clean("ﻣﺮﺣﺒﺎ   world ", profile="search")
    'مرحبا world'
    """
    return _run(_check(text), _config(options), None)


def clean_and_explain(text: str, **options: Any) -> tuple[str, list[str]]:
    """`clean()`, plus the names of the steps that changed the text, in order (with what
    they did in parentheses). ``replay(text, steps)`` gives the same result.

    >>> clean_and_explain("ط³ظ„ط§ظ…\u202e")
    ('سلام', ['fix_mojibake (utf-8 read as windows-1256)', 'normalize (profile=clean)'])
    """
    steps: list[str] = []
    return _run(_check(text), _config(options), steps), steps


def replay(text: str, steps: Iterable[str], **options: Any) -> str:
    """Apply the named `steps` (as `clean_and_explain` lists them) to `text`, in order.

    >>> replay("a  b", ["tidy_whitespace"])
    'a b'
    """
    config = _config(options)
    for entry in steps:
        name = entry.split(" (", 1)[0]
        if name not in STEPS:
            raise ValueError(f"unknown clean step {name!r}; valid steps: {', '.join(STEPS)}")
        text = STEPS[name][0](text, config)[0]
    return text


def _config(options: dict[str, Any]) -> CleanConfig:
    if not options:
        return _DEFAULT
    try:
        return _cached_config(tuple(sorted(options.items(), key=lambda kv: kv[0])))
    except TypeError:  # an unhashable value: validate without the cache (raises ValueError)
        return clean_config(**options)


@functools.lru_cache(maxsize=64)
def _cached_config(options: tuple[tuple[str, Any], ...]) -> CleanConfig:
    return clean_config(**dict(options))


_DEFAULT = CleanConfig()
