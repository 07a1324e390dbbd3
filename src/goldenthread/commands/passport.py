"""``goldenthread passport``: export a child's outcomes record, or import one from another area.

    goldenthread passport export CHILD_ID --user USERNAME --reason TEXT [--format json|fhir]
        [-o FILE]
    goldenthread passport import FILE --user USERNAME

Export writes the JSON record (docs/schemas/passport-v1.schema.json) or a FHIR R4 Bundle for the
person named by ``--user``, who must be allowed to see the child (as on the pages; they get what
the passport page shows them). Anyone else is refused (exit 2) and nothing is written. The
export is written to the audit trail with that person and ``--reason``.

Import checks the whole file first, then writes everything or nothing, as the person named by
``--user`` (who must be able to add children): the child joins that person's local authority
and caseload (docs/adr/0014).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_INVALID = 2
MSG_NOT_FOUND = "There is no child with record number {child}"
NO_REASON_TO_SEE = "they have no reason to see this child today"
MSG_NO_USER = "There is no active person with the username {user}"
MSG_NOT_JSON = "{path} cannot be imported: {problem}"
MSG_WRITTEN = "Wrote the passport of child {child} as {format} to {path}"
MSG_PROBLEMS = "Nothing was imported. The file has {count} problem(s):"
MSG_IMPORTED = (
    "Imported child {child} ({name}): {plans} plan(s), {outcomes} outcome(s), "
    "{provision} kind(s) of help"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="Write one child's passport as JSON or FHIR.")
    export.add_argument("child", type=int, help="the child's record number")
    export.add_argument(
        "--format", choices=("json", "fhir"), default="json", help="json (default) or fhir"
    )
    export.add_argument("-o", "--output", type=Path, help="the file to write (default: stdout)")
    export.add_argument(
        "--user", required=True, help="username of the person it is for (who may see the child)"
    )
    export.add_argument("--reason", required=True, help="why it is needed; kept in the trail")
    read = actions.add_parser("import", help="Add a child from a passport file (JSON or FHIR).")
    read.add_argument("file", type=Path, help="a passport .json file or a FHIR Bundle")
    read.add_argument("--user", required=True, help="username of the person importing it")
    read.add_argument(
        "--confirm-not-duplicate",
        action="store_true",
        help="a child with the same name and date of birth is held, and this is a different one",
    )


def _export(args: argparse.Namespace) -> int:
    from goldenthread.web.access.command_exports import (
        command_export_record,
        export_person_check,
    )
    from goldenthread.web.access.policy import child_access
    from goldenthread.web.passport.export import passport_json
    from goldenthread.web.passport.fhir import record_fhir_bundle
    from goldenthread.web.passport.selectors import passport_get
    from goldenthread.web.plans.models import Child

    child = Child.objects.filter(pk=args.child).select_related("current_setting").first()
    if child is None:
        print(MSG_NOT_FOUND.format(child=args.child), file=sys.stderr)
        return EXIT_NOT_FOUND
    checked = export_person_check(
        username=args.user,
        reason=args.reason,
        child_id=child.pk,
        allowed=lambda person: "" if child_access(person, child.pk).can_read else NO_REASON_TO_SEE,
        url_name="passport-export-command",
    )
    if checked.person is None:
        print(checked.problem, file=sys.stderr)
        return EXIT_INVALID
    # What that person's passport page shows them (a parent may see less than a worker).
    record = passport_json(passport_get(child, child_access(checked.person, child.pk)))
    body = record_fhir_bundle(record) if args.format == "fhir" else record
    text = json.dumps(body, ensure_ascii=False, indent=2)
    command_export_record(
        person=checked.person,
        child_id=child.pk,
        reason=args.reason,
        object_type="child",
        url_name="passport-export-command",
    )
    if args.output is None:
        print(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(MSG_WRITTEN.format(child=child.pk, format=args.format, path=args.output))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from goldenthread.web.accounts.models import User
    from goldenthread.web.passport.transfer import ImportInvalid
    from goldenthread.web.passport.views_transfer import passport_file_import

    user = User.objects.filter(username=args.user, is_active=True).first()
    if user is None:
        print(MSG_NO_USER.format(user=args.user), file=sys.stderr)
        return EXIT_NOT_FOUND
    from goldenthread.core.json_limits import MAX_BYTES, JsonLimitError, json_loads_limited

    try:
        with args.file.open("rb") as file:
            data = json_loads_limited(file.read(MAX_BYTES + 1))
    except JsonLimitError as error:
        print(MSG_NOT_JSON.format(path=args.file, problem=error), file=sys.stderr)
        return EXIT_INVALID
    try:
        result = passport_file_import(
            data, user=user, confirm_not_duplicate=args.confirm_not_duplicate
        )
    except ImportInvalid as error:
        print(MSG_PROBLEMS.format(count=len(error.problems)), file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem.path or '(the file)'}: {problem.message}", file=sys.stderr)
        return EXIT_INVALID
    print(
        MSG_IMPORTED.format(
            child=result.child.pk,
            name=result.child.full_name,
            plans=result.plans,
            outcomes=result.outcomes,
            provision=result.provision,
        )
    )
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from django.core.exceptions import PermissionDenied

    try:
        return _export(args) if args.action == "export" else _import(args)
    except PermissionDenied as error:
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
