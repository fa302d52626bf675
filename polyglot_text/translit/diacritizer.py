"""Glue to the optional diacritizer extra (``pip install 'polyglot-text[diacritize]'``).

The extra is `text2tashkeel <https://pypi.org/project/text2tashkeel/>`_ (Apache-2.0): int8
ONNX models run by onnxruntime, offline, no PyTorch. It restores the short vowels, sukun,
shadda and tanwin of unvowelled Arabic so the romanisation rules can run on full forms.

Only its *marks* are used: the letters of the input are kept (the model sometimes rewrites a
hamza seat, ``تأليف`` -> ``تَالِيف``), and a word whose letters it changed in number is left to
the next tier. Text goes in as whole lines (context decides vowels: ``كتاب`` alone comes back
``كَتَاب``, in a sentence ``كِتَاب``), lines and words are cached, and isolated words are sent
in batches of `BATCH_WORDS` joined by spaces (read as a list: measured
best on the catalogue test data, ahead of one call per word or newline-joined batches).

>>> available() in (True, False)
True
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

from ..extras import has_module, missing_extra
from .rules import strip_marks

__all__ = ["BATCH_WORDS", "MODEL", "available", "transfer_marks", "vowel_lines", "vowel_words"]

#: text2tashkeel model: the package's default flagship (2.04% diacritic error rate).
MODEL = "rawi-ensemble"
#: How many isolated words go to the model in one call, joined by newlines.
BATCH_WORDS = 64
#: Lines kept in the cache (lines rarely repeat in running text; memory stays flat).
CACHE_SIZE = 1 << 12

_LOCK = threading.Lock()
_LINE_CACHE: dict[str, str] = {}


def available() -> bool:
    """Whether the ``diacritize`` extra (text2tashkeel + onnxruntime) is installed."""
    return has_module("text2tashkeel") and has_module("onnxruntime")


@functools.cache
def _model() -> Any:
    if not available():
        raise missing_extra("diacritization of unvowelled Arabic", "diacritize", "text2tashkeel")
    from text2tashkeel import Diacritizer  # type: ignore[import-untyped]

    return Diacritizer(MODEL)


def _run(text: str) -> str:
    with _LOCK:
        return str(_model().diacritize(text))


def transfer_marks(word: str, vowelled: str) -> str | None:
    """`word`'s letters with `vowelled`'s marks, when both have the same number of letters.

    >>> transfer_marks("تأليف", "تَالِيفَ")
    'تَألِيفَ'
    >>> transfer_marks("كتاب", "كُتُب") is None
    True
    """
    letters = strip_marks(word)
    out: list[str] = []
    count = 0
    for char in vowelled:
        if unicodedata.combining(char):
            if out:
                out.append(char)
            continue
        if char == "\u0640":
            continue
        if count >= len(letters):
            return None
        out.append(letters[count])
        count += 1
    return "".join(out) if count == len(letters) else None


def _remember(cache: dict[str, Any], key: str, value: Any) -> None:
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = value


def _vowel_keys(keys: Sequence[str]) -> dict[str, str]:
    """The model's output for each line key: from the cache, or run now and cached.

    Keys go `BATCH_WORDS` words per call: one-word keys (lists, table cells) joined by
    spaces, as the running list they are; longer ones joined by ``" . "`` so each stays a
    sentence of its own. A batch whose output does not split back cleanly is re-run key by key.
    The result is returned, not only cached, so a call larger than the cache loses nothing.
    """
    found: dict[str, str] = {}
    todo: list[str] = []
    for key in dict.fromkeys(keys):
        if not key:
            continue
        cached = _LINE_CACHE.get(key)
        if cached is None:
            todo.append(key)
        else:
            found[key] = cached
    singles = [k for k in todo if " " not in k]
    multis = [k for k in todo if " " in k]
    for group, sep in ((singles, " "), (multis, " . ")):
        chunk: list[str] = []
        size = 0
        for item in [*group, None]:
            if item is not None:
                chunk.append(item)
                size += item.count(" ") + 1
            if chunk and (item is None or size >= BATCH_WORDS):
                found.update(_vowel_chunk(chunk, sep))
                chunk, size = [], 0
    return found


def _vowel_chunk(chunk: list[str], sep: str) -> dict[str, str]:
    tokens = [t for t in _run(sep.join(chunk)).split() if t != "."]
    counts = [k.count(" ") + 1 for k in chunk]
    if len(tokens) != sum(counts):
        out = {key: _run(key) for key in chunk}
    else:
        out = {}
        pos = 0
        for key, count in zip(chunk, counts, strict=True):
            out[key] = " ".join(tokens[pos : pos + count])
            pos += count
    for key, value in out.items():
        _remember(_LINE_CACHE, key, value)
    return out


def vowel_lines(lines: Sequence[Sequence[str]]) -> list[list[str | None]]:
    """Vowel every word of each line (a line = its Arabic words in order, read in context).

    Returns, per line, each word's vowelled form (None where the model's output could not be
    matched to the word). Lines go to the model in batches; repeated lines come from a cache.
    Raises `MissingExtraError` without the extra.
    """
    bares = [[strip_marks(w) for w in words] for words in lines]
    keys = [" ".join(b) for b in bares]
    outputs = _vowel_keys(keys)
    results: list[list[str | None]] = []
    for bare, key in zip(bares, keys, strict=True):
        parts = outputs.get(key, "").split()
        if len(parts) != len(bare):
            if len(bare) == 1:
                results.append([None])
                continue
            results.append([r[0] for r in vowel_lines([[b] for b in bare])])
            continue
        results.append([transfer_marks(w, p) for w, p in zip(bare, parts, strict=True)])
    return results


def vowel_words(words: Sequence[str]) -> list[str | None]:
    """Vowel isolated words (each read on its own line), batched and cached."""
    return [r[0] for r in vowel_lines([[w] for w in words])]
