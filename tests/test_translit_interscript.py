"""Exact-match conformance with interscript-maps' reference pairs (external test data).

The ``test "ARABIC", "LATIN"`` lines of five interscript maps (MIT, in ../shared/external;
their rules have known bugs, their test pairs are the better reference). Every pair must
match exactly; the ones we do not match are listed in ``tests/cases/translit_interscript_xfail.json``
with the reason, as strict xfails, so a fix is noticed.

Options per map (real options of `transliterate`, not special cases): interscript writes ayn and
hamza as typographic quotes (‘ ’), so ``apostrophes="quotes"``; its Persian and ISO pairs
capitalise every word after the article, so ``case="title"`` there.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from polyglot_text.translit import transliterate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import EXTERNAL, external

CASES = Path(__file__).parent / "cases"

#: map file -> (scheme, options)
MAPS: dict[str, tuple[str, dict[str, object]]] = {
    "alalc-ara-Arab-Latn-1997.imp": ("ala-lc", {"apostrophes": "quotes"}),
    "alalc-fas-Arab-Latn-1997.imp": ("ala-lc-fa", {"apostrophes": "quotes", "case": "title"}),
    "bgnpcgn-ara-Arab-Latn-1956.imp": ("bgn-pcgn", {}),
    "bgnpcgn-urd-Arab-Latn-2007.imp": ("bgn-pcgn-ur", {}),
    "iso-ara-Arab-Latn-233-2-1993.imp": ("iso-233-2", {"apostrophes": "quotes", "case": "title"}),
}
_TEST = re.compile(r'^\s*test\s+"([^"]*)",\s*"([^"]*)"', re.MULTILINE)


def pairs(path: Path) -> list[tuple[str, str]]:
    return _TEST.findall(path.read_text(encoding="utf-8"))


def _xfails() -> dict[str, str]:
    data = json.loads((CASES / "translit_interscript_xfail.json").read_text("utf-8"))
    return {f"{c['map']}|{c['input']}": c["reason"] for c in data}


def _params() -> list[object]:
    out: list[object] = []
    xfails = _xfails()
    for name in MAPS:
        path = EXTERNAL / "interscript-maps" / name
        if not path.exists():
            out.append(pytest.param(name, "", "", id=f"{name}-missing"))
            continue
        for i, (arabic, latin) in enumerate(pairs(path)):
            marks = []
            reason = xfails.get(f"{name}|{arabic}")
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            out.append(pytest.param(name, arabic, latin, id=f"{name[:-4]}-{i}", marks=marks))
    return out


@pytest.mark.parametrize(("name", "arabic", "latin"), _params())
def test_interscript_pair(name: str, arabic: str, latin: str) -> None:
    external("interscript-maps", name)
    scheme, options = MAPS[name]
    assert transliterate(arabic, scheme, diacritize=False, **options) == latin


def main() -> None:
    """Print the pass rate per map and every mismatch."""
    for name, (scheme, options) in MAPS.items():
        got = pairs(EXTERNAL / "interscript-maps" / name)
        bad = []
        for arabic, latin in got:
            out = transliterate(arabic, scheme, diacritize=False, **options)
            if out != latin:
                bad.append((arabic, latin, out))
        print(f"{name}: {len(got) - len(bad)}/{len(got)}")
        for arabic, latin, out in bad:
            print(f"   {arabic}  want {latin!r}  got {out!r}")


if __name__ == "__main__":
    main()
