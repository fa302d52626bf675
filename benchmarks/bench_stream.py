"""Streaming CLI at corpus scale: --jobs scaling and peak memory (RSS) for every command.

Run:
  python benchmarks/bench_stream.py --mb 50            # scaling table, --jobs 1 vs 2
  python benchmarks/bench_stream.py --rss-gb 2         # peak RSS on a 2 GB input (--jobs 2)
  python benchmarks/bench_stream.py --mb 50 --commands clean,urls --jobs 1,2,4

Writes a JSONL corpus (fixture lines with ids, `--mb` MB or `--rss-gb` GB) to a temporary
folder (removed afterwards unless `--corpus PATH` names one to reuse), then runs
``polyglot-text COMMAND --jsonl -o OUT CORPUS`` under GNU ``time -v`` (Debian package
``time``) for each command and --jobs value. It prints the wall time, the peak RSS of the
largest process of the tree (the kernel's VmHWM of every process, sampled every 0.5 s, and
GNU time's "Maximum resident set size", which sees only the CLI: the forkserver's workers are
not its children) and, for --rss-gb, the sum of every process's peak and the peak of the
sum of every process's Pss (shared pages counted once: what the tree takes), the CPU seconds of the reading/writing process and of the worker processes (sampled with
psutil every 0.5 s, so a little low), whether the output has as many records as the input,
and the load average before each run: other processes on the machine slow the runs down, so
compare speed-ups measured on a quiet machine.
Targets: >= 1.7x from 1 to 2 jobs on a 2-core machine; peak RSS <= 150 MB on 2 GB.
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
from typing import Any

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


def write_corpus(path: Path, megabytes: float) -> int:
    """Write about `megabytes` MB of JSONL records; return the record count."""
    lines = fixture_lines()
    target = int(megabytes * 1e6)
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
        [sys.executable, "-m", "polyglot_text", COMMAND_ARGS[command][0], "--help"],
        capture_output=True,
        text=True,
    )
    return done.returncode == 0 and "--jsonl" in done.stdout


def _cpu_seconds(process: Any) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _proc_mb(path: str, field: str) -> float:
    """A ``field: N kB`` line of a /proc file, in MB (0 if the process is gone)."""
    try:
        with open(path, encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _peak_rss_mb(pid: int) -> float:
    """The kernel's high-water mark of one process's resident set (VmHWM), in MB, or 0."""
    return _proc_mb(f"/proc/{pid}/status", "VmHWM:")


def _pss_mb(pid: int) -> float:
    """One process's proportional set size now (Pss: each shared page counted once over all
    the processes sharing it), in MB, or 0."""
    return _proc_mb(f"/proc/{pid}/smaps_rollup", "Pss:")


def run_one(command: str, corpus: Path, jobs: int, out: Path) -> dict[str, float]:
    """Run one command; wall seconds, peak RSS (MB: the largest process, and the sum over
    the tree), CPU seconds (parent / workers), records."""
    import psutil

    timer = shutil.which("time") or "/usr/bin/time"
    args = [timer, "-v", sys.executable, "-m", "polyglot_text", *COMMAND_ARGS[command]]
    args += ["--jobs", str(jobs), "-o", str(out), str(corpus)]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    parent_cpu = 0.0
    workers: dict[int, float] = {}
    # GNU time sees only processes that were waited for: the forkserver's workers are not,
    # so every process of the tree is sampled for its high-water mark (VmHWM never goes
    # down, so a sample misses at most the last half second of a process's growth).
    peaks: dict[int, float] = {}
    # The sum of VmHWM counts the pages the workers share with the forkserver (copy-on-write)
    # once per process; the sum of Pss, sampled, is what the tree takes from the machine.
    peak_pss = 0.0
    while proc.poll() is None:
        try:
            children = root.children()
            cli = children[0] if children else None
            if cli is not None:
                parent_cpu = _cpu_seconds(cli)
                for helper in cli.children():
                    for worker in helper.children():  # forkserver -> workers
                        workers[worker.pid] = _cpu_seconds(worker)
            pss = 0.0
            for process in root.children(recursive=True):
                peaks[process.pid] = max(peaks.get(process.pid, 0.0), _peak_rss_mb(process.pid))
                pss += _pss_mb(process.pid)
            peak_pss = max(peak_pss, pss)
        except psutil.Error:
            pass
        # every 0.5 s: psutil walks /proc (~5 ms), which would slow the 2-job runs down
        time.sleep(0.5)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    stderr = err.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{command} --jobs {jobs} failed: {stderr.strip()[-500:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    waited = float(match[1]) / 1024 if match else 0.0  # the CLI and what it waited for
    rss_mb = max([waited, *peaks.values()])
    records = _count_lines(out)
    out.unlink()
    return {
        "seconds": seconds,
        "rss_mb": rss_mb,
        "tree_mb": sum(peaks.values()) or waited,
        "pss_mb": peak_pss,
        "parent_cpu": parent_cpu,
        "worker_cpu": sum(workers.values()),
        "records": records,
        "load": load,
    }


def _make_corpus(args: argparse.Namespace, folder: Path, megabytes: float) -> tuple[Path, int]:
    corpus: Path = args.corpus or folder / "corpus.jsonl"
    if corpus.exists():
        return corpus, _count_lines(corpus)
    print(f"writing a {megabytes:,.0f} MB corpus to {corpus} ...", flush=True)
    return corpus, write_corpus(corpus, megabytes)


def scaling(args: argparse.Namespace, folder: Path, commands: list[str]) -> None:
    corpus, records = _make_corpus(args, folder, args.mb)
    jobs_list = [int(j) for j in args.jobs.split(",")]
    mb = corpus.stat().st_size / 1e6
    print(f"corpus: {mb:,.1f} MB, {records:,} records; {os.cpu_count()} cores")
    last_jobs = jobs_list[-1]
    heads = [f"jobs{j} s" for j in jobs_list] + [f"speedup{j}" for j in jobs_list[1:]]
    heads += ["RSS MB", "CPU s j1", f"parent j{last_jobs}", f"workers j{last_jobs}", "load"]
    print(f"{'command':9s} " + " ".join(f"{h:>10s}" for h in heads) + "  records")
    for command in commands:
        results = [run_one(command, corpus, jobs, folder / "out.jsonl") for jobs in jobs_list]
        base = results[0]["seconds"]
        cells = [f"{r['seconds']:10.1f}" for r in results]
        cells += [f"{base / r['seconds']:9.2f}x" for r in results[1:]]
        first, last = results[0], results[-1]
        cells += [
            f"{max(r['rss_mb'] for r in results):10.0f}",
            f"{first['parent_cpu']:10.1f}",
            f"{last['parent_cpu']:10.1f}",
            f"{last['worker_cpu']:10.1f}",
            f"{max(r['load'] for r in results):10.2f}",
        ]
        ok = all(r["records"] == records for r in results)
        print(
            f"{command:9s} " + " ".join(cells) + f"  {'in = out' if ok else 'DIFFER!'}",
            flush=True,
        )


def rss(args: argparse.Namespace, folder: Path, commands: list[str]) -> None:
    corpus, records = _make_corpus(args, folder, args.rss_gb * 1000)
    gb = corpus.stat().st_size / 1e9
    print(f"corpus: {gb:.2f} GB, {records:,} records; --jobs {args.rss_jobs}")
    print(
        f"{'command':9s} {'seconds':>8s} {'MB/s':>6s} {'peak RSS MB':>11s} {'tree MB':>8s}"
        f" {'tree PSS':>8s} {'load':>5s}  records"
    )
    for command in commands:
        r = run_one(command, corpus, args.rss_jobs, folder / "out.jsonl")
        ok = "all in = out" if r["records"] == records else f"DIFFER: {r['records']:,.0f}"
        print(
            f"{command:9s} {r['seconds']:8.0f} {gb * 1000 / r['seconds']:6.1f}"
            f" {r['rss_mb']:11.0f} {r['tree_mb']:8.0f} {r['pss_mb']:8.0f} {r['load']:5.2f}"
            f"  {records:,} {ok}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="scaling corpus size (MB)")
    parser.add_argument("--jobs", default="1,2", help="--jobs values to compare")
    parser.add_argument("--rss-gb", type=float, help="instead: peak RSS on a corpus of N GB")
    parser.add_argument("--rss-jobs", type=int, default=2, help="--jobs for the RSS runs")
    parser.add_argument("--commands", default=",".join(COMMAND_ARGS))
    parser.add_argument("--corpus", type=Path, help="reuse (and keep) the corpus at this path")
    args = parser.parse_args()
    if not (shutil.which("time") or os.path.exists("/usr/bin/time")):
        raise SystemExit("needs GNU time: apt-get install time")
    commands = []
    for command in args.commands.split(","):
        if _supported(command):
            commands.append(command)
        else:
            print(f"{command}: no --jsonl mode in this version, skipped")
    folder = Path(tempfile.mkdtemp(prefix="pt-bench-"))
    try:
        (rss if args.rss_gb else scaling)(args, folder, commands)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
