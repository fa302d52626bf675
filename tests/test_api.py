"""The public API contract of ../shared/DESIGN.md: every name importable from the package."""

from __future__ import annotations

import subprocess
import sys

import pytest

import polyglot_text

DESIGN_API = [
    "segments", "tokens", "detect_language", "normalize", "fix_mojibake", "clean",
    "clean_and_explain", "find_bidi_issues", "find_urls", "normalize_url", "isolate_urls",
    "transliterate", "detransliterate", "schemes", "caption", "annotate", "to_visual",
    "to_logical", "looks_visual", "Segment", "Token", "UrlMatch", "Caption",
]  # fmt: skip


@pytest.mark.parametrize("name", DESIGN_API)
def test_design_api_is_exported(name: str) -> None:
    assert name in polyglot_text.__all__
    obj = getattr(polyglot_text, name)
    assert callable(obj)
    assert isinstance(obj, type) or ">>>" in (obj.__doc__ or ""), "a doctest example"
    # A submodule of the same name must never shadow the function (polyglot_text.normalize).
    __import__(f"polyglot_text.{name}") if name == "normalize" else None
    assert callable(getattr(polyglot_text, name))


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in polyglot_text.__all__:
        assert getattr(polyglot_text, name) is not None
    assert set(polyglot_text.__all__) <= set(dir(polyglot_text))
    with pytest.raises(AttributeError, match="no_such_name"):
        polyglot_text.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_import_loads_no_feature_module() -> None:
    """`import polyglot_text` stays cheap: feature modules load on first use."""
    code = (
        "import sys, polyglot_text; "
        "print(sorted(m for m in sys.modules if m.startswith('polyglot_text.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(eval(out.stdout))
    assert loaded <= {"polyglot_text._version", "polyglot_text.normalize", "polyglot_text.charmaps"}
