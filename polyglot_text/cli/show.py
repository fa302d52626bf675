"""``polyglot-text show``: the visual form of text, for a terminal without bidi or shaping."""

from __future__ import annotations

import functools

import click

from ..display import BASE_DIRS, to_visual
from . import _stream
from ._stream import Record
from .options import input_options, jobs_option, jsonl_options, output_option


def show_worker(
    record: Record,
    *,
    base_dir: str,
    width: int | None,
    keep_harakat: bool,
    shape: bool,
    align: bool = False,
    field: str | None = None,
) -> str:
    """The visual form of one input line (its line ending kept); with `align` and `width`,
    the lines of a right-to-left paragraph are padded on the left to `width` columns. With
    `field` (JSONL), that string field of the record is replaced by its visual form."""
    if field is not None:
        obj, value = _stream.parse_json_line(record.text, field)
        obj[field] = _visual(value, base_dir, width, keep_harakat, shape, align)
        return _stream.dump_json(obj) + "\n"
    return _visual(record.text, base_dir, width, keep_harakat, shape, align)


def _visual(
    text: str, base_dir: str, width: int | None, keep_harakat: bool, shape: bool, align: bool
) -> str:
    shown = to_visual(text, base_dir=base_dir, width=width, keep_harakat=keep_harakat, shape=shape)
    if not (align and width):
        return shown
    from ..display.uba import paragraph_level
    from ..display.visual import display_width

    rtl = base_dir == "rtl" or (base_dir == "auto" and paragraph_level(text) == 1)
    if not rtl:
        return shown
    body = shown.rstrip("\r\n")
    ending = shown[len(body) :]
    lines = body.split("\n")
    return "\n".join(" " * max(0, width - display_width(line)) + line for line in lines) + ending


@click.command()
@input_options
@click.option(
    "--width",
    "-w",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Wrap each line to N columns first (in logical order), then reorder each piece.",
)
@click.option(
    "--base-dir",
    type=click.Choice(BASE_DIRS),
    default="auto",
    show_default=True,
    help="Paragraph direction: auto (each line's first strong letter), rtl or ltr.",
)
@click.option(
    "--no-shape",
    is_flag=True,
    help="Only reorder; keep letters as they are (for a display that shapes but cannot reorder).",
)
@click.option("--strip-harakat", is_flag=True, help="Remove harakat (short vowels, shadda...).")
@click.option(
    "--align",
    is_flag=True,
    help="With --width: right-align the lines of right-to-left paragraphs, as a bidi-aware "
    "display would.",
)
@jsonl_options
@output_option
@jobs_option
def show(
    files: tuple[str, ...],
    errors: str,
    width: int | None,
    base_dir: str,
    no_shape: bool,
    strip_harakat: bool,
    align: bool,
    jsonl: bool,
    field: str | None,
    output: str | None,
    jobs: int,
) -> None:
    """Print FILEs in visual order with Arabic letters shaped, for a terminal (or a PDF,
    image or game engine) that draws characters left to right as they come.

    Each line is a paragraph: its bidi levels are resolved (Unicode bidi algorithm),
    brackets in right-to-left runs mirrored, marks kept after their letter, and bidi
    control characters applied and removed. The output is for display only: to get the
    text back from it, use the library's to_logical().

    \b
    Examples:
      polyglot-text show fixtures/mixed_social.txt
      polyglot-text show --width 40 --align article.txt
      echo 'He said وفد حماس today' | polyglot-text show
      polyglot-text show --jsonl --field text tweets.jsonl
    """
    worker = functools.partial(
        show_worker,
        base_dir=base_dir,
        width=width,
        keep_harakat=not strip_harakat,
        shape=not no_shape,
        align=align,
        field=field,
    )
    if align and width is None:
        raise click.UsageError("--align needs --width N (the column to align to)")
    blocks = _stream.read_input(files, errors=errors, label="show")
    with _stream.open_output(output) as out:
        _stream.process(blocks, worker, out, jobs=jobs)
