"""Prometheus metrics at ``/metrics``: requests, latency, errors (counted by each process) and
job runs and queue length (read from the database when scraped). Behind authentication: a
bearer token (``METRICS_TOKEN``) for the scraper, or a signed-in administrator.

Labels are route names ("child", "caseload"), never paths: a path holds a child's id, and a
label per child would also grow without end. Under gunicorn each worker counts into files in
``PROMETHEUS_MULTIPROC_DIR`` and a scrape adds them up (prometheus-client's multiprocess mode).
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Callable, Iterator

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from goldenthread.web.accounts.models import Role

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
UNMATCHED = "unmatched"

REQUESTS = Counter(
    "goldenthread_http_requests_total",
    "Requests answered, by route name, method and status class.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "goldenthread_http_request_seconds",
    "Time to answer a request, by route name.",
    ["route"],
    buckets=(0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 2.0, 5.0, 10.0),
)
ERRORS = Counter(
    "goldenthread_http_errors_total",
    "Requests that ended in a server error (5xx or an exception), by route name.",
    ["route"],
)


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    name = getattr(match, "url_name", None) if match else None
    if name and match is not None and match.namespace:
        return f"{match.namespace}:{name}"
    return name or UNMATCHED


class MetricsMiddleware:
    """Counts and times every request (first in the chain, so it sees every answer)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        except Exception:
            ERRORS.labels(route_of(request)).inc()
            raise
        route = route_of(request)
        LATENCY.labels(route).observe(time.perf_counter() - started)
        REQUESTS.labels(route, request.method or "", f"{response.status_code // 100}xx").inc()
        if response.status_code >= 500:
            ERRORS.labels(route).inc()
        return response


class JobsCollector(Collector):
    """Job runs and the queue, read from the database at scrape time (the job runner is a
    process of its own, so its counters would not reach the web's /metrics)."""

    def collect(self) -> Iterator[Metric]:
        from goldenthread.web.insights.models import FactsRefresh

        runs = CounterMetricFamily(
            "goldenthread_job_runs",
            "Job runs recorded, by job and result.",
            labels=["job", "result"],
        )
        runs.add_metric(["insights-refresh", "success"], FactsRefresh.objects.count())
        if apps.is_installed("django_q"):
            from django_q.models import Failure, OrmQ, Success

            runs.add_metric(["job-runner", "success"], Success.objects.count())
            runs.add_metric(["job-runner", "failure"], Failure.objects.count())
            queue = GaugeMetricFamily(
                "goldenthread_job_queue_length", "Jobs waiting in the job runner's queue."
            )
            queue.add_metric([], OrmQ.objects.count())
            yield queue
        yield runs


def metrics_text() -> bytes:
    """Every metric in Prometheus' text format."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)  # type: ignore[no-untyped-call]
    else:
        counted = REGISTRY
    jobs = CollectorRegistry()
    jobs.register(JobsCollector())
    return generate_latest(counted) + generate_latest(jobs)


def scraper_allowed(request: HttpRequest) -> bool:
    """The scraper's bearer token, compared in constant time; no token set means none works."""
    token = getattr(settings, "METRICS_TOKEN", "")
    header = request.headers.get("Authorization", "")
    if not token or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").encode(), token.encode())


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """401 for no one, 403 for a signed-in person who is not an administrator. Reason: the
    figures describe the service's use, which is not for everyone who can sign in."""
    if not scraper_allowed(request):
        user = request.user
        if not user.is_authenticated:
            response = HttpResponse("Sign in or give the metrics token.", status=401)
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
        if getattr(user, "role", "") != Role.ADMINISTRATOR:
            return HttpResponse("Only administrators see the metrics.", status=403)
    return HttpResponse(metrics_text(), content_type=CONTENT_TYPE)
