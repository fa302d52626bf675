"""Options shared by several subcommands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def input_options(func: F) -> F:
    """FILE... arguments ('-' or none = stdin) and ``--errors``."""
    func = click.option(
        "--errors",
        type=click.Choice(["strict", "replace"]),
        default="strict",
        show_default=True,
        help="Invalid UTF-8: stop with FILE:LINE (strict) or read it as U+FFFD (replace).",
    )(func)
    return click.argument("files", nargs=-1, metavar="[FILE]...")(func)


def output_option(func: F) -> F:
    """``-o/--output``: written atomically (temporary file renamed into place)."""
    return click.option(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help="Write to FILE (atomically: complete or not at all) instead of standard output.",
    )(func)


def jobs_option(func: F) -> F:
    """``--jobs N``: worker processes; output order is kept."""
    return click.option(
        "--jobs",
        "-j",
        type=int,
        default=1,
        show_default=True,
        help="Worker processes (0 = one per core); output keeps the input order.",
    )(func)


def jsonl_options(func: F) -> F:
    """``--jsonl`` (input is JSON Lines) and ``--field NAME`` (which string field; default
    ``text``): every command that works on text takes these two the same way. The function
    receives ``field``: the field name in JSONL mode, else ``None``."""

    def resolve(ctx: click.Context, _param: click.Parameter, value: str) -> str | None:
        return value if ctx.params.get("jsonl") else None

    func = click.option(
        "--field",
        "field",
        default="text",
        show_default=True,
        metavar="NAME",
        callback=resolve,
        help="With --jsonl: the string field of each record to work on.",
    )(func)
    return click.option(
        "--jsonl",
        "jsonl",
        is_flag=True,
        is_eager=True,
        help="Input is JSON Lines: work on one field of each record and keep every other "
        "field and every record.",
    )(func)
