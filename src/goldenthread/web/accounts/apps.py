from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "goldenthread.web.accounts"
    label = "accounts"
    verbose_name = "People and organisations"
