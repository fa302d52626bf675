"""Build a deterministic mixed Arabic/Persian/Urdu/English benchmark corpus from the fixtures.

Every benchmark uses the same corpus so their MB/s figures compare:

>>> text = build_corpus(0.01)
>>> len(text.encode("utf-8")) >= 10_000
True
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixture_lines() -> list[str]:
    """Non-empty lines of every shipped ``fixtures/*.txt`` file, in a fixed order."""
    lines: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines.extend(line for line in text.splitlines() if line.strip())
    return lines


def build_corpus(megabytes: float, *, seed: int = 0, arabic_share: float | None = None) -> str:
    """About `megabytes` MB (UTF-8) of fixture lines in a seeded random order.

    With `arabic_share` (0..1), lines holding Arabic-script letters make up that share of the
    lines drawn, so a benchmark can ask for Arabic-heavy or English-heavy text.
    """
    rng = random.Random(seed)
    lines = fixture_lines()
    arabic = [ln for ln in lines if any("\u0600" <= c <= "\u06ff" for c in ln)]
    arabic_set = set(arabic)
    other = [ln for ln in lines if ln not in arabic_set] or lines
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        if arabic_share is None:
            line = rng.choice(lines)
        else:
            line = rng.choice(arabic if rng.random() < arabic_share else other)
        out.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys

    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    sys.stdout.write(build_corpus(mb))
