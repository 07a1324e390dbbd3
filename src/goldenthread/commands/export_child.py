"""``goldenthread export-child``: everything held about one child, for a subject access request.

    goldenthread export-child --child ID --user USERNAME --reason TEXT [--format html|json] -o FILE

Writes a readable web page (``--format html``) or data (``--format json``) to ``-o``, for the
person named by ``--user``: a data protection officer, who answers subject access requests on
the pages too. Anyone else is refused (exit 2) and nothing is written. The export is written
to the audit trail with that person and ``--reason``. See docs/data-protection.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_REFUSED = 2
MSG_NOT_FOUND = "There is no child with record number {child}"
NOT_DPO = "only a data protection officer answers a subject access request"
MSG_WRITTEN = "Wrote everything held about child {child} to {path}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--child", type=int, required=True, help="the child's record number")
    parser.add_argument(
        "--format", choices=("html", "json"), default="html", help="html (readable) or json"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    parser.add_argument(
        "--user", required=True, help="username of the data protection officer it is for"
    )
    parser.add_argument(
        "--reason", required=True, help="why (e.g. the request's reference); kept in the trail"
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from goldenthread.web.access.command_exports import (
        command_export_record,
        export_person_check,
    )
    from goldenthread.web.plans.models import Child
    from goldenthread.web.security.subject_access import (
        child_subject_access_html,
        child_subject_access_json,
    )
    from goldenthread.web.security.subject_access_views import may_answer_subject_access

    child = Child.objects.filter(pk=args.child).first()
    if child is None:
        print(MSG_NOT_FOUND.format(child=args.child), file=sys.stderr)
        return EXIT_NOT_FOUND
    checked = export_person_check(
        username=args.user,
        reason=args.reason,
        child_id=child.pk,
        allowed=lambda person: "" if may_answer_subject_access(person) else NOT_DPO,
        url_name="export-child",
    )
    if checked.person is None:
        print(checked.problem, file=sys.stderr)
        return EXIT_REFUSED
    body = (
        child_subject_access_html(child)
        if args.format == "html"
        else child_subject_access_json(child)
    )
    args.output.write_text(body, encoding="utf-8")
    command_export_record(
        person=checked.person,
        child_id=child.pk,
        reason=args.reason,
        object_type="subject_access",
        url_name="export-child",
    )
    print(MSG_WRITTEN.format(child=child.pk, path=args.output))
    return EXIT_OK
