"""ALA-LC word accuracy on every token of camel-ala-lc ``size1.0.tsv`` (external test data).

Scores 97,883 unvowelled catalogue tokens against their most frequent ALA-LC form, after
folding apostrophe variants and case (as ``tests/test_translit_camel.py`` does on subsets),
frequency-weighted and unweighted, for each source of vowels:

- ``rules``: hand lexicon + rules on the bare letters (no extra);
- ``gloss-hook``: + the ``gloss`` extra's vowelled forms as the ``vowelled`` hook;
- ``diacritizer``: + text2tashkeel, the gloss tier off (``--no-gloss-tier`` forces it);
- ``diacritizer+gloss``: + text2tashkeel with the gloss tier (the default when both extras
  are installed).

The diacritizer runs take ~3 CPU minutes each. ``--errors N`` prints the N most frequent
errors of the last mode; ``--modes`` picks modes (comma-separated).

    python benchmarks/eval_translit_camel.py [--modes rules,diacritizer+gloss] [--errors 40]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import EXTERNAL  # noqa: E402
from test_translit_camel import accuracy, load  # noqa: E402

MODES = ("rules", "gloss-hook", "diacritizer", "diacritizer+gloss")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    path = EXTERNAL / "camel-ala-lc" / "size1.0.tsv"
    if not path.exists():
        sys.exit(f"{path} not found (see ../shared/external/README.md)")
    rows = load(path)
    print(f"{len(rows)} tokens, {sum(r[2] for r in rows)} running tokens")

    from polyglot_text.gloss import gloss_available, vowelled_form
    from polyglot_text.translit import diacritizer, diacritizer_available, morph

    errors: list[tuple[str, str, str, int]] = []
    for mode in args.modes.split(","):
        if mode not in MODES:
            sys.exit(f"unknown mode {mode!r}; modes: {', '.join(MODES)}")
        if "diacritizer" in mode and not diacritizer_available():
            print(f"{mode}: skipped (diacritize extra not installed)")
            continue
        if "gloss" in mode and not gloss_available():
            print(f"{mode}: skipped (gloss extra not installed)")
            continue
        diacritizer._LINE_CACHE.clear()
        morph.ENABLED = mode != "diacritizer"
        t0 = time.process_time()
        if mode == "rules":
            weighted, unweighted, errors = accuracy(rows, diacritize=False)
        elif mode == "gloss-hook":
            weighted, unweighted, errors = accuracy(rows, diacritize=False, vowelled=vowelled_form)
        else:
            weighted, unweighted, errors = accuracy(rows, diacritize=True)
        cpu = time.process_time() - t0
        print(
            f"{mode:18s} weighted {weighted:.4f}  unweighted {unweighted:.4f}  [{cpu:.0f} s CPU]",
            flush=True,
        )
    morph.ENABLED = True
    for token, expected, got, count in sorted(errors, key=lambda e: -e[3])[: args.errors]:
        print(f"{count:7d}  {token}  {expected}  {got}")


if __name__ == "__main__":
    main()
