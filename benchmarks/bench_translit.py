"""Transliteration speed (MB/s) on the shared mixed corpus and on distinct Arabic news text,
diacritizer words/s, data load time.

Times are CPU seconds (`time.process_time`, best of 3), so a busy machine (the benchmark box
has 2 shared cores) skews them less; onnxruntime threads count too. "cold" = first pass in a
fresh process (every new word goes through the rules), "warm" = the same text again (words
come from the cache). The distinct text is PersoArabicLID's Arabic sentences (2 MB, from
../shared/external; skipped when absent), each cold run in its own process.

Targets (issue 5): buckwalter >= 20 MB/s, ala-lc without the diacritizer >= 5 MB/s, the
diacritizer path in words/s (batched, cached), scheme data load < 200 ms (lazy, once).

    python benchmarks/bench_translit.py [--mb 2] [--arabic-share 0.5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus

LOAD_SNIPPET = """
import time
import polyglot_text.translit as tr
t0 = time.process_time()
for name in tr.SCHEMES:
    tr.transliterate("تحميل", name, **({} if name in tr.LOSSLESS else {"diacritize": False}))
print(time.process_time() - t0)
"""


DISTINCT_SNIPPET = """
import sys, time
from polyglot_text.translit import transliterate
path, scheme = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
options = {} if scheme == "buckwalter" else {"diacritize": False}
transliterate("تحميل", scheme, **options)  # tables and scanners: the data load, timed apart
t0 = time.process_time()
transliterate(text, scheme, **options)
cold = time.process_time() - t0
warm = float("inf")
for _ in range(3):
    t0 = time.process_time()
    transliterate(text, scheme, **options)
    warm = min(warm, time.process_time() - t0)
print(cold, warm)
"""


def _distinct_run(path: Path, scheme: str) -> tuple[float, float]:
    """(cold, warm) CPU seconds for `path` in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", DISTINCT_SNIPPET, str(path), scheme],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1])


def _mbps(func: object, text: str, repeat: int = 3) -> float:
    size = len(text.encode("utf-8")) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        func(text)  # type: ignore[operator]
        best = min(best, time.process_time() - t0)
    return size / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--arabic-share", type=float, default=None)
    parser.add_argument("--words", type=int, default=3000, help="words for the diacritizer run")
    args = parser.parse_args()

    load = float(
        subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True
        ).stdout
    )
    from polyglot_text.translit import SCHEMES

    print(
        f"data load, all {len(SCHEMES)} schemes + lexicon, first use in a fresh process: {load * 1000:.0f} ms"
    )

    from polyglot_text.translit import (
        diacritizer_available,
        transliterate,
        transliterate_words,
    )

    text = build_corpus(args.mb, arabic_share=args.arabic_share)
    arabic_words = len(transliterate_words(text, "buckwalter"))
    print(f"corpus: {len(text.encode('utf-8')) / 1e6:.2f} MB, {arabic_words} Arabic-script words")
    print("mixed corpus, CPU time, warm = best of 3, first pass = once:")
    for scheme in ("buckwalter", "buckwalter-xml", "safe-buckwalter", "hsb"):
        cold = _mbps(lambda t, s=scheme: transliterate(t, s), text, repeat=1)
        warm = _mbps(lambda t, s=scheme: transliterate(t, s), text)
        print(f"{scheme:16s} {warm:8.1f} MB/s, first pass {cold:.1f} MB/s")
    for scheme in ("ala-lc", "ala-lc-fa", "ala-lc-ur", "din-31635", "bgn-pcgn", "iso-233-2"):
        cold = _mbps(lambda t, s=scheme: transliterate(t, s, diacritize=False), text, repeat=1)
        warm = _mbps(lambda t, s=scheme: transliterate(t, s, diacritize=False), text)
        print(f"{scheme:16s} {warm:8.1f} MB/s, first pass {cold:.1f} MB/s (no diacritizer)")
    news = Path(__file__).resolve().parents[2] / "shared/external/persoarabic-lid/Arabic_arb.txt"
    if news.exists():
        size = len(news.read_text(encoding="utf-8").encode("utf-8")) / 1e6
        for scheme in ("buckwalter", "ala-lc"):
            runs = [_distinct_run(news, scheme) for _ in range(3)]
            cold = size / min(r[0] for r in runs)
            warm = size / min(r[1] for r in runs)
            print(
                f"{scheme:16s} {warm:8.1f} MB/s, cold {cold:.1f} MB/s on {size:.2f} MB of distinct "
                "Arabic news sentences (PersoArabicLID; cold = fresh process, best of 3)"
            )
    if diacritizer_available():
        from polyglot_text.translit import diacritizer

        lines = [ln for ln in text.splitlines() if any("\u0600" <= c <= "\u06ff" for c in ln)]
        sample: list[str] = []
        count = 0
        for line in lines:
            if count >= args.words:
                break
            sample.append(line)
            count += len(transliterate_words(line, "buckwalter"))
        joined = "\n".join(sample)
        t0 = time.process_time()
        transliterate(joined[:20], "ala-lc", diacritize=True)  # model load
        load_model = time.process_time() - t0
        diacritizer._LINE_CACHE.clear()
        t0 = time.process_time()
        words = transliterate_words(joined, "ala-lc", diacritize=True)
        dt = time.process_time() - t0
        t0 = time.process_time()
        transliterate_words(joined, "ala-lc", diacritize=True)
        cached = time.process_time() - t0
        print(
            f"ala-lc + diacritizer: {len(words) / dt:,.0f} words/s ({len(words)} words of "
            f"running text, model load {load_model:.2f} s); repeated text from the cache: "
            f"{len(words) / cached:,.0f} words/s"
        )
    else:
        print("diacritizer: extra not installed (pip install 'polyglot-text[diacritize]')")


if __name__ == "__main__":
    main()
