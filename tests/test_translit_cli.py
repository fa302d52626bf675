"""``polyglot-text translit``: CliRunner tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import polyglot_text.cli.translit as cli_translit
from polyglot_text.cli import cli


def run(args: list[str], stdin: str | bytes = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["translit", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_help() -> None:
    code, out, _ = run(["--help"])
    assert code == 0
    assert "--scheme" in out and "--reverse" in out and "buckwalter" in out


def test_default_scheme_is_ala_lc_and_text_passes_through() -> None:
    code, out, err = run(["--no-diacritize"], "He said: مَكتَبَة النَهضَة، ١٢ OK\n")
    assert code == 0, err
    assert out == "He said: maktabat al-nahḍah, 12 OK\n"


def test_lang_picks_the_ala_lc_table() -> None:
    code, out, _ = run(["--lang", "fa"], "وَرزِش\n")
    assert code == 0
    assert out == "varzish\n"


def test_lossless_round_trip_through_the_cli(tmp_path: Path) -> None:
    text = "وفد حماس إلى طهران می\u200cخواهم ۀ ے\n١٢، شَوَّال؟\n"
    src = tmp_path / "in.txt"
    src.write_text(text, encoding="utf-8")
    for scheme in ("buckwalter", "buckwalter-xml", "safe-buckwalter", "hsb"):
        bw = tmp_path / f"{scheme}.txt"
        code, _, err = run(["--scheme", scheme, str(src), "-o", str(bw)])
        assert code == 0, err
        code, back, err = run(["--scheme", scheme, "--reverse", str(bw)])
        assert code == 0, err
        # shadda is written before its vowel, the rest comes back exactly
        assert back == text.replace("\u064e\u0651", "\u0651\u064e")


def test_reverse_needs_a_lossless_scheme() -> None:
    code, _, err = run(["--scheme", "ala-lc", "--reverse"], "x\n")
    assert code == 2
    assert "not reversible" in err and "buckwalter" in err


def test_unknown_scheme_lists_choices() -> None:
    code, _, err = run(["--scheme", "pinyin"], "x\n")
    assert code == 2
    assert "buckwalter" in err and "iso-233-2" in err


def test_jsonl_field_in_place() -> None:
    line = json.dumps({"id": 7, "text": "وِزَارَة التَربِيَة"}, ensure_ascii=False)
    code, out, _ = run(["--jsonl", "--field", "text", "--no-diacritize"], line + "\n")
    assert code == 0
    assert json.loads(out) == {"id": 7, "text": "wizārat al-tarbiyah"}


def test_bad_jsonl_is_one_line_error() -> None:
    code, _, err = run(["--jsonl", "--field", "text"], '{"id": 1}\n')
    assert code == 2
    assert err.strip() == "polyglot-text: <stdin>:1: field 'text' is missing"


def test_invalid_utf8_names_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes("سلام\n".encode() + b"\xff\xfe\n")
    code, _, err = run([str(src)])
    assert code == 2
    assert f"{src}:2: invalid UTF-8" in err
    assert "Traceback" not in err


def test_hint_once_when_the_extra_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_translit, "diacritizer_available", lambda: False)
    monkeypatch.setattr("polyglot_text.translit.diacritizer.available", lambda: False)
    code, out, err = run([], "وزير الخارجية\nوزارة التربية\n")
    assert code == 0
    assert err.count("hint:") == 1 and "polyglot-text[diacritize]" in err
    assert len(err.strip().splitlines()) == 1
    assert "\0" not in out and out.count("\n") == 2
    # vowelled input needs no hint; neither do lossless schemes
    code, _, err = run([], "كِتَاب\n")
    assert err == ""
    code, _, err = run(["-s", "buckwalter"], "كتاب\n")
    assert err == ""


def test_forcing_the_missing_extra_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_translit, "diacritizer_available", lambda: False)
    code, _, err = run(["--diacritize"], "كتاب\n")
    assert code == 2
    assert "pip install 'polyglot-text[diacritize]'" in err


def test_jobs_keep_order_and_output(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    lines = [f"سطر {i} وِزَارَة التَربِيَة line {i}\n" for i in range(50)]
    src.write_text("".join(lines), encoding="utf-8")
    code, one, err = run(["--no-diacritize", str(src)])
    assert code == 0, err
    code, two, err = run(["--no-diacritize", "--jobs", "2", str(src)])
    assert code == 0, err
    assert one == two
    assert one.splitlines()[7].endswith("wizārat al-tarbiyah line 7")
