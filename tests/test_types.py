"""The package type-checks: mypy, configured by [tool.mypy] in pyproject.toml, finds nothing in src."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_errors_in_src() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"mypy exited with {result.returncode}:\n{result.stdout}{result.stderr}"
