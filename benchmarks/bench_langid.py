"""Language-ID accuracy: polyglot_text against raw langdetect on the same labelled sets.

Run: python benchmarks/bench_langid.py [--external ../shared/external]

Prints accuracy on short strings (ours: `detect_language`; langdetect: `detect` over all
55 profiles, seeded) and per-letter accuracy on mixed texts (ours: `segments` labels;
langdetect whole-text: one label per text; langdetect per run: one call per script run), and accuracy on 10-line corpus documents with
Persian and Urdu retyped on an Arabic keyboard layout (ي ك for ی ک).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

import arabic_reshaper

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import langid_eval  # noqa: E402

from polyglot_text import detect_language, segments  # noqa: E402


def _langdetect():
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    return detect


def evaluate(external: Path) -> dict[str, float]:
    detect = _langdetect()
    folder = external / "persoarabic-lid"
    short = langid_eval.own_short_strings() + langid_eval.corpus_short_strings(folder)
    ours = sum(detect_language(t) == lang for lang, t in short)
    raw = 0
    for lang, text in short:
        with contextlib.suppress(Exception):
            raw += detect(text) == lang
    mixed = [
        *langid_eval.mixed_texts(folder),
        langid_eval.seed_mixed(ROOT / "fixtures" / "seed_article.txt"),
    ]
    total = ours_ok = whole_ok = run_ok = 0
    for item in mixed:
        truth = item.truth()
        predicted: dict[int, str | None] = {}
        per_run: dict[int, str | None] = {}
        for seg in segments(item.text):
            if seg.kind != "text":
                continue
            try:
                run_label = detect(seg.text)
            except Exception:
                run_label = None
            for i in range(seg.start, seg.end):
                predicted[i] = seg.lang
                per_run[i] = run_label
        try:
            whole = detect(item.text)
        except Exception:
            whole = None
        for offset, lang in truth.items():
            total += 1
            ours_ok += predicted.get(offset) == lang
            whole_ok += whole == lang
            run_ok += per_run.get(offset) == lang
    layout = langid_eval.arabic_layout_documents(folder)
    layout_ours = sum(detect_language(t) == lang for lang, t in layout)
    layout_raw = 0
    for lang, text in layout:
        with contextlib.suppress(Exception):
            layout_raw += detect(text) == lang
    # The same Arabic-script short strings, shaped into presentation forms as PDFs export them.
    shaped = [
        (lang, arabic_reshaper.reshape(text)) for lang, text in short if lang in ("ar", "fa", "ur")
    ]
    shaped_ours = sum(detect_language(t) == lang for lang, t in shaped)
    shaped_raw = 0
    for lang, text in shaped:
        with contextlib.suppress(Exception):
            shaped_raw += detect(text) == lang
    return {
        "shaped_n": len(shaped),
        "shaped_ours": shaped_ours / len(shaped),
        "shaped_langdetect": shaped_raw / len(shaped),
        "layout_n": len(layout),
        "layout_ours": layout_ours / len(layout),
        "layout_langdetect": layout_raw / len(layout),
        "short_n": len(short),
        "short_ours": ours / len(short),
        "short_langdetect": raw / len(short),
        "mixed_n": len(mixed),
        "mixed_letters": total,
        "mixed_ours": ours_ok / total,
        "mixed_langdetect_whole": whole_ok / total,
        "mixed_langdetect_per_run": run_ok / total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--external", type=Path, default=ROOT.parent / "shared" / "external")
    args = parser.parse_args()
    start = time.perf_counter()
    result = evaluate(args.external)
    print(f"short strings ({result['short_n']}):")
    print(f"  polyglot_text.detect_language  {result['short_ours']:.1%}")
    print(f"  langdetect.detect (seeded)     {result['short_langdetect']:.1%}")
    print(f"mixed texts ({result['mixed_n']}, {result['mixed_letters']} letters):")
    print(f"  polyglot_text.segments         {result['mixed_ours']:.2%}")
    print(f"  langdetect, whole text         {result['mixed_langdetect_whole']:.2%}")
    print(f"  langdetect, per script run     {result['mixed_langdetect_per_run']:.2%}")
    print(f"10-line documents, Persian/Urdu typed with Arabic yeh/kaf ({result['layout_n']}):")
    print(f"  polyglot_text.detect_language  {result['layout_ours']:.1%}")
    print(f"  langdetect.detect (seeded)     {result['layout_langdetect']:.1%}")
    print(
        f"short Arabic-script strings in presentation forms, as from a PDF ({result['shaped_n']}):"
    )
    print(f"  polyglot_text.detect_language  {result['shaped_ours']:.1%}")
    print(f"  langdetect.detect (seeded)     {result['shaped_langdetect']:.1%}")
    print(f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
