"""``polyglot-text clean``: the cleaning pipeline as a Unix filter (text or JSON Lines)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import IO, Any

import click

from ..normalize import FOLDS, PROFILES
from ..pipeline import clean_and_explain, clean_config
from . import _stream
from ._stream import Record
from .options import input_options, jobs_option, output_option

# Delimits a record's explanation (on both sides) inside the output of a block; input can
# never hold a NUL (the reader refuses it), so it cannot be confused with text.
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
        note = f"{record.source}:{record.line}: {'; '.join(steps)}\n"
        return f"{out}{_EXPLAIN_SEP}{note}{_EXPLAIN_SEP}"
    return out


class _ExplainSink:
    """Writes the text of each block's output to `out` and the explanations between NULs to
    stderr, in input order."""

    def __init__(self, out: _stream.Sink) -> None:
        self.out = out

    def write(self, data: bytes, /) -> int:
        parts = data.split(_EXPLAIN_SEP.encode())
        for index, part in enumerate(parts):
            if index % 2 == 0:
                if part:
                    self.out.write(part)
            else:
                if hasattr(self.out, "flush"):
                    self.out.flush()
                _stream.write_stderr(part.decode("utf-8", "replace"))
        return len(data)


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
    blocks = _stream.read_input(files, errors=errors, label="clean")
    # `clean` is line-local: consecutive lines cleaned in one call give the same text as one
    # by one, at a fraction of the per-call cost, when nothing is reported per line.
    group = not jsonl and not explain
    with _stream.open_output(output) as out:
        sink: _stream.Sink = _ExplainSink(out) if explain else out
        _count, skipped = _stream.process(
            blocks, worker, sink, jobs=jobs, skip_bad=skip_bad, group=group
        )
        _flush(out)
    if skipped:
        _stream.write_stderr(f"polyglot-text clean: skipped {skipped} bad line(s)\n")


def _flush(out: IO[bytes]) -> None:
    out.flush()
