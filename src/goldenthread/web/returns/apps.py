from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "goldenthread.web.returns"
    label = "returns"
    verbose_name = "Statutory returns (SEN2, Annex A)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from goldenthread.web.returns import signals  # noqa: F401 - connects the receivers
