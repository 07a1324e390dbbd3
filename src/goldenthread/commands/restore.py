"""``goldenthread restore ARCHIVE``: check the archive against its manifest, restore it into an
empty PostgreSQL database and the documents folder, then count every table again and compare.
Exit 1 if anything differs (docs/backups.md)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archive", type=Path, help="an archive made by goldenthread backup")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import subprocess  # runs pg_restore with fixed arguments, no shell  # nosec B404

    import django

    django.setup()
    from goldenthread.web.ops.backup import BackupError, backup_restore

    try:
        result = backup_restore(archive=args.archive)
    except BackupError as error:
        print(f"Restore refused: {error}", file=sys.stderr)
        return EXIT_FAILED
    except subprocess.CalledProcessError as error:
        print(f"Restore failed: pg_restore said {error.stderr.decode()[-500:]}", file=sys.stderr)
        return EXIT_FAILED
    for table, (expected, found) in sorted(result.differences.items()):
        print(f"{table}: {expected:,} rows in the backup, {found:,} after restore", file=sys.stderr)
    if result.differences:
        return EXIT_FAILED
    head = result.audit_head
    print(
        f"Restored {result.tables} tables, {result.rows:,} rows (the same as the backup) and "
        f"{result.documents} documents; audit trail head {head['head_id']} "
        f"({head['entries']:,} entries). Run `goldenthread audit-trail verify` to check the chain."
    )
    return EXIT_OK
