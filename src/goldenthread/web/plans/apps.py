from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "goldenthread.web.plans"
    label = "plans"
    verbose_name = "Children and plans"
