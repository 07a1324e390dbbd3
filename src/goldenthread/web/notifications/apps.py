from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "goldenthread.web.notifications"
    label = "notifications"
    verbose_name = "Notifications and e-mail"

    def ready(self) -> None:
        from goldenthread.web.notifications import events

        events.connect()
