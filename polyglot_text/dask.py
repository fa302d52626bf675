"""Run polyglot-text on a Dask bag or dataframe: one machine, or a cluster of many.

Needs the optional extra ``dask`` (``pip install 'polyglot-text[dask]'``). Nothing here is
a scheduler of its own: every function maps a plain polyglot-text function over the
partitions of a `dask.bag.Bag` or a `dask.dataframe.DataFrame` column, and Dask runs the
partitions wherever its scheduler says: threads, local processes, or a
``dask.distributed`` cluster (``Client("tcp://scheduler:8786")``).

Per-process state (langdetect's profiles, transliteration tables, lexicons) is loaded
lazily, once per worker process, on the first partition that needs it, and then kept for
every later partition that worker runs; `warm_up` loads it ahead on every worker of a
``distributed`` client.

Functions are given by name (``"clean"``, ``"segments"``, ...: any public function of
`polyglot_text`) or as any picklable callable ``str -> object``.

>>> import dask.bag as db
>>> bag = db.from_sequence(["وفد حماس", "Hamas delegation"], npartitions=2)
>>> map_texts(bag, "detect_language").compute(scheduler="sync")
['ar', 'en']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .extras import missing_extra

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

__all__ = ["cli_jsonl", "map_column", "map_records", "map_texts", "resolve", "warm_up"]

TextFunction = Callable[..., Any]

#: CLI commands whose ``--jsonl --field NAME`` worker `cli_jsonl` can run:
#: command -> (module under polyglot_text.cli, worker function name).
CLI_WORKERS: Mapping[str, tuple[str, str]] = {
    "segment": ("segment", "segment_worker"),
    "clean": ("clean", "clean_worker"),
    "urls": ("urls", "urls_worker"),
    "translit": ("translit", "translit_worker"),
    "caption": ("caption", "caption_worker"),
}


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
    except ImportError:
        raise missing_extra("Dask support", "dask", "dask[bag,dataframe], distributed") from None


def resolve(func: str | TextFunction) -> TextFunction:
    """A public `polyglot_text` function by name, or `func` itself if it is callable.

    >>> resolve("detect_language").__name__
    'detect_language'
    >>> resolve("no_such_function")
    Traceback (most recent call last):
    ...
    ValueError: unknown polyglot_text function 'no_such_function'; choose one of: ...
    """
    if callable(func):
        return func
    if not isinstance(func, str):
        raise TypeError(f"func must be a function name or a callable, got {type(func).__name__}")
    import polyglot_text

    names = sorted(
        name
        for name in polyglot_text.__all__
        if not name.startswith("_")
        and callable(getattr(polyglot_text, name))
        and not isinstance(getattr(polyglot_text, name), type)
    )
    if func not in names:
        raise ValueError(
            f"unknown polyglot_text function {func!r}; choose one of: {', '.join(names)}"
        )
    result: TextFunction = getattr(polyglot_text, func)
    return result


def _texts_partition(
    texts: Iterable[str], func: str | TextFunction, options: dict[str, Any]
) -> list[Any]:
    function = resolve(func)
    return [function(text, **options) for text in texts]


def map_texts(bag: dask.bag.Bag, func: str | TextFunction, /, **options: Any) -> dask.bag.Bag:
    """Apply ``func(text, **options)`` to every string of `bag`, partition by partition.

    >>> import dask.bag as db
    >>> bag = db.from_sequence(["Hamas وفد"], npartitions=1)
    >>> [[s.kind for s in segs] for segs in map_texts(bag, "segments").compute()]
    [['text', 'space', 'text']]
    """
    _require_dask()
    resolve(func)  # fail early, on the client, for an unknown name
    return bag.map_partitions(_texts_partition, func, options)


def _records_partition(
    records: Iterable[Mapping[str, Any]],
    func: str | TextFunction,
    field: str,
    into: str,
    options: dict[str, Any],
) -> list[dict[str, Any]]:
    function = resolve(func)
    out = []
    for record in records:
        value = record.get(field)
        if not isinstance(value, str):
            raise ValueError(f"record field {field!r} is not a string: {record!r:.200}")
        new = dict(record)
        new[into] = function(value, **options)
        out.append(new)
    return out


def map_records(
    bag: dask.bag.Bag,
    func: str | TextFunction,
    /,
    *,
    field: str = "text",
    into: str | None = None,
    **options: Any,
) -> dask.bag.Bag:
    """Apply `func` to one string field of every record (dict) of `bag`.

    The result goes into `into` (default: `field` itself, replaced); every other field is
    kept. A record whose field is missing or not a string raises `ValueError` naming it.

    >>> import dask.bag as db
    >>> bag = db.from_sequence([{"id": 1, "text": "وزير"}], npartitions=1)
    >>> map_records(bag, "detect_language", into="lang").compute()
    [{'id': 1, 'text': 'وزير', 'lang': 'ar'}]
    """
    _require_dask()
    resolve(func)
    return bag.map_partitions(_records_partition, func, field, into or field, options)


def _column_partition(
    series: Any, func: str | TextFunction, options: dict[str, Any]
) -> Any:  # pandas Series -> pandas Series
    function = resolve(func)
    return series.map(lambda value: function(value, **options), na_action="ignore")


def map_column(
    frame: dask.dataframe.DataFrame,
    column: str,
    func: str | TextFunction,
    /,
    *,
    into: str | None = None,
    meta: Any = None,
    **options: Any,
) -> dask.dataframe.DataFrame:
    """Apply `func` to a text column of a Dask dataframe, partition by partition.

    The result becomes column `into` (default: `column`, replaced). `meta` is the result's
    dtype for Dask (default ``object``). Missing values stay missing.

    >>> import pandas as pd, dask.dataframe as dd
    >>> frame = dd.from_pandas(pd.DataFrame({"t": ["وزير", "minister"]}), npartitions=2)
    >>> map_column(frame, "t", "detect_language", into="lang").compute()["lang"].tolist()
    ['ar', 'en']
    """
    _require_dask()
    resolve(func)
    if column not in frame.columns:
        raise ValueError(f"no column {column!r}; columns are: {', '.join(map(str, frame.columns))}")
    result = frame[column].map_partitions(
        _column_partition, func, options, meta=(into or column, meta or "object")
    )
    return frame.assign(**{into or column: result})


def _cli_worker(command: str, options: dict[str, Any]) -> Callable[[Any], str]:
    import functools
    import importlib

    if command not in CLI_WORKERS:
        raise ValueError(f"unknown command {command!r}; choose one of: {', '.join(CLI_WORKERS)}")
    module_name, worker_name = CLI_WORKERS[command]
    try:
        module = importlib.import_module(f"polyglot_text.cli.{module_name}")
        worker = getattr(module, worker_name)
    except (ImportError, AttributeError):
        raise ValueError(f"command {command!r} has no JSONL worker in this version") from None
    result: Callable[[Any], str] = functools.partial(worker, **options)
    return result


def _cli_partition(
    lines: Iterable[str], command: str, field: str, options: dict[str, Any]
) -> list[str]:
    from .cli._stream import Record, RecordError

    worker = _cli_worker(command, {**options, "field": field})
    out = []
    for index, line in enumerate(lines):
        text = line if line.endswith("\n") else line + "\n"
        try:
            out.append(worker(Record("<dask>", index + 1, 0, text)))
        except RecordError as exc:
            raise ValueError(
                f"JSON record {json.dumps(line[:200], ensure_ascii=False)}: {exc}"
            ) from None
    return out


def cli_jsonl(
    bag: dask.bag.Bag, command: str, /, *, field: str = "text", **options: Any
) -> dask.bag.Bag:
    """Run a CLI command's JSONL mode over a bag of JSON lines: exactly the lines that
    ``polyglot-text COMMAND --jsonl --field FIELD`` prints, one output string per input line.

    `options` are the command's worker options (e.g. ``fmt="text"``,
    ``languages=("ar", "en")`` for ``segment``). ``bag.to_textfiles(...)`` or
    ``"".join(bag.compute())`` gives the CLI's output byte for byte.

    >>> import dask.bag as db
    >>> bag = db.from_sequence(['{"id":7,"text":"وزير"}'], npartitions=1)
    >>> print(cli_jsonl(bag, "segment", fmt="text", languages=None).compute()[0], end="")
    {"id":7,"text":"وزير","segments":[{"start":0,"end":4,"kind":"text","lang":"ar","script":"Arab","direction":"rtl","text":"وزير"}]}
    """
    _require_dask()
    _cli_worker(command, {})  # unknown command: fail on the client
    return bag.map_partitions(_cli_partition, command, field, options)


def _load_state() -> str:
    import polyglot_text

    polyglot_text.segments("warm up وفد حماس")
    return "ok"


def warm_up(client: Any) -> dict[str, str]:
    """Load the per-process state on every worker of a ``dask.distributed.Client`` now.

    Returns ``{worker_address: "ok"}``.
    """
    result: dict[str, str] = client.run(_load_state)
    return result
