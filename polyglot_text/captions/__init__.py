"""Captions next to Arabic-script text: a romanisation, word glosses or a translation.

`annotate` finds the Arabic-script segments of a text (`polyglot_text.segments`: a run of
one language, the spaces, digits and punctuation between its words included, never a Latin
word or a URL; and the name of an Arabic-script hashtag or mention, after its ``#``/``@``,
whose ``_`` count as spaces) and captions each one; `caption` renders the text with its captions as
``inline`` text, ``html``, ``markdown`` or ``json``.

Modes, and what each falls back to, word by word, when its source has nothing:

- ``translit``: the romanisation scheme (`scheme`; by default ALA-LC for Arabic and each
  language's own default for Persian and Urdu). Part sources are those the transliteration
  engine reports, in its order: its word ``lexicon``; the ``diacritizer`` (extra
  ``diacritize``); a vowelled form from the Buckwalter lexicon (``gloss-lexicon``, extra
  ``gloss``); its letter ``rules`` (or ``table`` for a lossless scheme). Never fails.
- ``gloss``: the English gloss of each word from Tim Buckwalter's lexicon (``gloss`` extra;
  Arabic segments only, see `polyglot_text.gloss` for how one analysis is chosen) ->
  transliteration of that word.
- ``translate``: the `translator` (`GlossaryTranslator`, `ArgosTranslator` or any callable
  ``list[str] -> list[str]``) -> for a `GlossaryTranslator`, each word no phrase covers, and
  for other translators a segment they return empty or unchanged, is glossed word by word
  from the Buckwalter lexicon when the ``gloss`` extra is installed -> transliterated.

Every `CaptionPart` names its kind and source, and `Caption.fallback` says when a fallback
was used. Arabic punctuation and digits between words become their ASCII forms.

>>> text = "He said وفد حماس إلى طهران today"
>>> glossary = GlossaryTranslator({"وفد حماس": "Hamas delegation", "إلى طهران": "to Tehran"})
>>> print(caption(text, mode="translate", translator=glossary))
He said وفد حماس إلى طهران [Hamas delegation to Tehran] today
>>> [(c.start, c.end, c.lang, c.sources) for c in annotate(text, mode="translate", translator=glossary)]
[(8, 26, 'ar', ('glossary',))]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import regex

from .model import MODES, Caption, CaptionPart
from .render import STYLES, render, strip_captions
from .translators import (
    ArgosTranslator,
    GlossaryError,
    GlossaryTranslator,
    Translator,
    TranslatorUnavailableError,
    as_translator,
    run_translator,
)

__all__ = [
    "MODES",
    "STYLES",
    "ArgosTranslator",
    "Caption",
    "CaptionPart",
    "GlossaryError",
    "GlossaryTranslator",
    "Translator",
    "TranslatorUnavailableError",
    "annotate",
    "caption",
    "strip_captions",
]

#: Default of `min_letters`: a lone Arabic letter in Latin text is noise, not a word.
MIN_LETTERS = 2


def _check_options(text: object, mode: object, min_letters: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"annotate() expects a str, got {type(text).__name__}")
    if mode not in MODES:
        raise ValueError(f"unknown caption mode {mode!r}; choose one of: {', '.join(MODES)}")
    if not isinstance(min_letters, int) or isinstance(min_letters, bool) or min_letters < 1:
        raise ValueError(f"min_letters must be a positive int, got {min_letters!r}")


# --- words and the material between them ------------------------------------------------------


@functools.cache
def _word_pattern() -> regex.Pattern[str]:
    # an Arabic-script word: letters (tatweel included), their marks, ZWNJ/ZWJ inside
    return regex.compile(
        r"[\p{Script=Arabic}\u0640](?:[\p{Script=Arabic}\p{M}\u0640]"
        r"|[\u200c\u200d](?=[\p{Script=Arabic}\p{M}]))*",
        regex.V1,
    )


@functools.cache
def _has_letter() -> regex.Pattern[str]:
    return regex.compile(r"\p{L}", regex.V1)


def _arabic_words(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The Arabic-script words of `text` (not a lone tatweel), offsets shifted by `offset`."""
    return [
        (m.start() + offset, m.end() + offset, m.group())
        for m in _word_pattern().finditer(text)
        if _has_letter().search(m.group())
    ]


_GAP_TABLE = {
    ord("_"): " ",
    ord("،"): ",",
    ord("؛"): ";",
    ord("؟"): "?",
    ord("٪"): "%",
    ord("۔"): ".",
    ord("٫"): ".",
    ord("٬"): ",",
    ord("\u0640"): None,
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
}


@functools.cache
def _gap_cleaner() -> regex.Pattern[str]:
    return regex.compile(r"[\p{Cf}\p{Cc}\p{Cs}\p{M}]+", regex.V1)


def _gap_text(text: str) -> str:
    """The material between two captioned words in Latin punctuation and ASCII digits;
    controls, marks and tatweel dropped (line breaks and tabs become spaces)."""
    if not text:
        return ""
    return (
        _gap_cleaner().sub(lambda m: " " if m.group().isspace() else "", text).translate(_GAP_TABLE)
    )


def _assemble(segment: str, offset: int, parts: Sequence[CaptionPart]) -> str:
    """The caption: each part's caption in place of its words, the material between words
    kept (`_gap_text`), white space collapsed to single spaces."""
    pieces: list[str] = []
    pos = offset
    for part in parts:
        pieces.append(_gap_text(segment[pos - offset : part.start - offset]))
        pieces.append(part.caption)
        pos = part.end
    pieces.append(_gap_text(segment[pos - offset :]))
    return " ".join("".join(pieces).split())


# --- the sources -------------------------------------------------------------------------------


def _gloss_module() -> Any:
    from .. import gloss

    return gloss


class _Translit:
    """Transliterate segments with one scheme (or each language's default), caching the
    resolved scheme per language. The engine (`polyglot_text.translit`) is imported on first
    use; a forced scheme is checked up front."""

    def __init__(self, scheme: str | None, diacritize: bool | None = None) -> None:
        self.forced = scheme
        self.diacritize = diacritize
        self.used: dict[str | None, str] = {}
        self._engine: Any = None
        self._vowelled: Any = None
        if scheme is not None:
            names = self.engine.schemes()
            if scheme not in names:
                raise ValueError(
                    f"unknown transliteration scheme {scheme!r}; choose one of: {', '.join(names)}"
                )

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from .. import translit

            gloss = _gloss_module()
            self._vowelled = gloss.vowelled_form if gloss.gloss_available() else None
            self._engine = translit
        return self._engine

    def scheme_for(self, lang: str | None) -> str:
        if lang not in self.used:
            self.used[lang] = self.forced or str(self.engine.default_scheme_for(lang or "ar"))
        return self.used[lang]

    def parts(self, text: str, offset: int, lang: str | None) -> list[CaptionPart]:
        scheme = self.scheme_for(lang)
        words = self.engine.transliterate_words(
            text,
            scheme,
            lang=lang or "ar",
            vowelled=self._vowelled if (lang or "ar") == "ar" else None,
            diacritize=self.diacritize,
        )
        return [
            CaptionPart(
                w.start + offset, w.end + offset, w.text, w.latin, "translit", str(w.source)
            )
            for w in words
            if w.latin
        ]


def _word_captioner(
    segment: str, offset: int, lang: str | None, translit: _Translit, *, lexicon: bool
) -> Callable[[int, int], list[CaptionPart]]:
    """A function captioning one stretch (a word) of `segment`: its Buckwalter gloss when
    `lexicon` (Arabic segments, ``gloss`` extra installed), else its transliteration, else
    the word as written. The segment is transliterated once, on first need."""
    gloss = _gloss_module()
    use_lexicon = lexicon and (lang or "ar") == "ar" and gloss.gloss_available()
    cache: list[list[CaptionPart]] = []

    def cover(start: int, end: int) -> list[CaptionPart]:
        word = segment[start - offset : end - offset]
        if use_lexicon:
            found = gloss.gloss_word(word)
            if found is not None and found.morphemes:
                return [CaptionPart(start, end, word, found.compact, "gloss", "gloss-lexicon")]
        if not cache:
            cache.append(translit.parts(segment, offset, lang))
        inside = [p for p in cache[0] if p.start < end and p.end > start]
        if inside:
            return inside
        return [CaptionPart(start, end, word, word, "original", "none")]

    return cover


def _gloss_parts(
    segment: str, offset: int, lang: str | None, translit: _Translit
) -> list[CaptionPart]:
    """Gloss each word from the Buckwalter lexicon (Arabic only); transliterate the rest."""
    cover = _word_captioner(segment, offset, lang, translit, lexicon=True)
    parts: list[CaptionPart] = []
    for start, end, _word in _arabic_words(segment, offset):
        parts.extend(cover(start, end))
    return parts


# --- annotate -----------------------------------------------------------------------------------


@functools.cache
def _ends_arabic() -> regex.Pattern[str]:
    return regex.compile(r"[\p{Script=Arabic}\u0640]\p{M}*+$", regex.V1)


def _segments_to_caption(
    text: str, languages: Iterable[str] | str | None, min_letters: int
) -> list[tuple[int, int, str, str | None]]:
    """``(start, end, text, lang)`` of what gets a caption: Arabic-script text segments,
    and the name of Arabic-script hashtags and mentions (after the ``#``/``@``)."""
    from ..segment import letter_count, segments

    out = []
    for seg in segments(text, languages=languages):
        if seg.script != "Arab" or seg.kind not in ("text", "hashtag", "mention"):
            continue
        start = seg.start if seg.kind == "text" else seg.start + 1
        body = text[start : seg.end]
        # a caption goes right after an Arabic-script letter (so that strip_captions finds
        # it): a hashtag that ends in Latin letters or digits keeps none
        if letter_count(body) >= min_letters and _ends_arabic().search(body):
            out.append((start, seg.end, body, seg.lang))
    return out


def annotate(
    text: str,
    *,
    mode: str = "translit",
    scheme: str | None = None,
    translator: Translator | Callable[[list[str]], Sequence[str]] | None = None,
    languages: Iterable[str] | str | None = None,
    min_letters: int = MIN_LETTERS,
    target: str = "en",
    diacritize: bool | None = None,
) -> list[Caption]:
    """Caption every Arabic-script segment of `text`; one `Caption` per segment, in order.

    `mode`: ``translit``, ``gloss`` or ``translate`` (see the module docs for each one's
    sources and fallbacks). `scheme`: the transliteration scheme, for ``translit`` and for
    fallbacks; None (the default) picks each segment language's default (ALA-LC for Arabic),
    a name forces that scheme for every segment. `translator` (``translate`` mode only, and
    required there): a `Translator` or a callable ``list[str] -> list[str]``; it is called
    once per source language with all of that language's segments. `languages`: the
    candidate languages for segmentation (see `polyglot_text.segments`). `min_letters`:
    segments with fewer letters are not captioned (default 2: a stray letter is noise).
    `target`: the language of glosses and translations. `diacritize`: passed to
    `polyglot_text.translit.transliterate_words` (None: vowel unvowelled Arabic with the
    ``diacritize`` extra when it is installed; False: never, faster).

    Raises `polyglot_text.extras.MissingExtraError` for ``gloss`` mode without the ``gloss``
    extra, ValueError for an unknown mode or scheme or for ``translate`` without translator.

    >>> caps = annotate("He said وفد حماس today http://hamas.ps/", mode="translate",
    ...                 translator=lambda texts: ["Hamas delegation" for _ in texts])
    >>> [(c.start, c.end, c.text, c.lang, c.caption, c.sources) for c in caps]
    [(8, 16, 'وفد حماس', 'ar', 'Hamas delegation', ('translator',))]
    """
    _check_options(text, mode, min_letters)
    if mode == "gloss":
        gloss = _gloss_module()
        if not gloss.gloss_available():
            raise gloss.missing_extra("word glosses", "gloss", gloss.GLOSS_PACKAGE)
    if mode == "translate":
        if translator is None:
            raise ValueError(
                "mode='translate' needs a translator: GlossaryTranslator.from_file(PATH), "
                "ArgosTranslator() or a callable list[str] -> list[str]"
            )
        translator = as_translator(translator)
    elif translator is not None:
        raise ValueError(f"a translator is only used with mode='translate', not {mode!r}")
    translit = _Translit(scheme, diacritize)
    found = _segments_to_caption(text, languages, min_letters)
    if not found:
        return []
    if mode == "translit":
        all_parts = [translit.parts(seg, start, lang) for start, _end, seg, lang in found]
    elif mode == "gloss":
        all_parts = [_gloss_parts(seg, start, lang, translit) for start, _end, seg, lang in found]
    else:
        assert isinstance(translator, Translator)
        all_parts = _translate_parts(found, translator, translit, target)
    out = []
    for (start, end, seg, lang), parts in zip(found, all_parts, strict=True):
        schemes = {translit.scheme_for(lang) for p in parts if p.kind == "translit"}
        out.append(
            Caption(
                start,
                end,
                seg,
                lang,
                _assemble(seg, start, parts),
                mode,
                f"{lang or 'und'}-Latn" if mode == "translit" else target,
                schemes.pop() if schemes else None,
                tuple(parts),
            )
        )
    return out


def _translate_parts(
    found: list[tuple[int, int, str, str | None]],
    translator: Translator,
    translit: _Translit,
    target: str,
) -> list[list[CaptionPart]]:
    source_name = str(getattr(translator, "source_name", "translator"))
    results: list[list[CaptionPart]] = [[] for _ in found]
    if isinstance(translator, GlossaryTranslator):
        if target != translator.target:
            raise ValueError(
                f"{translator!r} translates into {translator.target!r}, not {target!r}"
            )
        for i, (start, _end, seg, lang) in enumerate(found):
            cover = _word_captioner(seg, start, lang, translit, lexicon=True)
            parts: list[CaptionPart] = []
            for s, e, translation in translator.translate_spans(seg):
                if translation is None:
                    parts.extend(cover(s + start, e + start))
                else:
                    parts.append(
                        CaptionPart(
                            s + start, e + start, seg[s:e], translation, "translation", source_name
                        )
                    )
            results[i] = parts
        return results
    by_lang: dict[str, list[int]] = {}
    for i, (_start, _end, _seg, lang) in enumerate(found):
        by_lang.setdefault(lang or "ar", []).append(i)
    for lang, indexes in by_lang.items():
        # underscores join the words of a hashtag: a translator gets them as spaces
        texts = [found[i][2].replace("_", " ") for i in indexes]
        for i, translation in zip(
            indexes, run_translator(translator, texts, lang, target), strict=True
        ):
            start, end, seg, seg_lang = found[i]
            clean = " ".join(translation.split())
            if clean and clean != " ".join(seg.replace("_", " ").split()):
                results[i] = [CaptionPart(start, end, seg, clean, "translation", source_name)]
            else:
                results[i] = _gloss_parts(seg, start, seg_lang, translit)
    return results


def caption(
    text: str,
    *,
    mode: str = "translit",
    scheme: str | None = None,
    translator: Translator | Callable[[list[str]], Sequence[str]] | None = None,
    style: str = "inline",
    languages: Iterable[str] | str | None = None,
    min_letters: int = MIN_LETTERS,
    target: str = "en",
    diacritize: bool | None = None,
    ruby: str = "auto",
    standalone: bool = False,
) -> str:
    """`text` with a caption after every Arabic-script segment, rendered in `style`.

    Styles (see `polyglot_text.captions.render`): ``inline`` (``SEGMENT [CAPTION]``; brackets
    in captions become parentheses, and `strip_captions` gives the input back exactly),
    ``html`` (a fragment, or a whole page with `standalone`; `ruby` = ``auto``/``always``/
    ``never`` chooses ``<ruby>`` captions for short segments), ``markdown`` (the inline form
    with the caption in italics, Markdown specials escaped) and ``json`` (one object per
    segment). The other options are `annotate`'s.

    >>> glossary = GlossaryTranslator({"حماس": "Hamas"})
    >>> print(caption("Hamas: حماس.", mode="translate", translator=glossary, style="markdown"))
    Hamas: حماس \\[*Hamas*\\].
    """
    from .render import check_style

    check_style(style, ruby)
    if standalone and style != "html":
        raise ValueError(f"standalone=True needs style='html', not {style!r}")
    caps = annotate(
        text,
        mode=mode,
        scheme=scheme,
        translator=translator,
        languages=languages,
        min_letters=min_letters,
        target=target,
        diacritize=diacritize,
    )
    return render(text, caps, style=style, ruby=ruby, standalone=standalone)
