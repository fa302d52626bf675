"""Translators for caption mode ``translate``: a protocol, a glossary one and an Argos one.

A translator turns a batch of Arabic-script segments into English (or another target):
``translate(texts, source, target) -> list[str]``, one output per input, in order. Built in:

- `GlossaryTranslator`: a user glossary (TSV, CSV or JSON), longest-phrase match over the
  words of a segment, both sides normalised with the ``search`` profile so spelling variants
  (diacritics, alef forms, ى/ي, ة/ه, Persian ک/ی) hit the same entry. Offline, always works.
- `ArgosTranslator`: the installed Argos Translate model for the language pair (optional
  extra ``translate``); without one it raises `TranslatorUnavailableError` naming the exact
  command that installs one.
- any plain callable ``list[str] -> list[str]`` (`as_translator` wraps it).

>>> glossary = GlossaryTranslator({"وزير الخارجية": "foreign minister", "طهران": "Tehran"})
>>> glossary.translate(["يلتقي وزير الخارجيّة في طهران"], "ar", "en")
['يلتقي foreign minister في Tehran']
"""

from __future__ import annotations

import csv
import functools
import importlib
import io
import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import regex

from ..extras import has_module, missing_extra

__all__ = [
    "ArgosTranslator",
    "CallableTranslator",
    "GlossaryError",
    "GlossaryTranslator",
    "Translator",
    "TranslatorUnavailableError",
    "as_translator",
]


@runtime_checkable
class Translator(Protocol):
    """Anything that translates a batch of texts from language `source` to `target`.

    `source` and `target` are ISO 639-1 codes (``"ar"``, ``"fa"``, ``"ur"``; ``"en"``). The
    result has one string per input, in order. An empty string means "cannot translate this
    one": the caption then falls back (see `polyglot_text.captions`).
    """

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate every text of `texts`."""
        ...  # pragma: no cover - protocol


class GlossaryError(ValueError):
    """A glossary file or entry is malformed; the message names the file and line."""


class TranslatorUnavailableError(ValueError):
    """The translator has no model for the requested language pair; the message says how
    to install one."""


# --- words and normalisation -------------------------------------------------------------


@functools.cache
def _word_pattern() -> regex.Pattern[str]:
    # A word: letters with their marks, joiners and tatweel inside; digits form words too so
    # a glossary can hold "المادة 5".
    return regex.compile(
        r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\u0640]|[\u200c\u200d](?=[\p{L}\p{M}]))*", regex.V1
    )


@functools.cache
def _gap_pattern() -> regex.Pattern[str]:
    # What may lie between two words of one phrase: white space, tatweel, format controls,
    # and the underscore that joins the words of a hashtag.
    return regex.compile(r"[\s\u0640\p{Cf}_]*+", regex.V1)


def _normalize_word(word: str) -> str:
    from ..normalize import normalize  # lazy: normalisation tables load on first use

    return normalize(word, profile="search").casefold()


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(
        key for m in _word_pattern().finditer(phrase) if (key := _normalize_word(m.group()))
    )


def _words(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), _normalize_word(m.group())) for m in _word_pattern().finditer(text)
    ]


# --- the glossary ----------------------------------------------------------------------------


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as its list of (key, value) pairs (so duplicate keys are seen)."""


class GlossaryTranslator:
    """Translate with a user glossary: longest phrase first, left to right.

    `entries` maps a source phrase (one or more words) to its translation. Phrases and the
    text are compared word by word after normalising each word with the ``search`` profile
    (and case folding), so ``الخارجيّة``, ``الخارجية`` and ``الخارجيه`` hit one entry. A phrase
    matches only across white space or ``_`` (hashtags), not across punctuation. Words no
    entry covers are left as they are by `translate` and reported as ``None`` by
    `translate_spans`. Two entries
    whose phrases normalise to the same key with different translations are rejected. One
    glossary serves every source language (``source`` is not consulted); `target` is the
    language of its translations.

    >>> g = GlossaryTranslator({"وفد": "delegation", "وفد حماس": "the Hamas delegation"})
    >>> g.translate_spans("وفد حماس إلى طهران")
    [(0, 8, 'the Hamas delegation'), (9, 12, None), (13, 18, None)]
    >>> len(g), g.target
    (2, 'en')
    """

    #: What `Caption` parts produced by this translator name as their source.
    source_name = "glossary"

    def __init__(
        self,
        entries: Mapping[str, str] | Iterable[tuple[str, str]],
        *,
        target: str = "en",
        name: str = "<glossary>",
    ) -> None:
        if not isinstance(target, str) or not target:
            raise TypeError(f"target must be a language code such as 'en', got {target!r}")
        self.target = target
        self.name = name
        self._entries: dict[tuple[str, ...], str] = {}
        self._phrases: dict[tuple[str, ...], str] = {}
        items = entries.items() if isinstance(entries, Mapping) else entries
        for number, item in enumerate(items, 1):
            if not (isinstance(item, tuple | list) and len(item) == 2):
                raise GlossaryError(f"{name}: entry {number}: expected (phrase, translation)")
            self._add(item[0], item[1], f"{name}: entry {number}")
        self._longest = max((len(k) for k in self._entries), default=0)

    def _add(self, phrase: object, translation: object, where: str) -> None:
        if not isinstance(phrase, str) or not isinstance(translation, str):
            raise GlossaryError(f"{where}: phrase and translation must be strings")
        key = _phrase_key(phrase)
        if not key:
            raise GlossaryError(f"{where}: phrase {phrase!r} has no words")
        translation = " ".join(translation.split())
        if not translation:
            raise GlossaryError(f"{where}: empty translation for {phrase!r}")
        old = self._entries.get(key)
        if old is not None and old != translation:
            raise GlossaryError(
                f"{where}: {phrase!r} -> {translation!r} conflicts with "
                f"{self._phrases[key]!r} -> {old!r} (same words after normalisation)"
            )
        self._entries[key] = translation
        self._phrases.setdefault(key, phrase)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"GlossaryTranslator({self.name!r}, {len(self)} entries, target={self.target!r})"

    @classmethod
    def from_file(
        cls, path: str | os.PathLike[str], *, target: str = "en", fmt: str | None = None
    ) -> GlossaryTranslator:
        """Load a glossary file: ``.tsv``/``.txt`` (tab-separated), ``.csv`` or ``.json``.

        TSV/CSV: two columns, phrase and translation, one entry per row; blank rows and
        rows starting with ``#`` are skipped, and so is a first row ``source, target``.
        JSON: an object ``{phrase: translation}`` or a list of ``[phrase, translation]``
        pairs or of ``{"source": ..., "target": ...}`` objects. `fmt` overrides the format
        the file name suggests. Errors name the file and line (`GlossaryError`).

        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "g.tsv"
        ...     _ = path.write_text("# ar\\ten\\nطهران\\tTehran\\n", encoding="utf-8")
        ...     glossary = GlossaryTranslator.from_file(path)
        >>> glossary.translate(["إلى طهران"], "ar", "en")
        ['إلى Tehran']
        """
        name = os.fspath(path)
        kind = (fmt or os.path.splitext(name)[1].lstrip(".")).lower()
        if kind not in ("tsv", "txt", "csv", "json"):
            raise GlossaryError(
                f"{name}: unknown glossary format {kind!r}; use one of: tsv, csv, json"
            )
        try:
            with open(name, encoding="utf-8-sig", newline="") as handle:
                content = handle.read()
        except FileNotFoundError:
            raise GlossaryError(f"{name}: no such file") from None
        except UnicodeDecodeError as exc:
            raise GlossaryError(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
        except OSError as exc:
            raise GlossaryError(f"{name}: cannot read: {exc.strerror or exc}") from None
        glossary = cls((), target=target, name=name)
        if kind == "json":
            glossary._load_json(content)
        else:
            glossary._load_rows(content, "\t" if kind in ("tsv", "txt") else ",")
        glossary._longest = max((len(k) for k in glossary._entries), default=0)
        return glossary

    def _load_rows(self, content: str, delimiter: str) -> None:
        reader = csv.reader(io.StringIO(content), delimiter=delimiter)
        first = True
        for row in reader:
            where = f"{self.name}:{reader.line_num}"
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if first and [c.casefold() for c in cells] == ["source", "target"]:
                first = False
                continue
            first = False
            if len(cells) != 2:
                raise GlossaryError(
                    f"{where}: expected 2 columns (phrase, translation), got {len(cells)}"
                )
            self._add(cells[0], cells[1], where)

    def _load_json(self, content: str) -> None:
        try:
            data = json.loads(content, object_pairs_hook=_Pairs)
        except json.JSONDecodeError as exc:
            raise GlossaryError(f"{self.name}:{exc.lineno}: not valid JSON: {exc.msg}") from None
        if isinstance(data, _Pairs):  # {phrase: translation, ...}
            for phrase, translation in data:
                self._add(phrase, translation, f"{self.name}: key {phrase!r}")
            return
        if not isinstance(data, list):
            raise GlossaryError(
                f"{self.name}: expected a JSON object {{phrase: translation}} or a list"
            )
        for number, item in enumerate(data, 1):
            where = f"{self.name}: item {number}"
            if isinstance(item, _Pairs):
                fields = dict(item)
                if set(fields) != {"source", "target"}:
                    raise GlossaryError(f"{where}: expected keys 'source' and 'target'")
                self._add(fields["source"], fields["target"], where)
            elif isinstance(item, list) and len(item) == 2:
                self._add(item[0], item[1], where)
            else:
                raise GlossaryError(
                    f"{where}: expected [phrase, translation] or {{'source': ..., 'target': ...}}"
                )

    def lookup(self, phrase: str) -> str | None:
        """The translation of exactly `phrase` (normalised), or None.

        >>> GlossaryTranslator({"طهران": "Tehran"}).lookup("طَهْرَان")
        'Tehran'
        """
        return self._entries.get(_phrase_key(phrase))

    def translate_spans(self, text: str) -> list[tuple[int, int, str | None]]:
        """Cover the words of `text` left to right with the longest matching phrases.

        Returns ``(start, end, translation)`` for each matched phrase and
        ``(start, end, None)`` for each word no phrase covers, in order.
        """
        words = _words(text)
        gap = _gap_pattern()
        out: list[tuple[int, int, str | None]] = []
        i = 0
        while i < len(words):
            found: tuple[int, int, str | None] | None = None
            # the longest run of words starting at i that are joined by white space only
            limit = i + 1
            while limit < len(words) and limit - i < self._longest:
                prev_end, next_start = words[limit - 1][1], words[limit][0]
                if gap.fullmatch(text, prev_end, next_start) is None:
                    break
                limit += 1
            for j in range(limit, i, -1):
                translation = self._entries.get(tuple(w[2] for w in words[i:j]))
                if translation is not None:
                    found = (words[i][0], words[j - 1][1], translation)
                    i = j
                    break
            if found is None:
                found = (words[i][0], words[i][1], None)
                i += 1
            out.append(found)
        return out

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Replace every glossary phrase in each text by its translation; other words stay.

        >>> GlossaryTranslator({"حماس": "Hamas"}).translate(["وفد حماس"], "ar", "en")
        ['وفد Hamas']
        """
        if target != self.target:
            raise ValueError(
                f"{self.name} translates into {self.target!r}, not {target!r}; "
                f"load it with target={target!r} if it holds {target!r} translations"
            )
        out = []
        for text in texts:
            pieces: list[str] = []
            pos = 0
            for start, end, translation in self.translate_spans(text):
                if translation is not None:
                    pieces.append(text[pos:start])
                    pieces.append(translation)
                    pos = end
            pieces.append(text[pos:])
            out.append("".join(pieces))
        return out


# --- Argos Translate ---------------------------------------------------------------------------

ARGOS_PACKAGE = "argostranslate"


def argos_install_command(source: str, target: str) -> str:
    """The shell command that installs the Argos Translate model for `source` -> `target`.

    >>> argos_install_command("ar", "en")
    'argospm update && argospm install translate-ar_en'
    """
    return f"argospm update && argospm install translate-{source}_{target}"


class ArgosTranslator:
    """Machine translation with Argos Translate (offline, optional extra ``translate``).

    Uses the installed Argos model for the pair (``ar``/``fa``/``ur`` -> ``en``); models are
    installed once with ``argospm`` (see `argos_install_command`) and never downloaded at run
    time. Raises `polyglot_text.extras.MissingExtraError` when Argos itself is missing and
    `TranslatorUnavailableError` (a ValueError) when no model for the pair is installed; both
    messages give the exact command to run.

    >>> ArgosTranslator().source_name
    'model'
    """

    source_name = "model"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], Any] = {}

    def __repr__(self) -> str:
        return "ArgosTranslator()"

    def __getstate__(self) -> dict[str, Any]:
        return {}  # worker processes load their own model

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def _translation(self, source: str, target: str) -> Any:
        key = (source, target)
        with self._lock:
            if key in self._cache:
                return self._cache[key]
            if not has_module(ARGOS_PACKAGE):
                raise missing_extra("machine translations", "translate", ARGOS_PACKAGE)
            module = importlib.import_module(f"{ARGOS_PACKAGE}.translate")
            languages = {lang.code: lang for lang in module.get_installed_languages()}
            translation = None
            if source in languages and target in languages:
                translation = languages[source].get_translation(languages[target])
            if translation is None:
                have = sorted(languages) or ["none"]
                raise TranslatorUnavailableError(
                    f"no Argos Translate model for {source}->{target} is installed "
                    f"(installed languages: {', '.join(have)}); install one with: "
                    f"{argos_install_command(source, target)}"
                )
            self._cache[key] = translation
            return translation

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each text with the installed model for `source` -> `target`."""
        if not texts:
            return []
        translation = self._translation(source, target)
        return [str(translation.translate(text)) for text in texts]


# --- plain callables ---------------------------------------------------------------------------


class CallableTranslator:
    """Wrap a plain callable ``list[str] -> list[str]`` (source and target not passed).

    >>> CallableTranslator(lambda texts: [t.upper() for t in texts]).translate(["ab"], "ar", "en")
    ['AB']
    """

    source_name = "translator"

    def __init__(self, func: Callable[[list[str]], Sequence[str]]) -> None:
        self.func = func

    def __repr__(self) -> str:
        return f"CallableTranslator({self.func!r})"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Call the function with the texts as a list."""
        return list(self.func(list(texts)))


def as_translator(obj: object) -> Translator:
    """`obj` as a `Translator`: a translator object as it is, a plain callable wrapped.

    >>> as_translator(lambda texts: texts).source_name
    'translator'
    >>> as_translator(42)
    Traceback (most recent call last):
    ...
    TypeError: translator must be an object with translate(texts, source, target) (e.g. GlossaryTranslator, ArgosTranslator) or a callable list[str] -> list[str], got int
    """
    if isinstance(obj, Translator):
        return obj
    if callable(obj):
        return CallableTranslator(obj)
    raise TypeError(
        "translator must be an object with translate(texts, source, target) "
        "(e.g. GlossaryTranslator, ArgosTranslator) or a callable list[str] -> list[str], "
        f"got {type(obj).__name__}"
    )


def run_translator(translator: Translator, texts: list[str], source: str, target: str) -> list[str]:
    """Call `translator` and check its answer: a list of strings, one per text.

    >>> run_translator(as_translator(lambda texts: ["Gaza"]), ["غزة"], "ar", "en")
    ['Gaza']
    >>> run_translator(as_translator(lambda texts: []), ["غزة"], "ar", "en")
    Traceback (most recent call last):
    ...
    ValueError: translator CallableTranslator(...) returned 0 results for 1 texts; it must return one string per text
    """
    result = translator.translate(texts, source, target)
    if not isinstance(result, list | tuple) or len(result) != len(texts):
        got = len(result) if isinstance(result, list | tuple) else type(result).__name__
        raise ValueError(
            f"translator {translator!r} returned {got} results for {len(texts)} texts; "
            "it must return one string per text"
        )
    for item in result:
        if not isinstance(item, str):
            raise TypeError(
                f"translator {translator!r} returned a {type(item).__name__}; "
                "it must return strings"
            )
    return list(result)
