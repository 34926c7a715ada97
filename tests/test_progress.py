"""The progress bar of long runs: on a terminal's standard error only, never in a pipe or in CI,
silent for short runs, erased at the end; the report itself is the same with or without it."""

from __future__ import annotations

import io
import os
import pty
import select
import shutil
import subprocess
import sys

from factlint.cli import ProgressBar, progress_bar

from .conftest import ROOT


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_draws_throttles_and_erases_itself():
    out, clock = io.StringIO(), _Clock()
    bar = ProgressBar(out, clock, delay=0.5, interval=0.1, width=10)
    bar(0, 4)
    clock.now = 0.2
    bar(1, 4)
    assert out.getvalue() == ""  # a short run says nothing
    clock.now = 0.6
    bar(2, 4)
    assert out.getvalue() == "\r[#####.....] 2/4 files"
    clock.now = 0.65
    bar(3, 4)  # too soon to redraw
    assert out.getvalue().count("\r") == 1
    clock.now = 0.66
    bar(4, 4)  # the last file is always drawn
    assert out.getvalue().endswith("\r[##########] 4/4 files")
    bar.close()
    assert out.getvalue().endswith("\r\x1b[K")


def test_a_short_run_leaves_nothing():
    out, clock = io.StringIO(), _Clock()
    bar = ProgressBar(out, clock)
    bar(0, 2)
    bar(1, 2)
    bar(2, 2)
    bar.close()
    assert out.getvalue() == ""


def test_only_on_a_terminal_and_never_in_ci():
    assert progress_bar(io.StringIO(), {}, _Clock()) is None  # a pipe or a file
    assert isinstance(progress_bar(_Tty(), {}, _Clock()), ProgressBar)
    assert progress_bar(_Tty(), {"CI": "true"}, _Clock()) is None
    assert progress_bar(_Tty(), {"TERM": "dumb"}, _Clock()) is None


def _check(folder, stderr_tty: bool, env: dict) -> tuple[bytes, bytes]:
    """`factlint check .` in `folder` with standard error on a pseudo-terminal (or a pipe)."""
    e = {k: v for k, v in os.environ.items() if k != "CI"} | {"NO_COLOR": "1"} | env
    cmd = [sys.executable, "-m", "factlint", "check", ".", "--format", "concise"]
    if not stderr_tty:
        p = subprocess.run(cmd, cwd=folder, capture_output=True, env=e, timeout=120)
        return p.stdout, p.stderr
    main, secondary = pty.openpty()
    out_file = folder.parent / f"{folder.name}-stdout"
    try:
        with open(out_file, "wb") as stdout:  # a file, not a pipe: the report never waits for a reader
            p = subprocess.Popen(cmd, cwd=folder, stdout=stdout, stderr=secondary, env=e)
        os.close(secondary)
        err = b""
        while True:
            ready, _, _ = select.select([main], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            err += chunk
        p.wait(timeout=120)
        return out_file.read_bytes(), err
    finally:
        os.close(main)


def test_a_long_run_on_a_terminal_shows_the_bar_and_the_report_is_the_same(tmp_path):
    """384 articles (the planted copies, 24 times over): long enough (a second or two) for the bar."""
    shutil.copy(ROOT / "facts.yaml", tmp_path / "facts.yaml")
    for i in range(24):
        shutil.copytree(ROOT / "tests" / "planted", tmp_path / f"batch{i}")
    piped_out, piped_err = _check(tmp_path, False, {})
    tty_out, tty_err = _check(tmp_path, True, {"TERM": "xterm"})
    assert tty_out == piped_out and piped_out.count(b": FL") >= 384  # the report is unchanged
    assert b"\r" not in piped_err  # no bar in a pipe
    # drawn on the terminal, counting up to every file, then erased
    assert b"] 384/384 files" in tty_err, tty_err[-500:]
    assert tty_err.endswith(b"\r\x1b[K"), tty_err[-200:]
    ci_out, ci_err = _check(tmp_path, True, {"TERM": "xterm", "CI": "true"})
    assert ci_out == piped_out and b"files" not in ci_err
