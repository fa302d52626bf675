"""Throughput of `segments()` and `tokens()` on the shared mixed corpus.

Run: python benchmarks/bench_segment.py [--mb 10] [--doc-lines 40]

Prints MB/s (UTF-8 megabytes of input per CPU second, best of 3) for three document sizes (the
whole corpus as one string, documents of --doc-lines lines, single lines as the line-by-line
CLI sees them), and how many langdetect calls each needed per MB. Target (issue 2): >= 10 MB/s
on the corpus on one core, with langdetect called at most about once per document or large
chunk: the row "whole corpus". Shorter documents pay a fixed cost per call (and a langdetect
call where the letters leave a choice), so their rows are lower; they are printed so that the
cost of small inputs stays visible.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus

from polyglot_text import langid, segments, tokens


def _timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best of `repeat` runs, in CPU seconds of this process (one core, whatever the load)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def import_seconds(runs: int = 5) -> float:
    """Best-of-`runs` wall time of ``import polyglot_text`` in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); import polyglot_text; print(time.perf_counter() - t)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--doc-lines", type=int, default=40, help="lines per document")
    args = parser.parse_args()

    text = build_corpus(args.mb)
    mb = len(text.encode("utf-8")) / 1e6
    lines = text.splitlines(keepends=True)
    docs = ["".join(lines[i : i + args.doc_lines]) for i in range(0, len(lines), args.doc_lines)]
    print(f"import polyglot_text: {import_seconds() * 1000:.0f} ms (target < 150 ms)")
    print(f"corpus: {mb:.1f} MB, {len(lines):,} lines, {len(docs):,} documents")
    segments("warm up وفد حماس")  # load langdetect profiles outside the timings

    cases: list[tuple[str, Callable[[], object]]] = [
        ("tokens(), whole corpus", lambda: sum(1 for _ in tokens(text))),
        ("segments(), whole corpus", lambda: segments(text)),
        (f"segments(), {args.doc_lines}-line documents", lambda: [segments(d) for d in docs]),
        ("segments(), one line at a time", lambda: [segments(ln) for ln in lines]),
    ]
    for name, fn in cases:
        before = langid.langdetect_calls()
        fn()
        calls = langid.langdetect_calls() - before
        seconds = _timed(fn)
        print(f"{name:40s} {mb / seconds:7.1f} MB/s   langdetect calls/MB: {calls / mb:8.1f}")


if __name__ == "__main__":
    main()
