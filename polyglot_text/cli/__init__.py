"""The ``polyglot-text`` command line: one subcommand per concern, UTF-8 in and out.

Each subcommand lives in its own module and only parses options and streams records through
`polyglot_text.cli._stream`; the work is done by the library functions.
"""

from __future__ import annotations

import sys

import click

from .._version import __version__
from ._stream import CliError, write_stderr

EPILOG = """\b
Examples:
  polyglot-text segment fixtures/seed_article.txt
  echo 'He said وفد حماس إلى طهران today' | polyglot-text segment --format jsonl
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="polyglot-text")
def cli() -> None:
    """Find, clean and caption text that mixes Arabic, Persian and Urdu with English.

    Every command reads UTF-8 text from FILEs (or standard input when no FILE or '-' is
    given) line by line, and writes UTF-8 to standard output whatever the locale.
    """


def _register() -> None:
    from .caption import caption
    from .clean import clean
    from .segment import segment
    from .show import show
    from .translit import translit
    from .urls import urls

    cli.add_command(caption)
    cli.add_command(clean)
    cli.add_command(segment)
    cli.add_command(show)
    cli.add_command(translit)
    cli.add_command(urls)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``polyglot-text`` script."""
    try:
        cli.main(args=argv, prog_name="polyglot-text", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        write_stderr("polyglot-text: interrupted\n")
        sys.exit(130)
    except KeyboardInterrupt:
        write_stderr("polyglot-text: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, like other Unix filters.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


__all__ = ["CliError", "cli", "main"]
