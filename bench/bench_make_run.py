"""Time what ``make run`` does on a fresh clone before it serves: migrate, then seed the demo.

    .venv/bin/python bench/bench_make_run.py                 # CHILDREN=2000, SQLite
    .venv/bin/python bench/bench_make_run.py --children 300

Runs the same commands as ``goldenthread serve`` (``migrate``, then ``goldenthread seed
--if-empty --children N``, which also adds the demo plan states and assessments and works out
the insights facts) into a new SQLite file in a temporary directory, each as its own process.
Prints wall-clock seconds and CPU seconds (user + system) for each step and the load average
before and after: on a shared machine the wall clock depends on the load, the CPU time much
less. Prints figures, asserts nothing (issue 22 asks for under 60 s on this machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess  # nosec B404 - runs our own CLI with fixed arguments
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _step(name: str, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # nosec B603
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{name:<8} wall {wall:6.1f} s   cpu {cpu:6.1f} s", flush=True)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2000)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="gt-bench-make-run-"))
    database = scratch / "demo.sqlite3"
    env = {
        **os.environ,
        "GOLDENTHREAD_ENV": "development",
        "DJANGO_SETTINGS_MODULE": "goldenthread.web.settings",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    print(
        f"children: {args.children:,}  cores: {os.cpu_count()}"
        f"  load average before: {os.getloadavg()}"
    )
    migrate = [
        str(BIN / "python"),
        "-c",
        "import django; django.setup(); from django.core.management import call_command;"
        " call_command('migrate', interactive=False, verbosity=0)",
    ]
    seed = [str(BIN / "goldenthread"), "seed", "--if-empty", "--quiet"]
    steps = [
        _step("migrate", migrate, env),
        _step("seed", [*seed, "--children", str(args.children)], env),
    ]
    wall, cpu = (sum(values) for values in zip(*steps, strict=True))
    print(f"{'total':<8} wall {wall:6.1f} s   cpu {cpu:6.1f} s")
    print(f"load average after: {os.getloadavg()}")
    for path in scratch.iterdir():
        path.unlink()
    scratch.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
