"""Caption speed: captions per second (and MB/s) for modes ``translit`` and ``gloss``.

Run: python benchmarks/bench_caption.py [--mb 0.5] [--arabic-share 0.6]

Captions the shared mixed corpus line by line (as ``polyglot-text caption`` does) and prints,
per configuration, the one-off start-up cost (loading lexicons / the diacritizer on the first
line), then captions/s and MB/s over the whole corpus. The corpus repeats its fixture lines,
so word caches are warm after the first pass; ``cold`` rows caption each distinct line once
with the word caches cleared first, which is closer to new text. Rates are per CPU second
(one process; ``--jobs N`` in the CLI scales them by about N).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import build_corpus  # noqa: E402
from polyglot_text import gloss  # noqa: E402
from polyglot_text.captions import annotate, render  # noqa: E402

WARM_UP = "He said وفد حماس إلى طهران يلتقي وزير الخارجية الإيراني today"


def _clear_caches() -> None:
    gloss._analyze.cache_clear()
    from polyglot_text import translit

    romanize: Any = getattr(translit, "_romanize", None)
    if romanize is not None and hasattr(romanize, "cache_clear"):
        romanize.cache_clear()


def _run(lines: list[str], options: dict[str, Any], style: str | None) -> tuple[int, float]:
    """Caption every line; return the number of captions and the CPU seconds taken (CPU
    time, not wall time, so that a busy shared machine does not skew the figures)."""
    count = 0
    start = time.process_time()
    for line in lines:
        caps = annotate(line, **options)
        if style is not None:
            render(line, caps, style=style)
        count += len(caps)
    return count, time.process_time() - start


def bench(name: str, lines: list[str], options: dict[str, Any], style: str | None = None) -> None:
    size = sum(len(line.encode("utf-8")) for line in lines) / 1e6
    start = time.perf_counter()
    _clear_caches()
    annotate(WARM_UP, **options)  # first use: load lexicons/models
    startup = time.perf_counter() - start
    count, elapsed = _run(lines, options, style)
    print(
        f"{name:<34} start-up {startup:6.2f} s  {count:7d} captions  "
        f"{count / elapsed:9.0f} captions/s  {size / elapsed:6.2f} MB/s"
    )
    distinct = list(dict.fromkeys(lines))
    _clear_caches()
    count, elapsed = _run(distinct, options, style)
    size = sum(len(line.encode("utf-8")) for line in distinct) / 1e6
    print(
        f"{name + ' (cold, distinct lines)':<34} {'':17}{count:7d} captions  "
        f"{count / elapsed:9.0f} captions/s  {size / elapsed:6.2f} MB/s"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.5, help="corpus size in MB")
    parser.add_argument("--arabic-share", type=float, default=0.6)
    args = parser.parse_args(argv)
    lines = build_corpus(args.mb, arabic_share=args.arabic_share).splitlines(keepends=True)
    print(f"corpus: {args.mb} MB, {len(lines)} lines, Arabic-script share {args.arabic_share}")
    configs: list[tuple[str, dict[str, Any], str | None]] = [
        ("translit ala-lc, no diacritizer", {"diacritize": False}, None),
        ("translit ala-lc, diacritizer", {"diacritize": None}, None),
        ("translit + inline render", {"diacritize": False}, "inline"),
        ("translit + html render", {"diacritize": False}, "html"),
        ("translit buckwalter", {"scheme": "buckwalter"}, None),
    ]
    if gloss.gloss_available():
        configs.append(("gloss", {"mode": "gloss", "diacritize": False}, None))
    else:
        print("gloss: skipped (pip install 'polyglot-text[gloss]')")
    run: Callable[..., None] = bench
    for name, options, style in configs:
        run(name, lines, options, style)


if __name__ == "__main__":
    main()
