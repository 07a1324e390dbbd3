from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "goldenthread.web.access"
    label = "access"
    verbose_name = "Access and audit trail"
