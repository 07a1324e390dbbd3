"""``goldenthread export-child``: everything held about one child, for a subject access request.

Writes a readable web page (``--format html``) or data (``--format json``) to ``-o``. The export
is written to the audit trail. See docs/data-protection.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_NOT_FOUND = 1
MSG_NOT_FOUND = "There is no child with record number {child}"
MSG_WRITTEN = "Wrote everything held about child {child} to {path}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--child", type=int, required=True, help="the child's record number")
    parser.add_argument(
        "--format", choices=("html", "json"), default="html", help="html (readable) or json"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from goldenthread.web.access.audit import audit_event_record
    from goldenthread.web.access.models import AuditAction
    from goldenthread.web.plans.models import Child
    from goldenthread.web.security.subject_access import (
        child_subject_access_html,
        child_subject_access_json,
    )

    child = Child.objects.filter(pk=args.child).first()
    if child is None:
        print(MSG_NOT_FOUND.format(child=args.child), file=sys.stderr)
        return EXIT_NOT_FOUND
    body = (
        child_subject_access_html(child)
        if args.format == "html"
        else child_subject_access_json(child)
    )
    args.output.write_text(body, encoding="utf-8")
    audit_event_record(
        person=None,
        action=AuditAction.EXPORT,
        child_id=child.pk,
        object_type="subject_access",
        url_name="export-child",
    )
    print(MSG_WRITTEN.format(child=child.pk, path=args.output))
    return EXIT_OK
