from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "goldenthread.web.jobs"
    label = "jobs"
    verbose_name = "Scheduled jobs"
