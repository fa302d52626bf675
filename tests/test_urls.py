"""find_urls / normalize_url / isolate_urls: behaviour cases, agreement with the segmenter,
display safety, odd input and linear time on adversarial input."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot_text import UrlMatch, find_urls, isolate_urls, normalize_url, segments, tokens
from polyglot_text.urls import LRI, PDI, tlds, url_spans

CASES = Path(__file__).parent / "cases"
URL_CASES = json.loads((CASES / "urls.json").read_text(encoding="utf-8"))
NORMALIZE_CASES = json.loads((CASES / "urls_normalize.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", URL_CASES, ids=[c["label"] for c in URL_CASES])
def test_find_urls_cases(case: dict[str, Any]) -> None:
    text = case["input"]
    matches = find_urls(text)
    assert [[m.text, m.uri, m.iri] for m in matches] == case["expected"]
    for match in matches:
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize("case", URL_CASES, ids=[c["label"] for c in URL_CASES])
def test_segments_and_tokens_agree_with_find_urls(case: dict[str, Any]) -> None:
    text = case["input"]
    spans = [(m.start, m.end) for m in find_urls(text)]
    assert [(s.start, s.end) for s in segments(text) if s.kind == "url"] == spans
    assert [(t.start, t.end) for t in tokens(text) if t.kind == "url"] == spans


@pytest.mark.parametrize("case", URL_CASES, ids=[c["label"] for c in URL_CASES])
def test_iri_maps_back_to_uri(case: dict[str, Any]) -> None:
    for match in find_urls(case["input"]):
        if match.uri is None:
            assert match.iri is None
            with pytest.raises(ValueError, match="not a valid URL"):
                normalize_url(match.text)
        else:
            assert match.iri is not None
            assert normalize_url(match.text) == match.uri
            assert normalize_url(match.iri) == match.uri
            assert normalize_url(match.text, form="iri") == match.iri


@pytest.mark.parametrize("case", NORMALIZE_CASES, ids=[c["label"] for c in NORMALIZE_CASES])
def test_normalize_url_cases(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(ValueError, match=case["error"]):
            normalize_url(case["input"], form=case["form"])
    else:
        assert normalize_url(case["input"], form=case["form"]) == case["expected"]


def test_url_match_is_frozen() -> None:
    match = find_urls("x http://hamas.ps/ y")[0]
    assert match == UrlMatch(2, 18, "http://hamas.ps/", "http://hamas.ps/", "http://hamas.ps/")
    with pytest.raises(AttributeError):
        match.start = 0  # type: ignore[misc]


# --- display safety ---------------------------------------------------------------------------

SEED_TWEET = "وفد حماس إلى طهران يلتقي وزير الخارجية الإيراني http://hamas.ps/ar/post/7769/"


def test_isolate_urls_wraps_each_url_once() -> None:
    text = "المصدر: http://hamas.ps/ar/ و www.bbc.com/arabic، انتهى"
    out = isolate_urls(text)
    assert out == (f"المصدر: {LRI}http://hamas.ps/ar/{PDI} و {LRI}www.bbc.com/arabic{PDI}، انتهى")
    assert isolate_urls(out) == out
    assert out.replace(LRI, "").replace(PDI, "") == text
    assert [m.text for m in find_urls(out)] == [m.text for m in find_urls(text)]


def test_isolated_url_keeps_its_slashes_in_rtl_display() -> None:
    """python-bidi moves the trailing ``/`` of the seed's URL to the front of the URL in an
    RTL paragraph; isolated, the URL is displayed exactly as written."""
    from bidi import get_display

    url = "http://hamas.ps/ar/post/7769/"
    assert url not in get_display(SEED_TWEET, base_dir="R")
    assert url in get_display(isolate_urls(SEED_TWEET), base_dir="R")


def test_isolate_urls_without_urls_is_identity() -> None:
    for text in ("", "وفد حماس", "a.b c", "\ud800\x00"):
        assert isolate_urls(text) == text


# --- misuse and odd input ---------------------------------------------------------------------


@pytest.mark.parametrize("func", [find_urls, isolate_urls, normalize_url])
def test_non_str_is_a_type_error(func: Any) -> None:
    with pytest.raises(TypeError, match="expects a str"):
        func(b"http://example.com")


def test_unknown_form_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="'ascii'; valid forms: uri, iri"):
        normalize_url("http://example.com/", form="ascii")


ODD = [
    "\ud800http://example.com/\ud800x",
    "http://ex\udfffample.com/",
    "www.\udcff.com",
    "\x00www.example.com\x00http://\x00",
    "http://example.com/%ZZ%",
    "http://[::1",
    "http://" + "ا" * 80 + ".com/",
    "mailto:@",
    "\u202ehttp://example.com/\u202c",
    "https://ﻡﻮﻘﻋ.ﻢﺻﺭ/\ufeff",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_unicode_never_raises(text: str) -> None:
    for match in find_urls(text):
        assert text[match.start : match.end] == match.text
    isolate_urls(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "http://",
                "https://",
                "www.",
                ".com",
                ".ps/",
                ".مصر",
                "/ar/",
                "@x.org",
                "#",
                "hamas.ps/ar/",
                "موقع",
                "حماس",
                " ",
                "،",
                "«",
                "»",
                "(",
                ")",
                "\u200f",
                "\u2066",
                "example",
                ".",
                "..",
                ":8080",
                "?q=غزة",
                "%D8%AD",
                "mailto:",
                "//",
                "中国語",
                "_",
                "-",
                "'",
                '"',
                "\ud800",
                "1.2.3.4",
                "t.co/",
                "$",
                "x@",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_finder_properties(text: str) -> None:
    """Spans are in order, non-empty, never overlap, never start or end with a space; the
    segmenter agrees; isolating never changes the text's characters otherwise."""
    spans = url_spans(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end
    assert [(m.start, m.end) for m in find_urls(text)] == spans
    assert [(s.start, s.end) for s in segments(text) if s.kind == "url"] == spans
    isolated = isolate_urls(text)
    assert len(isolated) - len(text) <= 2 * len(spans)


# --- adversarial input: linear time -----------------------------------------------------------

MEGABYTE = 1_000_000
ADVERSARIAL = {
    "http-repeated": "http://" * (MEGABYTE // 7),
    "a-dot-repeated": "a." * (MEGABYTE // 2),
    "open-parens-in-path": "http://x.com/" + "(" * MEGABYTE,
    "close-parens-after-url": "http://x.com/a" + ")" * MEGABYTE,
    "percent-run-in-path": "http://x.com/" + "%" * MEGABYTE,
    "www-repeated": "www." * (MEGABYTE // 4),
    "mailto-repeated": "mailto:" * (MEGABYTE // 7),
    "email-local-parts": "a.b+" * (MEGABYTE // 4) + "@x.com",
    "one-long-label": "a" * MEGABYTE + ".com",
    "arabic-dotted-run": "مصر." * (MEGABYTE // 8),
    "one-long-cjk-tld": "x." + "みんな" * (MEGABYTE // 9),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_megabyte_inputs_finish(name: str) -> None:
    """1 MB of each pathological shape; quadratic behaviour would take hours here (the
    benchmark measures the time: `benchmarks/bench_urls.py --adversarial`)."""
    text = ADVERSARIAL[name]
    matches = find_urls(text)
    assert len(matches) <= 1
    for match in matches:
        assert text[match.start : match.end] == match.text


# --- the TLD list -----------------------------------------------------------------------------


def test_tld_list_is_clean() -> None:
    known = tlds()
    assert len(known) > 1400
    for tld in known:
        assert tld and "." not in tld and tld == tld.lower()
        assert unicodedata.is_normalized("NFC", tld)
    assert {"com", "ps", "ir", "pk", "مصر", "ایران", "پاکستان", "السعودية", "عمان"} <= known
    assert not {"invalid", "js", "jpg", "localhost", "pdf"} & known


# --- the `urls` command -----------------------------------------------------------------------

CLI_TEXT = "وزير الخارجية الإيرانيhttp://hamas.ps/ar/post/7769/\nزوروا www.موقع.com/حماس، http://[::1::2]/\n"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        (
            "uri",
            [
                "http://hamas.ps/ar/post/7769/",
                "http://www.xn--4gbrim.com/%D8%AD%D9%85%D8%A7%D8%B3",
                "http://[::1::2]/",
            ],
        ),
        ("iri", ["http://hamas.ps/ar/post/7769/", "http://www.موقع.com/حماس", "http://[::1::2]/"]),
        ("raw", ["http://hamas.ps/ar/post/7769/", "www.موقع.com/حماس", "http://[::1::2]/"]),
    ],
)
def test_cli_one_url_per_line(tmp_path: Path, form: str, expected: list[str]) -> None:
    path = tmp_path / "in.txt"
    path.write_text(CLI_TEXT, encoding="utf-8")
    code, out, err = run_cli(["urls", "--form", form, str(path)])
    assert (code, err) == (0, b"")
    assert out.decode("utf-8").splitlines() == expected


def test_cli_jsonl_offsets_index_the_file(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text(CLI_TEXT, encoding="utf-8")
    code, out, _ = run_cli(["urls", "--format", "jsonl", str(path)])
    assert code == 0
    items = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert [(i["line"], i["text"]) for i in items] == [
        (1, "http://hamas.ps/ar/post/7769/"),
        (2, "www.موقع.com/حماس"),
        (2, "http://[::1::2]/"),
    ]
    for item in items:
        assert CLI_TEXT[item["start"] : item["end"]] == item["text"]
        assert item["file"] == str(path)
    assert items[2]["uri"] is None and items[2]["iri"] is None
    code, out_json, _ = run_cli(["urls", "--format", "json", str(path)])
    assert json.loads(out_json) == items


def test_cli_jsonl_field_mode(tmp_path: Path) -> None:
    stdin = (
        json.dumps({"id": 7, "text": "المصدر: www.bbc.com/arabic؟"}, ensure_ascii=False) + "\n"
    ).encode()
    code, out, _ = run_cli(["urls", "--jsonl", "--field", "text"], stdin=stdin)
    assert code == 0
    record = json.loads(out)
    assert record["id"] == 7
    assert record["urls"] == [
        {
            "start": 8,
            "end": 26,
            "text": "www.bbc.com/arabic",
            "uri": "http://www.bbc.com/arabic",
            "iri": "http://www.bbc.com/arabic",
        }
    ]


def test_cli_bad_jsonl_names_the_line() -> None:
    code, _out, err = run_cli(
        ["urls", "--jsonl", "--field", "text"], stdin=b'{"text": "a"}\n{"text": 3}\n'
    )
    assert code == 2
    assert err.decode().strip() == "polyglot-text: <stdin>:2: field 'text' is a int, not a string"


def test_cli_jobs_keep_order(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    lines = [f"خبر {i} http://x.ps/{i}\n" for i in range(3000)]
    path.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run_cli(["urls", "--jobs", "2", str(path)])
    assert code == 0
    assert out.decode().splitlines() == [f"http://x.ps/{i}" for i in range(3000)]


def test_readme_urls_example_is_real_output() -> None:
    """The README's URL example is run as a doctest, so its output stays true."""
    import doctest

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## URLs\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```pycon\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(example, {}, "README URLs", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
