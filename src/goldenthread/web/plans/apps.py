from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "goldenthread.web.plans"
    label = "plans"
    verbose_name = "Children and plans"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from goldenthread.web.plans.fixed import sqlite_functions_install
        from goldenthread.web.plans.fixed_triggers import fixed_triggers_after_migrate

        connection_created.connect(sqlite_functions_install, dispatch_uid="gt-fixed-release")
        post_migrate.connect(fixed_triggers_after_migrate, dispatch_uid="gt-fixed-triggers")
