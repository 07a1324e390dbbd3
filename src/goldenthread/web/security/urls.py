"""Routes for sign-in codes and data protection, added to the main URL map."""

from django.urls import path
from django.views.generic import RedirectView

from goldenthread.web.security import views
from goldenthread.web.security.subject_access_views import subject_access

urlpatterns = [
    path("sign-in/code/", views.sign_in_code, name="sign-in-code"),
    path("account/sign-in-code/", views.code_setup, name="sign-in-code-setup"),
    path("account/sign-in-code/turn-off/", views.code_turn_off, name="sign-in-code-off"),
    path("data-protection/subject-access/", subject_access, name="subject-access"),
    # The admin's own sign-in page would skip the sign-in code: everyone signs in one way.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="sign-in", query_string=True),
        name="admin-sign-in",
    ),
]
