"""polyglot-text side by side with the libraries a user would otherwise stitch together.

Run (one process, one corpus, one core):

    pip install -e '.[bench]' && pip install --no-deps camel-tools
    python benchmarks/compare.py [--mb 20] [--markdown benchmarks/RESULTS.md]

camel-tools is installed with ``--no-deps``: its character maps and normalisers need no
torch or transformers, only ``emoji`` (in the ``bench`` extra). Each task runs our function
and each anchor on the same corpus and prints MB/s (UTF-8 input megabytes per second) and the
ratio ours/anchor; ``--markdown`` also writes the table that the README includes. Anchors that
are not installed are listed as such, never silently dropped.

The tasks are not always the same work: ``clean`` does mojibake repair, bidi-control removal,
presentation-form folding and glued-URL splitting, where ``ftfy.fix_text`` does the first;
a row's "note" says what differs.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus

import polyglot_text

LANGDETECT_STRIDE = 20


@dataclass
class Row:
    task: str
    name: str
    seconds: float | None  # None: not installed / not available
    note: str = ""


def _time(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _optional(module: str) -> object | None:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def _lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def tasks(text: str) -> list[tuple[str, str, Callable[[], object] | None, str]]:
    """(task, implementation, callable or None when unavailable, note)."""
    lines = _lines_of(text)
    out: list[tuple[str, str, Callable[[], object] | None, str]] = []
    pt = polyglot_text

    def ours(name: str) -> Callable[..., object] | None:
        return getattr(pt, name, None)

    # --- cleaning ----------------------------------------------------------------------------
    clean = ours("clean")
    out.append(("clean text", "polyglot_text.clean", clean and (lambda: clean(text)), ""))
    ftfy = _optional("ftfy")
    out.append(
        (
            "clean text",
            "ftfy.fix_text",
            ftfy and (lambda: [ftfy.fix_text(ln) for ln in lines]),  # type: ignore[attr-defined]
            "mojibake + quotes/HTML entities only; per line (ftfy's own segmenting)",
        )
    )
    normalize = ours("normalize")
    out.append(
        (
            "search normalisation",
            'polyglot_text.normalize(profile="search")',
            normalize and (lambda: normalize(text, profile="search")),
            "",
        )
    )
    camel_norm = _optional("camel_tools.utils.normalize")
    camel_dediac = _optional("camel_tools.utils.dediac")
    if camel_norm and camel_dediac:

        def camel() -> object:
            t = camel_norm.normalize_unicode(text)  # type: ignore[attr-defined]
            t = camel_dediac.dediac_ar(t)  # type: ignore[attr-defined]
            t = camel_norm.normalize_alef_ar(t)  # type: ignore[attr-defined]
            t = camel_norm.normalize_alef_maksura_ar(t)  # type: ignore[attr-defined]
            return camel_norm.normalize_teh_marbuta_ar(t)  # type: ignore[attr-defined]

        out.append(("search normalisation", "camel-tools normalize_* + dediac_ar", camel, ""))
    else:
        out.append(("search normalisation", "camel-tools normalize_* + dediac_ar", None, ""))
    araby = _optional("pyarabic.araby")
    out.append(
        (
            "search normalisation",
            "pyarabic strip_tashkeel + normalize_*",
            araby
            and (
                lambda: araby.normalize_teh(  # type: ignore[attr-defined]
                    araby.normalize_alef(  # type: ignore[attr-defined]
                        araby.normalize_hamza(araby.strip_tashkeel(text))  # type: ignore[attr-defined]
                    )
                )
            ),
            "hamza folded too (pyarabic has no alef-only fold)",
        )
    )

    # --- transliteration ---------------------------------------------------------------------
    translit = ours("transliterate")
    out.append(
        (
            "Buckwalter",
            'polyglot_text.transliterate(scheme="buckwalter")',
            translit and (lambda: translit(text, "buckwalter")),
            "Arabic-script runs only; Latin text left alone",
        )
    )
    charmap = _optional("camel_tools.utils.charmap")
    if charmap:
        ar2bw = charmap.CharMapper.builtin_mapper("ar2bw")  # type: ignore[attr-defined]
        out.append(("Buckwalter", "camel-tools ar2bw", lambda: ar2bw(text), "maps Latin too"))
    else:
        out.append(("Buckwalter", "camel-tools ar2bw", None, ""))

    # --- URLs ----------------------------------------------------------------------------------
    find_urls = ours("find_urls")
    out.append(
        ("find URLs", "polyglot_text.find_urls", find_urls and (lambda: find_urls(text)), "")
    )
    linkify_mod = _optional("linkify_it")
    if linkify_mod:
        linkify = linkify_mod.LinkifyIt()  # type: ignore[attr-defined]
        out.append(
            ("find URLs", "linkify-it-py match", lambda: linkify.match(text), "misses glued URLs")
        )
    else:
        out.append(("find URLs", "linkify-it-py match", None, ""))

    # --- language ------------------------------------------------------------------------------
    out.append(
        (
            "language segments",
            "polyglot_text.segments",
            lambda: [pt.segments(d) for d in _documents(lines)],
            "40-line documents; offsets + joint labels",
        )
    )
    langdetect = _optional("langdetect")
    if langdetect:

        def per_run() -> object:
            from langdetect import DetectorFactory, detect
            from langdetect.lang_detect_exception import LangDetectException

            DetectorFactory.seed = 0
            labels = []
            # langdetect runs at ~0.1 MB/s here: time it on every 20th document only and
            # scale (the "note" column says so).
            for doc in _documents(lines)[::LANGDETECT_STRIDE]:
                for seg in pt.segments(doc):
                    if seg.kind == "text":
                        try:
                            labels.append(detect(seg.text))
                        except LangDetectException:
                            labels.append(None)
            return labels

        out.append(
            (
                "language segments",
                "langdetect per run",
                per_run,
                f"our runs + one detect() each; timed on 1/{LANGDETECT_STRIDE} of the corpus",
            )
        )

    # --- display -------------------------------------------------------------------------------
    to_visual = ours("to_visual")
    out.append(
        (
            "visual order",
            "polyglot_text.to_visual",
            to_visual and (lambda: [to_visual(ln) for ln in lines]),
            "per line",
        )
    )
    reshaper = _optional("arabic_reshaper")
    bidi = _optional("bidi")
    if reshaper and bidi:
        from bidi import get_display

        out.append(
            (
                "visual order",
                "arabic_reshaper.reshape + bidi.get_display",
                lambda: [get_display(reshaper.reshape(ln)) for ln in lines],  # type: ignore[attr-defined]
                "drops harakat by default",
            )
        )
    return out


def _documents(lines: list[str], size: int = 40) -> list[str]:
    return ["".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def run(megabytes: float, repeat: int) -> tuple[float, list[Row]]:
    text = build_corpus(megabytes)
    mb = len(text.encode("utf-8")) / 1e6
    polyglot_text.segments("warm up وفد حماس")  # load langdetect outside the timings
    rows = []
    for task, name, func, note in tasks(text):
        if func is None:
            rows.append(Row(task, name, None, note or "not installed / not available"))
            continue
        func()  # warm caches and lazy tables once
        seconds = _time(func, repeat)
        if name == "langdetect per run":
            seconds *= LANGDETECT_STRIDE  # timed on every LANGDETECT_STRIDE-th document
        rows.append(Row(task, name, seconds, note))
    return mb, rows


def table(mb: float, rows: list[Row]) -> str:
    ours = {r.task: r.seconds for r in rows if r.name.startswith("polyglot_text")}
    lines = [
        f"Corpus: {mb:.1f} MB of mixed Arabic/Persian/Urdu/English (benchmarks/corpus.py), "
        f"one core, Python {platform.python_version()}, best of the runs.",
        "",
        "| task | implementation | MB/s | ours is N× faster | note |",
        "|---|---|---:|---:|---|",
    ]
    for r in rows:
        if r.seconds is None:
            lines.append(f"| {r.task} | {r.name} | – | – | {r.note} |")
            continue
        ratio = ""
        mine = ours.get(r.task)
        if mine and not r.name.startswith("polyglot_text"):
            ratio = f"{r.seconds / mine:.2f}x"
        speed = mb / r.seconds
        shown = f"{speed:.1f}" if speed >= 1 else f"{speed:.2f}"
        lines.append(f"| {r.task} | {r.name} | {shown} | {ratio} | {r.note} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size (default 20)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per row (best is kept)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    mb, rows = run(args.mb, args.repeat)
    result = table(mb, rows)
    print(result)
    if args.markdown:
        args.markdown.write_text(result, encoding="utf-8")


if __name__ == "__main__":
    main()
