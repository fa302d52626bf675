"""The CLI core and `polyglot-text segment`: formats, bad input, atomic output, jobs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from polyglot_text import __version__, segments
from polyglot_text.cli import cli

SEED = FIXTURES / "seed_article.txt"


run = run_cli


def test_version() -> None:
    code, out, _ = run(["--version"])
    assert code == 0
    assert __version__ in out.decode()


def test_help_on_every_subcommand() -> None:
    code, out, _ = run(["--help"])
    assert code == 0
    assert b"Examples" in out
    assert cli.commands, "no subcommands registered"
    for name in cli.commands:
        code, out, err = run([name, "--help"])
        assert code == 0, (name, err)
        assert b"Usage" in out


def test_segment_text_format_offsets_are_file_offsets(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    text = "Hello world\nوفد حماس http://hamas.ps/\n"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["segment", str(path)])
    assert code == 0
    rows = [line.split("\t") for line in out.decode().splitlines()]
    rebuilt = ""
    for start, end, _kind, _lang, value in rows:
        value = value.replace("\\n", "\n")
        assert text[int(start) : int(end)] == value
        rebuilt += value
    assert rebuilt == text
    assert ["21", "37", "url", "-", "http://hamas.ps/"] in rows
    assert ["12", "20", "text", "ar", "وفد حماس"] in rows


def test_segment_json_and_jsonl_agree_with_library() -> None:
    line = "He said وفد حماس إلى طهران today"
    code, out, _ = run(["segment", "--format", "jsonl"], stdin=line.encode())
    assert code == 0
    items = [json.loads(x) for x in out.decode().splitlines()]
    assert [(i["start"], i["end"], i["kind"], i["lang"]) for i in items] == [
        (s.start, s.end, s.kind, s.lang) for s in segments(line)
    ]
    assert all(i["file"] == "<stdin>" and i["line"] == 1 for i in items)
    code, out, _ = run(["segment", "--format", "json"], stdin=line.encode())
    assert json.loads(out) == items
    code, out, _ = run(["segment", "--format", "json"], stdin=b"")
    assert json.loads(out) == []


def test_segment_jsonl_field_mode_keeps_other_fields() -> None:
    records = [{"id": 1, "text": "Hamas وفد حماس"}, {"id": 2, "text": "", "extra": [1]}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    code, out, err = run(["segment", "--jsonl", "--field", "text"], stdin=data)
    assert code == 0, err
    got = [json.loads(x) for x in out.decode().splitlines()]
    assert len(got) == 2
    assert got[0]["id"] == 1 and got[1]["extra"] == [1]
    assert [s["lang"] for s in got[0]["segments"]] == ["en", None, "ar"]
    assert got[1]["segments"] == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"id": 1, "text": "ok"}\n{"id": 2, "text": \n', "<stdin>:2: not valid JSON"),
        (b'{"id": 1}\n', "<stdin>:1: field 'text' is missing"),
        (b"[1, 2]\n", "<stdin>:1: a JSON line must be an object"),
        (b'{"text": 5}\n', "<stdin>:1: field 'text' is a int, not a string"),
    ],
)
def test_malformed_jsonl_names_the_line(data: bytes, message: str) -> None:
    code, _, err = run(["segment", "--jsonl", "--field", "text"], stdin=data)
    assert code == 2
    assert message in err.decode()
    assert b"Traceback" not in err


def test_invalid_utf8_names_file_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ok line\nab\xffcd\n")
    code, out, err = run(["segment", str(path)])
    assert code == 2
    assert f"{path}:2: invalid UTF-8 at byte 10".encode() in err
    assert len(err.decode().strip().splitlines()) == 1
    code, out, err = run(["segment", "--errors", "replace", str(path)])
    assert code == 0
    assert "\ufffd".encode() in out


def test_binary_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "bin.dat"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run(["segment", str(path)])
    assert code == 2
    assert b"binary file" in err and str(path).encode() in err


def test_empty_file_missing_file_directory(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run(["segment", str(empty)])[:2] == (0, b"")
    code, _, err = run(["segment", str(tmp_path / "nope.txt")])
    assert code == 2 and b"no such file" in err
    code, _, err = run(["segment", str(tmp_path)])
    assert code == 2 and b"is a directory" in err


def test_unknown_language_option() -> None:
    code, _, err = run(["segment", "--languages", "ar,xx"], stdin=b"x")
    assert code == 2
    assert b"unknown language code 'xx'" in err


def test_output_file_is_atomic(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Hamas وفد\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine\n\xff\n")
    out = tmp_path / "out.tsv"
    assert run(["segment", str(good), "-o", str(out)])[0] == 0
    first = out.read_bytes()
    assert b"\tar\t" in first
    # A failing run leaves the previous output untouched and no temporary file behind.
    code, _, _ = run(["segment", str(good), str(bad), "-o", str(out)])
    assert code == 2
    assert out.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt", "out.tsv"]


def test_jobs_keep_order_and_count(tmp_path: Path) -> None:
    lines = [f"line {i} وفد حماس {i} http://x.ps/{i}\n" for i in range(5000)]
    path = tmp_path / "many.txt"
    path.write_text("".join(lines), encoding="utf-8")
    code1, out1, _ = run(["segment", "--format", "jsonl", str(path)])
    code2, out2, _ = run(["segment", "--format", "jsonl", "--jobs", "2", str(path)])
    assert code1 == code2 == 0
    assert out1 == out2
    assert {json.loads(x)["line"] for x in out2.decode().splitlines()} == set(range(1, 5001))


def test_utf8_output_whatever_the_locale(tmp_path: Path) -> None:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    result = subprocess.run(
        [sys.executable, "-m", "polyglot_text", "segment"],
        input="وفد حماس".encode(),
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "وفد حماس".encode() in result.stdout
