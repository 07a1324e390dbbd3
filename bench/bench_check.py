"""Benchmark ``assess``: median and p95 milliseconds per statement, and statements per second.

Run: ``.venv/bin/python bench/bench_check.py`` (single process, one core).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import statistics
import time

from goldenthread.core.quality import StatementContext, assess

WHEN = [
    "By the end of Year {n}",
    "By the time I am {a}",
    "When I'm {a},",
    "In {m} months",
    "By the end of this term",
    "By July 2027",
    "By the end of Key Stage {k}",
    "",
    "One day",
    "Within {w} weeks",
    "By 31/07/2027",
    "When I leave school",
]
WHO = [
    "I will",
    "Amil will",
    "she will",
    "",
    "To",
    "Staff will help him to",
    "He will be supported to",
]
WHAT = [
    "be able to work with other students",
    "say hello to two friends",
    "improve his diet",
    "understand instructions",
    "walk from the classroom door to the playground",
    "make my own breakfast",
    "use PECS to ask for a drink",
    "develop fine motor skills",
    "travel independently to college",
    "follow instructions containing 4 key words",
    "read 20 words from the Year 2 list",
    "be a chef when I am an adult",
]
HOW = [
    "",
    "without adult support",
    "3 times a week",
    "for 10 minutes each day",
    "independently",
    "at least twice a day",
    "with 80% accuracy",
]
WHERE = [
    "",
    "in class",
    "at break time with two friends",
    "at home and at school",
    "in a small group",
]
FIXED = [
    "Speech and language programme 10 minutes a week",
    "Non-verbal, very limited social interaction",
    "Learn to take 10 steps independently",
    "3 hours of SALT per week delivered by a therapist",
    "Have a paid job working with animals",
]


def statements(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = list(FIXED)
    while len(out) < count:
        when = rng.choice(WHEN).format(
            n=rng.randint(1, 11),
            a=rng.randint(5, 19),
            m=rng.randint(3, 12),
            k=rng.randint(1, 4),
            w=rng.randint(4, 20),
        )
        parts = [when, rng.choice(WHO), rng.choice(WHAT), rng.choice(HOW), rng.choice(WHERE)]
        text = " ".join(p for p in parts if p).strip()
        out.append(text[0].upper() + text[1:] + ".")
    return out[:count]


def main(count: int = 3000, repeats: int = 3) -> None:
    texts = statements(count)
    ctx = StatementContext(today=dt.date(2025, 10, 1), date_of_birth=dt.date(2014, 5, 1))
    for text in texts[:200]:  # warm caches and regexes
        assess(text, ctx)
    timings = []
    cpu_start = time.process_time()
    start = time.perf_counter()
    for text in itertools.chain.from_iterable(itertools.repeat(texts, repeats)):
        t0 = time.perf_counter()
        assess(text, ctx)
        timings.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    timings.sort()
    median = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    mean = statistics.fmean(timings) * 1000
    print(f"statements: {len(texts)} distinct x {repeats} runs = {len(timings)}")
    print(f"median: {median:.3f} ms  p95: {p95:.3f} ms  mean: {mean:.3f} ms per statement")
    print(f"throughput: {len(timings) / total:,.0f} statements/s (single process)")
    # On a shared machine, wall-clock figures include time waiting for the CPU; this does not.
    print(
        f"cpu: {cpu / len(timings) * 1000:.3f} ms per statement "
        f"({len(timings) / cpu:,.0f} statements per CPU-second)"
    )


if __name__ == "__main__":
    main()
