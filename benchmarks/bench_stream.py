"""Streaming CLI at corpus scale: peak memory (RSS) and throughput per command, and --jobs scaling.

Run: python benchmarks/bench_stream.py [--gb 2] [--commands clean,segment,...] [--jobs 1,2]

Writes a JSONL corpus of about --gb GB (fixture lines with ids) to a temporary folder, then
runs ``polyglot-text COMMAND --jsonl -o OUT`` on it under ``/usr/bin/time -v`` (Debian
package ``time``) for each command and --jobs value, and prints wall time, MB/s, the peak
RSS of the largest process (the CLI or one worker: GNU time reports the maximum over the
process tree), the record count of the output (which must equal the input's), and the
speed-up of each --jobs value over --jobs 1.
Targets: peak RSS <= 150 MB per process whatever the input size; >= 1.7x from 1 to 2 jobs
on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import fixture_lines

COMMAND_ARGS = {
    "clean": ["clean", "--jsonl"],
    "segment": ["segment", "--jsonl"],
    "urls": ["urls", "--jsonl"],
    "translit": ["translit", "--scheme", "buckwalter", "--jsonl"],
    "caption": ["caption", "--jsonl"],
    "show": ["show", "--jsonl"],
}


def write_corpus(path: Path, gigabytes: float) -> int:
    """Write about `gigabytes` GB of JSONL records; return the record count."""
    lines = fixture_lines()
    target = int(gigabytes * 1e9)
    encoded = [json.dumps({"text": line}, ensure_ascii=False)[1:].encode("utf-8") for line in lines]
    size = count = 0
    with path.open("wb", buffering=1 << 20) as out:
        while size < target:
            for tail in encoded:
                record = b'{"id":%d,' % count + tail + b"\n"
                out.write(record)
                size += len(record)
                count += 1
                if size >= target:
                    break
    return count


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
    return count


def _supported(command: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "polyglot_text", *COMMAND_ARGS[command][:1], "--help"],
        capture_output=True,
        text=True,
    )
    return done.returncode == 0 and "--jsonl" in done.stdout


def run_one(command: str, corpus: Path, jobs: int, out: Path) -> dict[str, float]:
    timer = shutil.which("time") or "/usr/bin/time"
    args = [
        timer,
        "-v",
        sys.executable,
        "-m",
        "polyglot_text",
        *COMMAND_ARGS[command],
        "--jobs",
        str(jobs),
        "-o",
        str(out),
        str(corpus),
    ]
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command} --jobs {jobs} failed: {done.stderr.strip()[-500:]}")
    rss_kb = float(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])  # type: ignore[index]
    return {"seconds": seconds, "rss_mb": rss_kb / 1024, "records": _count_lines(out)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gb", type=float, default=2.0)
    parser.add_argument("--commands", default=",".join(COMMAND_ARGS))
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--keep", type=Path, help="reuse/keep the corpus at this path")
    args = parser.parse_args()
    if not (shutil.which("time") or os.path.exists("/usr/bin/time")):
        raise SystemExit("needs GNU time: apt-get install time")
    folder = Path(tempfile.mkdtemp(prefix="pt-bench-"))
    corpus = args.keep or folder / "corpus.jsonl"
    records = _count_lines(corpus) if corpus.exists() else write_corpus(corpus, args.gb)
    mb = corpus.stat().st_size / 1e6
    print(f"corpus: {mb:,.0f} MB, {records:,} records ({corpus})")
    print(
        f"{'command':10s} {'jobs':>4s} {'seconds':>8s} {'MB/s':>7s} {'peak RSS':>9s} "
        f"{'records out':>12s} {'speed-up':>8s}"
    )
    try:
        for command in args.commands.split(","):
            if not _supported(command):
                print(f"{command:10s} (no --jsonl mode in this version)")
                continue
            base = None
            for jobs in [int(j) for j in args.jobs.split(",")]:
                result = run_one(command, corpus, jobs, folder / "out.jsonl")
                base = base or result["seconds"]
                ok = "" if result["records"] == records else "  <-- RECORD COUNT DIFFERS"
                print(
                    f"{command:10s} {jobs:4d} {result['seconds']:8.1f} "
                    f"{mb / result['seconds']:7.1f} {result['rss_mb']:7.0f} MB "
                    f"{int(result['records']):12,d} {base / result['seconds']:7.2f}x{ok}",
                    flush=True,
                )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            (folder / "out.jsonl").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
