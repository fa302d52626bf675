"""Shared test helpers: where the third-party ground truth lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXTERNAL = ROOT.parent / "shared" / "external"


def external(*parts: str) -> Path:
    """Path of a file in ../shared/external, or skip the test with a clear reason."""
    path = EXTERNAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"third-party test data not found: {path} (see ../shared/external/README.md)")
    return path
