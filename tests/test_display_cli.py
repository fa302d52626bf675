"""`polyglot-text show`: visual form on standard output, file by file, line by line."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, run_cli

from polyglot_text.display import to_logical, to_visual

MIXED = FIXTURES / "mixed_social.txt"


run = run_cli


def test_show_file_is_to_visual_line_by_line() -> None:
    code, out, err = run(["show", str(MIXED)])
    assert code == 0, err
    text = MIXED.read_text(encoding="utf-8")
    assert out.decode("utf-8") == "".join(to_visual(line) for line in text.splitlines(True))


def test_show_stdin_and_options() -> None:
    line = "وفد حماس إلى طهران today\n".encode()
    code, out, _ = run(["show", "--width", "10", "--no-shape"], stdin=line)
    assert code == 0
    assert out.decode() == "سامح دفو\nنارهط ىلإ\ntoday\n"
    code, out, _ = run(["show", "--strip-harakat", "--no-shape", "-"], stdin="مُحَمَّد\n".encode())
    assert out.decode() == "دمحم\n"
    code, out, _ = run(["show", "--base-dir", "ltr", "--no-shape"], stdin="عرب abc\n".encode())
    assert out.decode() == "برع abc\n"


def test_show_round_trips_through_to_logical(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("وفد حماس (Hamas) 2024\nقالت الوزارة إن 25 شخصا أصيبوا\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    code, _, err = run(["show", str(source), "-o", str(target)])
    assert code == 0, err
    shown = target.read_text(encoding="utf-8")
    assert to_logical(shown) == source.read_text(encoding="utf-8")


def test_show_jobs_keep_order(tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text("".join(f"سطر رقم {i} line\n" for i in range(300)), encoding="utf-8")
    _, one, _ = run(["show", str(source)])
    code, two, err = run(["show", "--jobs", "2", str(source)])
    assert code == 0, err
    assert one == two


def test_show_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    code, _, err = run(["show", str(tmp_path / "missing.txt")])
    assert code == 2 and err.decode().count("\n") == 1 and "no such file" in err.decode()
    code, _, err = run(["show"], stdin=b"ok\n\xff\n")
    assert code == 2 and "<stdin>:2:" in err.decode()
    code, _, err = run(["show", "--width", "0"], stdin=b"x\n")
    assert code == 2 and b"Traceback" not in err


def test_show_align_right_aligns_rtl_paragraphs_only() -> None:
    lines = "وفد حماس إلى طهران today\nHe said وفد today\n".encode()
    code, out, _ = run(["show", "-w", "16", "--align", "--no-shape"], stdin=lines)
    assert code == 0
    assert out.decode().splitlines() == [
        "    ىلإ سامح دفو",  # padded to 16 columns: the paragraph is right-to-left
        "     today نارهط",
        "He said دفو",  # left-to-right paragraph: as it is
        "today",
    ]
    code, _, err = run(["show", "--align"], stdin=b"x\n")
    assert code == 2 and "--align needs --width" in err.decode()


def test_show_jsonl_replaces_the_field_and_keeps_the_rest() -> None:
    import json

    records = [{"id": 1, "text": "وفد حماس (Hamas) 2024", "x": [1]}, {"id": 2, "body": "عرب"}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    code, out, err = run(["show", "--jsonl"], stdin=data.splitlines(True)[0])
    assert code == 0, err
    got = json.loads(out)
    assert got == {"id": 1, "text": to_visual("وفد حماس (Hamas) 2024"), "x": [1]}
    code, out, err = run(["show", "--jsonl", "--field", "body", "--no-shape"], stdin=data)
    assert code == 2 and err.decode().strip() == "polyglot-text: <stdin>:1: field 'body' is missing"
    line = data.splitlines(True)[1]
    code, out, err = run(["show", "--jsonl", "--field", "body", "--no-shape"], stdin=line)
    assert code == 0 and json.loads(out) == {"id": 2, "body": "برع"}
