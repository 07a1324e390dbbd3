from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "goldenthread.web.workbench"
    label = "workbench"
    verbose_name = "Quality lead's workbench"
    default_auto_field = "django.db.models.BigAutoField"
