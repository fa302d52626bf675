"""Speed of the URL finder, in MB/s of UTF-8 input, on the shared mixed corpus.

    python benchmarks/bench_urls.py [MB]          # throughput
    python benchmarks/bench_urls.py --adversarial # seconds per MB at 0.25/0.5/1/2 MB: linear?

Measures `find_urls` (finder + WHATWG normal forms) and `url_spans` (the finder alone, as
`segments()` calls it) on the whole corpus, per line, and on the corpus lines holding no URL
("text with few URLs", the common case: target >= 20 MB/s), plus linkify-it-py for reference
when it is installed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import build_corpus
from polyglot_text.urls import find_urls, url_spans


def _best(func: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def throughput(megabytes: float) -> None:
    text = build_corpus(megabytes)
    lines = text.splitlines()
    few = "\n".join(line for line in lines if not url_spans(line)) + "\n"
    size = len(text.encode("utf-8")) / 1e6
    few_size = len(few.encode("utf-8")) / 1e6
    url_count = len(url_spans(text))
    print(f"corpus: {size:.1f} MB, {len(lines)} lines, {url_count} URLs")
    rows: list[tuple[str, float, float]] = [
        ("find_urls, whole corpus", size, _best(lambda: find_urls(text))),
        ("url_spans, whole corpus", size, _best(lambda: url_spans(text))),
        ("url_spans, line by line", size, _best(lambda: [url_spans(ln) for ln in lines])),
        ("find_urls, lines without URLs", few_size, _best(lambda: find_urls(few))),
    ]
    try:
        from linkify_it import LinkifyIt
    except ImportError:
        pass
    else:
        linkify = LinkifyIt()
        sample = lines[: max(1, len(lines) // 10)]
        sample_size = len("\n".join(sample).encode("utf-8")) / 1e6
        rows.append(
            (
                "linkify-it-py match(), line by line (reference)",
                sample_size,
                _best(lambda: [linkify.match(ln) for ln in sample], 1),
            )
        )
    for name, megs, seconds in rows:
        print(f"{name:50s} {megs / seconds:8.1f} MB/s")


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "http:// x N": lambda n: "http://" * (n // 7),
    "a. x N": lambda n: "a." * (n // 2),
    "( x N in a path": lambda n: "http://x.com/" + "(" * n,
    ") x N after a URL": lambda n: "http://x.com/a" + ")" * n,
    "% x N in a path": lambda n: "http://x.com/" + "%" * n,
    "www. x N": lambda n: "www." * (n // 4),
    "mailto: x N": lambda n: "mailto:" * (n // 7),
    "a.b+ x N (email local parts)": lambda n: "a.b+" * (n // 4) + "@x.com",
    "a.b  x N (word.word prose)": lambda n: "a.b " * (n // 4),
    " //a x N": lambda n: " //a" * (n // 4),
    "مصر. x N": lambda n: "مصر." * (n // 8),
}


def adversarial() -> None:
    sizes = (250_000, 500_000, 1_000_000, 2_000_000)
    print(f"{'input':32s}" + "".join(f"{s / 1e6:>9.2f}MB" for s in sizes) + "   (s per MB)")
    for name, make in ADVERSARIAL.items():
        cells = []
        for size in sizes:
            text = make(size)
            seconds = _best(lambda text=text: find_urls(text), 1)  # type: ignore[misc]
            cells.append(seconds / (len(text.encode("utf-8")) / 1e6))
        print(f"{name:32s}" + "".join(f"{c:11.3f}" for c in cells))


if __name__ == "__main__":
    if "--adversarial" in sys.argv[1:]:
        adversarial()
    else:
        args = [a for a in sys.argv[1:] if not a.startswith("-")]
        throughput(float(args[0]) if args else 5.0)
