"""Streaming input/output shared by every CLI command.

Input is read as raw byte blocks (about `BLOCK_BYTES`, cut after a newline; a line longer
than a block stays whole), so the reading process does only whole-block work in C: a NUL
search, one UTF-8 decode for the character offset of the next block, a newline count.
Decoding, splitting into lines (line endings kept exactly) and the per-line work happen in
`run_block`, in-process with ``--jobs 1`` or in worker processes, which return each block's
output as one UTF-8 blob; blocks are written in input order. Nothing here knows what a
command does.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, NamedTuple, Protocol

import click

#: Bytes read per block (cut after the last newline in it; a longer line is kept whole).
#: Input from a pipe comes in blocks of what one read returns.
BLOCK_BYTES = 1 << 20
#: How much of a file is looked at for NUL bytes before any of it is processed (as git and
#: grep do): a binary file is refused before it produces output.
BINARY_SNIFF_BYTES = 8000
#: With ``group=True`` (a line-local worker, e.g. `clean` on plain text), at most this many
#: lines ...
GROUP_LINES = 512
#: ... or characters are given to the worker in one call.
GROUP_CHARS = 1 << 16


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


class Record(NamedTuple):
    """One input line (or, with ``group=True``, consecutive lines): where it came from and
    its decoded text, line endings included.

    >>> Record("notes.txt", 3, 41, "سلام\\n").line
    3
    """

    source: str
    line: int  #: line number of its first line (1-based)
    offset: int  #: character offset of its first character in its file
    text: str


class RecordError(ValueError):
    """Raised by a worker for a record it cannot process (bad JSON, missing field...)."""


class Block(NamedTuple):
    """Consecutive whole lines of one file, as read: the unit of work of `run_block`."""

    source: str  #: display name ('<stdin>' for '-')
    line: int  #: number of its first line
    byte: int  #: byte offset of its first byte in the file
    char: int  #: character offset of its first character in the file
    data: bytes
    errors: str = "strict"  #: how invalid UTF-8 is decoded: 'strict' or 'replace'
    error: str | None = None  #: set when the file is refused before this block (binary)
    final: bool = False  #: it holds a NUL or invalid UTF-8: the run stops in it

    def last_line(self) -> int:
        """Number of the block's last line."""
        lines = self.data.count(b"\n") + (0 if self.data.endswith(b"\n") else 1)
        return self.line + max(lines, 1) - 1


def _display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _open(path: str) -> tuple[IO[bytes], bool]:
    name = _display_name(path)
    if path == "-":
        return sys.stdin.buffer, False
    try:
        return open(path, "rb"), True
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a directory, not a file") from None
    except OSError as exc:
        raise CliError(f"{name}: cannot open: {exc.strerror or exc}") from None


def read_blocks(
    paths: Iterable[str], *, errors: str = "strict", block_bytes: int | None = None
) -> Iterator[Block]:
    """Yield every file ('-' = stdin) as `Block`s of whole lines.

    Raises `CliError` for a missing or unreadable file. A file's first block holds at least
    its first `BINARY_SNIFF_BYTES`; a NUL byte among them refuses the file before any of it is
    processed: that block carries the error and no data (earlier files are still processed
    in order). After a block that cannot decode (``errors="strict"``) or holds a NUL, nothing
    more is read: `run_block` reports the first bad line in it.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> with open(path, "wb") as handle:
    ...     _ = handle.write("سلام\\nhello\\r\\nlast".encode())
    >>> [(b.line, b.byte, b.char, b.data) for b in read_blocks([path], block_bytes=4)]
    [(1, 0, 0, b'\\xd8\\xb3\\xd9\\x84\\xd8\\xa7\\xd9\\x85\\nhello\\r\\n'), (3, 16, 12, b'last')]
    """
    size = block_bytes or BLOCK_BYTES
    for path in paths:
        handle, close = _open(path)
        try:
            for block in _file_blocks(handle, _display_name(path), errors, size):
                yield block
                if block.error is not None or block.final:
                    return
        finally:
            if close:
                handle.close()


def binary_error(name: str, lineno: int, byte: int) -> str:
    """The message for a NUL byte (binary data)."""
    return (
        f"{name}:{lineno}: NUL byte at byte {byte}: this looks like a binary file; "
        "polyglot-text reads UTF-8 text"
    )


def _reads(handle: IO[bytes], block_bytes: int) -> Iterator[bytes]:
    """The file's bytes, as read: first at least `BINARY_SNIFF_BYTES` (or all of it), then
    one read (up to `block_bytes`) at a time."""
    read = getattr(handle, "read1", None) or handle.read
    head: list[bytes] = []
    size = 0
    while size < BINARY_SNIFF_BYTES:
        chunk = read(block_bytes)
        if not chunk:
            if head:
                yield b"".join(head)
            return  # never read past the end (a terminal would wait for more)
        head.append(chunk)
        size += len(chunk)
    yield b"".join(head)
    while chunk := read(block_bytes):
        yield chunk


def _file_blocks(handle: IO[bytes], name: str, errors: str, block_bytes: int) -> Iterator[Block]:
    line, byte, char = 1, 0, 0
    parts: list[bytes] = []
    size = 0
    reads = _reads(handle, block_bytes)
    chunk = next(reads, b"")
    nul = chunk.find(b"\0", 0, BINARY_SNIFF_BYTES)
    if nul >= 0:  # refused before any of it is processed
        lineno = 1 + chunk.count(b"\n", 0, nul)
        yield Block(name, 1, 0, 0, b"", errors, binary_error(name, lineno, nul))
        return
    while True:
        if chunk:
            # Every read is cut after its last newline: a file gives blocks of about
            # `block_bytes`, a pipe what it holds (output is not held back waiting for input).
            parts.append(chunk)
            size += len(chunk)
            cut = chunk.rfind(b"\n")
            if cut < 0:
                chunk = next(reads, b"")
                continue  # no line end yet: a long line is kept whole, never truncated
            cut += size - len(chunk) + 1
        elif size:
            cut = size  # the last line, without a line end
        else:
            return
        data = parts[0] if len(parts) == 1 else b"".join(parts)
        data, rest = (data, b"") if cut == len(data) else (data[:cut], data[cut:])
        parts, size = ([rest], len(rest)) if rest else ([], 0)
        try:
            length = len(data.decode("utf-8", errors))
            final = data.find(b"\0") >= 0
        except UnicodeDecodeError:
            length, final = 0, True
        # A final block is the last one read: run_block names its first bad line.
        yield Block(name, line, byte, char, data, errors, None, final)
        if final or not chunk:
            return
        line += data.count(b"\n")
        byte += len(data)
        char += length
        chunk = next(reads, b"")


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
        lines = data.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        if lines:
            self.out.write((b"[\n" if self.first else b",\n") + b",\n".join(lines))
            self.first = False
        return len(data)

    def close(self) -> None:
        self.out.write(b"[]\n" if self.first else b"\n]\n")


Worker = Callable[[Record], str]


class BlockResult(NamedTuple):
    """What `run_block` returns: the block's output up to its first error, and counts."""

    data: bytes  #: UTF-8 output of the records before the first error
    records: int  #: records read (a record that failed included)
    skipped: int  #: bad records skipped (``skip_bad``)
    error: str | None = None  #: ``FILE:LINE: message`` of the error that stops the run
    kind: str = "bad"  #: "bad" input or "internal" (a bug)


def _lines(block: Block) -> tuple[list[str], str | None]:
    """The block's decoded lines (endings kept) before its first NUL or invalid UTF-8 line,
    and the message for that line (None when there is none)."""
    data = block.data
    text: str | None = None
    if data.find(b"\0") < 0:
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("utf-8", block.errors)
    if text is not None:
        parts = text.split("\n")
        last = parts.pop()
        lines = [part + "\n" for part in parts]
        if last:
            lines.append(last)
        return lines, None
    lines = []
    byte = block.byte
    for number, raw in enumerate(_split(data), block.line):
        nul = raw.find(b"\0")
        if nul >= 0:
            return lines, binary_error(block.source, number, byte + nul)
        try:
            lines.append(raw.decode("utf-8", block.errors))
        except UnicodeDecodeError as exc:
            return lines, (
                f"{block.source}:{number}: invalid UTF-8 at byte {byte + exc.start} "
                f"({raw[exc.start : exc.start + 4]!r}); use --errors replace to continue"
            )
        byte += len(raw)
    return lines, None  # pragma: no cover - read_blocks only marks blocks that have a bad line


def _split(data: bytes) -> list[bytes]:
    """Split at b'\\n' only, endings kept (bytes.splitlines also splits at b'\\r')."""
    parts = data.split(b"\n")
    last = parts.pop()
    return [part + b"\n" for part in parts] + ([last] if last else [])


def run_block(
    block: Block, worker: Worker, *, skip_bad: bool = False, group: bool = False
) -> BlockResult:
    """Decode `block`, run `worker` over each line in order and return the joined output.

    With `group`, consecutive lines (up to `GROUP_LINES` lines or `GROUP_CHARS` characters)
    go to the worker as one record numbered by its first line: for line-local workers, which
    give the same text at a fraction of the per-call cost. A record the worker rejects stops
    the block (its output so far is kept) unless `skip_bad`; a bug in the worker always does.

    >>> run_block(Block("f", 1, 0, 0, b"ab\\nc\\r\\nd"), lambda r: f"{r.line}@{r.offset} ").data
    b'1@0 2@3 3@6 '
    """
    if block.error is not None:
        return BlockResult(b"", 0, 0, block.error)
    lines, line_error = _lines(block)
    steps: list[int] | None = None
    if group:
        spans = list(_groups(lines))
        lines = ["".join(lines[start:stop]) for start, stop in spans]
        steps = [stop - start for start, stop in spans]
    out: list[str] = []
    count = skipped = 0
    number, offset = block.line, block.char
    source = block.source
    step = 1
    for index, text in enumerate(lines):
        if steps is not None:
            step = steps[index]
        count += step
        try:
            out.append(worker(Record(source, number, offset, text)))
        except (ValueError, TypeError) as exc:  # RecordError included
            if not skip_bad:
                return BlockResult(_encode(out), count, skipped, f"{source}:{number}: {exc}")
            skipped += step
        except Exception as exc:  # a bug: still name the line, never drop it silently
            message = f"{source}:{number}: internal error: {type(exc).__name__}: {exc}"
            return BlockResult(_encode(out), count, skipped, message, "internal")
        number += step
        offset += len(text)
    return BlockResult(_encode(out), count, skipped, line_error)


def _groups(lines: list[str]) -> Iterator[tuple[int, int]]:
    start = size = 0
    for index, line in enumerate(lines):
        if index > start and (index - start >= GROUP_LINES or size >= GROUP_CHARS):
            yield start, index
            start = index
            size = 0
        size += len(line)
    if start < len(lines):
        yield start, len(lines)


def _encode(out: list[str]) -> bytes:
    return "".join(out).encode("utf-8", "surrogateescape")


# Worker-process state, set once per process by `_init_worker` (not sent with every block).
_STATE: dict[str, Any] = {}


def _init_worker(worker: Worker, skip_bad: bool, group: bool) -> None:  # pragma: no cover
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _STATE.update(worker=worker, skip_bad=skip_bad, group=group)


def _run_in_worker(block: Block) -> BlockResult:  # pragma: no cover - runs in child processes
    return run_block(block, _STATE["worker"], skip_bad=_STATE["skip_bad"], group=_STATE["group"])


def process(
    blocks: Iterable[Block],
    worker: Worker,
    out: Sink,
    *,
    jobs: int = 1,
    skip_bad: bool = False,
    group: bool = False,
) -> tuple[int, int]:
    """Run `worker` over every line of `blocks` in input order and write its outputs to `out`.

    Returns ``(records_in, bad_records_skipped)``. A record the worker rejects stops the
    run with a `CliError` naming file and line (after writing everything before it), unless
    `skip_bad` (then it is counted). With ``jobs > 1`` blocks go to worker processes, at most
    two per worker in flight, and their outputs are written in input order.
    """
    if jobs < 0:
        raise CliError(f"--jobs must be 0 (all cores) or a positive number, got {jobs}")
    if jobs == 0:
        jobs = os.cpu_count() or 1
    count = skipped = 0

    def emit(result: BlockResult) -> None:
        nonlocal count, skipped
        if result.data:
            out.write(result.data)
        count += result.records
        skipped += result.skipped
        if result.error is not None:
            if result.kind == "internal":
                raise InternalError(result.error)
            raise CliError(result.error)

    if jobs == 1:
        for block in blocks:
            emit(run_block(block, worker, skip_bad=skip_bad, group=group))
        return count, skipped

    import collections
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "forkserver")
    # At most 2 blocks per worker in flight: reading stays just ahead of writing, so memory is
    # flat whatever the input size.
    pending: collections.deque[tuple[Block, Future[BlockResult]]] = collections.deque()
    executor = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(worker, skip_bad, group)
    )

    def drain_one() -> None:
        block, future = pending.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:
            raise InternalError(
                f"{block.source}:{block.line}-{block.last_line()}: a worker process died "
                "(killed or out of memory) while processing these lines"
            ) from None
        emit(result)

    try:
        for block in blocks:
            pending.append((block, executor.submit(_run_in_worker, block)))
            if len(pending) >= 2 * jobs:
                drain_one()
        while pending:
            drain_one()
    finally:
        for _block, future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
    return count, skipped


def process_to(
    blocks: Iterable[Block], worker: Worker, out: Sink, *, json_array: bool, jobs: int = 1
) -> tuple[int, int]:
    """`process` into `out`, as one JSON array when `json_array` (the worker writes JSON Lines,
    which `JsonArraySink` turns into an array as they stream through), else as written."""
    if not json_array:
        return process(blocks, worker, out, jobs=jobs)
    array = JsonArraySink(out)
    result = process(blocks, worker, array, jobs=jobs)
    array.close()
    return result


def with_progress(blocks: Iterable[Block], files: Iterable[str], label: str) -> Iterator[Block]:
    """`blocks`, with a tqdm bar (bytes read) on stderr when it is a terminal and the input
    is files (not stdin); the bar moves once per block."""
    files = tuple(files)
    isatty = getattr(sys.stderr, "isatty", None)
    if not (isatty and isatty()) or not files or "-" in files:
        yield from blocks
        return
    from tqdm import tqdm

    try:
        total: int | None = sum(os.path.getsize(path) for path in files)
    except OSError:
        total = None
    with tqdm(
        total=total, unit="B", unit_scale=True, desc=label, file=sys.stderr, leave=False
    ) as bar:
        for block in blocks:
            yield block
            bar.update(len(block.data))


def read_input(files: tuple[str, ...], *, errors: str, label: str) -> Iterator[Block]:
    """The blocks of FILEs (none = stdin), with a progress bar when useful: what every
    command reads."""
    return with_progress(read_blocks(files or ("-",), errors=errors), files, label)


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
