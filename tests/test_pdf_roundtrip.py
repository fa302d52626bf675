"""A real PDF round trip: fpdf2 wrote the PDFs, pdfminer.six and pypdf read them back.

Fixtures in fixtures/pdf_roundtrip/ (made by ``tools/make_pdf_fixture.py``): ``lines.txt``
(the logical originals: Arabic, vowelled Arabic, Persian, Urdu, mixed with Latin and
numbers), ``visual.pdf`` (written as a writer without bidi/shaping needs it, from
`to_visual`), ``shaped.pdf`` (shaped by HarfBuzz, the modern way), and each PDF's text as
each extractor gives it (``<pdf>.<extractor>.txt``).
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from conftest import FIXTURES, ROOT

from polyglot_text.display import VISUAL_THRESHOLD, looks_visual, to_logical, to_visual
from polyglot_text.normalize import normalize

HERE = FIXTURES / "pdf_roundtrip"
ORIGINALS = (HERE / "lines.txt").read_text(encoding="utf-8").splitlines()
VOWELLED = 4  # index of the fully vowelled line
BRACKETS = 3  # index of the line with brackets


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_pdf_fixture", ROOT / "tools" / "make_pdf_fixture.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _stored(name: str) -> list[str]:
    return (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def _recovered(lines: list[str]) -> list[int]:
    """Indices of the original lines that `to_logical` of some extracted line gives back."""
    repaired = {to_logical(line) for line in lines}
    return [i for i, original in enumerate(ORIGINALS) if normalize(original) in repaired]


@pytest.mark.parametrize("pdf", ["visual", "shaped"])
@pytest.mark.parametrize("extractor", ["pdfminer", "pdfminer-chars", "pypdf"])
def test_stored_extractions_are_what_the_extractors_give(pdf: str, extractor: str) -> None:
    pytest.importorskip("pdfminer")
    pytest.importorskip("pypdf")
    extract: Callable[[Path], list[str]] = _tool().EXTRACTORS[extractor]
    assert extract(HERE / f"{pdf}.pdf") == _stored(f"{pdf}.{extractor}")


def test_visual_pdf_holds_the_visual_text() -> None:
    def nfc(lines: list[str]) -> list[str]:
        return [unicodedata.normalize("NFC", line) for line in lines]

    assert nfc(_stored("visual.pdfminer-chars")) == nfc([to_visual(x) for x in ORIGINALS])


def test_to_logical_recovers_every_line_of_the_visual_pdf() -> None:
    """Characters grouped by baseline (pdfminer.six's LTChar objects): 11 of 11 lines."""
    lines = _stored("visual.pdfminer-chars")
    assert all(looks_visual(line) >= VISUAL_THRESHOLD for line in lines)
    assert [to_logical(line) for line in lines] == [normalize(x) for x in ORIGINALS]


def test_pdfminer_layout_text_all_but_the_vowelled_line() -> None:
    """pdfminer's `extract_text` breaks a line at zero-width marks: the vowelled line comes
    out in four pieces, out of order, and cannot be put back together; every other line is
    recovered. (If a pdfminer release keeps marks on their line, this starts failing.)"""
    lines = _stored("visual.pdfminer")
    assert len(lines) == len(ORIGINALS) + 3
    assert _recovered(lines) == [i for i in range(len(ORIGINALS)) if i != VOWELLED]


def test_harfbuzz_shaped_pdf() -> None:
    """A HarfBuzz-shaped PDF extracts as *unshaped* letters in visual order. Recovered: all
    but two lines, for reasons outside the text: the PDF maps a mirrored bracket glyph back
    to the logical character (so ``(`` is stored where ``)`` shows), and three-letter
    ligature glyphs (lam-lam-heh) have no Unicode mapping at all (``(cid:63)``)."""
    lines = _stored("shaped.pdfminer-chars")
    assert "(cid:63)" in lines[VOWELLED]
    assert _recovered(lines) == [i for i in range(len(ORIGINALS)) if i not in (BRACKETS, VOWELLED)]
    assert _recovered(_stored("shaped.pdfminer")) == _recovered(lines)


@pytest.mark.parametrize("pdf", ["visual", "shaped"])
def test_pypdf_text_is_left_alone(pdf: str) -> None:
    """pypdf reorders right-to-left text itself (into a lossy logical order: numbers and
    marks misplaced); none of its lines looks visual, so a repair step leaves them as they
    are."""
    lines = _stored(f"{pdf}.pypdf")
    assert len(lines) == len(ORIGINALS)
    assert all(looks_visual(line) < VISUAL_THRESHOLD for line in lines)
