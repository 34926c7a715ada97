"""Time a factlint command at an earlier commit and in the working tree, runs interleaved.

This kind of machine runs a quarter faster or slower from one minute to the next, so two figures
measured apart do not compare; runs taken in turns do. Each side runs `python -m factlint ARGS`
from the repository root with its own `src/` first on the path (the earlier commit is checked out
in a temporary worktree, removed afterwards). Prints each side's median and runs, and the ratio.

    python bench/ab.py 9adbf7a --runs 5 -- check --facts bench/out/facts-10000.yaml -q --exit-zero \\
        --cache-dir /tmp/ab-cache --jobs 2 bench/out/corpus
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commit", help="the earlier commit (anything git can check out)")
    ap.add_argument("--runs", type=int, default=5)
    argv = sys.argv[1:]
    if "--" not in argv:
        ap.error("give the factlint arguments after --")
    cut = argv.index("--")
    args, command = ap.parse_args(argv[:cut]), argv[cut + 1 :]
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), args.commit], cwd=ROOT, check=True)
        try:
            sides = {args.commit: old / "src", "working tree": ROOT / "src"}
            for src in sides.values():
                compileall.compile_dir(str(src), quiet=1)  # as installed: bytecode compiled

            def run(src: Path) -> float:
                env = {**os.environ, "PYTHONPATH": str(src)}
                t = time.perf_counter()
                p = subprocess.run([sys.executable, "-m", "factlint", *command], cwd=ROOT, env=env, capture_output=True)
                if p.returncode not in (0, 1):
                    raise SystemExit(f"factlint failed ({src}): {p.stderr.decode()[-2000:]}")
                return time.perf_counter() - t

            for src in sides.values():
                run(src)  # warm-up: file caches, and any --cache-dir entry each side writes
            times: dict[str, list[float]] = {name: [] for name in sides}
            for _ in range(args.runs):
                for name, src in sides.items():
                    times[name].append(run(src))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)
    for name, ts in times.items():
        print(f"{name:>14}: median {statistics.median(ts):.3f} s  ({', '.join(f'{t:.3f}' for t in sorted(ts))})")
    before, after = (statistics.median(ts) for ts in times.values())
    print(f"speed-up: {before / after:.2f}x")


if __name__ == "__main__":
    main()
