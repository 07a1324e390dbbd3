"""How long `goldenthread audit` takes to refuse the security review's two files (issue 14):
a 44 MB Excel zip bomb that unzips to 7.2 GB, and a 200 MB CSV. The target is under 5 s each.

Run: .venv/bin/python bench/bench_input_limits.py
Building the bomb deflates 7.2 GB once (a minute or so); only the refusal is timed, as the
command runs it (exit code and message included). Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.core.zip_bombs import xlsx_bomb_write  # noqa: E402

from goldenthread.commands import audit as audit_command  # noqa: E402

MEGABYTE = 1024 * 1024
BOMB_UNZIPPED = int(7.2 * 1024**3)
BOMB_PADDING = 35 * MEGABYTE // 2  # incompressible, so the file weighs 44 MB like the review's
CSV_BYTES = 200 * MEGABYTE


def _refusal_timed(path: Path) -> tuple[float, int, str]:
    parser = argparse.ArgumentParser()
    audit_command.add_arguments(parser)
    args = parser.parse_args([str(path), "-o", str(path.with_suffix(".out.jsonl"))])
    errors = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stderr(errors):
        code = audit_command.run(args)
    return time.perf_counter() - started, code, errors.getvalue().strip()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bomb = Path(folder) / "outcomes.xlsx"
        built = time.perf_counter()
        xlsx_bomb_write(bomb, unzipped_bytes=BOMB_UNZIPPED, padding_bytes=BOMB_PADDING)
        print(f"bomb built in {time.perf_counter() - built:.1f} s: {bomb.stat().st_size:,} bytes")
        seconds, code, message = _refusal_timed(bomb)
        print(f"xlsx bomb refused:  {seconds:6.3f} s  exit {code}  {message}")

        big = Path(folder) / "outcomes.csv"
        with big.open("wb") as handle:  # real bytes, not a hole: a genuine 200 MB file
            row = b"By July 2027 I will read a short book aloud to an adult on 4 days out of 5.\n"
            handle.write(b"text\n")
            handle.write(row * (CSV_BYTES // len(row)))
        seconds, code, message = _refusal_timed(big)
        print(f"200 MB CSV refused: {seconds:6.3f} s  exit {code}  {message}")


if __name__ == "__main__":
    main()
