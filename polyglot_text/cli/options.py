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
