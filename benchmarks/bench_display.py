"""Throughput of `to_visual`, `to_logical` and `looks_visual` against the two libraries alone.

Run: python benchmarks/bench_display.py [--mb 1] [--arabic-share 0.7]

Prints lines/s and MB/s (UTF-8 input, one core) over the shared mixed corpus, line by line,
in the same run:

- ``reshape + get_display``: plain ``arabic_reshaper.reshape`` then ``bidi.get_display`` (the
  usual recipe: drops harakat, no mirroring, python-bidi's L1 bug, lines of a paragraph
  reordered as one);
- ``to_visual`` (default: shaping with harakat kept, full reordering), and ``shape=False``;
- the share of lines `to_visual` sends to the own-levels path (marks or mirrored characters)
  rather than python-bidi;
- ``to_logical`` on the visual lines, and ``looks_visual`` on logical lines.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus

from polyglot_text.display import looks_visual, to_logical, to_visual
from polyglot_text.display.visual import _needs_own_levels


def _rate(name: str, fn: Callable[[str], object], lines: list[str], mb: float) -> float:
    fn(lines[0])  # warm caches and lazy imports
    start = time.perf_counter()
    for line in lines:
        fn(line)
    seconds = time.perf_counter() - start
    print(f"{name:<34} {len(lines) / seconds:>10,.0f} lines/s {mb / seconds:>8.2f} MB/s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    parser.add_argument(
        "--arabic-share", type=float, default=0.7, help="share of Arabic-script lines"
    )
    args = parser.parse_args()

    import arabic_reshaper
    from bidi import get_display

    text = build_corpus(args.mb, arabic_share=args.arabic_share)
    lines = text.splitlines()
    mb = len(text.encode("utf-8")) / 1e6
    print(f"corpus: {mb:.2f} MB, {len(lines):,} lines, Arabic-script share {args.arabic_share}")
    own = sum(1 for line in lines if _needs_own_levels().search(line))
    print(f"lines on the own-levels path (marks or mirrored characters): {own / len(lines):.0%}")

    base = _rate(
        "reshape + get_display", lambda s: get_display(arabic_reshaper.reshape(s)), lines, mb
    )
    ours = _rate("to_visual", to_visual, lines, mb)
    _rate("to_visual(shape=False)", lambda s: to_visual(s, shape=False), lines, mb)
    visual = [to_visual(line) for line in lines]
    _rate("to_logical (of to_visual lines)", to_logical, visual, mb)
    _rate("looks_visual (logical lines)", looks_visual, lines, mb)
    print(f"to_visual takes {ours / base:.2f}x the time of reshape + get_display")


if __name__ == "__main__":
    main()
