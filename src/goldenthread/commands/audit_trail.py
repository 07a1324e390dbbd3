"""``goldenthread audit-trail verify``: walk the audit trail's hash chain and name the first
entry that breaks it (changed, or following an entry that was removed). Exit 1 on a break."""

from __future__ import annotations

import argparse
import os

EXIT_OK = 0
EXIT_BROKEN = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("verify",), help="check the chain from the start")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from goldenthread.web.access.chain import HASHED_FIELDS, audit_chain_verify
    from goldenthread.web.access.models import AuditEvent

    rows = (
        AuditEvent.objects.order_by("id")
        .values("id", "previous_hash", "row_hash", *HASHED_FIELDS)
        .iterator(chunk_size=5000)
    )
    report = audit_chain_verify(rows)
    if report.first_break is not None:
        print(f"Broken at entry {report.first_break.event_id}: {report.first_break.problem}.")
        return EXIT_BROKEN
    print(
        f"The audit trail is intact: {report.entries:,} entries; "
        f"head entry {report.head_id}, hash {report.head_hash}."
    )
    return EXIT_OK
