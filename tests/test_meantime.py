"""The date engine on news it was not written for: MEANTIME's 120 annotated Wikinews articles.

The data lives in the workspace's shared folder (../shared/data beside this checkout); the tests
skip when it is not there.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT, run

DATA = ROOT.parent / "shared" / "data" / "meantime-en-timex.jsonl"
pytestmark = pytest.mark.skipif(not DATA.exists(), reason="MEANTIME data not found beside the checkout")


def test_value_f1_stays_above_heideltime():
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "score_meantime.py"), "--data", str(DATA)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    rows = {line.split()[0]: line.split() for line in p.stdout.splitlines() if line[:4] in ("ALL ", "DATE")}
    value_all, value_date = float(rows["ALL"][5]), float(rows["DATE"][5])
    assert value_all > 78.99 and value_date > 80.93  # HeidelTime 2.2.1 on the same data and scoring


def test_no_date_errors_on_correct_news(tmp_path):
    """Linted against no facts, MEANTIME's articles give no weekday, impossible-date or date finding."""
    for line in DATA.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        (tmp_path / f"{doc['id'][:80]}.txt").write_text(doc["text"], encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    p = run(["check", ".", "--format", "json", "--select", "FL101,FL102,FL103"], cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode()[:2000]
    assert json.loads(p.stdout)["summary"]["files"] == 120


TBAQ = ROOT.parent / "shared" / "data" / "tbaq-timex.jsonl"


@pytest.mark.skipif(not TBAQ.exists(), reason="TBAQ data not found beside the checkout")
def test_timeml_scorer_prints_its_measures_beside_heideltime():
    """`score_timeml.py` on TimeBank + AQUAINT: a value F1 for all types and for DATE, as numbers
    between 0 and 100 (the figures themselves are the scorer's to print, not a test's to hold), and
    the misses listing grouped by class."""
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "score_timeml.py"), "--data", str(TBAQ), "--misses", "1"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    rows = {line.split()[0]: line.split() for line in p.stdout.splitlines() if line[:4] in ("ALL ", "DATE")}
    assert all(0 < float(rows[k][5]) <= 100 for k in ("ALL", "DATE"))
    assert "HeidelTime" in p.stdout
    assert "misses by class" in p.stdout and "-- missed / " in p.stdout
