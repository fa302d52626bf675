"""Make the PDF round-trip fixtures in fixtures/pdf_roundtrip/ (re-runnable).

Writes each line of ``lines.txt`` into PDFs with fpdf2 and Debian's fonts, then extracts
their text with pdfminer.six and pypdf:

- ``visual.pdf``: the lines as a PDF writer without bidi or shaping support needs them,
  ``to_visual(line)`` (presentation forms, display order), written glyph by glyph. This is
  how many real PDFs store Arabic, and why extraction gives visual-order text.
- ``shaped.pdf``: the logical lines shaped by HarfBuzz (fpdf2 ``set_text_shaping``), as a
  modern writer does. Its extraction order is whatever the content stream holds.

For every PDF and extractor, ``<pdf>.<extractor>.txt`` holds the extracted text, one PDF
line per line. ``tests/test_pdf_roundtrip.py`` checks that re-extracting gives the same text
and that `to_logical` recovers ``lines.txt`` from it.

Needs (not used by the tests, so not in the ``test`` extra): ``pip install -e '.[pdf-fixtures]'``
(fpdf2, uharfbuzz) and ``apt-get install fonts-noto-core fonts-dejavu-core``. Run from the
repository root: ``python tools/make_pdf_fixture.py``.
"""

from __future__ import annotations

import datetime
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "pdf_roundtrip"
FONTS = {
    "latin": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "arabic": Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
}


def extract_pdfminer(path: Path) -> list[str]:
    """Text lines of a PDF as pdfminer.six gives them (empty lines dropped)."""
    from pdfminer.high_level import extract_text

    return [line.strip() for line in extract_text(str(path)).splitlines() if line.strip()]


def extract_pypdf(path: Path) -> list[str]:
    """Text lines of a PDF as pypdf gives them (empty lines dropped)."""
    from pypdf import PdfReader

    lines: list[str] = []
    for page in PdfReader(str(path)).pages:
        lines += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines


def extract_pdfminer_chars(path: Path) -> list[str]:
    """Text lines from pdfminer.six's characters: grouped by baseline (the text matrix's y,
    not the glyph box, which differs between fonts), top to bottom, each line left to right
    by x position. A zero-width mark stands at the pen position after its base, the x where
    the next character starts: on a tie marks go first, then content-stream order (fpdf2
    writes a line in several pieces, one per font, so stream order alone is not reading
    order).

    pdfminer's own layout analysis (`extract_text`) breaks a line at zero-width combining
    marks, so vowelled Arabic comes out in pieces; this grouping does not.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTComponent

    rows: dict[float, list[tuple[float, int, int, str]]] = {}
    index = 0

    def walk(item: LTComponent) -> None:
        nonlocal index
        if isinstance(item, LTChar):
            char = item.get_text()
            mark = 0 if unicodedata.category(char[:1]) == "Mn" else 1
            rows.setdefault(round(item.matrix[5], 1), []).append(
                (round(item.x0, 2), mark, index, char)
            )
            index += 1
        elif hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    lines: list[str] = []
    for page in extract_pages(str(path)):
        rows.clear()
        walk(page)
        for y in sorted(rows, reverse=True):
            text = "".join(char for *_, char in sorted(rows[y])).strip()
            if text:
                lines.append(text)
    return lines


EXTRACTORS = {
    "pdfminer": extract_pdfminer,
    "pdfminer-chars": extract_pdfminer_chars,
    "pypdf": extract_pypdf,
}


def _pdf(shaping: bool):  # type: ignore[no-untyped-def]
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
    pdf.set_producer("polyglot-text tools/make_pdf_fixture.py")
    pdf.add_font("latin", fname=str(FONTS["latin"]))
    pdf.add_font("arabic", fname=str(FONTS["arabic"]))
    pdf.set_font("latin", size=14)
    pdf.set_fallback_fonts(["arabic"])
    if shaping:
        pdf.set_text_shaping(use_shaping_engine=True)
    pdf.add_page()
    return pdf


def make(lines: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from polyglot_text.display import to_visual

    visual = _pdf(shaping=False)
    for line in lines:
        visual.cell(text=to_visual(line), new_x="LMARGIN", new_y="NEXT")
    visual.output(str(OUT / "visual.pdf"))

    shaped = _pdf(shaping=True)
    for line in lines:
        shaped.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    shaped.output(str(OUT / "shaped.pdf"))

    for name in ("visual", "shaped"):
        for extractor, extract in EXTRACTORS.items():
            text = "\n".join(extract(OUT / f"{name}.pdf")) + "\n"
            (OUT / f"{name}.{extractor}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    """Regenerate every fixture from lines.txt."""
    missing = [str(p) for p in FONTS.values() if not p.exists()]
    if missing:
        raise SystemExit(
            f"fonts not found: {', '.join(missing)} (apt-get install fonts-noto-core fonts-dejavu-core)"
        )
    make((OUT / "lines.txt").read_text(encoding="utf-8").splitlines())


if __name__ == "__main__":
    main()
