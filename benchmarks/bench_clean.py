"""Throughput of `normalize`, `fix_mojibake` and `clean`, side by side with `ftfy.fix_text`.

Every function runs on the same corpus in the same process (`benchmarks/corpus.py`,
``build_corpus``), one call per line as the CLI makes them, and is reported in MB/s of UTF-8
input. "clean input" is the corpus after one `clean` pass: the common case of text that needs
nothing, which the pipeline must pass through at the cost of a few searches that find nothing.

    python benchmarks/bench_clean.py            # 20 MB corpora
    python benchmarks/bench_clean.py --mb 5     # quicker

Targets (one core): clean >= 25 MB/s on clean input and >= 10x ftfy.fix_text;
normalize(profile="search") >= 15 MB/s on Arabic-heavy text.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import build_corpus
from polyglot_text import clean, fix_mojibake, normalize


def _rate(func: Callable[[str], str], lines: list[str], size: float, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for line in lines:
            func(line)
        best = min(best, time.process_time() - start)
    return size / best


def _blocks(lines: list[str], size: int) -> list[str]:
    return ["".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs (default 1)")
    parser.add_argument("--no-ftfy", action="store_true", help="skip the (slow) ftfy baseline")
    args = parser.parse_args()

    import ftfy

    from polyglot_text.cli._stream import GROUP_LINES as BLOCK_LINES

    mixed = build_corpus(args.mb).splitlines(keepends=True)
    arabic = build_corpus(args.mb, seed=1, arabic_share=0.9).splitlines(keepends=True)
    cleaned = [clean(line) for line in mixed]
    corpora = {"mixed": mixed, "arabic-heavy": arabic, "clean input": cleaned}
    for name in list(corpora):
        corpora[name + " [blocks]"] = _blocks(corpora[name], BLOCK_LINES)
    sizes = {
        name: sum(len(x.encode("utf-8", "surrogatepass")) for x in c) / 1e6
        for name, c in corpora.items()
    }
    rows: dict[tuple[str, str], float] = {}

    def bench(label: str, func: Callable[[str], str], corpus: str) -> None:
        rate = _rate(func, corpora[corpus], sizes[corpus], args.repeat)
        rows[(label, corpus)] = rate
        print(f"{label:<28} {corpus:<22} {rate:8.1f} MB/s", flush=True)

    print(
        f"corpus: {sizes['mixed']:.1f} MB mixed, {sizes['arabic-heavy']:.1f} MB Arabic-heavy "
        f"({len(mixed)} lines); one call per line, or per block of {BLOCK_LINES} lines as "
        f"`polyglot-text clean` makes them; CPU time; Python {sys.version.split()[0]}, "
        f"ftfy {ftfy.__version__}"
    )
    search: Callable[[str], str] = functools.partial(normalize, profile="search")
    for suffix in ("", " [blocks]"):
        bench("normalize(profile='clean')", normalize, "mixed" + suffix)
        bench("normalize(profile='search')", search, "arabic-heavy" + suffix)
        bench("normalize(profile='search')", search, "mixed" + suffix)
        bench("fix_mojibake", fix_mojibake, "mixed" + suffix)
        bench("clean", clean, "clean input" + suffix)
        bench("clean", clean, "mixed" + suffix)
        bench("clean", clean, "arabic-heavy" + suffix)
        if not args.no_ftfy:
            bench("ftfy.fix_text", ftfy.fix_text, "clean input" + suffix)
            bench("ftfy.fix_text", ftfy.fix_text, "mixed" + suffix)
            for corpus in ("clean input", "mixed"):
                ratio = rows[("clean", corpus + suffix)] / rows[("ftfy.fix_text", corpus + suffix)]
                print(f"  clean / ftfy.fix_text on {corpus + suffix}: {ratio:.1f}x")


if __name__ == "__main__":
    main()
