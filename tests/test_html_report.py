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
    assert not re.search(r'<th scope="col" class="col deviates" title="seeds/', dom)
    assert re.search(r'<th scope="col" class="col deviates" title="tests/planted/001_shoygu.txt"', dom)
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


def _browser(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS[1:])


def _sync_api():
    if os.environ.get("FACTLINT_REQUIRE_BROWSER"):
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api


@needs_browser
def test_the_report_fits_a_1280_window_in_order_with_labels_and_filters(report, tmp_path):
    """An editor's window: nothing wider than 1280 px (the matrix scrolls in its own box, its
    fact column stays), columns named by outlet or headline in one line of vertical text with the
    file on hover, articles by errors then warnings, severities in words and icons, each finding
    with expected, found, fact and fix or suggestion, and filters that hide without a script."""
    from PIL import Image

    with _sync_api().sync_playwright() as pw:
        browser = _browser(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(report.as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280
            assert page.evaluate("document.querySelector('.matrix-box').getBoundingClientRect().right") <= 1280
            # columns: outlet (sources:) or headline, one line each (not a character a line), path on hover
            # one line of vertical text that cannot wrap: as wide as one line, however long the label
            cols = page.evaluate("""[...document.querySelectorAll('thead th.col')].map(th => {
                const label = th.querySelector('.label'), style = getComputedStyle(label);
                const box = label.getBoundingClientRect(), size = parseFloat(style.fontSize);
                return {title: th.title, label: label.textContent, width: th.getBoundingClientRect().width,
                        lines: style.writingMode === 'vertical-rl' && style.whiteSpace === 'nowrap'
                               && box.width < 2 * size && box.height > 3 * size ? 1 : 0};
            })""")
            assert len(cols) == 21
            by_path = {c["title"]: c for c in cols}
            assert by_path["seeds/001_01b98fe4deb5da6f.txt"]["label"] == "Hankyoreh"
            assert by_path["seeds/000_a494c7461424b26e.txt"]["label"] == "MPR News (NPR)"
            assert by_path["tests/planted/001_shoygu.txt"]["label"].startswith("N. Korea, Russia actively engaged")
            assert all(c["lines"] == 1 and c["width"] < 60 for c in cols), cols
            # articles: errors first, then warnings; the matrix's columns in the same order
            order = page.evaluate("""[...document.querySelectorAll('section.article')].map(s =>
                [+s.dataset.errors, +s.dataset.warnings, s.querySelector('h2 code').textContent])""")
            keys = [(-e, -w) for e, w, _ in order]
            assert keys == sorted(keys) and order[0][0] >= 1 and order[-1][0] == 0 and order[0][1] >= 1
            assert [p for _, _, p in order] == [c["title"] for c in cols]
            # severity in words and an icon, on every finding
            sev = page.evaluate("[...document.querySelectorAll('li.finding .sev')].map(e => e.textContent)")
            assert sev and set(sev) <= {"\u2716 Error", "\u26a0 Warning", "\u2139 Info"}
            assert {"\u2716 Error", "\u26a0 Warning", "\u2139 Info"} <= set(sev)
            # a finding says what was expected, what was found, the fact, and the fix or suggestion
            july = page.locator('section.article:has(h2 code:text-is("tests/planted/001_visit_july21.txt")) li[data-code="FL101"]')
            detail = july.locator("dl").inner_text()
            assert "Expected\n27 July 2023" in detail and "Found\n21 July 2023" in detail
            assert "Fact\nevent shoigu-visit: Shoigu's visit to Pyongyang" in detail and "(facts.yaml:115)" in detail
            assert "Suggestion\nreplace with \u2018July 27\u2019" in detail
            shoygu = page.locator('section.article:has(h2 code:text-is("tests/planted/001_shoygu.txt")) li[data-code="FL301"]')
            assert "Fix\nreplace with \u2018Shoigu\u2019 (safe" in shoygu.locator("dl").inner_text()
            shot = tmp_path / "report-1280.png"
            page.screenshot(path=str(shot))
            # filters: unticking Info hides the info findings and uncolours their highlights; FL101 likewise
            info = page.locator("li.finding.sev-info").first
            info_mark = page.locator("mark.info").first
            assert info.is_visible()
            page.locator("#show-info").uncheck()
            assert not info.is_visible()
            assert info_mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
            assert page.locator("li.finding.sev-error").first.is_visible()
            page.locator("#show-FL101").uncheck()
            assert july.count() == 1 and not july.is_visible()
            assert shoygu.is_visible()
            # a narrower window: the matrix scrolls inside its box and its fact column stays in view
            page.set_viewport_size({"width": 1024, "height": 800})
            box = page.locator(".matrix-box")
            assert page.evaluate("document.documentElement.scrollWidth") <= 1024
            assert box.evaluate("b => b.scrollWidth > b.clientWidth")
            before = page.locator("tbody th").first.bounding_box()
            box.evaluate("b => { b.scrollLeft = 400; }")
            after = page.locator("tbody th").first.bounding_box()
            assert before is not None and after is not None and abs(before["x"] - after["x"]) < 1
        finally:
            browser.close()
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 900)
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}
    assert (0xFD, 0xE2, 0xE0) in colours  # a deviating column's header, an error badge
    assert (0xDC, 0xF5, 0xE3) in colours  # consistent cells


def _project(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "version: 1\nsources:\n  press.html: {outlet: Daily Press}\npeople:\n  - id: merkel\n    name: Angela Merkel\n"
        "    titles: [German Chancellor]\n", encoding="utf-8")
    (tmp_path / "press.html").write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta name="description" content="secret meta">'
        "<title>Talks go on</title><style>p{color:red}</style></head>\n<body><h1>Talks go on</h1>\n"
        "<p>German Chancellor Angela <b>Mirkle</b> spoke on Tuesday.</p>\n"
        "<p>\ud55c\uad6d\uc5b4 \ubb38\uc7a5\ub3c4 \uc788\uc2b5\ub2c8\ub2e4.</p></body></html>\n", encoding="utf-8")
    (tmp_path / "blog.md").write_text(
        "---\ntitle: A blog post\ndate: 2023-09-01\n---\n\n# Heading\n\nChancellor Angela Mirkle said so.\n\n"
        "```\ncode block\n```\n", encoding="utf-8")
    p = run(["check", ".", "--format", "html", "-o", "report.html"], cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    return tmp_path / "report.html"


@needs_browser
def test_articles_show_as_the_prose_checked_and_cjk_gets_a_system_font(tmp_path):
    report = _project(tmp_path)
    page_text = report.read_text(encoding="utf-8")
    assert '"Noto Sans CJK KR"' in page_text and '"Malgun Gothic"' in page_text and '"Apple SD Gothic Neo"' in page_text
    with _sync_api().sync_playwright() as pw:
        browser = _browser(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(report.as_uri())
            heads = page.evaluate("[...document.querySelectorAll('thead th.col .label')].map(e => e.textContent)")
            assert sorted(heads) == ["A blog post", "Daily Press"]  # the outlet, else the front matter's title
            prose = {page.evaluate(f"document.querySelectorAll('section.article h2 code')[{i}].textContent"):
                     page.locator("section.article .prose").nth(i).inner_text() for i in range(2)}
            html_text, md_text = prose["press.html"], prose["blog.md"]
            # the text factlint checked: no doctype, tags, meta, style, front matter or code
            for raw in ("<", "DOCTYPE", "secret meta", "color:red", "charset"):
                assert raw not in html_text
            assert "German Chancellor Angela Mirkle spoke on Tuesday." in html_text
            for raw in ("---", "title:", "date:", "code block", "```"):
                assert raw not in md_text
            assert "Chancellor Angela Mirkle said so." in md_text
            marks = page.evaluate("[...document.querySelectorAll('.prose mark')].map(m => [m.textContent, m.className])")
            assert marks.count(["Mirkle", "error"]) == 2
            # Korean text: rendered with a system font that has its glyphs (not boxes)
            korean = page.locator(".prose").filter(has_text="\ud55c\uad6d\uc5b4")
            family = korean.evaluate("e => getComputedStyle(e).fontFamily")
            assert "Noto Sans CJK KR" in family and family.rstrip().endswith("sans-serif")
            section = page.evaluate("""[...document.querySelectorAll('section.article')]
                .find(s => s.querySelector('h2 code').textContent === 'press.html').id""")
            cdp = page.context.new_cdp_session(page)
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f"#{section} .prose"})["nodeId"]
            # the fonts Chromium drew the article's text with (the Korean among it)
            used = {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
            if not _has_korean_font():
                if os.environ.get("FACTLINT_REQUIRE_BROWSER"):
                    pytest.fail("no Korean font installed (apt-get install fonts-nanum); .ci/run installs one")
                pytest.skip("no Korean font installed (apt-get install fonts-nanum)")
            assert any(_is_korean_font(name) for name in used), used
        finally:
            browser.close()


def _has_korean_font() -> bool:
    try:
        p = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=30)
    except OSError:
        return False
    return bool(p.stdout.strip())


def _is_korean_font(name: str) -> bool:
    p = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=30)
    return any(name in line.split(",") for line in p.stdout.splitlines())


def test_an_impossible_date_of_an_event_shows_as_contradicting_it():
    """'Feb. 30, 2022' for the invasion (February 2022) is no consistent mention of the fact: FL103
    names the event its date belongs to, and the matrix cell says contradicted."""
    from datetime import date

    from factlint import Selection, load_facts
    from factlint.engine import Linter
    from factlint.formatters.html import _state
    from factlint.reference import read_article
    from factlint.runner import lint_paths

    linter = Linter.of(load_facts(ROOT / "facts.yaml"))
    report = lint_paths([str(ROOT / "tests" / "planted" / "004_feb30.txt")], linter, Selection())
    (r,) = report.files
    (f103,) = [f for f in r.findings if f.code == "FL103"]
    assert f103.fact is not None and f103.fact.fact_id == "invasion" and f103.expected == "2022-02"
    state, why = _state("invasion", {"invasion": [f103]}, r.mentioned)
    assert state == "contradicted" and why == [f103]
    # an impossible date that dates no curated event names no fact
    doc = read_article("a.txt", "The committee met on Feb. 30, 2022, to vote.", reference_date=date(2023, 9, 1))
    (alone,) = [f for f in linter.lint(doc) if f.code == "FL103"]
    assert alone.fact is None and alone.expected is None


# -- FL501: the "sources disagree" section and the matrix row ---------------------------------------

STORY = ROOT / "tests" / "story"


class _Disagree(HTMLParser):
    """The rows of the "sources disagree" table (their cells' text) and the FL501 row of the matrix."""

    def __init__(self):
        super().__init__()
        self.rows, self.matrix_row, self._cells, self._in, self._row = [], [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "disagree" in (a.get("class") or ""):
            self._in = "disagree"
        elif tag == "tr" and a.get("class") == "fl501":
            self._in = "matrix"
        elif tag == "tr" and self._in == "disagree" and a.get("data-code") == "FL501":
            self._row = []
        elif tag == "td" and self._row is not None:
            self._row.append("")
        elif tag == "td" and self._in == "matrix":
            self.matrix_row.append(a.get("class"))

    def handle_data(self, data):
        if self._row:
            self._row[-1] += data

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "tr" and self._in == "matrix":
            self._in = None
        elif tag == "table":
            self._in = None


def _story_page(*args: str, status: int = 1) -> str:
    p = run(["check", ".", "--extend-select", "FL501", "--format", "html", *args], cwd=STORY)
    assert p.returncode == status, p.stderr
    return p.stdout.decode("utf-8")


def test_sources_disagree_section_shows_each_reading_beside_the_others(request):
    from .test_cli import check_golden

    page = _story_page("--facts", "facts.yaml")
    check_golden("story.html", page, request)
    parsed = _Disagree()
    parsed.feed(page)
    # one row a disagreement of post.md: what, its reading, the other articles' readings with their places
    assert len(parsed.rows) == 3
    name = next(r for r in parsed.rows if "Halvorson" in r[0])
    assert name[1].startswith("Ingrid Halvorson") and "post.md:3:83" in name[1]
    assert "'Ingrid Halvorsen' herald.md:3:67" in name[2] and "'Ingrid Halvorsen' wire.md:3:79" in name[2]
    # the matrix marks the article whose readings the others give otherwise, and no other
    assert parsed.matrix_row == ["disagrees", "not-mentioned", "not-mentioned"]


def test_sources_disagree_without_curated_facts(tmp_path):
    empty = tmp_path / "facts.yaml"
    empty.write_text("version: 1\n", encoding="utf-8")
    page = _story_page("--facts", str(empty), status=0)  # warnings only
    parsed = _Disagree()
    parsed.feed(page)
    assert "nothing to compare the articles with but each other" in page
    assert parsed.matrix_row.count("disagrees") == 1 and len(parsed.matrix_row) == 3
    # without the curated quote, post.md's misquote of Carla Ruiz is a disagreement too
    assert len(parsed.rows) == 4


def test_no_fl501_section_when_it_is_not_selected():
    p = run(["check", ".", "--facts", "facts.yaml", "--format", "html"], cwd=STORY)
    page = p.stdout.decode("utf-8")
    assert 'id="disagree"' not in page and 'class="fl501"' not in page
