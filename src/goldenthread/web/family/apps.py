from django.apps import AppConfig


class FamilyConfig(AppConfig):
    name = "goldenthread.web.family"
    label = "family"
    verbose_name = "Family view"
