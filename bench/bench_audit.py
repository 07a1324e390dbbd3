"""Benchmark the audit: 100,000 statements through reading, the runner and the writer.

Run: .venv/bin/python bench/bench_audit.py [--count N] [--distinct] [--keep report.jsonl]

The default input is a deterministic mix of a few hundred statements repeated, so the verdict
cache answers most of them; ``--distinct`` gives N different real-looking statements
(bench/audit_distinct.py), which the cache cannot flatter. Prints figures only (wall-clock
throughput, CPU time per statement, peak memory, shipped model size); it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_distinct import distinct_statements

from goldenthread.core.audit.readers import audit_items_read
from goldenthread.core.audit.runner import audit_stream
from goldenthread.core.audit.writers import audit_write

TIMES = [
    "By the end of Year 6,",
    "By July 2027,",
    "Within 6 months,",
    "By my next review,",
    "By the time I am 19,",
    "By Easter 2027",
    "By the end of the spring term,",
]
SUBJECTS = ["I will", "Maya will", "Sam will", "I'll", "Jay will be able to"]
ACTIONS = [
    "read a short book aloud to an adult",
    "travel to college by bus on my own",
    "ask for help using my card",
    "make a hot drink safely",
    "join a game with two friends at lunchtime",
    "tell an adult when I feel worried",
    "put on my coat and shoes by myself",
    "write three sentences with full stops",
]
MEASURES = [
    "on 4 days out of 5",
    "every day",
    "at least twice a week",
    "in 3 out of 4 lessons",
    "for 10 minutes",
    "",
]
POOR = [
    "To improve his social skills.",
    "To develop independence skills.",
    "Chloe will engage with the curriculum.",
    "To make progress in {subject}.",
    "{name} will be supported to manage her emotions.",
    "To be more confident.",
]
PROVISION = [
    "{n} x 30 minute sessions of speech and language therapy each week.",
    "1:1 TA support for {n} hours per week.",
    "Small group phonics, {n} minutes daily.",
    "Occupational therapy review every {n} weeks.",
]
NEEDS = [
    "{name} finds it hard to follow instructions with more than {n} parts.",
    "{name} has difficulty with attention and can focus for about {n} minutes.",
]
ASPIRATIONS = ["I want to be a {job} when I grow up.", "When I'm older I want to work as a {job}."]
NAMES = ["Maya", "Sam", "Ellie", "Kai", "Noah", "Ava"]
JOBS = ["vet", "chef", "mechanic", "nurse", "hairdresser", "games designer"]
SUBJECT_AREAS = ["reading", "maths", "writing", "spelling"]


def statements(count: int) -> list[str]:
    """A deterministic mix: half good outcomes, the rest poor outcomes, provision, needs, aims."""
    good = (
        f"{t} {s} {a} {m}".strip() + "."
        for t, s, a, m in itertools.product(TIMES, SUBJECTS, ACTIONS, MEASURES)
    )
    good_cycle = itertools.cycle(list(good))
    result = []
    for n in range(count):
        name, job = NAMES[n % len(NAMES)], JOBS[n % len(JOBS)]
        values = {"name": name, "job": job, "n": n % 9 + 1, "subject": SUBJECT_AREAS[n % 4]}
        bucket = n % 10
        if bucket < 5:
            text = next(good_cycle)
        elif bucket < 7:
            text = POOR[n % len(POOR)].format(**values)
        elif bucket == 7:
            text = PROVISION[n % len(PROVISION)].format(**values)
        elif bucket == 8:
            text = NEEDS[n % len(NEEDS)].format(**values)
        else:
            text = ASPIRATIONS[n % len(ASPIRATIONS)].format(**values)
        result.append(text)
    return result


def _cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) used by this process, and by its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--no-themes", action="store_true", help="skip theme linking")
    parser.add_argument("--distinct", action="store_true", help="N different statements")
    parser.add_argument("--keep", type=Path, help="copy the JSONL report here (to compare)")
    args = parser.parse_args()
    texts = distinct_statements(args.count) if args.distinct else statements(args.count)
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statements.jsonl"
        path.write_text(
            "".join(json.dumps({"text": text}) + "\n" for text in texts),
            encoding="utf-8",
        )
        out = Path(folder) / "report.jsonl"
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        items = audit_items_read(path)
        read = time.perf_counter()
        # As `goldenthread audit FILE -o report.jsonl` does: stream, write, rename.
        summary = audit_write(
            audit_stream(items, today=dt.date(2026, 11, 22), themes=not args.no_themes),
            output_format="jsonl",
            out=out,
            source_name=path.name,
        )
        written = time.perf_counter()
        main_after, workers_after = _cpu_seconds()
        main_cpu, workers_cpu = main_after - cpu_before[0], workers_after - cpu_before[1]
        cpu = main_cpu + workers_cpu
        size = out.stat().st_size
        if args.keep:
            shutil.copyfile(out, args.keep)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = written - started
    count = summary.count
    mix = f"{len(set(texts)):,} distinct" if args.distinct else "a repeated mix"
    themes = "off" if args.no_themes else "on"
    print(f"statements:          {count:,} ({mix}; theme linking {themes})")
    print(f"read:                {read - started:6.2f} s")
    print(f"check and write:     {written - read:6.2f} s  ({size / 1e6:.0f} MB of JSONL)")
    print(f"end to end:          {total:6.2f} s  ({count / total:,.0f} statements/s wall clock)")
    print(
        f"CPU time:            {cpu:6.2f} s  ({cpu / count * 1e6:.0f} us per statement; "
        f"{count / (cpu / cores):,.0f} statements/s if all {cores} cores were free)"
    )
    print(f"  of which main:     {main_cpu:6.2f} s (reading, receiving and writing lines)")
    print(f"  of which workers:  {workers_cpu:6.2f} s (judging, linking, making lines)")
    print(f"load average:        {os.getloadavg()[0]:.2f} (other work slows the wall clock)")
    print(f"peak memory:         {own:,.0f} MB (main), {children:,.0f} MB (largest worker)")
    print(f"SMART share:         {summary.smart_share:.1%}")
    print(f"shipped model files: {shipped_model_bytes() / 1e6:.1f} MB in all (target <= 50 MB)")


def shipped_model_bytes() -> int:
    """Bytes of every model asset shipped in the package (core/*/assets)."""
    core = Path(__file__).resolve().parents[1] / "src" / "goldenthread" / "core"
    return sum(path.stat().st_size for path in core.glob("*/assets/**/*") if path.is_file())


if __name__ == "__main__":
    main()
