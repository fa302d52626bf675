"""Regenerate `_ucd.py` (the bidi tables) from a Unicode Character Database folder.

Run ``python -m polyglot_text.display._generate /usr/share/unicode`` (Debian package
``unicode-data``) after a Unicode upgrade; ``tests/test_bidi_conformance.py`` checks that the
committed tables equal what this produces when that folder is present.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The UCD files read, relative to the UCD folder.
SOURCES = (
    "extracted/DerivedBidiClass.txt",
    "BidiBrackets.txt",
    "BidiMirroring.txt",
    "extracted/DerivedJoiningType.txt",
)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        data = line.split("#", 1)[0].strip()
        if data:
            rows.append([field.strip() for field in data.split(";")])
    return rows


def _missing(path: Path) -> list[tuple[int, int, str]]:
    """The ``# @missing`` default ranges, in file order (later lines override earlier)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# @missing:"):
            span, value = (f.strip() for f in line[len("# @missing:") :].split(";"))
            lo, hi = (int(x, 16) for x in span.split(".."))
            out.append((lo, hi, value))
    return out


_LONG_TO_SHORT = {
    "Left_To_Right": "L",
    "Right_To_Left": "R",
    "Arabic_Letter": "AL",
    "European_Terminator": "ET",
}


def build(ucd: Path) -> str:
    """The text of `_ucd.py` built from the UCD folder `ucd`."""
    bidi_path = ucd / SOURCES[0]
    classes = ["L"] * 0x110000
    for first, last, value in _missing(bidi_path):
        classes[first : last + 1] = [_LONG_TO_SHORT[value]] * (last - first + 1)
    for span, value in _rows(bidi_path):
        low, _, high = span.partition("..")
        start, end = int(low, 16), int(high or low, 16)
        classes[start : end + 1] = [value] * (end - start + 1)
    starts: list[tuple[int, str]] = []
    for cp, value in enumerate(classes):
        if not starts or starts[-1][1] != value:
            starts.append((cp, value))
    brackets = {int(a, 16): (int(b, 16), t) for a, b, t in _rows(ucd / SOURCES[1])}
    mirrors = {int(a, 16): int(b, 16) for a, b in _rows(ucd / SOURCES[2])}
    joining: list[tuple[int, int, str]] = []
    for span, value in _rows(ucd / SOURCES[3]):
        low, _, high = span.partition("..")
        joining.append((int(low, 16), int(high or low, 16), value))
    joining.sort()
    version = (
        (ucd / "ReadMe.txt").read_text(encoding="utf-8") if (ucd / "ReadMe.txt").exists() else ""
    )
    ver = next((w for w in version.split() if w[:1].isdigit() and w.count(".") == 2), "unknown")
    lines = [
        '"""Bidi tables from the Unicode Character Database (generated: do not edit).',
        "",
        f"Unicode {ver.rstrip('.')}: {', '.join(SOURCES)}.",
        "Regenerate with ``python -m polyglot_text.display._generate UCD_DIR``.",
        '"""',
        "",
        "# fmt: off",
        "#: Bidi_Class: (first code point, class) for each run of equal classes, in order.",
        "BIDI_CLASS_RUNS = (",
    ]
    lines += [f"    ({cp:#x}, {value!r})," for cp, value in starts]
    lines += [
        ")",
        "",
        "#: Bidi_Paired_Bracket and Bidi_Paired_Bracket_Type (o or c).",
        "BRACKETS = {",
    ]
    lines += [f"    {a:#x}: ({b:#x}, {t!r})," for a, (b, t) in sorted(brackets.items())]
    lines += ["}", "", "#: Bidi_Mirroring_Glyph.", "MIRRORING = {"]
    lines += [f"    {a:#x}: {b:#x}," for a, b in sorted(mirrors.items())]
    lines += [
        "}",
        "",
        "#: Joining_Type other than U (non-joining): (first, last, type).",
        "JOINING_TYPES = (",
    ]
    lines += [f"    ({lo:#x}, {hi:#x}, {value!r})," for lo, hi, value in joining]
    lines += [")", "# fmt: on", ""]
    return "\n".join(lines).replace("'", '"')


def main(argv: list[str] | None = None) -> None:
    """Write `_ucd.py` beside this file from the UCD folder given as the only argument."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m polyglot_text.display._generate UCD_DIR")
    target = Path(__file__).with_name("_ucd.py")
    target.write_text(build(Path(args[0])), encoding="utf-8")


if __name__ == "__main__":
    main()
