"""Shared test helpers: where the third-party ground truth lives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXTERNAL = ROOT.parent / "shared" / "external"


def external(*parts: str) -> Path:
    """Path of a file in ../shared/external, or skip the test with a clear reason."""
    path = EXTERNAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"third-party test data not found: {path} (see ../shared/external/README.md)")
    return path


def run_cli(args: list[str], stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    """Run the real ``polyglot-text`` entry point (its error handling included) in-process:
    ``(exit code, stdout bytes, stderr bytes)``."""
    from polyglot_text.cli import main

    runner = CliRunner()
    with runner.isolation(input=stdin) as (out, err, _):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        return code, out.getvalue(), err.getvalue()
