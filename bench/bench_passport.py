"""Benchmark the passport page and its PDF against a seeded database (20,000 children).

Set up once (any 20,000-child seed will do, e.g. gt_reviews20k from bench_reviews_overdue.py):
    createdb -h 127.0.0.1 -U postgres gt_passport20k
    export GOLDENTHREAD_ENV=development
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_passport20k
    .venv/bin/python -m django migrate --settings goldenthread.web.settings
    .venv/bin/goldenthread seed --children 20000 --seed 7
Run:
    .venv/bin/python bench/bench_passport.py [--requests 20] [--pdfs 5]

Signed in as the demo coordinator, opens the passport of the child on their caseload with the
most outcomes, and prints the median and 95th percentile, the number of queries per page, and
where a PDF's time goes (reading, template, WeasyPrint layout, writing). Each look is written to
the audit trail, as in real use. It asserts nothing beyond a 200 answer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")

import django


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _time(client: object, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--pdfs", type=int, default=5)
    args = parser.parse_args()
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from goldenthread.web.accounts.models import User
    from goldenthread.web.plans.models import Child
    from goldenthread.web.plans.selectors import children_visible_to

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    coordinator = User.objects.get(username="coordinator")
    print(
        f"database: {settings.DATABASES['default']['ENGINE']}, children {Child.objects.count():,}"
    )
    child = (
        children_visible_to(coordinator)
        .annotate(n=Count("plans__outcomes", filter=Q(plans__outcomes__archived_at__isnull=True)))
        .order_by("-n", "pk")
        .first()
    )
    assert child is not None
    print(f"child {child.pk} with {child.n} outcomes")
    client = Client()
    client.force_login(coordinator)
    for url, count in (
        (f"/children/{child.pk}/passport/", args.requests),
        (f"/children/{child.pk}/passport.pdf", args.pdfs),
    ):
        client.get(url)  # warm up
        times = _time(client, url, count)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(
            f"{url:34} n={count:3} median {statistics.median(times) * 1000:7.1f} ms"
            f"  p95 {percentile(times, 0.95) * 1000:7.1f} ms  queries {len(queries)}"
        )
    pdf_parts(child, args.pdfs)
    print(f"load average (1, 5, 15 min): {os.getloadavg()}")


def pdf_parts(child: object, count: int) -> None:
    """Median time of each step of making the PDF, outside the request."""
    from django.template.loader import render_to_string
    from django.utils import timezone
    from weasyprint import HTML

    from goldenthread.web.access.policy import ChildAccess, Reason
    from goldenthread.web.passport.selectors import passport_get, progress_words
    from goldenthread.web.passport.views import _pdf_stylesheet

    access = ChildAccess(child.pk, frozenset({Reason.CASELOAD}))  # type: ignore[attr-defined]
    steps: dict[str, list[float]] = {"read": [], "template": [], "layout": [], "write": []}
    for _ in range(count):
        start = time.perf_counter()
        passport = passport_get(child, access)  # type: ignore[arg-type]
        read = time.perf_counter()
        html = render_to_string(
            "passport/passport_pdf.html",
            {
                "title": "Passport",
                "passport": passport,
                "child": child,
                "made_on": timezone.localdate(),
                "progress_words": progress_words,
            },
        )
        templated = time.perf_counter()
        stylesheet, fonts = _pdf_stylesheet()
        document = HTML(string=html).render(stylesheets=[stylesheet], font_config=fonts)
        laid_out = time.perf_counter()
        document.write_pdf()
        written = time.perf_counter()
        marks = (start, read, templated, laid_out, written)
        for name, before, after in zip(steps, marks, marks[1:], strict=False):
            steps[name].append(after - before)
    print(
        f"PDF steps (median of {count}), pages {len(document.pages)}: "
        + ", ".join(f"{k} {statistics.median(v) * 1000:.1f} ms" for k, v in steps.items())
    )


if __name__ == "__main__":
    main()
