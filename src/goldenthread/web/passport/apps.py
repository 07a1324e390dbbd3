from django.apps import AppConfig


class PassportConfig(AppConfig):
    name = "goldenthread.web.passport"
    label = "passport"
    verbose_name = "Passport and sharing"
