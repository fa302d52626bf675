"""Every ```pycon example in the README runs as a doctest: the front door stays true."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [
    (README[: README.index(block)].count("\n") + 1, block.split("\n", 1)[1])
    for block in README.split("```pycon")[1:]
    for block in [f"```pycon{block.split('```', 1)[0]}"]
]


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize(("line", "example"), BLOCKS, ids=[f"README.md:{n}" for n, _ in BLOCKS])
def test_readme_example(line: int, example: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples use paths like fixtures/glossary_example.tsv
    test = doctest.DocTestParser().get_doctest(example, {}, f"README.md:{line}", "README.md", line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0, f"README.md:{line}"
    assert os.getcwd() == str(ROOT)
