"""``goldenthread returns``: the statutory returns SEN2 and Annex A, checked before writing.

    goldenthread returns sen2 --year 2027 -o sen2.xml --user USERNAME --reason TEXT
    goldenthread returns annex-a -o annex_a.xlsx --user USERNAME --reason TEXT
    goldenthread returns annex-a -o annex_a.csv ...   (writes annex_a_list_1.csv, _list_2.csv)

``--user`` must be a returns lead; the return is for their authority. Every check is run first
and its failures printed (rule, child's record number, field); if any blocks the return, nothing
is written (exit 3). A written return goes on the audit trail with the person and ``--reason``
(docs/adr/0030-command-line-exports-and-demo-codes.md). Facts and sources: docs/returns.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_REFUSED = 2
EXIT_INVALID = 3
MSG_NO_PERSON = "There is no active person with the username {user}. Nothing was written."
MSG_WRITTEN = "Wrote {what} for {people} children to {path}"
MSG_BLOCKED = "{count} checks failed that stop the return; nothing was written."
MSG_BAD_SUFFIX = "Give -o ending .xlsx or .csv"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="which", metavar="RETURN", required=True)
    sen2 = sub.add_parser("sen2", help="SEN2 person-level XML for a collection year")
    sen2.add_argument("--year", type=int, required=True, help="collection year, e.g. 2027")
    annex = sub.add_parser("annex-a", help="Annex A lists (XLSX, or CSV one file per list)")
    for each in (sen2, annex):
        each.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
        each.add_argument("--user", required=True, help="username of the returns lead")
        each.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        each.add_argument("--summary", action="store_true", help="also print the headline figures")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from goldenthread.web.accounts.models import User
    from goldenthread.web.returns.services import (
        NOT_LEAD,
        return_refusal_record,
        returns_authority,
    )

    if not args.reason.strip():
        print(
            "Give --reason: why this return is made (it goes in the audit trail).", file=sys.stderr
        )
        return EXIT_REFUSED
    person = User.objects.filter(username=args.user, is_active=True).first()
    if person is None:
        print(MSG_NO_PERSON.format(user=args.user), file=sys.stderr)
        return EXIT_REFUSED
    authority = returns_authority(person)
    if authority is None:
        kind = "sen2_return" if args.which == "sen2" else "annex_a_lists"
        return_refusal_record(
            person=person, kind=kind, reason=args.reason, url_name=f"returns-{args.which}"
        )
        print(NOT_LEAD.format(user=args.user), file=sys.stderr)
        return EXIT_REFUSED
    if args.which == "sen2":
        return _sen2(args, person, authority)
    return _annex(args, person, authority)


def _report(findings: list) -> None:  # type: ignore[type-arg]
    for finding in findings:
        print(finding.describe(), file=sys.stderr)


def _sen2(args: argparse.Namespace, person: object, authority: object) -> int:
    from goldenthread.web.returns.services import return_export_record, sen2_make

    made = sen2_make(authority, args.year)  # type: ignore[arg-type]
    _report(made.findings)
    if args.summary:
        for label, value in made.headlines.rows():
            print(f"{label}: {value}")
    if made.blocking:
        print(MSG_BLOCKED.format(count=len(made.blocking)), file=sys.stderr)
        return EXIT_INVALID
    args.output.write_bytes(made.xml)
    people = len(made.sen2.people)
    return_export_record(
        person=person,  # type: ignore[arg-type]
        kind="sen2_return",
        reason=args.reason,
        url_name="returns-sen2",
        rows=people,
    )
    print(MSG_WRITTEN.format(what=f"SEN2 {args.year}", people=people, path=args.output))
    return EXIT_OK


def _annex(args: argparse.Namespace, person: object, authority: object) -> int:
    from goldenthread.web.returns.services import annex_make, return_export_record

    suffix = args.output.suffix.lower()
    if suffix not in {".xlsx", ".csv"}:
        print(MSG_BAD_SUFFIX, file=sys.stderr)
        return EXIT_REFUSED
    made = annex_make(authority)  # type: ignore[arg-type]
    _report(made.all_findings)
    if made.blocking:
        print(MSG_BLOCKED.format(count=len(made.blocking)), file=sys.stderr)
        return EXIT_INVALID
    written = []
    if suffix == ".xlsx":
        args.output.write_bytes(made.xlsx())
        written.append(args.output)
    else:
        for name in made.lists:
            path = args.output.with_name(f"{args.output.stem}_{name.lower()}.csv")
            path.write_text(made.csv(name), encoding="utf-8", newline="")
            written.append(path)
    people = sum(len(rows) for rows in made.lists.values())
    return_export_record(
        person=person,  # type: ignore[arg-type]
        kind="annex_a_lists",
        reason=args.reason,
        url_name="returns-annex-a",
        rows=people,
    )
    paths = ", ".join(str(p) for p in written)
    print(MSG_WRITTEN.format(what="Annex A lists", people=people, path=paths))
    return EXIT_OK
