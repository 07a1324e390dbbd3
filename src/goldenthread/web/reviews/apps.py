from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "goldenthread.web.reviews"
    label = "reviews"
    verbose_name = "Reviews and deadlines"

    def ready(self) -> None:
        from goldenthread.web.reviews import signals

        signals.connect()
