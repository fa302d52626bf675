"""Corpus-scale behaviour of the CLI: record counts, --jobs, Ctrl-C, a worker that dies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

psutil = pytest.importorskip("psutil", reason="psutil is needed to find worker processes")


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
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # gone, or a zombie
        return "forkserver"


def _busy(process: psutil.Process) -> bool:
    try:
        return bool(process.cpu_times().user > 0.2)
    except psutil.Error:
        return False


def _wait_for_workers(proc: subprocess.Popen[bytes], count: int) -> list[psutil.Process]:
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


def test_ctrl_c_leaves_no_output_file(tmp_path: Path) -> None:
    proc, target = _start_long_run(tmp_path)
    try:
        time.sleep(2.0)
        assert proc.poll() is None, proc.communicate()
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


def test_worker_crash_is_an_error_naming_the_lines(tmp_path: Path) -> None:
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
