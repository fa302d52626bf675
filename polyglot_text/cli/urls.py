"""``polyglot-text urls``: the URLs of each line, normalised, with offsets."""

from __future__ import annotations

import functools

import click

from ..urls import UrlMatch, find_urls
from . import _stream
from ._stream import Record
from .options import input_options, jobs_option, jsonl_options, output_option

FORMS = ("uri", "iri", "raw")


def _as_dict(match: UrlMatch, base: int) -> dict[str, object]:
    return {
        "start": match.start + base,
        "end": match.end + base,
        "text": match.text,
        "uri": match.uri,
        "iri": match.iri,
    }


def _shown(match: UrlMatch, form: str) -> str:
    if form == "uri" and match.uri is not None:
        return match.uri
    if form == "iri" and match.iri is not None:
        return match.iri
    return match.text  # raw, or a URL the WHATWG parser rejects


def urls_worker(record: Record, *, fmt: str, form: str, field: str | None) -> str:
    """Format the URLs of one input line (or of one JSONL record's field)."""
    if field is not None:
        obj, value = _stream.parse_json_line(record.text, field)
        obj["urls"] = [_as_dict(m, 0) for m in find_urls(value)]
        return _stream.dump_json(obj) + "\n"
    matches = find_urls(record.text)
    if fmt == "text":
        return "".join(_shown(m, form) + "\n" for m in matches)
    return "".join(
        _stream.dump_json(
            {"file": record.source, "line": record.line, **_as_dict(m, record.offset)}
        )
        + "\n"
        for m in matches
    )


@click.command()
@input_options
@click.option(
    "--form",
    type=click.Choice(FORMS),
    default="uri",
    show_default=True,
    help="text format: uri = WHATWG serialisation (punycode host, percent-encoded path); "
    "iri = readable (Unicode host, UTF-8 letters decoded); raw = as written in the text. "
    "A URL the WHATWG parser rejects is printed raw.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="text: one URL per line; jsonl: one JSON object per URL with file, line, start, end, "
    "text, uri, iri (uri/iri null when invalid); json: one JSON array.",
)
@jsonl_options
@output_option
@jobs_option
def urls(
    files: tuple[str, ...],
    errors: str,
    form: str,
    fmt: str,
    jsonl: bool,
    field: str | None,
    output: str | None,
    jobs: int,
) -> None:
    """Print the URLs found in FILEs, one per line.

    Finds URLs glued to Arabic, Persian or Urdu words, followed by Arabic punctuation, in
    «» or between bidi marks, with Arabic IDN hosts and raw or percent-encoded Arabic paths.
    Offsets (json/jsonl) are character (Python str) offsets from the start of each file.

    \b
    Examples:
      polyglot-text urls fixtures/seed_article.txt
      polyglot-text urls --form iri --format jsonl notes.txt
      polyglot-text urls --jsonl --field text tweets.jsonl
    """
    worker = functools.partial(urls_worker, fmt=fmt, form=form, field=field)
    blocks = _stream.read_input(files, errors=errors, label="urls")
    with _stream.open_output(output) as out:
        _stream.process_to(
            blocks, worker, out, json_array=fmt == "json" and field is None, jobs=jobs
        )
