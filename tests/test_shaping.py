"""`shape` against an oracle built from ArabicShaping.txt and Python's `unicodedata`.

The oracle is written from the standard, independently of the code under test: joining
types from ``ArabicShaping-15.0.0.txt`` (characters not listed: T if Mn/Me/Cf, else U), the
joining rules of The Unicode Standard §9.2 (R1-R7: transparent characters are skipped; a
character joins its predecessor if it is D/R/C and the predecessor is D/L/C, its successor if
it is D/L/C and the successor D/R/C), the form's character from the ``<isolated>``,
``<initial>``, ``<medial>``, ``<final>`` decompositions in `unicodedata` (the letter itself
when Unicode has no such form), and the mandatory LAM WITH ALEF ligatures for a lam directly
followed by an alef.
"""

from __future__ import annotations

import functools
import random
import unicodedata

from conftest import external
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text.display.shaping import joining_type, shape, unshape

TAGS = ("<isolated>", "<initial>", "<medial>", "<final>")
ALEFS = "\u0622\u0623\u0625\u0627"


@functools.cache
def _joining_types() -> dict[str, str]:
    types = {}
    path = external("unicode", "ArabicShaping-15.0.0.txt")
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            fields = [f.strip() for f in line.split(";")]
            types[chr(int(fields[0], 16))] = fields[2]
    return types


def _type(char: str) -> str:
    found = _joining_types().get(char)
    if found is not None:
        return found
    return "T" if unicodedata.category(char) in ("Mn", "Me", "Cf") else "U"


@functools.cache
def _forms() -> dict[tuple[str, ...], str]:
    forms = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        parts = unicodedata.decomposition(chr(cp)).split()
        if parts and parts[0] in TAGS:
            bases = tuple(chr(int(p, 16)) for p in parts[1:])
            forms[(*bases, str(TAGS.index(parts[0])))] = chr(cp)
    return forms


def oracle(text: str) -> str:
    types = [_type(c) for c in text]
    forms = _forms()
    n = len(text)
    out = list(text)
    form = [0] * n
    for i, char in enumerate(text):
        kind = types[i]
        if kind == "U":
            out[i] = forms.get((char, "0"), char)
            continue
        if kind not in "DRL":
            continue
        j = i - 1
        while j >= 0 and types[j] == "T":
            j -= 1
        k = i + 1
        while k < n and types[k] == "T":
            k += 1
        joins_before = j >= 0 and types[j] in "DLC" and kind in "DR"
        joins_after = k < n and types[k] in "DRC" and kind in "DL"
        form[i] = 2 if joins_before and joins_after else 3 if joins_before else int(joins_after)
        out[i] = forms.get((char, str(form[i])), char)
    result = []
    i = 0
    while i < n:
        if text[i] == "\u0644" and i + 1 < n and text[i + 1] in ALEFS:
            result.append(forms[("\u0644", text[i + 1], "0" if form[i] in (0, 1) else "3")])
            i += 2
        else:
            result.append(out[i])
            i += 1
    return "".join(result)


@functools.cache
def _letters() -> list[str]:
    """Every Arabic-script (Bidi_Class AL) letter ArabicShaping gives a joining type D or R."""
    return sorted(
        c for c, t in _joining_types().items() if t in "DR" and unicodedata.bidirectional(c) == "AL"
    )


def _marks() -> list[str]:
    arabic_marks = [chr(cp) for cp in range(0x0600, 0x0900) if _type(chr(cp)) == "T"]
    return [*arabic_marks, "\u200e", "\u200f", "\u061c", "\u00ad"]


OTHERS = ["\u0640", "\u200d", "\u200c", " ", "a", "1", "\u0621", "\u06d4", "\u060c", "\u0629"]
CONTEXTS = (
    "{}",
    "ب{}",
    "{}ب",
    "ب{}ب",
    "د{}",
    "ب{}د",
    "ـ{}ـ",
    "\u200d{}\u200d",
    "\u200c{}\u200c",
    "ب\u064e{}\u0651ب",
    "ب\u200e{}\u200fب",
    "ل{}",
    "ل{}ا",
    "{}\u0644\u0627",
)


def _check(cases: list[str]) -> None:
    failures = [c for c in cases if shape(c) != oracle(c)]
    assert not failures, (
        f"{len(failures)} of {len(cases)} differ from the oracle, e.g. "
        + "; ".join(f"{c!r}: {shape(c)!r} != {oracle(c)!r}" for c in failures[:5])
    )


def test_every_joining_letter_in_every_context() -> None:
    letters = _letters()
    assert len(letters) == 365
    _check([ctx.format(c) for c in letters + _marks() + OTHERS for ctx in CONTEXTS])


def test_random_strings_of_letters_marks_and_joiners() -> None:
    rnd = random.Random(20260707)
    pool = _letters() + _marks() + OTHERS
    _check(["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 9))) for _ in range(8000)])


def test_persian_and_urdu_words() -> None:
    words = "گفتگو پاکستان کے لیے ہے چھوٹا بڑا ڈاکٹر ٹیلیفون ژاله می\u200cخواهم ۀ ئ ۓ ں"
    _check(words.split())
    assert shape("پ") == "\ufb56" and shape("چچچ") == "\ufb7c\ufb7d\ufb7b"


def test_transparent_and_joiner_handling() -> None:
    assert joining_type("\u064e") == "T" and joining_type("\u200d") == "C"
    # A haraka and a bidi mark never split a word; a ZWNJ does; ZWJ joins and is kept.
    assert shape("بَب") == "\ufe91\u064e\ufe90"
    assert shape("ب\u200eب") == "\ufe91\u200e\ufe90"
    assert shape("ب\u200cب") == "\ufe8f\u200c\ufe8f"
    assert shape("ب\u200d") == "\ufe91\u200d"


_ALPHABET = "بتثجحخدذرزسشصضطظعغفقكلمنهويءآأإاةىپچژگکیےںٹڈڑھہ ـ\u200c\u200d\u064e\u064f\u0650\u0651\u0652\u0670a"
_ARABIC = st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_ARABIC)
def test_unshape_inverts_shape(text: str) -> None:
    assert unshape(shape(text)) == text
    assert shape(text, keep_harakat=False) == shape(
        "".join(c for c in text if c not in "\u064e\u064f\u0650\u0651\u0652\u0670")
    )
