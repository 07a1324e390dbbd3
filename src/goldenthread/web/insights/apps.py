from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "goldenthread.web.insights"
    label = "insights"
    verbose_name = "Area insights"
    default_auto_field = "django.db.models.BigAutoField"
