"""Sign in and sign out."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.plans.views.common import render
from goldenthread.web.security.views import sign_in_finish

SIGN_IN_FAILED = "Enter a correct username and password"


class SignInForm(forms.Form):
    username = forms.CharField(
        label="Username", max_length=150, error_messages={"required": "Enter your username"}
    )
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your password"},
    )


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
        )
        if user is not None:
            # Straight in, or on to the sign-in code step if the person has one switched on.
            return sign_in_finish(request, user, target=request.GET.get("next", ""))
        # On the password box, so the error summary link takes the person where to try again.
        form.add_error("password", SIGN_IN_FAILED)
    return render(request, "auth/sign_in.html", title="Sign in", form=form, forms_=(form,))


@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
        return redirect("sign-in")
    return render(request, "auth/sign_out.html", title="Sign out")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html", title="Accessibility statement")


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
