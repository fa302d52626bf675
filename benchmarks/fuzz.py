"""The long fuzz campaign, and every text function timed on adversarial inputs of growing size.

Run:
  python benchmarks/fuzz.py                    # both parts (about 15-25 minutes)
  python benchmarks/fuzz.py --scale 10         # a shorter campaign
  python benchmarks/fuzz.py --linear-only      # only the timings
  python benchmarks/fuzz.py --functions segments,to_logical --kinds dots,marks

1. Campaign: ``tests/test_fuzz.py`` (every public function on arbitrary Unicode, every CLI
   command on arbitrary bytes: no exception but the documented ones, one-line errors) with
   ``POLYGLOT_FUZZ_SCALE`` times its CI example counts.
2. Linear time: every function of `TEXT_FUNCTIONS` on every input of `ADVERSARIAL_UNITS`
   (``tests/fuzz_inputs.py``) at 1 KB, 100 KB and 1 MB of characters. It prints the seconds
   per MB at each size and the growth: seconds per MB at the largest size over seconds per MB
   at 1 KB (a linear pass: about 1 or less, since a small input pays fixed costs; a quadratic
   one: ~1,000 at 1 MB). A growth above `MAX_GROWTH` fails the run (exit 1). A function that
   takes more than `SLOW_SECONDS` at 100 KB is not run at 1 MB, and is judged at 100 KB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import ADVERSARIAL_UNITS, TEXT_FUNCTIONS, adversarial  # noqa: E402

import polyglot_text  # noqa: E402

#: Sizes timed, in characters.
SIZES = (1_000, 100_000, 1_000_000)
#: Seconds per MB at the largest size over seconds per MB at 1 KB above which a pass counts
#: as superlinear.
MAX_GROWTH = 4.0
#: Above this many seconds at 100 KB, a function is not run at 1 MB.
SLOW_SECONDS = 10.0


def _seconds(func: Callable[[str], Any], text: str, repeat: int) -> float:
    """Best of `repeat` wall-clock runs of ``func(text)`` (generators consumed)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(text)
        if hasattr(result, "__next__"):
            for _item in result:
                pass
        best = min(best, time.perf_counter() - start)
    return best


def _call(name: str, func: Callable[..., Any]) -> Callable[[str], Any]:
    allowed = TEXT_FUNCTIONS[name]

    def call(text: str) -> Any:
        try:
            return func(text)
        except allowed:
            return None

    return call


def linear(functions: list[str], kinds: list[str]) -> bool:
    """Time every function on every input kind; print the table; True if all are linear."""
    print(
        f"{'function':18s} {'input':22s} "
        + " ".join(f"{f's/MB {size // 1000}K':>11s}" for size in SIZES)
        + f" {'growth':>7s}"
    )
    ok = True
    for name in functions:
        func = getattr(polyglot_text, name, None)
        if func is None:
            print(f"{name:18s} not in this version, skipped")
            continue
        call = _call(name, func)
        call("warm up وفد حماس Hamas http://x.ps/")  # lazy tables load outside the timings
        for kind in kinds:
            per_mb: list[float] = []
            for size in SIZES:
                text = adversarial(kind, size)
                # One run each: a repeated run would read the words of a small input from
                # the per-word caches and look faster than the first pass over it.
                seconds = _seconds(call, text, repeat=1)
                per_mb.append(seconds / (len(text) / 1e6))
                if seconds > SLOW_SECONDS:
                    break
            growth = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else 0.0
            flag = ""
            if growth > MAX_GROWTH:
                flag = "  SUPERLINEAR"
                ok = False
            cells = [f"{value:11.3f}" for value in per_mb]
            cells += [f"{'-':>11s}"] * (len(SIZES) - len(per_mb))
            print(f"{name:18s} {kind:22s} " + " ".join(cells) + f" {growth:7.2f}{flag}", flush=True)
    return ok


def campaign(scale: int) -> bool:
    """Run tests/test_fuzz.py with `scale` times its example counts; True if it passed."""
    env = {**os.environ, "POLYGLOT_FUZZ_SCALE": str(scale)}
    print(f"campaign: tests/test_fuzz.py with POLYGLOT_FUZZ_SCALE={scale}", flush=True)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py"],
        cwd=ROOT,
        env=env,
        check=False,
    )
    print(f"campaign: exit {done.returncode} in {time.perf_counter() - start:.0f} s", flush=True)
    return done.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=50, help="campaign examples x CI's (50)")
    parser.add_argument("--linear-only", action="store_true", help="skip the campaign")
    parser.add_argument("--campaign-only", action="store_true", help="skip the timings")
    parser.add_argument("--functions", default=",".join(TEXT_FUNCTIONS))
    parser.add_argument("--kinds", default=",".join(ADVERSARIAL_UNITS))
    args = parser.parse_args()
    ok = True
    if not args.linear_only:
        ok = campaign(args.scale) and ok
    if not args.campaign_only:
        ok = linear(args.functions.split(","), args.kinds.split(",")) and ok
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
