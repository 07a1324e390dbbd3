from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "goldenthread.web.api"
    label = "api"
    verbose_name = "API and its tokens"
