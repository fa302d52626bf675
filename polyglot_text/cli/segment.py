"""``polyglot-text segment``: language segments with offsets."""

from __future__ import annotations

import functools

import click

from ..segment import Segment, segments
from . import _stream
from ._stream import Record
from .options import input_options, jobs_option, jsonl_options, output_option


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _as_dict(seg: Segment, base: int) -> dict[str, object]:
    return {
        "start": seg.start + base,
        "end": seg.end + base,
        "kind": seg.kind,
        "lang": seg.lang,
        "script": seg.script,
        "direction": seg.direction,
        "text": seg.text,
    }


def segment_worker(
    record: Record, *, fmt: str, languages: tuple[str, ...] | None, field: str | None
) -> str:
    """Format the segments of one input line (or one JSONL record's field)."""
    if field is not None:
        obj, value = _stream.parse_json_line(record.text, field)
        obj["segments"] = [_as_dict(s, 0) for s in segments(value, languages=languages)]
        return _stream.dump_json(obj) + "\n"
    segs = segments(record.text, languages=languages)
    if fmt == "text":
        return "".join(
            f"{s.start + record.offset}\t{s.end + record.offset}\t{s.kind}\t{s.lang or '-'}\t"
            f"{_escape(s.text)}\n"
            for s in segs
        )
    lines = []
    for seg in segs:
        item = {"file": record.source, "line": record.line, **_as_dict(seg, record.offset)}
        lines.append(_stream.dump_json(item) + "\n")
    return "".join(lines)


@click.command()
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="text: START END KIND LANG TEXT per line, tab-separated, TEXT with \\t \\n \\r \\\\ "
    "escaped; jsonl: one JSON object per segment; json: one JSON array.",
)
@click.option(
    "--languages",
    "-l",
    default="ar,fa,ur,en",
    show_default=True,
    help="Comma-separated candidate languages (langdetect codes).",
)
@jsonl_options
@output_option
@jobs_option
def segment(
    files: tuple[str, ...],
    errors: str,
    fmt: str,
    languages: str,
    jsonl: bool,
    field: str | None,
    output: str | None,
    jobs: int,
) -> None:
    """Print the language segments of FILEs, one per line.

    Offsets are character (Python str) offsets from the start of each file; each line is
    segmented on its own, its line ending included, so the segments of a file concatenate
    back to the file exactly.

    \b
    Examples:
      polyglot-text segment fixtures/seed_article.txt
      polyglot-text segment --format jsonl notes.txt
      polyglot-text segment --jsonl --field text --languages ar,en tweets.jsonl
    """
    from ..langid import check_languages

    try:
        langs = check_languages([c for c in languages.split(",") if c.strip()])
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--languages") from None
    worker = functools.partial(segment_worker, fmt=fmt, languages=langs, field=field)
    blocks = _stream.read_input(files, errors=errors, label="segment")
    with _stream.open_output(output) as out:
        _stream.process_to(
            blocks, worker, out, json_array=fmt == "json" and field is None, jobs=jobs
        )
