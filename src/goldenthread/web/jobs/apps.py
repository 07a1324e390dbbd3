from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "goldenthread.web.jobs"
    label = "jobs"
    verbose_name = "Scheduled jobs"

    def ready(self) -> None:
        """django-q2's own admin pages (queued tasks, schedules, successes, failures) are taken
        out: administrators see every run on the Scheduled jobs page, and every admin page must
        write its changes to the audit trail (ADR 0018), which django-q2's pages do not."""
        from django.contrib import admin
        from django_q import models as q

        for model in (q.Schedule, q.Success, q.Failure, q.OrmQ):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
