"""``polyglot-text caption``: a romanisation, gloss or translation after every Arabic-script
segment, as text, HTML, Markdown or JSON."""

from __future__ import annotations

import functools
from typing import Any

import click

from ..translit import SCHEMES
from . import _stream
from ._stream import Record
from .options import input_options, jobs_option, jsonl_options, output_option


def _shift(item: dict[str, Any], base: int) -> dict[str, Any]:
    item["start"] += base
    item["end"] += base
    for part in item["parts"]:
        part["start"] += base
        part["end"] += base
    return item


def caption_worker(
    record: Record,
    *,
    options: dict[str, Any] | None = None,
    style: str = "inline",
    ruby: str = "auto",
    field: str | None = None,
) -> str:
    """Caption one input line (or one JSONL record's field) and render it; `options` are
    `polyglot_text.annotate`'s (mode, scheme, translator...)."""
    from ..captions import annotate
    from ..captions.render import render

    options = options or {}

    if field is not None:
        obj, value = _stream.parse_json_line(record.text, field)
        caps = annotate(value, **options)
        if style == "json":
            obj["captions"] = [c.as_dict() for c in caps]
        else:
            obj["captioned"] = render(value, caps, style=style, ruby=ruby)
        return _stream.dump_json(obj) + "\n"
    caps = annotate(record.text, **options)
    if style == "json":
        return "".join(
            _stream.dump_json(
                {"file": record.source, "line": record.line, **_shift(c.as_dict(), record.offset)}
            )
            + "\n"
            for c in caps
        )
    return render(record.text, caps, style=style, ruby=ruby)


def _make_translator(mode: str, translator: str | None, glossary: str | None) -> Any:
    from ..captions import ArgosTranslator, GlossaryError, GlossaryTranslator
    from ..extras import has_module, missing_extra

    if mode != "translate":
        if glossary or translator:
            raise click.UsageError("--glossary and --translator need --mode translate")
        return None
    kind = translator or ("glossary" if glossary else None)
    if kind is None:
        raise click.UsageError(
            "--mode translate needs a translator: --glossary FILE or --translator argos"
        )
    if kind == "glossary":
        if not glossary:
            raise click.UsageError("--translator glossary needs --glossary FILE")
        try:
            return GlossaryTranslator.from_file(glossary)
        except GlossaryError as exc:
            raise _stream.CliError(str(exc)) from None
    if glossary:
        raise click.UsageError("--glossary is only used with --translator glossary")
    if not has_module("argostranslate"):
        raise _stream.CliError(
            str(missing_extra("machine translations", "translate", "argostranslate"))
        )
    return ArgosTranslator()


@click.command()
@input_options
@click.option(
    "--mode",
    "-m",
    type=click.Choice(["translit", "gloss", "translate"]),
    default="translit",
    show_default=True,
    help="translit: romanisation; gloss: English word glosses (extra 'gloss'); "
    "translate: a glossary or Argos Translate.",
)
@click.option(
    "--scheme",
    "-s",
    type=click.Choice(SCHEMES),
    default=None,
    help="Transliteration scheme for translit captions and fallbacks [default: each "
    "segment language's ALA-LC table: ala-lc, ala-lc-fa, ala-lc-ur].",
)
@click.option(
    "--style",
    type=click.Choice(["inline", "html", "markdown", "json"]),
    default="inline",
    show_default=True,
    help="inline: SEGMENT [CAPTION]; html: a fragment (<p> per line) or --standalone page; "
    "markdown: caption in italics; json: JSON Lines, one object per caption.",
)
@click.option(
    "--glossary",
    "-g",
    default=None,
    metavar="FILE",
    help="Glossary for --mode translate: TSV, CSV (phrase, translation) or JSON.",
)
@click.option(
    "--translator",
    type=click.Choice(["glossary", "argos"]),
    default=None,
    help="Translator for --mode translate (default: glossary when --glossary is given). "
    "argos needs the extra 'translate' and an installed ar->en model.",
)
@click.option(
    "--ruby",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="html: caption as <ruby>/<rt> above the segment (auto: segments of up to 3 words).",
)
@click.option("--standalone", is_flag=True, help="html: write a whole HTML5 page.")
@click.option("--title", default="Captioned text", show_default=True, help="--standalone: title.")
@click.option(
    "--languages",
    "-l",
    default="ar,fa,ur,en",
    show_default=True,
    help="Comma-separated candidate languages (langdetect codes).",
)
@click.option(
    "--min-letters",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Do not caption Arabic-script segments with fewer letters.",
)
@click.option(
    "--diacritize/--no-diacritize",
    default=None,
    help="translit: vowel unvowelled Arabic with the 'diacritize' extra (default: when "
    "installed); --no-diacritize is faster.",
)
@jsonl_options
@output_option
@jobs_option
def caption(
    files: tuple[str, ...],
    errors: str,
    mode: str,
    scheme: str | None,
    style: str,
    glossary: str | None,
    translator: str | None,
    ruby: str,
    standalone: bool,
    title: str,
    languages: str,
    min_letters: int,
    diacritize: bool | None,
    jsonl: bool,
    field: str | None,
    output: str | None,
    jobs: int,
) -> None:
    """Write FILEs with a caption after every Arabic-script segment.

    Each line is captioned on its own and streamed out (constant memory). With --style
    inline, deleting every ' [...]' caption gives the input back exactly. Offsets in JSON
    output are character offsets from the start of each file. With --jsonl, each record gets
    'captioned' (the rendered field) or, with --style json, 'captions' (a list).

    \b
    Examples:
      polyglot-text caption fixtures/seed_article.txt
      polyglot-text caption --mode gloss --style html --standalone -o page.html notes.txt
      polyglot-text caption --mode translate --glossary terms.tsv --style markdown notes.md
      polyglot-text caption --jsonl --field text --style json tweets.jsonl
    """
    from ..extras import missing_extra
    from ..gloss import GLOSS_PACKAGE, gloss_available
    from ..langid import check_languages

    try:
        langs = check_languages([c for c in languages.split(",") if c.strip()])
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--languages") from None
    if standalone and (style != "html" or field is not None):
        raise click.UsageError("--standalone needs --style html (and no --jsonl)")
    if mode == "gloss" and not gloss_available():
        raise _stream.CliError(str(missing_extra("word glosses", "gloss", GLOSS_PACKAGE)))
    options = {
        "mode": mode,
        "scheme": scheme,
        "translator": _make_translator(mode, translator, glossary),
        "languages": langs,
        "min_letters": min_letters,
        "diacritize": diacritize,
    }
    worker = functools.partial(caption_worker, options=options, style=style, ruby=ruby, field=field)
    blocks = _stream.read_input(files, errors=errors, label="caption")
    with _stream.open_output(output) as out:
        if standalone:
            from ..captions.render import page_end, page_start

            out.write(page_start(title).encode("utf-8"))
            _stream.process(blocks, worker, out, jobs=jobs)
            out.write(page_end().encode("utf-8"))
        else:
            _stream.process(blocks, worker, out, jobs=jobs)
