"""The "Scheduled jobs" page: each job's next run and the latest runs, for administrators."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse

from goldenthread.web.accounts.models import Role
from goldenthread.web.jobs import schedules as registry
from goldenthread.web.jobs.models import JobRun
from goldenthread.web.jobs.schedules import PREFIX
from goldenthread.web.plans.views.common import AuthedRequest, render


def job_runs(request: AuthedRequest) -> HttpResponse:
    if request.user.role != Role.ADMINISTRATOR:
        raise PermissionDenied
    from django_q.models import Schedule

    next_runs = dict(
        Schedule.objects.filter(name__startswith=PREFIX).values_list("name", "next_run")
    )
    jobs = [(job, next_runs.get(job.schedule_name)) for job in registry.SCHEDULES]
    page = Paginator(JobRun.objects.all(), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "jobs/runs.html",
        title="Scheduled jobs",
        jobs=jobs,
        page=page,
        failed=JobRun.objects.filter(gave_up=True).count(),
        nav_active="job-runs",
    )
