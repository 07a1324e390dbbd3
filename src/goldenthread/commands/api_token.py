"""``goldenthread api-token``: make, list and revoke tokens for systems that use the REST API.

``create`` prints the token once: only a hash is kept, so it cannot be shown again. A token acts
as the person it belongs to, with exactly their access. See docs/api/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2
MSG_NO_USER = "There is no active account with the username {username}"
MSG_NOT_FOUND = "There is no token with the number {token}"
MSG_BAD_DAYS = "--days must be 1 or more"
MSG_CREATED = (
    "Token {number} for {username} ({name}), {expiry}. Copy it now: it is not kept and "
    "cannot be shown again.\n{secret}"
)
MSG_REVOKED = "Token {number} revoked: it stops working now."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="make a token and print it once")
    create.add_argument("--user", required=True, help="the username the token acts as")
    create.add_argument("--name", required=True, help="what the token is for, e.g. a system")
    create.add_argument("--days", type=int, default=90, help="days until it expires (90)")
    listing = actions.add_parser("list", help="list tokens (never the tokens themselves)")
    listing.add_argument("--user", help="only this username's tokens")
    revoke = actions.add_parser("revoke", help="stop a token working at once")
    revoke.add_argument("--token", type=int, required=True, help="the token's number (see list)")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    if args.action == "create":
        return _create(args)
    if args.action == "list":
        return _list(args)
    return _revoke(args)


def _create(args: argparse.Namespace) -> int:
    import datetime as dt

    from django.utils import timezone

    from goldenthread.web.accounts.models import User
    from goldenthread.web.api.tokens import api_token_create

    if args.days < 1:
        print(MSG_BAD_DAYS, file=sys.stderr)
        return EXIT_BAD_INPUT
    owner = User.objects.filter(username=args.user, is_active=True).first()
    if owner is None:
        print(MSG_NO_USER.format(username=args.user), file=sys.stderr)
        return EXIT_NOT_FOUND
    expires_at = timezone.now() + dt.timedelta(days=args.days)
    token, secret = api_token_create(owner=owner, name=args.name, expires_at=expires_at)
    expiry = f"expires {timezone.localtime(expires_at):%d %B %Y %H:%M}"
    print(
        MSG_CREATED.format(
            number=token.pk, username=owner.username, name=args.name, expiry=expiry, secret=secret
        )
    )
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from goldenthread.web.api.models import ApiToken

    tokens = ApiToken.objects.select_related("owner").order_by("pk")
    if args.user:
        tokens = tokens.filter(owner__username=args.user)
    for token in tokens:
        state = "revoked" if token.revoked_at else "live" if token.is_live() else "expired"
        used = token.last_used_at.isoformat(timespec="minutes") if token.last_used_at else "never"
        print(
            f"{token.pk}\t{token.owner.username}\t{token.prefix}…\t{state}\t"
            f"last used {used}\t{token.name}"
        )
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    from goldenthread.web.api.models import ApiToken
    from goldenthread.web.api.tokens import api_token_revoke

    token = ApiToken.objects.filter(pk=args.token).first()
    if token is None:
        print(MSG_NOT_FOUND.format(token=args.token), file=sys.stderr)
        return EXIT_NOT_FOUND
    api_token_revoke(token=token)
    print(MSG_REVOKED.format(number=token.pk))
    return EXIT_OK
