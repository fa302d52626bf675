"""tokens() and segments(): behaviour cases, the seed article, offset invariants."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text import Segment, Token, segments, tokens
from polyglot_text.segment import SEGMENT_KINDS, TOKEN_KINDS

HERE = Path(__file__).resolve().parent
TOKEN_CASES = json.loads((HERE / "cases" / "tokens.json").read_text(encoding="utf-8"))
SEGMENT_CASES = json.loads((HERE / "cases" / "segments.json").read_text(encoding="utf-8"))
SEED = HERE.parent / "fixtures" / "seed_article.txt"


@pytest.mark.parametrize("case", TOKEN_CASES, ids=[c["label"] for c in TOKEN_CASES])
def test_token_cases(case: dict) -> None:
    got = [[t.kind, t.text, t.script] for t in tokens(case["input"])]
    assert got == case["expected"]


@pytest.mark.parametrize("case", SEGMENT_CASES, ids=[c["label"] for c in SEGMENT_CASES])
def test_segment_cases(case: dict) -> None:
    got = [
        [s.kind, s.lang, s.text] for s in segments(case["input"], languages=case.get("languages"))
    ]
    assert got == case["expected"]


def test_seed_article_segments() -> None:
    text = SEED.read_text(encoding="utf-8")
    segs = segments(text)
    assert "".join(s.text for s in segs) == text
    tweet = "وفد حماس إلى طهران يلتقي وزير الخارجية الإيراني"
    url = "http://hamas.ps/ar/post/7769/"
    start = text.index(tweet)
    arabic = [s for s in segs if s.kind == "text" and s.script == "Arab"]
    assert arabic == [Segment(start, start + len(tweet), tweet, "text", "ar", "Arab", "rtl")]
    urls = [s for s in segs if s.kind == "url"]
    # The glued URL, and the schemeless domain (a real TLD) in the page's comment footer twice.
    wordpress = [i for i in range(len(text)) if text.startswith("WordPress.com", i)]
    assert len(wordpress) == 2
    assert urls == [
        Segment(start + len(tweet), start + len(tweet) + len(url), url, "url", None, "Zyyy", "ltr"),
        *(Segment(i, i + 13, "WordPress.com", "url", None, "Zyyy", "ltr") for i in wordpress),
    ]
    # Everything else that has letters is English: the article up to "View image on Twitter"
    # before the tweet, then the rest of the page, split only by the two domains.
    latin = [s for s in segs if s.kind == "text" and s.script == "Latn"]
    assert {s.lang for s in latin} == {"en"}
    assert latin[0].text.startswith("Hamas said to meet")
    assert latin[0].text.endswith("View image on Twitter")
    assert latin[1].end < wordpress[0] < wordpress[0] + 13 < latin[2].start
    assert latin[2].end < wordpress[1] < wordpress[1] + 13 < latin[3].start
    assert latin[-1].text.endswith("Connecting to %s")
    assert len(latin) == 4


def test_seed_tokens_glued_url() -> None:
    text = SEED.read_text(encoding="utf-8")
    toks = list(tokens(text))
    i = next(i for i, t in enumerate(toks) if t.kind == "url")
    assert toks[i - 1] == Token(
        text.index("الإيراني"), text.index("http://"), "الإيراني", "word", "Arab"
    )
    assert toks[i].text == "http://hamas.ps/ar/post/7769/"


# --- invariants on arbitrary text ------------------------------------------------------------

_INTERESTING = [
    *list(
        "وفد حماسإلىطهرانيكةىپچژگکیٹڈڑںےہھ"  # Arabic, Persian, Urdu letters
        "\u064b\u064e\u0650\u0651\u0652\u0670\u0640"  # harakat, superscript alef, tatweel
        "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
        "ﻻﷲﻭﺯﻳﺮ"  # presentation forms
        "abcXYZé\u0301 \t\n\r.,:;!?()«»“”'’-_@#＃/%&=+"
        "0123٠١٢۰۱۲"
        "שלוםабв中文👍🏽\U0001f600\x00\ud800\udfff"
    ),
    *["http://", "https://", "www.", ".com", ".ps/", "@x.org", "hamas.ps/ar/"],
]

mixed_text = st.lists(st.sampled_from(_INTERESTING), max_size=60).map("".join)
any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=80)


def _check_partition(text: str, items: list) -> None:
    pos = 0
    for item in items:
        assert item.start == pos
        assert item.end > item.start
        assert text[item.start : item.end] == item.text
        pos = item.end
    assert pos == len(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(mixed_text, any_text))
def test_offset_invariants(text: str) -> None:
    segs = segments(text)
    _check_partition(text, segs)
    assert "".join(s.text for s in segs) == text
    for seg in segs:
        assert seg.kind in SEGMENT_KINDS
        assert seg.direction in ("ltr", "rtl", "neutral")
        if seg.kind == "text":
            assert seg.lang in (None, "ar", "fa", "ur", "en")
    toks = list(tokens(text))
    _check_partition(text, toks)
    for tok in toks:
        assert tok.kind in TOKEN_KINDS
        assert len(tok.script) == 4


@settings(max_examples=100, deadline=None)
@given(mixed_text)
def test_urls_agree_between_tokens_and_segments(text: str) -> None:
    seg_urls = [(s.start, s.end) for s in segments(text) if s.kind == "url"]
    tok_urls = [(t.start, t.end) for t in tokens(text) if t.kind == "url"]
    assert seg_urls == tok_urls


@pytest.mark.parametrize("bad", [b"bytes", None, 3, ["list"]])
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        segments(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        list(tokens(bad))  # type: ignore[arg-type]


def test_tokens_raises_eagerly() -> None:
    with pytest.raises(TypeError):
        tokens(b"x")  # type: ignore[arg-type]


def test_empty() -> None:
    assert segments("") == []
    assert list(tokens("")) == []


def test_unknown_language_lists_valid_codes() -> None:
    with pytest.raises(ValueError, match="zh-cn"):
        segments("x", languages=["klingon"])
    with pytest.raises(ValueError, match="at least one"):
        segments("x", languages=[])


def test_huge_line_is_not_truncated() -> None:
    text = ("Hamas وفد حماس " * 20000) + "http://hamas.ps/ " * 3
    segs = segments(text)
    assert "".join(s.text for s in segs) == text
    assert sum(s.kind == "url" for s in segs) == 3


_DETERMINISM_SCRIPT = """
import json
from polyglot_text import segments, detect_language
samples = ["سلام", "دوستت دارم", "good", "ciao bella", "من", "خبر", "عاجل", "کتاب خوب"]
print(json.dumps([[detect_language(s), [(x.kind, x.lang) for x in segments(s)]] for s in samples]))
"""


def test_deterministic_across_processes() -> None:
    outputs = set()
    for seed in ("1", "2", "random"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            [sys.executable, "-c", _DETERMINISM_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_fast_constructors_build_what_the_named_tuples_build() -> None:
    from polyglot_text.segment import _new_segment, _new_token

    args = (3, 7, "حماس", "text", "ar", "Arab", "rtl")
    fast, slow = _new_segment(args), Segment(*args)
    assert type(fast) is Segment
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert tuple(fast) == args and fast.lang == "ar" and fast.direction == "rtl"
    assert fast._asdict() == dict(zip(Segment._fields, args, strict=True))
    with pytest.raises(AttributeError):
        fast.start = 0  # type: ignore[misc]

    token_args = (0, 4, "حماس", "word", "Arab")
    assert _new_token(token_args) == Token(*token_args) == next(tokens("حماس"))
    assert type(_new_token(token_args)) is Token
    assert hash(_new_token(token_args)) == hash(Token(*token_args))


_BMP_LETTERS = "وفد حماسگچیےۃHamasécЖשب" + "\u064e\u0651\u0301\u0640\u200c .,\n\r\u2028٣3#@"


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.sampled_from(list(_BMP_LETTERS)), max_size=60),
        st.text(alphabet=st.characters(max_codepoint=0xFFFF), max_size=60),
    )
)
@pytest.mark.parametrize("cross", ["", "L", "AL"])
def test_run_scanner_reads_the_runs_the_class_string_gives(cross: str, text: str) -> None:
    # Runs come from one `re` scan of the text (sets built from the class table) or, for text
    # with letters beyond the BMP, from the class string: both must give the same runs, with
    # runs of the classes in `cross` running on across line breaks or not.
    from polyglot_text import segment as module

    from_text: list[tuple[int, int, str]] = []
    for match in module._run_scanner(cross).finditer(text):
        start, end = match.span()
        if match.lastgroup == "O":
            from_text.extend(module._other_runs(text, None, start, end))
        else:
            from_text.append((start, end, module._CLASS_SCRIPT[match.lastgroup or ""]))
    from_classes: list[tuple[int, int, str]] = []
    module._class_string_runs(text, module._classes(text), 0, len(text), from_classes, cross)
    assert from_text == from_classes
    if cross == "":  # the runs of a class that crosses no line break hold none
        assert not any(module._classes(text[s:e]).count("B") for s, e, _ in from_text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_BMP_LETTERS + "Bonjour")), max_size=80))
def test_runs_across_line_breaks_give_the_same_segments(text: str) -> None:
    # Latin runs (English the only Latin candidate) run on across line breaks, which only
    # saves work: the segments are those of runs that end at every line break.
    from polyglot_text import segment as module

    for languages in [("ar", "fa", "ur", "en"), ("ar", "en"), ("en", "fr", "ar")]:
        candidates = module.langid.check_languages(languages)
        specials = module.special_spans(text)
        per_line = module._script_runs(text, specials, "")
        cross = module._line_crossing(candidates)
        crossing = module._script_runs(text, specials, cross)
        labels = [
            module._label_runs(text, classes, runs, specials, candidates)
            for runs, _, classes in (per_line, crossing)
        ]
        assert module._assemble(text, per_line[1], labels[0]) == module._assemble(
            text, crossing[1], labels[1]
        )


def test_letters_beyond_the_bmp_take_the_class_string_path() -> None:
    # 𞸀 (Arabic mathematical alef) is an Arabic letter beyond the BMP; 😍 is a symbol.
    text = "وفد 𞸀𞸁 حماس 😍 Hamas"
    segs = segments(text)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.lang) for s in segs if s.kind == "text"] == [
        ("وفد 𞸀𞸁 حماس", "ar"),
        ("Hamas", "en"),
    ]
    # An emoji is a symbol: inside a run it belongs to it, after the last letter it does not.
    assert [(s.kind, s.text) for s in segments("وفد 😍 حماس 😍")] == [
        ("text", "وفد 😍 حماس"),
        ("space", " "),
        ("symbol", "😍"),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["وفد حماس", " ", "Hamas", "\u064e", "\n", "123", "، ", "#غزة", "x.com", "ﻻ", "ب\u200c"]
        ),
        max_size=30,
    )
)
def test_runs_end_at_their_last_letter_or_mark(parts: list[str]) -> None:
    # Trailing spaces and punctuation never end a text segment; marks after its last letter do.
    text = "".join(parts)
    for seg in segments(text):
        if seg.kind == "text":
            assert not seg.text[-1].isspace() and seg.text[-1] not in "،123"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_token_alternatives_start_with_disjoint_classes(text: str) -> None:
    # The scanner tries its commonest alternatives first; that is only safe because no two
    # alternatives (but the catch-all symbol) can start at the same character.
    import regex

    from polyglot_text import segment as s

    firsts = {
        "number": r"\p{Nd}",
        "Arab": rf"{s._AL}|\u0640",
        "Latn": s._LL,
        "other": s._OTHER_LETTER,
        "space": r"\s",
        "punct": r"\p{P}",
    }
    for char in set(text):
        matching = [k for k, p in firsts.items() if regex.fullmatch(p, char, regex.V1)]
        assert len(matching) <= 1, (char, matching)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_letter_count_counts_letters_with_a_script(text: str) -> None:
    import regex

    from polyglot_text.segment import letter_count

    pattern = regex.compile(r"[\p{L}--[\p{Script=Common}\p{Script=Inherited}]]", regex.V1)
    assert letter_count(text) == len(pattern.findall(text))


def test_large_texts_pause_the_collector_and_restore_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import threading

    from polyglot_text import segment as module

    seen: list[bool] = []
    real = module._segments

    def spy(text: str, candidates: tuple[str, ...]) -> list[Segment]:
        seen.append(gc.isenabled())
        return real(text, candidates)

    monkeypatch.setattr(module, "_segments", spy)
    big = "وفد حماس Hamas delegation\n" * (module.GC_PAUSE_CHARS // 20)
    assert gc.isenabled()
    segs = segments(big)
    assert "".join(s.text for s in segs) == big
    segments("short وفد")
    assert seen == [False, True]  # paused for the large text only
    assert gc.isenabled()

    # A caller that turned the collector off keeps it off.
    gc.disable()
    try:
        segments(big)
        assert not gc.isenabled()
    finally:
        gc.enable()

    # An exception inside still restores the collector.
    def boom(text: str, candidates: tuple[str, ...]) -> list[Segment]:
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "_segments", boom)
    with pytest.raises(RuntimeError):
        segments(big)
    assert gc.isenabled()

    # Threads pausing at once: the collector comes back when the last one is done.
    monkeypatch.setattr(module, "_segments", real)
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(len(segments(big)))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and len(results) == 4
    assert gc.isenabled()
