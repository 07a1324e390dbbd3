"""Password reset by e-mail, with Django's token links and forms (ADR 0016).

The request page says the same thing whether or not the address belongs to anyone, and the
e-mail holds the link and nothing else about the person. The link's token is moved into the
session and out of the address bar at once, as Django's own view does, so it cannot leak in a
Referer header.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_GET, require_http_methods

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.views.common import render
from goldenthread.web.security import sessions

RESET_TOKEN_KEY = "security_password_reset_token"  # noqa: S105 - a session key name  # nosec B105
TOKEN_IN_SESSION = "set-password"  # noqa: S105 - a URL word, not a token  # nosec B105
RESET_DONE = "Your password has been changed. Sign in with your new password."
SUBJECT_TEMPLATE = "security/email/password_reset_subject.txt"
EMAIL_TEMPLATE = "security/email/password_reset_email.txt"


@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name=SUBJECT_TEMPLATE,
            email_template_name=EMAIL_TEMPLATE,
        )
        return redirect("password-reset-sent")
    return render(
        request,
        "security/password_reset.html",
        title="Reset your password",
        form=form,
        forms_=(form,),
    )


@require_GET
def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "security/password_reset_sent.html", title="Check your e-mail")


def _user_from(uidb64: str) -> User | None:
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


@require_http_methods(["GET", "POST"])
def password_reset_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = _user_from(uidb64)
    if token != TOKEN_IN_SESSION:
        if user is not None and default_token_generator.check_token(user, token):
            request.session[RESET_TOKEN_KEY] = token
            return redirect("password-reset-confirm", uidb64=uidb64, token=TOKEN_IN_SESSION)
        return _link_not_working(request)
    token = str(request.session.get(RESET_TOKEN_KEY, ""))
    if user is None or not default_token_generator.check_token(user, token):
        return _link_not_working(request)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()  # the token stops working: it hashes the password
        del request.session[RESET_TOKEN_KEY]
        sessions.sessions_end(user=user)
        messages.success(request, RESET_DONE)
        return redirect("sign-in")
    return render(
        request,
        "security/password_reset_confirm.html",
        title="Choose a new password",
        form=form,
        forms_=(form,),
    )


def _link_not_working(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "security/password_reset_invalid.html",
        title="That link does not work",
        status=404,
    )
