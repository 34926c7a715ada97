"""The HTML report, rendered in a real browser (Debian's headless Chromium).

`--dump-dom` shows what Chromium parsed: the matrix cells and the highlights; Playwright drives the
same browser to check that a highlight's message appears on hover and on keyboard focus, and takes
a screenshot whose colours are checked. CI installs Chromium (.ci/run) and sets
FACTLINT_REQUIRE_BROWSER=1, so there the browser tests cannot be skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from .conftest import ROOT, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("FACTLINT_REQUIRE_BROWSER"),
    reason="Chromium is not installed (apt-get install chromium)",
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    p = run(["check", "seeds/", "tests/planted/", "--format", "html", "-o", str(out)])
    assert p.returncode == 1, p.stderr
    return out


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"""(?:src|href)=["'](?:https?:|//)""", page)
    assert not re.search(r"<link\b", page)


class _Cells(HTMLParser):
    """Matrix cells by (fact id, column header title), and marks with their classes."""

    def __init__(self):
        super().__init__()
        self.headers, self.cells, self.marks = [], {}, []
        self._fact, self._col, self._in_head = None, 0, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "thead":
            self._in_head = True
        elif tag == "th" and self._in_head and a.get("title"):
            self.headers.append(a["title"])
        elif tag == "tr" and "data-fact" in a:
            self._fact, self._col = a["data-fact"], 0
        elif tag == "td" and self._fact:
            self.cells[(self._fact, self.headers[self._col])] = a["class"]
            self._col += 1
        elif tag == "mark":
            self.marks.append(a)

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag == "tr":
            self._fact = None


@needs_browser
def test_chromium_renders_the_matrix_and_the_highlights(report, tmp_path):
    p = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", report.as_uri()],
        capture_output=True, timeout=120,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    dom = p.stdout.decode("utf-8")
    parsed = _Cells()
    parsed.feed(dom)
    cells = parsed.cells
    assert len(parsed.headers) == 21  # 5 seed articles (seeds/README.md is no article) and 16 planted copies
    # the planted misspelling contradicts the person; the clean seed it copies is consistent
    assert cells[("shoigu", "tests/planted/001_shoygu.txt")] == "contradicted"
    assert cells[("shoigu", "seeds/001_01b98fe4deb5da6f.txt")] == "consistent"
    assert cells[("shoigu-visit", "tests/planted/001_visit_july21.txt")] == "contradicted"
    assert cells[("thomas-greenfield", "tests/planted/000_invented_quote.txt")] == "unsupported"
    assert cells[("kim-yo-jong", "seeds/000_a494c7461424b26e.txt")] == "not-mentioned"
    # no seed contradicts the record: no seed column is marked as deviating
    assert not re.search(r'<th scope="col" class="deviates" title="seeds/', dom)
    assert re.search(r'<th scope="col" class="deviates" title="tests/planted/001_shoygu.txt"', dom)
    # every finding is highlighted, coloured by its severity, and reachable by keyboard
    classes = [m["class"] for m in parsed.marks]
    assert {"error", "warning", "info"} <= set(classes)
    assert all(m.get("tabindex") == "0" and m.get("aria-describedby") for m in parsed.marks)
    shoygu = [m for m in parsed.marks if m.get("data-codes") == "FL301"]
    assert len(shoygu) == 1 and shoygu[0]["class"] == "error"


@needs_browser
def test_messages_show_on_hover_and_keyboard_focus(report, tmp_path):
    if os.environ.get("FACTLINT_REQUIRE_BROWSER"):
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    from PIL import Image

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS[1:])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(report.as_uri())
            mark = page.locator('mark[data-codes="FL301"]')
            tip = page.locator("#" + mark.get_attribute("aria-describedby"))
            assert not tip.is_visible()
            mark.hover()
            assert tip.is_visible() and "'Shoygu' misspells Sergei Shoigu's name" in tip.inner_text()
            page.mouse.move(0, 0)
            assert not tip.is_visible()
            # keyboard: Tab walks the links and highlights in order; on the mark, its message shows
            for _ in range(1000):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.dataset.codes || ''") == "FL301":
                    break
            else:
                pytest.fail("Tab never reached the FL301 highlight")
            assert tip.is_visible()
            shot = tmp_path / "focus.png"
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    image = Image.open(shot).convert("RGB")
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}
    assert (0xFD, 0xE2, 0xE0) in colours  # the error highlight
    assert (0x10, 0x18, 0x28) in colours  # the message box


def test_html_golden(request):
    from .test_cli import check_golden

    p = run(["check", "seeds/", "--format", "html"], cwd=ROOT)
    assert p.returncode == 0
    check_golden("seeds.html", p.stdout.decode("utf-8"), request)
