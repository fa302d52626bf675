"""Find, normalise and isolate URLs in mixed Arabic/English text.

`url_spans()` is the one URL finder of the package: `tokens()`, `segments()`, `find_urls()`
and `isolate_urls()` all call it, so they always agree on where a URL starts and ends.

How a URL is found (one pass, linear time; see `url_spans`):

- one compiled stdlib `re` scan finds the ``.``, ``:`` and ``/`` a URL hinges on; each hit
  is looked at in place: a scheme before ``://`` (``http``, ``https``, ``ftp``), ``mailto:``,
  a protocol-relative ``//``, a dotted IPv4 address, or a dot inside a run of host characters
  (``example.com``, ``www.x.org``). Text without a hit costs one scan and nothing else, and
  the scan resumes after each URL or run looked at, so no character is looked at twice;
- a scheme may be glued to a preceding letter of any script (``الإيرانيhttp://``); a
  schemeless domain may be glued to a letter of another script (``中国語t.co``,
  ``نعمwww.x.com``) and needs a real top-level domain (the ICANN section of the Public Suffix
  List, shipped by `publicsuffixlist`);
- the URL ends at a space, ``<>``, ``«»“”``, a bidi control, Arabic ``، ؛ ؟ ۔``, or a CJK
  letter after the host (CJK text has no spaces); trailing ``. , : ; ! ? ' " … * ، ؛ ؟``
  and unbalanced closing brackets or quotes are trimmed, balanced ones kept (``_(wiki)``);
- emails are not URLs (``a@b.org`` is the segmenter's ``email``), nor are ``#x.com``,
  ``@x.com``, ``$x.com`` (hashtags, mentions, cashtags), ``/x.com`` or ``file.pm`` after
  ``:``.

`find_urls` keeps every candidate that has the shape of a URL; when the WHATWG URL parser
(ada-url) rejects it, its `UrlMatch.uri` and `UrlMatch.iri` are ``None`` (it is still a URL
token, so `segments()` and `find_urls()` keep agreeing).

>>> text = "وزير الخارجية الإيرانيhttp://hamas.ps/ar/post/7769/ today"
>>> [text[s:e] for s, e in url_spans(text)]
['http://hamas.ps/ar/post/7769/']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import regex

from .chars import script_of

__all__ = ["UrlMatch", "find_urls", "isolate_urls", "normalize_url", "tlds", "url_spans"]

#: LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE, which `isolate_urls` puts around a URL.
LRI = "\u2066"
PDI = "\u2069"

# --- character classes (regex V1) -------------------------------------------------------------

# A character of a host label: a letter or digit of any script, a combining mark, a symbol
# (``✪df.ws``), ``-``, ``_``, ZWNJ/ZWJ (Persian spelling). Dots separate labels.
_HOSTCHAR = r"\p{L}\p{M}\p{N}\p{So}_\-\u200c\u200d"
# Characters that end a URL path: spaces and controls, ``<>``, guillemets and curly double
# quotes, bidi controls and marks, Arabic comma/semicolon/question mark/full stop, CJK letters
# and CJK or fullwidth punctuation (CJK text has no spaces between words).
_PATH_STOP = (
    r"\s\p{Cc}\p{Cs}<>\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a"
    r"\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
    r"\u060c\u061b\u061f\u06d4"
    r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef"
)
# Trimmed from the end of a URL (closing brackets and quotes only when unbalanced).
_TRAILING = frozenset(".,:;!?'\"*\u2026\u060c\u061b\u061f\u06d4\u2019)]}")
_PAIRS = {")": "(", "]": "[", "}": "{"}
_QUOTES = frozenset("'\"")
# A schemeless domain must not follow one of these (a path, a port, an email or a tag).
_NOT_BEFORE_DOMAIN = frozenset("/\\:.@#$%&=+~-_^`\uff03\uff20")
# A scheme must not follow these: ``_http://``, ``#http://``, ``@http://``, ``$http://``
# (the last three only at the start of a word: ``test@http://vk.com`` holds a URL).
_TAG_SIGNS = frozenset("#@$\uff03\uff20")
_CJK_SCRIPTS = frozenset(("Hani", "Hira", "Kana", "Hang", "Bopo"))
_RTL_SCRIPTS = frozenset(("Arab", "Hebr", "Syrc", "Thaa", "Nkoo"))
_NEUTRAL_SCRIPTS = frozenset(("Zyyy", "Zinh", "Zzzz"))
_MAX_PORT = 65535
_MAX_LABEL = 63
# t.co, Twitter's link shortener, only makes paths of ASCII letters and digits.
_TCO = "t.co"


@functools.cache
def _anchor() -> re.Pattern[str]:
    # One stdlib `re` scan for the only characters a URL can hinge on (``.`` ``:`` ``/``);
    # a pattern that starts with a character set runs at 100+ MB/s (an alternation of the
    # exact anchors at ~25 MB/s), and text without a hit costs nothing more. Each hit is then
    # looked at in Python (`url_spans`).
    return re.compile(r"[.:/](?=[\w/])")


@functools.cache
def _ipv4() -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)")


def _scheme_start(text: str, colon: int) -> int:
    """Start of ``http``/``https``/``ftp`` ending at `colon` (followed by ``//``), or -1."""
    for size in (5, 4, 3):
        if colon >= size and text[colon - size : colon].lower() in ("https", "http", "ftp"):
            return colon - size
    return -1


@functools.cache
def _run_back() -> regex.Pattern[str]:
    return regex.compile(rf"(?r)[{_HOSTCHAR}.]*+", regex.V1)


@functools.cache
def _run_forward() -> regex.Pattern[str]:
    return regex.compile(rf"[{_HOSTCHAR}.]*+", regex.V1)


@functools.cache
def _authority() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?:(?P<user>[\p{{L}}\p{{N}}._~%!$&'*+,;=:-]*+)@)?
        (?P<host>\[[0-9A-Fa-f:.]++\]|[{_HOSTCHAR}.]*+)
        (?::(?P<port>[0-9]*+))?
        """,
        regex.VERBOSE | regex.V1,
    )


_AUTHORITY_STOP = re.compile(r"[/?#\s]")
_ASCII_AUTHORITY = re.compile(
    r"(?:(?P<user>[A-Za-z0-9._~%!$&'*+,;=:-]*)@)?"
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]*)(?::(?P<port>[0-9]*))?"
)


@functools.cache
def _path() -> regex.Pattern[str]:
    return regex.compile(rf"[^{_PATH_STOP}]*+", regex.V1)


@functools.cache
def _mailto() -> regex.Pattern[str]:
    # at most 64 characters before the @ (RFC 5321), so a run of "mailto:" stays linear
    return regex.compile(rf"[^\s@<>\"()\[\]{{}}:,;]{{1,64}}+@[{_HOSTCHAR}.]++", regex.V1)


@functools.cache
def tlds() -> frozenset[str]:
    """Every top-level domain in use: the last labels of the ICANN section of the Public
    Suffix List that `publicsuffixlist` ships, in lower case, IDN ones in Unicode.

    >>> {"com", "ps", "مصر", "پاکستان", "рф"} <= tlds(), "invalid" in tlds()
    (True, False)
    """
    from publicsuffixlist import PSLFILE

    found: set[str] = set()
    icann = False
    with open(PSLFILE, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("//"):
                if "===BEGIN ICANN DOMAINS===" in line:
                    icann = True
                elif "===END ICANN DOMAINS===" in line:
                    icann = False
                continue
            if icann and line:
                label = line.split()[0].lstrip("!*.").rsplit(".", 1)[-1]
                found.add(unicodedata.normalize("NFC", label.lower()))
    return frozenset(found)


# --- the finder -------------------------------------------------------------------------------


def _is_tld(label: str) -> bool:
    if label.isascii():
        return label.lower() in tlds()
    return unicodedata.normalize("NFKC", label).lower() in tlds()


def _tld_prefix(label: str) -> int:
    """Length of the longest known TLD that starts a non-ASCII `label` and is followed by a
    letter outside ASCII (``みんなです`` -> 3), else 0."""
    known = tlds()
    for size in range(len(label) - 1, 0, -1):
        if (
            not label[size].isascii()
            and unicodedata.normalize("NFKC", label[:size]).lower() in known
        ):
            return size
    return 0


def _script_group(char: str) -> str | None:
    if char.isascii():
        return "Latn" if char.isalpha() else None
    script = script_of(char)
    if script in _NEUTRAL_SCRIPTS:
        return None
    return "CJK" if script in _CJK_SCRIPTS else script


def _script_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside `text[start:end]` (a dotted run) where a label changes script."""
    cuts: list[int] = []
    current: str | None = None
    for i in range(start, end):
        char = text[i]
        if char == ".":
            current = None
            continue
        group = _script_group(char)
        if group is None:
            continue
        if current is not None and group != current:
            cuts.append(i)
        current = group
    return cuts


def _valid_labels(labels: list[str]) -> bool:
    """DNS-like host labels: none empty or longer than 63 (as punycode), none starting or
    ending with ``-``/``_``, no ``_`` in the registered name or the TLD, A-labels ASCII, and
    no one-letter TLD."""
    for index, label in enumerate(labels):
        if not label or label[0] in "-_" or label[-1] in "-_":
            return False
        if label.isascii():
            if len(label) > _MAX_LABEL:
                return False
        elif label[:4].lower() == "xn--" or len(label) > _MAX_LABEL or _punycode_size(label):
            return False
        if index >= len(labels) - 2 and "_" in label:
            return False
    return len(labels) < 2 or not (len(labels[-1]) == 1 and labels[-1].isascii())


@functools.lru_cache(maxsize=4096)
def _punycode_size(label: str) -> bool:
    """Whether a Unicode label is too long for DNS once punycoded."""
    if len(label) <= 9:  # punycode spends at most 6 characters on one code point
        return False
    try:
        return len(label.encode("punycode")) + 4 > _MAX_LABEL
    except UnicodeError:  # lone surrogates
        return True


def _trim(text: str, start: int, end: int) -> int:
    """Move `end` left past trailing punctuation, keeping balanced closing brackets/quotes."""
    counts: dict[str, int] | None = None
    while end > start and text[end - 1] in _TRAILING:
        closer = text[end - 1]
        if closer in _QUOTES or closer in _PAIRS:
            if counts is None:  # counted once, then kept up to date: linear time
                counts = {char: text.count(char, start, end) for char in "()[]{}'\""}
            if closer in _QUOTES:
                if counts[closer] % 2 == 0:
                    break
            elif counts[_PAIRS[closer]] >= counts[closer]:
                break
            counts[closer] -= 1
        end -= 1
    return end


def _path_end(text: str, start: int, pos: int, host: str) -> int:
    """End of the URL whose host ends at `pos`: its path, query and fragment, trimmed."""
    if pos < len(text) and text[pos] in "/?#":
        if host.lower() == _TCO:
            return _match_end(_tco_slug(), text, pos)
        pos = _path_run(text, pos)
        # A path segment of CJK letters is kept when it reaches a space, the end of the text
        # or the next segment (``example.com/䨹``); CJK letters glued to other path text, or
        # running into CJK punctuation, are prose (``/index.html中国語``, ``/これは。``).
        while pos < len(text) and text[pos - 1] in "/?#&=" and _is_cjk(text[pos]):
            run_end = _match_end(_cjk_run(), text, pos)
            if run_end < len(text) and not text[run_end].isspace() and text[run_end] not in "/?#&":
                break
            pos = _path_run(text, run_end)
    return _trim(text, start, pos)


# The ASCII part of `_path`'s class: printable ASCII but "<" and ">".
_ASCII_PATH = re.compile(r"[!-;=?-~]*")


def _path_run(text: str, pos: int) -> int:
    """End of the run of path characters from `pos` (stdlib `re` while it is ASCII)."""
    match = _ASCII_PATH.match(text, pos)
    end = match.end() if match else pos
    if end < len(text) and not text[end].isascii():
        end = _match_end(_path(), text, end)
    return end


def _match_end(pattern: regex.Pattern[str], text: str, pos: int) -> int:
    match = pattern.match(text, pos)
    return match.end() if match else pos


_PORT = re.compile(r"[0-9]+")


@functools.cache
def _tco_slug() -> regex.Pattern[str]:
    return regex.compile(r"/[A-Za-z0-9]*+")


def _is_cjk(char: str) -> bool:
    return not char.isascii() and script_of(char) in _CJK_SCRIPTS


@functools.cache
def _cjk_run() -> regex.Pattern[str]:
    return regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{M}\u30fc]++", regex.V1)


def _port_ok(port: str | None) -> bool:
    return not port or int(port) <= _MAX_PORT


def _scheme_url(text: str, start: int, body: int, neutral: bool) -> int | None:
    """End of the URL whose scheme (or ``//``) starts at `start` and whose authority starts
    at `body`, or None if there is none."""
    # An ASCII authority (nearly all) goes through a stdlib `re` twin of `_authority` made of
    # its ASCII part; neither pattern can pass a "/", "?", "#" or space.
    stop = _AUTHORITY_STOP.search(text, body)
    match: re.Match[str] | regex.Match[str] | None
    if text[body : stop.start() if stop else len(text)].isascii():
        match = _ASCII_AUTHORITY.match(text, body)
    else:
        match = _authority().match(text, body)
    if match is None:  # pragma: no cover - the patterns match the empty string
        return None
    user, host, port = match.groups()
    end = match.end()
    if neutral and (user is not None or (host.lower() != "localhost" and "." not in host)):
        return None
    if not host.startswith("["):
        if host.endswith(".") and port is None and (end >= len(text) or text[end] not in "/?#"):
            host = host.rstrip(".")
            end = match.start("host") + len(host)
        labels = host.split(".")
        if not host or not _valid_labels(labels):
            return None
        if not _is_tld(labels[-1]):
            host_start = match.start("host")
            cut = _host_cut(text, host_start, host_start + len(host))
            if cut is not None:
                return cut
    if not _port_ok(port):
        return None
    if port == "" and (end >= len(text) or text[end] not in "/?#"):
        end -= 1  # "http://example.com: the" -- the colon is punctuation
    return _path_end(text, start, end, host)


def _host_cut(text: str, start: int, end: int) -> int | None:
    """Where a host that does not end in a TLD should end because the text glued to it is in
    another script (``example.comだよね.comtest`` -> after ``com``), if anywhere."""
    if text[start:end].isascii():
        return None
    for cut in _script_cuts(text, start, end):
        head = text[start:cut]
        if "." in head and _is_tld(head.rsplit(".", 1)[1]):
            return cut
    return None


def _mailto_url(text: str, start: int, body: int) -> int | None:
    match = _mailto().match(text, body)
    if match is None:
        return None
    return _trim(text, start, match.end())


@functools.cache
def _local_part_rest() -> re.Pattern[str]:
    return re.compile(r"[\w.%+-]{0,64}@")


def _email_follows(text: str, pos: int) -> bool:
    """Whether `pos` is inside the local part of an email (``name.al+x@foo.com``,
    ``1.2.3.4-x@foo.com``)."""
    if pos >= len(text) or text[pos] not in "@+%-_.":
        return False
    return text[pos] == "@" or _local_part_rest().match(text, pos) is not None


def _domain_urls(text: str, run_start: int, run_end: int) -> list[tuple[int, int]]:
    """Schemeless URLs in the dotted run `text[run_start:run_end]` (which may hold several
    glued to letters of other scripts) and the paths that follow the last one."""
    found: list[tuple[int, int]] = []
    if run_start > 0 and text[run_start - 1] in _NOT_BEFORE_DOMAIN:
        return found
    if text[run_start:run_end].isascii():
        bounds = [run_start, run_end]
    else:
        bounds = [run_start, *_script_cuts(text, run_start, run_end), run_end]
    for index in range(len(bounds) - 1):
        start, end = bounds[index], bounds[index + 1]
        last = index == len(bounds) - 2
        if last and _email_follows(text, end):
            continue  # the local part of an email
        while start < end and text[start] == ".":
            start += 1
        host_end = end
        while host_end > start and text[host_end - 1] == ".":
            host_end -= 1
        host = text[start:host_end]
        tld = host.rsplit(".", 1)[-1]
        glued = not last or host_end < end
        if not _is_tld(tld):
            size = 0 if tld.isascii() or len(tld) > _MAX_LABEL else _tld_prefix(tld)
            if not size:
                continue
            host_end -= len(tld) - size
            tld = tld[:size]
            glued = True
        labels = host.split(".")
        if len(labels) < 2 or not _valid_labels(labels):
            continue
        if len(labels) == 2 and tld[0].isupper() and tld[1:].islower() and tld.isascii():
            continue  # "today.In a statement": a missing space after a full stop
        pos = host_end
        port = None
        if not glued and pos < len(text) and text[pos] == ":":
            digits = _PORT.match(text, pos + 1, pos + 7)
            if digits:
                port = digits.group()
                pos += 1 + len(port)
        if not _port_ok(port):
            continue
        has_path = not glued and pos < len(text) and text[pos] in "/?#"
        if _script_group(tld[0]) in _RTL_SCRIPTS and not has_path and labels[0].lower() != "www":
            continue  # "الرئيس.قطر": a missing space far more often than a domain
        url_end = _path_end(text, start, pos, host) if has_path else pos
        found.append((start, url_end))
    return found


def url_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets (Python `str` indices) of every URL in `text`, in order.

    >>> url_spans("see www.example.com، و (http://x.ps/c_(d)).")
    [(4, 19), (24, 41)]
    >>> url_spans("a@b.org #x.com node.js موقع.مصر/ar")
    [(23, 34)]
    """
    search = _anchor().search
    if search(text) is None:  # the common case: one scan, nothing else
        return []
    spans: list[tuple[int, int]] = []
    last_end = 0  # end of the last URL found
    scanned = 0  # end of the last dotted run looked at
    pos = 0
    while (hit := search(text, pos)) is not None:
        # The next search starts after this hit, or after the URL or dotted run it leads to:
        # hits inside a URL or a run already looked at are never seen (linear time).
        i = hit.start()
        pos = i + 1
        char = text[i]
        if char != ".":
            if char == ":" and text.startswith("//", i + 1):
                start, body, kind = _scheme_start(text, i), i + 3, "scheme"
            elif char == ":" and i >= 6 and text[i - 6 : i].lower() == "mailto":
                start, body, kind = i - 6, i + 1, "mailto"
            elif (
                char == "/"
                and text.startswith("/", i + 1)
                and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ":/_"))
                and (i + 2 < len(text) and text[i + 2].isalnum())
            ):
                start, body, kind = i, i + 2, "neutral"
            else:
                continue
            if start < last_end:
                continue
            before = text[start - 1] if start else " "
            if before == "_" or (
                before in _TAG_SIGNS and (start < 2 or not text[start - 2].isalnum())
            ):
                continue
            if kind == "mailto":
                end = _mailto_url(text, start, body)
            else:
                end = _scheme_url(text, start, body, kind == "neutral")
            if end is not None and end > body:
                spans.append((start, end))
                last_end = pos = end
            continue
        if i < scanned or i == 0:
            continue
        before = text[i - 1]
        if text[i + 1].isdigit():
            if not before.isdigit():
                continue
            ip_start = i - 1
            while ip_start > 0 and i - ip_start < 3 and text[ip_start - 1].isdigit():
                ip_start -= 1
            ip = _ipv4().match(text, ip_start)
            if ip is None or any(int(octet) > 255 for octet in ip.group().split(".")):
                continue
            if (ip_start > 0 and text[ip_start - 1] in _NOT_BEFORE_DOMAIN) or _email_follows(
                text, ip.end()
            ):
                continue
            end = _path_end(text, ip_start, ip.end(), "")
            spans.append((ip_start, end))
            last_end = scanned = pos = end
            continue
        if before.isspace() or (before.isascii() and not before.isalnum()):
            continue
        back = _run_back().match(text, max(last_end, scanned), i)
        run_start = back.start() if back else i
        # A run holds no ":" or "/", so skipping to its end skips no scheme.
        run_end = _match_end(_run_forward(), text, i)
        scanned = pos = max(pos, run_end)
        for span in _domain_urls(text, run_start, run_end):
            spans.append(span)
            last_end = span[1]
            pos = max(pos, last_end)
    return [_unquote(text, start, end) for start, end in spans]


def _unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """A URL right after a quote ends at the next same quote (``href="http://x.com/">``)."""
    if start > 0 and text[start - 1] in _QUOTES:
        quote = text.find(text[start - 1], start, end)
        if quote >= 0:
            end = _trim(text, start, quote)
    return start, end


# --- matches, normalisation, display ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UrlMatch:
    """One URL found in a text: ``source[start:end] == text``.

    `uri` is the WHATWG URL serialisation (``normalize_url(text, form="uri")``), `iri` the
    readable form (``form="iri"``); both are None when the WHATWG parser rejects the URL.

    >>> find_urls("زوروا www.موقع.com")[0].uri
    'http://www.xn--4gbrim.com/'
    """

    start: int
    end: int
    text: str
    uri: str | None
    iri: str | None


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_FORMS = ("uri", "iri")


def _with_scheme(url: str) -> str:
    """`url` with ``http://`` put before a schemeless ``www.``/domain/IPv4 URL (``http:``
    before a protocol-relative one); anything else unchanged."""
    stripped = url.strip("\x00\t\n\f\r ")
    if stripped.startswith("//"):
        return "http:" + stripped
    scheme = _SCHEME.match(stripped)
    if scheme is not None:
        rest = stripped[scheme.end() :]
        if "." not in scheme.group() or not rest[:1].isdigit():
            return url
    host = re.split(r"[/?#:]", stripped, maxsplit=1)[0]
    if "." in host and (_is_tld(host.rstrip(".").rsplit(".", 1)[-1]) or _ipv4().fullmatch(host)):
        return "http://" + stripped
    return url


def normalize_url(url: str, *, form: str = "uri") -> str:
    """The normal form of one URL.

    ``form="uri"``: the WHATWG URL Standard serialisation (via ada-url): lower-case scheme
    and host, IDNA (punycode) host, percent-encoded path and query, default port dropped,
    ``/`` for an empty path; ``http://`` is put before a schemeless ``www.`` or domain URL.
    ``form="iri"``: the same URL as a person wants to read it: Unicode host, and
    percent-escapes that decode to UTF-8 letters, marks or digits shown as such; everything
    else (ASCII escapes like ``%20``, controls, invisible characters) stays encoded.

    Raises `ValueError` (with the reason) for a URL the WHATWG parser rejects, and for an
    unknown `form`.

    >>> normalize_url("HTTP://موقع.وزارة-الاتصالات.مصر:80/wiki/حماس")
    'http://xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c/wiki/%D8%AD%D9%85%D8%A7%D8%B3'
    >>> normalize_url("https://ar.wikipedia.org/wiki/%D8%AD%D9%85%D8%A7%D8%B3%20x", form="iri")
    'https://ar.wikipedia.org/wiki/حماس%20x'
    """
    if not isinstance(url, str):
        raise TypeError(f"normalize_url() expects a str, got {type(url).__name__}")
    if form not in _FORMS:
        raise ValueError(f"unknown form {form!r}; valid forms: {', '.join(_FORMS)}")
    return _normalize(_with_scheme(url), form)


def _normalize(url: str, form: str) -> str:
    import ada_url

    try:
        href: str = ada_url.normalize_url(url)
    except ValueError:
        raise ValueError(f"not a valid URL ({_reason(url)}): {url!r}") from None
    return href if form == "uri" else _to_iri(href)


def _reason(url: str) -> str:
    """Why the WHATWG parser rejects `url`, as far as a few checks can tell."""
    stripped = url.strip("\x00\t\n\f\r ")
    if not stripped:
        return "empty"
    scheme = _SCHEME.match(stripped)
    if scheme is None:
        return "no scheme, and not a www., domain or IPv4 URL"
    rest = stripped[scheme.end() :].lstrip("/\\")
    if scheme.group().lower() not in ("http:", "https:", "ftp:", "ws:", "wss:"):
        return "rejected by the WHATWG URL parser"
    authority = re.split(r"[/?#\\]", rest, maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    if host.startswith("["):
        return "invalid IPv6 address"
    host, _, port = host.partition(":")
    if not host:
        return "empty host"
    if port and (not port.isdigit() or int(port) > _MAX_PORT):
        return f"port {port!r} is not a number from 0 to {_MAX_PORT}"
    bad = [char for char in host if char in " <>^|%\x7f" or char < " "]
    if bad:
        return f"forbidden character {bad[0]!r} in host"
    return "invalid host: not a valid IDNA domain name or IPv4 address"


def _to_iri(href: str) -> str:
    """The readable form of a WHATWG-serialised URL."""
    colon = href.find(":")
    if href.startswith("//", colon + 1) and "xn--" in href:
        import ada_url

        begin = colon + 3
        authority_end = min(href.find(c, begin) % (len(href) + 1) for c in "/?#")
        host_start = href.rfind("@", begin, authority_end) + 1 or begin
        host_end = authority_end
        if not href.startswith("[", host_start):
            port = href.rfind(":", host_start, authority_end)
            host_end = port if port >= 0 else authority_end
        hostname = href[host_start:host_end]
        unicode_host: str = ada_url.idna_to_unicode(hostname) if "xn--" in hostname else ""
        if unicode_host:
            href = href[:host_start] + unicode_host + href[host_end:]
    return _decode_letters(href) if "%" in href else href


@functools.cache
def _escapes() -> re.Pattern[str]:
    # runs of escapes holding at least one byte >= 0x80 (an all-ASCII run stays as it is)
    return re.compile(r"(?:%[0-9A-Fa-f]{2})*%[89A-Fa-f][0-9A-Fa-f](?:%[0-9A-Fa-f]{2})*")


def _decode_letters(text: str) -> str:
    """Decode runs of percent-escapes that are UTF-8 for non-ASCII letters, marks or digits;
    every other escape is kept exactly as written.

    >>> _decode_letters("/a%20b/%D8%AD%D9%85%D8%A7%D8%B3%E2%80%8F")
    '/a%20b/حماس%E2%80%8F'
    """

    def replace(match: re.Match[str]) -> str:
        escapes = match.group()
        decoded = bytes.fromhex(escapes.replace("%", "")).decode("utf-8", "surrogateescape")
        out: list[str] = []
        pos = 0  # in `escapes`
        for char in decoded:
            size = 3 * (1 if char < "\x80" or "\udc80" <= char <= "\udcff" else len(char.encode()))
            if char >= "\x80" and unicodedata.category(char)[0] in "LMN":
                out.append(char)
            else:
                out.append(escapes[pos : pos + size])
            pos += size
        return "".join(out)

    return _escapes().sub(replace, text)


_HAS_SCHEME = re.compile(r"(?i:https?://|ftp://|mailto:)")


def _uri_and_iri(raw: str) -> tuple[str | None, str | None]:
    """Normal forms of a `url_spans` URL (whose kind its first characters tell)."""
    import ada_url

    if raw.startswith("//"):
        raw = "http:" + raw
    elif not _HAS_SCHEME.match(raw):
        raw = "http://" + raw
    try:
        href: str = ada_url.normalize_url(raw)
    except ValueError:
        return None, None
    return href, _to_iri(href)


def find_urls(text: str) -> list[UrlMatch]:
    """Every URL in `text`, in order, with offsets into `text` and its normal forms.

    Never raises on odd input: a candidate the WHATWG parser rejects is kept with
    ``uri=None`` and ``iri=None`` (it is what `segments()` calls a URL too).

    >>> [(u.text, u.iri) for u in find_urls("«الإيرانيhttp://hamas.ps/ar/post/7769/»، www.bbc.com.")]
    [('http://hamas.ps/ar/post/7769/', 'http://hamas.ps/ar/post/7769/'), ('www.bbc.com', 'http://www.bbc.com/')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_urls() expects a str, got {type(text).__name__}")
    matches: list[UrlMatch] = []
    for start, end in url_spans(text):
        raw = text[start:end]
        uri, iri = _uri_and_iri(raw)
        matches.append(UrlMatch(start, end, raw, uri, iri))
    return matches


def isolate_urls(text: str) -> str:
    """`text` with every URL wrapped in LRI ... PDI (U+2066 ... U+2069), so that in a
    right-to-left paragraph its slashes and dots stay in place. A URL that is already
    isolated is left as it is, so applying this twice changes nothing more.

    >>> isolate_urls("المصدر: http://hamas.ps/ar/") == "المصدر: \\u2066http://hamas.ps/ar/\\u2069"
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"isolate_urls() expects a str, got {type(text).__name__}")
    out: list[str] = []
    pos = 0
    for start, end in url_spans(text):
        if start > 0 and text[start - 1] == LRI and text[end : end + 1] == PDI:
            continue
        out.append(text[pos:start])
        out.append(LRI + text[start:end] + PDI)
        pos = end
    out.append(text[pos:])
    return "".join(out)
