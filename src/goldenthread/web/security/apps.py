from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "goldenthread.web.security"
    label = "security"
    verbose_name = "Sign-in codes and data protection"
