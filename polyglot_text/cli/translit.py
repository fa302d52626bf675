"""``polyglot-text translit``: romanise (or, for lossless schemes, reverse) Arabic-script text."""

from __future__ import annotations

import functools

import click

from ..translit import (
    LOSSLESS,
    SCHEMES,
    default_scheme_for,
    detransliterate,
    diacritizer_available,
    transliterate_and_explain,
)
from ..translit.rules import has_vowel_marks
from . import _stream
from ._stream import Record, write_stderr
from .options import input_options, jobs_option, jsonl_options, output_option

#: The one-line hint printed (once) when unvowelled text is romanised without the extra.
HINT = (
    "polyglot-text: hint: unvowelled Arabic was romanised from bare letters; "
    "install the diacritizer for full vowels: pip install 'polyglot-text[diacritize]'\n"
)


def translit_worker(
    record: Record,
    *,
    scheme: str,
    reverse: bool,
    field: str | None,
    options: dict[str, object],
) -> str:
    """Transliterate one input line (or one JSONL record's field)."""
    if field is not None:
        obj, value = _stream.parse_json_line(record.text, field)
        obj[field] = _convert(value, scheme, reverse, options)[0]
        return _stream.dump_json(obj) + "\n"
    out, guessed = _convert(record.text, scheme, reverse, options)
    if guessed:
        # A marker the parent process turns into the stderr hint (never reaches the output).
        return "\0" + out
    return out


def _convert(text: str, scheme: str, reverse: bool, options: dict[str, object]) -> tuple[str, bool]:
    if reverse:
        return detransliterate(text, scheme), False
    out, words = transliterate_and_explain(text, scheme, **options)
    guessed = any(w.source == "rules" and not has_vowel_marks(w.text) for w in words)
    return out, guessed


class _HintSink:
    """Strips the workers' markers (input never holds a NUL: the reader refuses it) and
    prints the hint the first time one is seen."""

    def __init__(self, out: _stream.Sink, hint: bool) -> None:
        self.out = out
        self.hint = hint

    def write(self, data: bytes, /) -> int:
        if b"\0" in data:
            data = data.replace(b"\0", b"")
            if self.hint:
                write_stderr(HINT)
                self.hint = False
        self.out.write(data)
        return len(data)


@click.command()
@input_options
@click.option(
    "--scheme",
    "-s",
    type=click.Choice(SCHEMES),
    default=None,
    help="Transliteration scheme [default: the ALA-LC table of --lang: ala-lc, ala-lc-fa, "
    "ala-lc-ur]; lossless: " + ", ".join(LOSSLESS) + ".",
)
@click.option(
    "--reverse",
    "-r",
    is_flag=True,
    help="Back to Arabic script (lossless schemes only; the whole input is read as the scheme).",
)
@click.option(
    "--lang",
    type=click.Choice(["ar", "fa", "ur"]),
    default=None,
    help="Language of the Arabic-script text (default: the scheme's).",
)
@click.option(
    "--diacritize/--no-diacritize",
    default=None,
    help="Vowel unvowelled Arabic with the 'diacritize' extra (default: when installed).",
)
@click.option(
    "--case",
    type=click.Choice(["lower", "title", "sentence"]),
    default=None,
    help="Capitalisation (default: the scheme's; title for BGN/PCGN place names).",
)
@click.option(
    "--apostrophes",
    type=click.Choice(["scheme", "quotes", "ascii"]),
    default="scheme",
    show_default=True,
    help="Ayn and hamza signs: the scheme's (ʻ ʼ), typographic quotes (‘ ’) or ASCII (` ').",
)
@jsonl_options
@output_option
@jobs_option
def translit(
    files: tuple[str, ...],
    errors: str,
    scheme: str | None,
    reverse: bool,
    lang: str | None,
    diacritize: bool | None,
    case: str | None,
    apostrophes: str,
    jsonl: bool,
    field: str | None,
    output: str | None,
    jobs: int,
) -> None:
    """Transliterate the Arabic-script words of FILEs; everything else passes through.

    Scholarly schemes (ala-lc, ala-lc-fa, ala-lc-ur, din-31635, bgn-pcgn, bgn-pcgn-ur,
    iso-233-2) romanise by rule; unvowelled Arabic gets its vowels from a built-in lexicon of
    frequent words and, when installed, the 'diacritize' extra. Lossless schemes (buckwalter,
    buckwalter-xml, safe-buckwalter, hsb) map letter for letter and reverse with --reverse.

    \b
    Examples:
      echo 'وزارة التربية' | polyglot-text translit
      polyglot-text translit --scheme buckwalter notes.txt > notes.bw
      polyglot-text translit --scheme buckwalter --reverse notes.bw
      polyglot-text translit --jsonl --field text --scheme din-31635 tweets.jsonl
    """
    if scheme is None:
        scheme = default_scheme_for(lang)
    if reverse and scheme not in LOSSLESS:
        raise click.BadParameter(
            f"{scheme!r} is not reversible; --reverse needs one of: {', '.join(LOSSLESS)}",
            param_hint="--reverse",
        )
    options: dict[str, object] = {"apostrophes": apostrophes}
    if scheme not in LOSSLESS:
        options.update(lang=lang, diacritize=diacritize, case=case)
    if diacritize and not diacritizer_available():
        from ..extras import install_command

        raise click.UsageError(
            f"--diacritize needs the optional extra 'diacritize' (text2tashkeel); "
            f"install it with: {install_command('diacritize')}"
        )
    hint = not reverse and scheme not in LOSSLESS and diacritize is None
    hint = hint and (lang or "ar") == "ar" and not diacritizer_available()
    if scheme in LOSSLESS:
        options = {}
    worker = functools.partial(
        translit_worker, scheme=scheme, reverse=reverse, field=field, options=options
    )
    blocks = _stream.read_input(files, errors=errors, label="translit")
    with _stream.open_output(output) as out:
        _stream.process(blocks, worker, _HintSink(out, hint), jobs=jobs)
