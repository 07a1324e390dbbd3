from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "goldenthread.web.security"
    label = "security"
    verbose_name = "Sign-in codes and data protection"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from goldenthread.web.security.sessions import on_signed_in, on_signed_out

        user_logged_in.connect(on_signed_in, dispatch_uid="security-session-start")
        user_logged_out.connect(on_signed_out, dispatch_uid="security-session-end")
