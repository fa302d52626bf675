"""`polyglot-text clean`: filter, options, JSON Lines, bad input, atomic output, jobs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from polyglot_text import clean
from polyglot_text.cli._stream import Block, with_progress

SEED = FIXTURES / "seed_article.txt"


run = run_cli


def test_help() -> None:
    code, out, _ = run(["clean", "--help"])
    assert code == 0
    for flag in (
        "--profile",
        "--diacritics",
        "--digits",
        "--zwnj",
        "--jsonl",
        "--field",
        "--skip-bad",
        "--explain",
        "--jobs",
        "--repair-visual",
        "--output",
    ):
        assert flag.encode() in out


def test_filter_stdin_to_stdout() -> None:
    text = (
        "وفد حماس  إلى طهرانhttp://hamas.ps/ar/  \nط§ظ„ط¹ط±ط¨ظٹط©\u202e ﻻ\n\nlast line no newline "
    )
    code, out, err = run(["clean"], text.encode())
    assert code == 0, err
    assert (
        out.decode() == "وفد حماس إلى طهران http://hamas.ps/ar/\nالعربية لا\n\nlast line no newline"
    )
    assert err == b""


def test_file_matches_library(tmp_path: Path) -> None:
    code, out, _ = run(["clean", str(SEED)])
    assert code == 0
    assert out.decode() == clean(SEED.read_text("utf-8"))


def test_profile_and_fold_flags() -> None:
    code, out, _ = run(["clean", "--profile", "search"], "أحمد ٣ كتابی\n".encode())
    assert out.decode() == "احمد 3 كتابي\n"
    code, out, _ = run(["clean", "--profile", "search", "--digits", "keep"], "أحمد ٣\n".encode())
    assert out.decode() == "احمد ٣\n"
    code, out, _ = run(["clean", "--tatweel", "keep", "--no-mojibake"], "إلـه ط³ظ„\n".encode())
    assert out.decode() == "إلـه ط³ظ„\n"
    code, _, err = run(["clean", "--digits", "roman"], b"x\n")
    assert code == 2 and b"roman" in err


def test_jsonl_keeps_fields_and_lines(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": "ﻻ  إلـه", "lang": "ar", "score": 0.5, "tags": ["a", "b"]},
        {"text": "ok", "id": 2},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in lines) + "\n\n", "utf-8")
    code, out, err = run(["clean", "--jsonl", "--field", "text", str(src)])
    assert code == 0, err
    got = out.decode().split("\n")
    assert json.loads(got[0]) == {
        "id": 1,
        "text": "لا إله",
        "lang": "ar",
        "score": 0.5,
        "tags": ["a", "b"],
    }
    assert list(json.loads(got[0])) == ["id", "text", "lang", "score", "tags"]
    assert json.loads(got[1]) == {"text": "ok", "id": 2}
    assert got[2:] == ["", ""]  # the blank line is kept


def test_jsonl_other_field(tmp_path: Path) -> None:
    _code, out, _ = run(
        ["clean", "--jsonl", "--field", "body"], '{"text": "ﻻ", "body": "ﻻ"}\n'.encode()
    )
    assert json.loads(out) == {"text": "ﻻ", "body": "لا"}


def test_jsonl_bad_line_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "a"}\n{not json}\n{"text": 3}\n{"text": "b"}\n', "utf-8")
    code, _out, err = run(["clean", "--jsonl", str(src)])
    assert code == 2
    assert err.decode().startswith(f"polyglot-text: {src}:2: not valid JSON")
    assert b"Traceback" not in err


def test_jsonl_skip_bad_counts(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "a"}\n{not json}\n{"text": 3}\n[1]\n{"text": "ﻻ"}\n', "utf-8")
    code, out, err = run(["clean", "--jsonl", "--skip-bad", str(src)])
    assert code == 0
    assert [json.loads(line) for line in out.decode().splitlines()] == [
        {"text": "a"},
        {"text": "لا"},
    ]
    assert "skipped 3 bad line(s)" in err.decode()


def test_skip_bad_needs_jsonl() -> None:
    code, _, err = run(["clean", "--skip-bad"], b"x\n")
    assert code == 2 and b"--jsonl" in err


def test_output_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, _ = run(["clean", "-o", str(target), str(SEED)])
    assert code == 0 and out == b""
    assert target.read_text("utf-8") == clean(SEED.read_text("utf-8"))
    # a failing run leaves the previous output untouched and no temporary file behind
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a"}\nnope\n', "utf-8")
    code, _, _err = run(["clean", "--jsonl", "-o", str(target), str(bad)])
    assert code == 2
    assert target.read_text("utf-8") == clean(SEED.read_text("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "out.txt"]


def test_explain_goes_to_stderr() -> None:
    code, out, err = run(["clean", "--explain"], "plain\nط³ظ„ط§ظ…  \n".encode())
    assert code == 0
    assert out.decode() == "plain\nسلام\n"
    assert err.decode() == (
        "<stdin>:2: fix_mojibake (utf-8 read as windows-1256); tidy_whitespace\n"
    )


def test_jobs_keep_order(tmp_path: Path) -> None:
    src = tmp_path / "many.txt"
    lines = [f"{i} ﻻ  وزيرhttp://x.com/{i} ط³ظ„ط§ظ…" for i in range(5000)]
    src.write_text("\n".join(lines) + "\n", "utf-8")
    _, one, _ = run(["clean", str(src)])
    code, two, err = run(["clean", "--jobs", "2", str(src)])
    assert code == 0, err
    assert two == one
    assert one.decode().splitlines()[4999] == "4999 لا وزير http://x.com/4999 سلام"


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(b"ok\n\xff\xfe bad\n")
    code, _, err = run(["clean", str(src)])
    assert code == 2 and f"{src}:2: invalid UTF-8".encode() in err


def test_progress_only_on_a_terminal_for_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = [Block("f", 1, 0, 0, "سلام\n".encode()), Block("f", 2, 9, 5, b"x\n")]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert list(with_progress(iter(blocks), ("f",), "clean")) == blocks
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert list(with_progress(iter(blocks), (), "clean")) == blocks  # stdin: no bar
    src = tmp_path / "f.txt"
    src.write_text("سلام\nx\n", "utf-8")
    assert list(with_progress(iter(blocks), (str(src),), "clean")) == blocks
    assert "clean" in capsys.readouterr().err  # the bar was drawn on stderr


def test_repair_visual_flag() -> None:
    display = pytest.importorskip("polyglot_text.display")
    if not all(hasattr(display, n) for n in ("looks_visual", "to_logical", "VISUAL_THRESHOLD")):
        pytest.skip("polyglot_text.display has no looks_visual/to_logical yet (issue of display)")
    code, out, err = run(["clean", "--repair-visual"], "وفد حماس\n".encode())
    assert code == 0, err
    assert out.decode() == "وفد حماس\n"
