"""URL finding and normalisation measured against suites written by others.

- twitter-text `extract.yml` (``urls``, ``urls_with_indices``, ``urls_with_directional_markers``)
  and `tlds.yml`;
- linkify-it `links.txt` / `not_links.txt`;
- WPT `urltestdata.json` (no base, http(s) or schemeless input) and `toascii.json`.

The data lives in ../shared/external (see its README); these tests skip when it is absent.
Known disagreements are strict xfails with their reason, so a change is noticed.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import EXTERNAL, external

from polyglot_text import find_urls, normalize_url, tokens
from polyglot_text.urls import url_spans

yaml = pytest.importorskip("yaml")


def _found(text: str) -> list[str]:
    return [m.text for m in find_urls(text)]


# --- twitter-text -----------------------------------------------------------------------------

# twitter-text requires a known TLD even after a scheme; linkify-it (whose fixtures must all
# pass) accepts any host after one: "http://host-name", "http://example.invalid", "http://999".
_LINKIFY_HOSTS = "conflicts with linkify-it links.txt, which accepts any host after a scheme"
TWITTER_XFAIL = {
    "DO NOT extract invalid URL: http://no-tld": _LINKIFY_HOSTS,
    "DO NOT Extract a hyphenated TLD (even though it's usually a typo)": _LINKIFY_HOSTS,
    "DO NOT extract URLs with > 40 characters in a t.co slug": (
        "a limit of Twitter's own shortener's slug length, not a property of URLs"
    ),
}


def _twitter_cases() -> list[Any]:
    path = EXTERNAL / "twitter-text" / "extract.yml"
    if not path.exists():
        return [pytest.param(None, None, id="twitter-text-absent")]
    tests = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    params = []
    for group in ("urls", "urls_with_indices", "urls_with_directional_markers"):
        for i, case in enumerate(tests[group]):
            reason = _twitter_reason(case)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(group, case, id=f"{group}-{i}", marks=marks))
    return params


def _twitter_reason(case: dict[str, Any]) -> str | None:
    return TWITTER_XFAIL.get(case["description"])


@pytest.mark.parametrize(("group", "case"), _twitter_cases())
def test_twitter_text_urls(group: str | None, case: dict[str, Any] | None) -> None:
    if case is None:
        external("twitter-text", "extract.yml")
        return
    text = case["text"]
    if group == "urls":
        assert _found(text) == case["expected"]
    else:
        got = [{"url": m.text, "indices": [m.start, m.end]} for m in find_urls(text)]
        assert got == case["expected"]


def test_twitter_text_pass_rate() -> None:
    """At least 95% of twitter-text's URL cases pass (the rest are the xfails above)."""
    tests = yaml.safe_load(external("twitter-text", "extract.yml").read_text(encoding="utf-8"))[
        "tests"
    ]
    total = passed = 0
    for group in ("urls", "urls_with_indices", "urls_with_directional_markers"):
        for case in tests[group]:
            total += 1
            expected = case["expected"]
            if group != "urls":
                expected = [item["url"] for item in expected]
            passed += _found(case["text"]) == expected
    assert total == 103
    assert passed / total >= 0.95, f"{passed}/{total}"
    assert passed == total - len(TWITTER_XFAIL)


def test_twitter_text_tlds() -> None:
    """Every one of the 1,574 TLD cases (35 in Arabic script) is found whole."""
    tests = yaml.safe_load(external("twitter-text", "tlds.yml").read_text(encoding="utf-8"))[
        "tests"
    ]
    cases = [case for group in ("country", "generic") for case in tests[group]]
    failures = [case["text"] for case in cases if _found(case["text"]) != case["expected"]]
    assert len(cases) == 1574
    assert failures == []


# --- linkify-it -------------------------------------------------------------------------------


def _strip_comment(line: str) -> str:
    cut = line.find("%")
    return line if cut < 0 else line[:cut].rstrip()


def _linkify_links() -> list[tuple[str, str]]:
    lines = external("linkify-it", "links.txt").read_text(encoding="utf-8").splitlines()
    cases: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith("%"):
            i += 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        text = _strip_comment(line)
        if following.strip() and not following.startswith("%"):
            cases.append((text, following))
            i += 2
        else:
            cases.append((text, text))
            i += 1
    return cases


def _is_email(link: str) -> bool:
    return "@" in link and not re.match(r"(?i)(?:https?|mailto):", link)


def test_linkify_links() -> None:
    """Every link of links.txt is the first URL found -- except emails (117 cases, 12 emails),
    which are not URLs here: for those no URL may overlap the email, and the tokenizer must
    call it an email (see `test_linkify_emails`)."""
    cases = _linkify_links()
    assert len(cases) == 117
    failures = []
    for text, link in cases:
        if _is_email(link):
            at = text.index(link)
            if any(s < at + len(link) and e > at for s, e in url_spans(text)):
                failures.append((text, link, "a URL overlaps the email"))
            continue
        found = _found(text)
        if not found or found[0] != link:
            failures.append((text, link, found))
    assert failures == []


EMAIL_XFAIL = {
    'test."foo".bar@gmail.co.uk!': (
        "segment.py's email pattern has no quoted local part (RFC 5321 quoted-string)"
    ),
}


def _linkify_email_cases() -> list[Any]:
    if not (EXTERNAL / "linkify-it" / "links.txt").exists():
        return [pytest.param(None, None, id="linkify-it-absent")]
    params = []
    for text, link in _linkify_links():
        if _is_email(link):
            reason = EMAIL_XFAIL.get(text)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(text, link, id=link, marks=marks))
    return params


@pytest.mark.parametrize(("text", "link"), _linkify_email_cases())
def test_linkify_emails(text: str | None, link: str | None) -> None:
    if text is None:
        external("linkify-it", "links.txt")
        return
    assert link in [t.text for t in tokens(text) if t.kind == "email"]


def test_linkify_not_links() -> None:
    lines = external("linkify-it", "not_links.txt").read_text(encoding="utf-8").splitlines()
    texts = [_strip_comment(line) for line in lines if line.strip() and not line.startswith("%")]
    assert len(texts) == 38
    assert {text: _found(text) for text in texts if _found(text)} == {}


# --- WPT URL tests ----------------------------------------------------------------------------

_SCHEME = re.compile(r"^[\x00-\x20]*([A-Za-z][A-Za-z0-9+.\-]*):")


def _wpt_cases() -> list[dict[str, Any]]:
    data = json.loads(external("wpt-url", "urltestdata.json").read_text(encoding="utf-8"))
    cases = []
    for case in data:
        if not isinstance(case, dict) or case.get("base") is not None:
            continue
        scheme = _SCHEME.match(case["input"])
        if scheme is None or scheme.group(1).lower() in ("http", "https"):
            cases.append(case)
    return cases


def test_wpt_urltestdata() -> None:
    """normalize_url(form="uri") equals `href` for every valid no-base http(s)/schemeless
    case and raises ValueError for every failure case; the IRI form maps back to it."""
    cases = _wpt_cases()
    assert len(cases) == 288
    failures = []
    for case in cases:
        try:
            got: str | None = normalize_url(case["input"])
        except ValueError:
            got = None
        expected = None if case.get("failure") else case["href"]
        if got != expected:
            failures.append((case["input"], expected, got))
        elif got is not None:
            iri = normalize_url(case["input"], form="iri")
            if normalize_url(iri) != got:
                failures.append((case["input"], "iri round trip", iri))
    assert failures == []


def test_wpt_toascii() -> None:
    """Host to ASCII (IDNA, UTS 46) as the WHATWG URL parser does it, for all 87 cases."""
    data = json.loads(external("wpt-url", "toascii.json").read_text(encoding="utf-8"))
    cases = [case for case in data if isinstance(case, dict)]
    assert len(cases) == 87
    failures = []
    for case in cases:
        try:
            got: str | None = normalize_url(f"https://{case['input']}/x")
        except ValueError:
            got = None
        expected = None if case["output"] is None else f"https://{case['output']}/x"
        if got != expected:
            failures.append((case["input"], expected, got))
    assert failures == []
