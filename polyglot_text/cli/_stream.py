"""Streaming input/output shared by every CLI command.

Input is read as bytes, line by line, and decoded strictly as UTF-8 (or with U+FFFD
replacement on request); output is written as UTF-8 bytes whatever the locale. Records flow
through a worker function in order, optionally fanned out to processes in chunks. Nothing
here knows what a command does.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Protocol

import click

#: How many records a worker process gets at a time with ``--jobs``.
CHUNK_RECORDS = 2000
#: ... or how many characters, whichever comes first.
CHUNK_CHARS = 1 << 20


class CliError(click.ClickException):
    """A one-line error naming the file and line; exit status 2 (bad input or usage)."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        write_stderr(f"polyglot-text: {self.format_message()}\n")


class InternalError(CliError):
    """A bug met while processing a record: still one line, naming the input line; exit 1."""

    exit_code = 1


def write_stderr(message: str) -> None:
    """Write UTF-8 to stderr whatever the locale."""
    stream = getattr(sys.stderr, "buffer", None)
    if stream is not None:
        sys.stderr.flush()
        stream.write(message.encode("utf-8", "backslashreplace"))
        stream.flush()
    else:  # pragma: no cover - a stderr replaced by a text-only object
        sys.stderr.write(message)


@dataclass(frozen=True, slots=True)
class Record:
    """One input line: where it came from and its decoded text (line ending included)."""

    source: str
    line: int
    offset: int  #: character offset of the line's first character in its file
    text: str


class RecordError(ValueError):
    """Raised by a worker for a record it cannot process (bad JSON, missing field...)."""


def _display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def read_records(paths: Iterable[str], *, errors: str = "strict") -> Iterator[Record]:
    """Yield every line of every file ('-' = stdin) as a `Record`.

    Raises `CliError` for a missing or unreadable file, a NUL byte (binary data) or
    invalid UTF-8 with ``errors="strict"``.
    """
    for path in paths:
        name = _display_name(path)
        if path == "-":
            handle: IO[bytes] = sys.stdin.buffer
            close = False
        else:
            try:
                handle = open(path, "rb")  # noqa: SIM115 - closed below
            except FileNotFoundError:
                raise CliError(f"{name}: no such file") from None
            except IsADirectoryError:
                raise CliError(f"{name}: is a directory, not a file") from None
            except OSError as exc:
                raise CliError(f"{name}: cannot open: {exc.strerror or exc}") from None
            close = True
        try:
            yield from _records(handle, name, errors)
        finally:
            if close:
                handle.close()


#: How much of a file is looked at for NUL bytes before reading it (as git and grep do).
BINARY_SNIFF_BYTES = 8000


def _binary_error(name: str, lineno: int, byte: int) -> CliError:
    return CliError(
        f"{name}:{lineno}: NUL byte at byte {byte}: this looks like a binary file; "
        "polyglot-text reads UTF-8 text"
    )


def _records(handle: IO[bytes], name: str, errors: str) -> Iterator[Record]:
    peek = getattr(handle, "peek", None)
    if peek is not None:
        head = peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]
        nul = head.find(b"\0")
        if nul >= 0:
            raise _binary_error(name, head.count(b"\n", 0, nul) + 1, nul)
    byte_offset = 0
    char_offset = 0
    for lineno, raw in enumerate(handle, 1):
        nul = raw.find(b"\0")
        if nul >= 0:
            raise _binary_error(name, lineno, byte_offset + nul)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if errors != "replace":
                raise CliError(
                    f"{name}:{lineno}: invalid UTF-8 at byte {byte_offset + exc.start} "
                    f"({raw[exc.start : exc.start + 4]!r}); use --errors replace to continue"
                ) from None
            text = raw.decode("utf-8", "replace")
        yield Record(name, lineno, char_offset, text)
        byte_offset += len(raw)
        char_offset += len(text)


def parse_json_line(text: str, field: str) -> tuple[dict[str, Any], str]:
    """Parse one JSONL line; return the object and its string `field`.

    >>> parse_json_line('{"id": 1, "text": "سلام"}', "text")
    ({'id': 1, 'text': 'سلام'}, 'سلام')
    """
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise RecordError(f"a JSON line must be an object, got {type(obj).__name__}")
    value = obj.get(field)
    if not isinstance(value, str):
        found = "missing" if field not in obj else f"a {type(value).__name__}, not a string"
        raise RecordError(f"field {field!r} is {found}")
    return obj, value


def dump_json(obj: Any) -> str:
    """Compact JSON, UTF-8 letters kept as they are."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# --- processing -------------------------------------------------------------------------------


class Sink(Protocol):
    """Anything with ``write(bytes)``: a binary file or a `JsonArraySink`."""

    def write(self, data: bytes, /) -> object: ...


class JsonArraySink:
    """Turns JSON Lines written to it into one JSON array on `out`, streaming."""

    def __init__(self, out: Sink) -> None:
        self.out = out
        self.first = True

    def write(self, data: bytes, /) -> int:
        for line in data.splitlines():
            self.out.write(b"[\n" if self.first else b",\n")
            self.first = False
            self.out.write(line)
        return len(data)

    def close(self) -> None:
        self.out.write(b"[]\n" if self.first else b"\n]\n")


Worker = Callable[[Record], str]


@dataclass(frozen=True, slots=True)
class _Outcome:
    output: str | None
    error: str | None = None
    kind: str = "bad"  # "bad" record error or "internal" bug


def _apply(worker: Worker, record: Record) -> _Outcome:
    try:
        return _Outcome(worker(record))
    except RecordError as exc:
        return _Outcome(None, f"{record.source}:{record.line}: {exc}", "bad")
    except (ValueError, TypeError) as exc:
        return _Outcome(None, f"{record.source}:{record.line}: {exc}", "bad")
    except Exception as exc:  # a bug: still name the line, never drop it silently
        return _Outcome(
            None,
            f"{record.source}:{record.line}: internal error: {type(exc).__name__}: {exc}",
            "internal",
        )


def _apply_chunk(args: tuple[Worker, list[Record]]) -> list[_Outcome]:
    worker, records = args
    return [_apply(worker, record) for record in records]


def _chunks(records: Iterable[Record]) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    size = 0
    for record in records:
        chunk.append(record)
        size += len(record.text)
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _init_worker() -> None:  # pragma: no cover - runs in child processes
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process(
    records: Iterable[Record],
    worker: Worker,
    out: Sink,
    *,
    jobs: int = 1,
    skip_bad: bool = False,
) -> tuple[int, int]:
    """Run `worker` over `records` in input order and write its outputs to `out`.

    Returns ``(records_in, bad_records_skipped)``. A record the worker rejects stops the
    run with a `CliError` naming file and line, unless `skip_bad` (then it is counted).
    With ``jobs > 1`` chunks go to a process pool and come back in input order.
    """
    if jobs < 0:
        raise CliError(f"--jobs must be 0 (all cores) or a positive number, got {jobs}")
    if jobs == 0:
        jobs = os.cpu_count() or 1
    count = skipped = 0

    def emit(outcome: _Outcome) -> None:
        nonlocal skipped
        if outcome.error is not None:
            if outcome.kind == "internal":
                raise InternalError(outcome.error)
            if not skip_bad:
                raise CliError(outcome.error)
            skipped += 1
            return
        if outcome.output:
            out.write(outcome.output.encode("utf-8", "surrogateescape"))

    if jobs == 1:
        for record in records:
            count += 1
            emit(_apply(worker, record))
        return count, skipped

    import collections
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "forkserver")
    # At most 2 chunks per worker in flight: reading stays just ahead of writing, so memory is
    # flat whatever the input size (Pool.imap would read the whole input ahead).
    pending: collections.deque[tuple[list[Record], Future[list[_Outcome]]]] = collections.deque()
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker)

    def drain_one() -> None:
        nonlocal count
        chunk, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            first, last = chunk[0], chunk[-1]
            raise InternalError(
                f"{first.source}:{first.line}-{last.line}: a worker process died "
                "(killed or out of memory) while processing these lines"
            ) from None
        for outcome in outcomes:
            count += 1
            emit(outcome)

    try:
        for chunk in _chunks(records):
            pending.append((chunk, executor.submit(_apply_chunk, (worker, chunk))))
            if len(pending) >= 2 * jobs:
                drain_one()
        while pending:
            drain_one()
    finally:
        for _chunk, future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
    return count, skipped


def process_to(
    records: Iterable[Record], worker: Worker, out: Sink, *, json_array: bool, jobs: int = 1
) -> tuple[int, int]:
    """`process` into `out`, as one JSON array when `json_array` (the worker writes JSON Lines,
    which `JsonArraySink` turns into an array as they stream through), else as written."""
    if not json_array:
        return process(records, worker, out, jobs=jobs)
    array = JsonArraySink(out)
    result = process(records, worker, array, jobs=jobs)
    array.close()
    return result


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[bytes]]:
    """Stdout, or a file written atomically: a temporary file renamed into place on success,
    removed on any error or Ctrl-C, so a half-written output never appears."""
    if path is None or path == "-":
        yield sys.stdout.buffer
        return
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
        )
    except OSError as exc:
        raise CliError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
