from django.apps import AppConfig


class SettingPlansConfig(AppConfig):
    name = "goldenthread.web.setting_plans"
    label = "setting_plans"
    verbose_name = "Setting plans (SEN support and Individual Support Plans)"

    def ready(self) -> None:
        from goldenthread.web.setting_plans.routes import register_routes

        register_routes()
