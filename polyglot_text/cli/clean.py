"""``polyglot-text clean``: the cleaning pipeline as a Unix filter (text or JSON Lines)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import click

from ..normalize import FOLDS, PROFILES
from ..pipeline import clean_and_explain, clean_config
from . import _stream
from ._stream import Record
from .options import input_options, jobs_option, output_option

# Separates a record's output from its explanation inside one worker result; input can never
# hold a NUL (`read_records` rejects binary files), so it cannot be confused with text.
_EXPLAIN_SEP = "\0"


def clean_worker(
    record: Record, *, options: dict[str, Any], field: str | None, explain: bool
) -> str:
    """Clean one input line (or one JSONL record's `field`); append the steps if asked."""
    if field is not None:
        if not record.text.strip():
            return record.text  # a blank line stays a blank line
        obj, value = _stream.parse_json_line(record.text, field)
        cleaned, steps = clean_and_explain(value, **options)
        obj[field] = cleaned
        newline = "\r\n" if record.text.endswith("\r\n") else "\n"
        out = _stream.dump_json(obj) + newline
    else:
        out, steps = clean_and_explain(record.text, **options)
    if explain and steps:
        return f"{out}{_EXPLAIN_SEP}{record.source}:{record.line}: {'; '.join(steps)}\n"
    return out


class _ExplainSink:
    """Writes each result's text to `out` and its explanation (after NUL) to stderr."""

    def __init__(self, out: _stream.Sink) -> None:
        self.out = out

    def write(self, data: bytes, /) -> int:
        text, sep, note = data.partition(_EXPLAIN_SEP.encode())
        if text:
            self.out.write(text)
        if sep:
            if hasattr(self.out, "flush"):
                self.out.flush()
            _stream.write_stderr(note.decode("utf-8", "replace"))
        return len(data)


#: Lines cleaned in one call when nothing is reported per line (`clean` is line-local: a
#: block gives the same text as its lines one by one, at a fraction of the per-call cost).
BLOCK_LINES = 512
BLOCK_CHARS = 1 << 16


def _blocks(records: Iterable[Record]) -> Iterator[Record]:
    """Consecutive lines of one file joined into one record (numbered by its first line)."""
    block: list[Record] = []
    size = 0
    for record in records:
        if block and (
            record.source != block[0].source or len(block) >= BLOCK_LINES or size >= BLOCK_CHARS
        ):
            yield _join(block)
            block, size = [], 0
        block.append(record)
        size += len(record.text)
    if block:
        yield _join(block)


def _join(block: list[Record]) -> Record:
    first = block[0]
    if len(block) == 1:
        return first
    return Record(first.source, first.line, first.offset, "".join(r.text for r in block))


def _progress(records: Iterable[Record], files: tuple[str, ...]) -> Iterator[Record]:
    """Show a tqdm bar (bytes read) on stderr when it is a terminal and input is files."""
    if not sys.stderr.isatty() or not files or "-" in files:
        yield from records
        return
    from tqdm import tqdm

    try:
        total = sum(os.path.getsize(path) for path in files)
    except OSError:
        total = None
    with tqdm(
        total=total, unit="B", unit_scale=True, desc="clean", file=sys.stderr, leave=False
    ) as bar:
        for record in records:
            bar.update(len(record.text.encode("utf-8", "surrogateescape")))
            yield record


def _fold_option(name: str) -> Callable[[Any], Any]:
    values = list(FOLDS[name])
    return click.option(
        f"--{name.replace('_', '-')}",
        name,
        type=click.Choice(values),
        default=None,
        help=f"Override the profile's {name.replace('_', ' ')} fold.",
    )


def _fold_options(func: Any) -> Any:
    for name in reversed(list(FOLDS)):
        func = _fold_option(name)(func)
    return func


@click.command()
@input_options
@click.option(
    "--profile",
    type=click.Choice(list(PROFILES)),
    default="clean",
    show_default=True,
    help="Normalisation profile: clean (lossless), search (matching key), fa, ur (orthography).",
)
@_fold_options
@click.option("--mojibake/--no-mojibake", default=True, show_default=True, help="Repair mojibake.")
@click.option(
    "--split-urls/--no-split-urls",
    default=True,
    show_default=True,
    help="Put a space before a URL glued to a word.",
)
@click.option(
    "--whitespace/--no-whitespace",
    default=True,
    show_default=True,
    help="Collapse runs of spaces and drop spaces at line ends.",
)
@click.option(
    "--repair-visual",
    is_flag=True,
    default=False,
    help="Put lines stored in visual order (old PDFs) back in logical order.",
)
@click.option("--jsonl", is_flag=True, help="Input is JSON Lines: clean one field of each record.")
@click.option(
    "--field",
    default="text",
    show_default=True,
    metavar="NAME",
    help="With --jsonl: the string field to clean; every other field is kept.",
)
@click.option(
    "--skip-bad",
    is_flag=True,
    help="With --jsonl: skip lines that are not JSON objects with the field (count on stderr).",
)
@click.option(
    "--explain", is_flag=True, help="Print FILE:LINE: the steps that changed it, on stderr."
)
@output_option
@jobs_option
def clean(
    files: tuple[str, ...],
    errors: str,
    profile: str,
    mojibake: bool,
    split_urls: bool,
    whitespace: bool,
    repair_visual: bool,
    jsonl: bool,
    field: str,
    skip_bad: bool,
    explain: bool,
    output: str | None,
    jobs: int,
    **folds: str | None,
) -> None:
    """Clean FILEs (or standard input) line by line: repair mojibake, normalise Arabic-script
    text (bidi controls, presentation forms, tatweel...), split glued URLs, tidy spaces.

    Every line is written out, in order, whatever --jobs; -o writes atomically.

    \b
    Examples:
      polyglot-text clean scraped.txt > clean.txt
      polyglot-text clean --profile search --digits keep notes.txt
      polyglot-text clean --jsonl --field text -o out.jsonl tweets.jsonl --jobs 4
    """
    options: dict[str, Any] = {
        "profile": profile,
        "mojibake": mojibake,
        "split_urls": split_urls,
        "whitespace": whitespace,
        "repair_visual": repair_visual,
        **{name: value for name, value in folds.items() if value is not None},
    }
    try:
        clean_config(**options)
    except ValueError as exc:  # pragma: no cover - click.Choice already checks the values
        raise click.UsageError(str(exc)) from None
    if repair_visual:
        import importlib

        try:
            display = importlib.import_module("polyglot_text.display")
        except ImportError as exc:
            raise _stream.CliError(f"--repair-visual is not available: {exc}") from None
        missing = [
            n for n in ("looks_visual", "to_logical", "VISUAL_THRESHOLD") if not hasattr(display, n)
        ]
        if missing:
            raise _stream.CliError(f"--repair-visual is not available: no {', '.join(missing)}")
    if skip_bad and not jsonl:
        raise click.UsageError("--skip-bad only applies with --jsonl")
    worker = functools.partial(
        clean_worker, options=options, field=field if jsonl else None, explain=explain
    )
    paths = files or ("-",)
    records = _progress(_stream.read_records(paths, errors=errors), files)
    if not jsonl and not explain:
        records = _blocks(records)
    with _stream.open_output(output) as out:
        sink: _stream.Sink = _ExplainSink(out) if explain else out
        _count, skipped = _stream.process(records, worker, sink, jobs=jobs, skip_bad=skip_bad)
        _flush(out)
    if skipped:
        _stream.write_stderr(f"polyglot-text clean: skipped {skipped} bad line(s)\n")


def _flush(out: IO[bytes]) -> None:
    out.flush()
