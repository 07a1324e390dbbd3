"""Two-factor sign-in: the code step, setting a code up, turning it off, and the lockout page.

A person whose password is right but who has a sign-in code switched on is only half signed in:
the session holds who they are (``HALF_SIGNED_IN``) for a few minutes, and ``login`` happens only
after a correct code.
"""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.security import signin_codes
from goldenthread.web.security.middleware import CODE_NEEDED, SECOND_FACTOR
from goldenthread.web.security.models import SignInCode

HALF_SIGNED_IN = "security_half_signed_in"
HALF_SIGNED_IN_SECONDS = 5 * 60
LOCKED_OUT = (
    "You have tried to sign in too many times. For your safety, wait {minutes} minutes "
    "and then try again. If you have forgotten your password, ask your administrator."
)
CODE_TIMED_OUT = "You took too long to enter your code. Sign in again."
CODE_ON = "Your sign-in code is on. You will need it each time you sign in."
CODE_OFF = "Your sign-in code is off. You now sign in with your password only."
CODE_OFF_SET_UP_AGAIN = "Your old sign-in code is off. Your role needs one: set up a new one now."
LOCKED_OUT_STATUS = 429  # Too Many Requests
PASSWORD_WRONG = "Enter your correct password"  # noqa: S105 - an error message, not a password  # nosec B105


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your app",
        max_length=12,
        help_text="The 6-digit number your authenticator app shows now.",
        error_messages={"required": "Enter the 6-digit code from your app"},
    )


class PasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your password"},
    )


def safe_next(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(settings.LOGIN_REDIRECT_URL)


def sign_in_finish(request: HttpRequest, user: User, *, target: str) -> HttpResponse:
    """After a right password: sign in now, or ask for the code first if it is switched on."""
    if signin_codes.sign_in_code_for(user=user) is None:
        login(request, user)
        return redirect(safe_next(request, target))
    request.session.cycle_key()
    request.session[HALF_SIGNED_IN] = {
        "user_id": user.pk,
        "backend": getattr(user, "backend", ""),
        "next": target,
        "started": int(time.time()),
    }
    return redirect("sign-in-code")


def _half_signed_in_user(request: HttpRequest) -> tuple[User | None, dict[str, Any]]:
    state = request.session.get(HALF_SIGNED_IN)
    if not isinstance(state, dict):
        return None, {}
    if int(time.time()) - int(state.get("started", 0)) > HALF_SIGNED_IN_SECONDS:
        request.session.pop(HALF_SIGNED_IN, None)
        return None, {}
    user_id = state.get("user_id")
    if not isinstance(user_id, int):
        return None, {}
    return User.objects.filter(pk=user_id, is_active=True).first(), state


@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step: the 6-digit code, for a person whose password was right."""
    user, state = _half_signed_in_user(request)
    code = signin_codes.sign_in_code_for(user=user) if user else None
    if user is None or code is None:
        messages.info(request, CODE_TIMED_OUT)
        return redirect("sign-in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problem = signin_codes.sign_in_code_check(code=code, typed=form.cleaned_data["code"])
        if not problem:
            del request.session[HALF_SIGNED_IN]
            login(request, user, backend=state.get("backend") or None)
            request.session[SECOND_FACTOR] = True
            return redirect(safe_next(request, str(state.get("next", ""))))
        form.add_error("code", problem)
        # Counted with wrong passwords, so guessing codes is throttled the same way.
        user_login_failed.send(
            sender=__name__, credentials={"username": user.username}, request=request
        )
    return render(
        request, "security/sign_in_code.html", title="Enter your code", form=form, forms_=(form,)
    )


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes calls this instead of its bare page when someone is locked out."""
    request.session.pop(HALF_SIGNED_IN, None)
    from goldenthread.web.plans.views.auth import SignInForm

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "auth/sign_in.html",
        title="Sign in",
        status=LOCKED_OUT_STATUS,
        form=SignInForm(),
        locked_out=LOCKED_OUT.format(minutes=minutes),
    )


@require_http_methods(["GET", "POST"])
def code_setup(request: AuthedRequest) -> HttpResponse:
    """Set up a sign-in code: scan the QR code (or type the key), then prove it with a code."""
    if signin_codes.sign_in_code_for(user=request.user):
        return render(request, "security/code_on.html", title="Your sign-in code")
    code = signin_codes.sign_in_code_start(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problem = signin_codes.sign_in_code_check(code=code, typed=form.cleaned_data["code"])
        if not problem:
            request.session[SECOND_FACTOR] = True
            messages.success(request, CODE_ON)
            return redirect("sign-in-code-setup")
        form.add_error("code", problem)
    return render(
        request,
        "security/code_setup.html",
        title="Set up a sign-in code",
        form=form,
        forms_=(form,),
        qr=signin_codes.qr_data_uri(code=code),
        required=CODE_NEEDED if signin_codes.sign_in_code_required(user=request.user) else "",
        secret=" ".join(code.secret[i : i + 4] for i in range(0, len(code.secret), 4)),
    )


@require_http_methods(["GET", "POST"])
def code_turn_off(request: AuthedRequest) -> HttpResponse:
    """Turn the sign-in code off; the password is asked again so a passer-by cannot."""
    if not SignInCode.objects.filter(user=request.user).exists():
        return redirect("sign-in-code-setup")
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.user.check_password(form.cleaned_data["password"]):
            signin_codes.sign_in_code_turn_off(user=request.user)
            request.session.pop(SECOND_FACTOR, None)
            required = signin_codes.sign_in_code_required(user=request.user)
            messages.success(request, CODE_OFF_SET_UP_AGAIN if required else CODE_OFF)
            return redirect("sign-in-code-setup")
        form.add_error("password", PASSWORD_WRONG)
    return render(
        request,
        "security/code_off.html",
        title="Turn off your sign-in code",
        form=form,
        forms_=(form,),
    )
