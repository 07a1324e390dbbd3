from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "goldenthread.web.assessments"
    label = "assessments"
    verbose_name = "EHC needs assessments"
