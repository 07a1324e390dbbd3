from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "goldenthread.web.workspace"
    label = "workspace"
    verbose_name = "Writing workspace"
