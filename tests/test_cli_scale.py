"""Corpus-scale behaviour of the CLI: record counts, --jobs, Ctrl-C, a worker that dies, and
the byte blocks the input is read in (lines, offsets and errors whatever the block size)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import FIXTURES, run_cli

from polyglot_text import clean
from polyglot_text.cli import _stream

if TYPE_CHECKING:
    import psutil


def _jsonl(path: Path, records: int) -> None:
    lines = [
        line
        for fixture in sorted(FIXTURES.glob("*.txt"))
        for line in fixture.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            out.write(json.dumps({"id": i, "text": lines[i % len(lines)]}, ensure_ascii=False))
            out.write("\n")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "polyglot_text", *args]


@pytest.mark.parametrize("jobs", ["1", "2", "0"])
def test_records_in_equal_records_out(tmp_path: Path, jobs: str) -> None:
    src = tmp_path / "in.jsonl"
    _jsonl(src, 3000)
    done = subprocess.run(
        _cli("segment", "--jsonl", "--jobs", jobs, str(src)), capture_output=True, check=True
    )
    out = done.stdout.decode("utf-8").splitlines()
    assert len(out) == 3000
    assert [json.loads(line)["id"] for line in out] == list(range(3000))


def psutil_available() -> bool:
    try:
        import psutil  # noqa: F401
    except ImportError:
        return False
    return True


def test_a_pipe_gives_the_same_output_as_a_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _jsonl(src, 8_000)  # about 1.2 MB: many pipe reads, so many blocks
    args = _cli("urls", "--jsonl", "--format", "jsonl", "--jobs", "2")
    from_file = subprocess.run([*args, str(src)], capture_output=True, check=True).stdout
    with src.open("rb") as stdin:
        from_pipe = subprocess.run(args, stdin=stdin, capture_output=True, check=True).stdout
    with subprocess.Popen(["cat", str(src)], stdout=subprocess.PIPE) as cat:
        from_cat = subprocess.run(args, stdin=cat.stdout, capture_output=True, check=True).stdout
    assert from_file == from_pipe == from_cat
    assert len(from_file.splitlines()) == 8_000


def _start_long_run(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    src = tmp_path / "big.jsonl"
    _jsonl(src, 60_000)
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        _cli("segment", "--jsonl", "-o", str(target), *extra, str(src)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    return proc, target


def _cmdline(process: psutil.Process) -> str:
    import psutil

    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # gone, or a zombie
        return "forkserver"


def _busy(process: psutil.Process) -> bool:
    import psutil

    try:
        return bool(process.cpu_times().user > 0.2)
    except psutil.Error:
        return False


def _wait_for_workers(proc: subprocess.Popen[bytes], count: int) -> list[psutil.Process]:
    import psutil

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        # The workers are forked by the forkserver, a child of the CLI process.
        servers = [p for p in psutil.Process(proc.pid).children() if "forkserver" in _cmdline(p)]
        workers = [w for server in servers for w in server.children()]
        busy = [w for w in workers if _busy(w)]
        if len(workers) >= count and busy:
            return busy
        time.sleep(0.2)
    pytest.fail("worker processes did not start")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_no_output_file(tmp_path: Path, jobs: str) -> None:
    proc, target = _start_long_run(tmp_path, "--jobs", jobs)
    helpers: list[int] = []
    try:
        time.sleep(2.0)
        assert proc.poll() is None, proc.communicate()
        if psutil_available():
            import psutil

            helpers = [p.pid for p in psutil.Process(proc.pid).children(recursive=True)]
            assert len(helpers) >= (3 if jobs == "2" else 0)  # forkserver + 2 workers
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, err
    assert err.decode().strip() == "polyglot-text: interrupted"
    assert not target.exists()
    assert list(tmp_path.glob(".out.jsonl.*")) == []  # no temporary file left either
    deadline = time.monotonic() + 10  # and no worker process left behind
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in helpers if _alive(pid)] == []


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_worker_crash_is_an_error_naming_the_lines(tmp_path: Path) -> None:
    pytest.importorskip("psutil", reason="psutil is needed to find worker processes")
    proc, target = _start_long_run(tmp_path, "--jobs", "2")
    try:
        workers = _wait_for_workers(proc, 2)
        workers[0].kill()
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    message = err.decode()
    assert proc.returncode not in (0, None), message
    assert "a worker process died" in message
    assert f"{tmp_path / 'big.jsonl'}:" in message  # names the file and its lines
    assert "Traceback" not in message
    assert not target.exists()


# --- byte blocks -------------------------------------------------------------------------------

#: Lines of every kind a block boundary can fall into: multi-byte letters, CRLF, a lone CR
#: (not a line end), U+2028 and form feed (not line ends either), blank lines, a long line.
TRICKY = (
    "Hamas وفد حماس إلى طهرانhttp://hamas.ps/ar/post/7769/\n",
    "crlf line کتاب‌ها\r\n",
    "a lone\rcarriage return and a\u2028line separator\x0cform feed\n",
    "\n",
    "emoji 🇵🇸 and ﻻ presentation forms   \n",
    "long " + "كلمة www.example.com/path " * 300 + "\n",
)


def _tricky_text(lines: int, last_newline: bool = False) -> str:
    text = "".join(TRICKY[i % len(TRICKY)].replace("Hamas", f"Hamas{i}") for i in range(lines))
    return text if last_newline else text + "no newline at the end"


@pytest.mark.parametrize("block_bytes", [1, 7, 100, 4096, 1 << 20])
def test_blocks_cover_the_file_with_exact_lines_and_offsets(
    tmp_path: Path, block_bytes: int
) -> None:
    text = _tricky_text(40)
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode())
    blocks = list(_stream.read_blocks([str(path)], block_bytes=block_bytes))
    longest = max(len(line) for line in text.encode().split(b"\n")) + 1
    assert b"".join(b.data for b in blocks) == text.encode()
    for block in blocks:
        before = text.encode()[: block.byte]
        assert block.line == before.count(b"\n") + 1
        assert block.char == len(before.decode())
        assert block.data.endswith(b"\n") or block is blocks[-1]  # whole lines only
        # a block (the first: at least 8000 bytes, to sniff for binary) and the end of a line
        assert len(block.data) <= max(block_bytes, 8000 + block_bytes) + longest
    got = [(r.line, r.offset, r.text) for b in blocks for r in _records_of(b)]
    lines = text.split("\n")
    want_lines = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    assert [g[2] for g in got] == want_lines
    assert [g[0] for g in got] == list(range(1, len(want_lines) + 1))
    assert [g[1] for g in got] == [len("".join(want_lines[:i])) for i in range(len(want_lines))]


def _records_of(block: _stream.Block) -> list[_stream.Record]:
    seen: list[_stream.Record] = []

    def worker(record: _stream.Record) -> str:
        seen.append(record)
        return ""

    assert _stream.run_block(block, worker).error is None
    return seen


@pytest.fixture(params=[1, 2], ids=["jobs1", "jobs2"])
def small_blocks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Blocks of 300 bytes (many per file, each line cut anywhere), with --jobs 1 and 2."""
    monkeypatch.setattr(_stream, "BLOCK_BYTES", 300)
    return str(request.param)


def _run(args: list[str], jobs: str, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    return run_cli([*args, "--jobs", jobs], stdin)


@pytest.mark.parametrize(
    "args",
    [
        ["segment", "--format", "jsonl"],
        ["segment", "--format", "json"],
        ["urls", "--format", "jsonl"],
        ["urls", "--form", "iri"],
        ["clean"],
        ["clean", "--profile", "search"],
        ["translit", "--scheme", "buckwalter"],
        ["show", "--no-shape"],
    ],
    ids=" ".join,
)
def test_output_is_the_same_whatever_the_blocks_and_jobs(
    tmp_path: Path, args: list[str], small_blocks: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(_tricky_text(30).encode())
    second.write_bytes(_tricky_text(7, last_newline=True).encode())
    code, many, err = _run([*args, str(first), str(second)], small_blocks)
    assert code == 0, err
    monkeypatch.setattr(_stream, "BLOCK_BYTES", 1 << 20)
    code, one, err = _run([*args, str(first), str(second)], "1")
    assert code == 0, err
    assert many == one
    if args[0] == "clean" and len(args) == 1:
        assert one.decode() == clean(first.read_bytes().decode()) + clean(
            second.read_bytes().decode()
        )


def test_json_offsets_index_each_file(tmp_path: Path, small_blocks: str) -> None:
    text = _tricky_text(25)
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode())
    code, out, err = _run(["segment", "--format", "json", str(path), str(path)], small_blocks)
    assert code == 0, err
    items = json.loads(out)
    per_file = [i for i in items if i is items[0] or True]
    assert "".join(text[i["start"] : i["end"]] for i in per_file) == text + text
    code, out, err = _run(["urls", "--format", "jsonl", str(path)], small_blocks)
    assert code == 0, err
    found = [json.loads(line) for line in out.decode().splitlines()]
    assert found and all(text[u["start"] : u["end"]] == u["text"] for u in found)
    lines = text.split("\n")
    assert all(lines[u["line"] - 1].count(u["text"]) for u in found)


def test_records_in_equal_records_out_with_blocks(tmp_path: Path, small_blocks: str) -> None:
    src = tmp_path / "in.jsonl"
    _jsonl(src, 400)
    for command in ("clean", "segment", "urls", "translit", "show"):
        code, out, err = _run([command, "--jsonl", str(src)], small_blocks)
        assert code == 0, (command, err)
        ids = [json.loads(line)["id"] for line in out.decode().splitlines()]
        assert ids == list(range(400)), command


def _lines_with(bad_line: int, bad: bytes, total: int = 60) -> bytes:
    lines = [
        json.dumps({"id": i, "text": f"سطر {i} " + "x" * (i % 50)}).encode() + b"\n"
        for i in range(1, total + 1)
    ]
    lines[bad_line - 1] = bad
    return b"".join(lines)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (b'{"id": 1, "text": \n', ":{line}: not valid JSON"),
        (b'{"text": 5}\n', ":{line}: field 'text' is a int, not a string"),
        (b'{"text": "ab\xffcd"}\n', ":{line}: invalid UTF-8 at byte {byte} (b'\\xffcd\"'); use"),
        (b'{"text": "ab\x00cd"}\n', ":{line}: NUL byte at byte {byte}: this looks like a binary"),
    ],
)
@pytest.mark.parametrize("bad_line", [1, 17, 59])
def test_errors_name_the_exact_line_and_byte(
    tmp_path: Path, small_blocks: str, bad: bytes, message: str, bad_line: int
) -> None:
    data = _lines_with(bad_line, bad)
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    start = len(b"".join(data.split(b"\n")[: bad_line - 1])) + bad_line - 1
    byte = start + max(bad.find(b"\xff"), bad.find(b"\x00"))
    code, out, err = _run(["urls", "--jsonl", "--format", "jsonl", str(path)], small_blocks)
    assert code == 2
    want = f"polyglot-text: {path}" + message.format(line=bad_line, byte=byte)
    assert err.decode().startswith(want), err
    assert len(err.decode().splitlines()) == 1
    # everything before the bad line was written, in order, and nothing after it; a NUL in
    # the first 8000 bytes refuses the whole file (binary) before any output
    written = [json.loads(line)["id"] for line in out.decode().splitlines()]
    assert written == ([] if b"\x00" in bad else list(range(1, bad_line)))


def test_the_first_bad_line_wins_whatever_its_kind(tmp_path: Path, small_blocks: str) -> None:
    data = _lines_with(20, b"nope\n")
    data = data.replace(b'"id": 40,', b'"id": 40, "\xff": 1,')
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    code, _, err = _run(["urls", "--jsonl", str(path)], small_blocks)
    assert code == 2 and f"{path}:20: not valid JSON".encode() in err
    data = _lines_with(50, b"nope\n").replace(b'"id": 40,', b'"id": 40, "\xff": 1,')
    path.write_bytes(data)
    code, _, err = _run(["urls", "--jsonl", str(path)], small_blocks)
    assert code == 2 and f"{path}:40: invalid UTF-8".encode() in err


def test_binary_file_is_refused_before_any_output(tmp_path: Path, small_blocks: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"fine line\n" * 700 + b"\x00\x01binary")  # NUL at byte 7000 < 8000
    code, out, err = _run(["clean", str(path)], small_blocks)
    assert (code, out) == (2, b"")
    assert err.decode().strip() == (
        f"polyglot-text: {path}:701: NUL byte at byte 7000: this looks like a binary file; "
        "polyglot-text reads UTF-8 text"
    )
    # further on, a NUL stops the run at its line, after everything before it
    path.write_bytes(b"fine line\n" * 1000 + b"NUL\x00\n" + b"more\n" * 10)
    code, out, err = _run(["clean", str(path)], small_blocks)
    assert (code, out) == (2, b"fine line\n" * 1000)
    assert err.decode().startswith(f"polyglot-text: {path}:1001: NUL byte at byte 10003: ")


def test_errors_replace_keeps_offsets(tmp_path: Path, small_blocks: str) -> None:
    raw = ("وفد \xff حماس http://x.ps/\n" * 40).encode("latin-1", "ignore")
    raw = "".join(f"وفد {i} حماس http://x.ps/{i}\n" for i in range(40)).encode()
    raw = raw.replace(b"x.ps/7\n", b"x.ps/7\xff\n")
    path = tmp_path / "in.txt"
    path.write_bytes(raw)
    text = raw.decode("utf-8", "replace")
    code, out, err = _run(
        ["urls", "--errors", "replace", "--format", "jsonl", str(path)], small_blocks
    )
    assert code == 0, err
    found = [json.loads(line) for line in out.decode().splitlines()]
    assert len(found) == 40
    assert all(text[u["start"] : u["end"]] == u["text"] for u in found)


def test_skip_bad_counts_across_blocks(tmp_path: Path, small_blocks: str) -> None:
    data = _lines_with(5, b"bad\n").replace(b'{"id": 30,', b"[30,") + b'{"nope": 1}\n'
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    code, out, err = _run(["clean", "--jsonl", "--skip-bad", str(path)], small_blocks)
    assert code == 0, err
    assert len(out.decode().splitlines()) == 58
    assert "skipped 3 bad line(s)" in err.decode()


def test_explain_is_in_input_order(tmp_path: Path, small_blocks: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes("".join(f"line {i}  x\nok {i}\n" for i in range(50)).encode())
    code, out, err = _run(["clean", "--explain", str(path)], small_blocks)
    assert code == 0
    assert out.decode() == "".join(f"line {i} x\nok {i}\n" for i in range(50))
    assert err.decode() == "".join(f"{path}:{2 * i + 1}: tidy_whitespace\n" for i in range(50))


def test_a_line_longer_than_a_block_stays_whole(tmp_path: Path, small_blocks: str) -> None:
    long = "وفد حماس  " * 500 + "http://x.ps/end\n"
    path = tmp_path / "in.txt"
    path.write_bytes(("short\n" + long + "tail").encode())
    code, out, err = _run(["clean", str(path)], small_blocks)
    assert code == 0, err
    assert out.decode() == clean("short\n" + long + "tail")
    code, out, _ = _run(["urls", str(path)], small_blocks)
    assert out == b"http://x.ps/end\n"


def test_stdin_is_read_in_blocks_too(small_blocks: str) -> None:
    text = _tricky_text(20)
    code, out, err = _run(["segment", "--format", "jsonl"], small_blocks, text.encode())
    assert code == 0, err
    items = [json.loads(line) for line in out.decode().split("\n")[:-1]]
    assert "".join(text[i["start"] : i["end"]] for i in items) == text
    assert {i["file"] for i in items} == {"<stdin>"}


def test_progress_bar_moves_per_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"x\n" * 10000)
    updates: list[int] = []

    class Bar:
        def __init__(self, **kwargs: Any) -> None:
            assert kwargs["total"] == 20000 and kwargs["desc"] == "urls"

        def __enter__(self) -> Bar:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def update(self, n: int) -> None:
            updates.append(n)

    import tqdm

    monkeypatch.setattr(tqdm, "tqdm", Bar)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    blocks = list(_stream.read_input((str(path),), errors="strict", label="urls"))
    assert sum(len(b.data) for b in blocks) == 20000
    assert updates == [20000]
    monkeypatch.setattr(_stream, "BLOCK_BYTES", 100)
    updates.clear()
    blocks = list(_stream.read_input((str(path),), errors="strict", label="urls"))
    assert len(blocks) > 100
    assert updates == [len(b.data) for b in blocks]
