"""``goldenthread demo-code USERNAME``: the current sign-in code of a demo account.

Only where ``GOLDENTHREAD_ENV`` is ``development`` or ``test``; anywhere else it refuses
(exit 2) before touching the database. Sign-in codes are required for every professional role
(ADR 0016), so trying the demo would otherwise need an authenticator app: this switches the
person's code on if it is not, and prints the 6-digit code the app would show now.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_REFUSED = 2
LOCAL_ENVIRONMENTS = ("development", "test")
MSG_REFUSED = (
    "demo-code works only when GOLDENTHREAD_ENV is development or test (it is '{environment}'):"
    " real people use their own authenticator app."
)
MSG_NO_USER = "There is no active person with the username {user}"
MSG_CODE = "{code}  (sign-in code for {user}, good for about 30 seconds)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", help="a demo account, e.g. coordinator")


def run(args: argparse.Namespace) -> int:
    environment = os.environ.get("GOLDENTHREAD_ENV", "production")
    if environment not in LOCAL_ENVIRONMENTS:
        print(MSG_REFUSED.format(environment=environment), file=sys.stderr)
        return EXIT_REFUSED
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    import pyotp
    from django.utils import timezone

    from goldenthread.web.accounts.models import User
    from goldenthread.web.security import signin_codes

    user = User.objects.filter(username=args.username, is_active=True).first()
    if user is None:
        print(MSG_NO_USER.format(user=args.username), file=sys.stderr)
        return EXIT_NOT_FOUND
    code = signin_codes.sign_in_code_start(user=user)
    if code.confirmed_at is None:
        code.confirmed_at = timezone.now()
        code.save(update_fields=["confirmed_at"])
    print(MSG_CODE.format(code=pyotp.TOTP(code.secret).now(), user=user.username))
    return EXIT_OK
