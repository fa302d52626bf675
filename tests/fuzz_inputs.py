"""Inputs of the fuzz campaign, shared by `tests/test_fuzz.py` (CI-sized) and
`benchmarks/fuzz.py` (longer, and the 1 KB vs 1 MB timings).

`TEXT_FUNCTIONS` is the contract: every public function that takes text, and the exceptions it
documents for arbitrary `str` input. `ADVERSARIAL` holds inputs built to hit the slow paths of
regexes and scanners (long runs of what a pattern looks at, backs off over or pairs up), as a
prefix, a unit repeated to the size asked for, and a suffix.

>>> len(adversarial("dots", 1000))
1000
"""

from __future__ import annotations

import os

#: Multiplies the example counts of the hypothesis tests in `test_fuzz.py`
#: (``POLYGLOT_FUZZ_SCALE=50 pytest tests/test_fuzz.py``: what `benchmarks/fuzz.py` runs).
SCALE = max(1, int(os.environ.get("POLYGLOT_FUZZ_SCALE", "1") or "1"))

# name -> exceptions the function documents for arbitrary str input (none means: never raises)
TEXT_FUNCTIONS: dict[str, tuple[type[Exception], ...]] = {
    "segments": (),
    "tokens": (),
    "detect_language": (),
    "normalize": (),
    "fix_mojibake": (),
    "clean": (),
    "clean_and_explain": (),
    "find_bidi_issues": (),
    "find_urls": (),
    "isolate_urls": (),
    "transliterate": (),
    "annotate": (),
    "caption": (),
    "to_visual": (),
    "to_logical": (),
    "looks_visual": (),
    "normalize_url": (ValueError,),  # an invalid URL is a documented ValueError
}

#: kind -> (prefix, unit, suffix)
ADVERSARIAL_UNITS: dict[str, tuple[str, str, str]] = {
    "schemes": ("", "http://", ""),
    "dots": ("", "a.", ""),
    "parens": ("", "(", ""),
    "percent": ("", "%", ""),
    "at-signs": ("", "a@", ""),
    "hashes": ("", "#ا", ""),
    "marks": ("ب", "\u064e", ""),
    "controls": ("", "\u202e\u2066", ""),
    "zwnj": ("", "ب\u200c", ""),
    "one-line-mixed": ("", "وفد حماس Hamas ", ""),
    # A script run reads a stretch of neutrals greedily and backs off to its last letter;
    # numbers between letters of two directions are resolved from their nearest letters.
    "letter-then-neutrals": ("ب", " 1,", "a"),
    "neutral-stretches": ("", "ب" + " " * 1000 + "a", ""),
}


def adversarial(kind: str, chars: int) -> str:
    """The adversarial input `kind`, about `chars` characters long (never shorter than its
    prefix, one unit and its suffix)."""
    prefix, unit, suffix = ADVERSARIAL_UNITS[kind]
    count = max(1, (chars - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * count + suffix
