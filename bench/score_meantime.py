"""Score factlint's date engine on MEANTIME English: `score_timeml.py` with MEANTIME as its default data.

    python bench/score_meantime.py [--data ../shared/data/meantime-en-timex.jsonl] [--misses N]

Kept for the commands and tests that name it; `bench/score_timeml.py` scores TBAQ and MEANTIME.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_timeml import DATA_DIR, main  # noqa: E402

if __name__ == "__main__":
    argv = sys.argv[1:]
    if "--data" not in argv:
        argv = ["--data", str(DATA_DIR / "meantime-en-timex.jsonl"), *argv]
    main(argv)
