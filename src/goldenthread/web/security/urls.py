"""Routes for sign-in codes, your account and data protection, added to the main URL map."""

from django.urls import path
from django.views.generic import RedirectView

from goldenthread.web.security import account_views, password_reset_views, views
from goldenthread.web.security.subject_access_views import subject_access

urlpatterns = [
    path("sign-in/code/", views.sign_in_code, name="sign-in-code"),
    path("account/", account_views.account, name="account"),
    path("account/sign-in-code/", views.code_setup, name="sign-in-code-setup"),
    path("account/sign-in-code/turn-off/", views.code_turn_off, name="sign-in-code-off"),
    path("account/password/", account_views.password_change, name="password-change"),
    path("account/sessions/", account_views.account_sessions, name="account-sessions"),
    path(
        "account/sessions/sign-out/",
        account_views.account_sessions_end,
        name="account-sessions-end",
    ),
    path("password-reset/", password_reset_views.password_reset, name="password-reset"),
    path(
        "password-reset/sent/",
        password_reset_views.password_reset_sent,
        name="password-reset-sent",
    ),
    path(
        "password-reset/<str:uidb64>/<str:token>/",
        password_reset_views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path("data-protection/subject-access/", subject_access, name="subject-access"),
    # The admin's own sign-in page would skip the sign-in code: everyone signs in one way.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="sign-in", query_string=True),
        name="admin-sign-in",
    ),
]
