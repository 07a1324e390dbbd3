"""``goldenthread backup``: one archive with the PostgreSQL database (custom-format dump), the
stored documents and a manifest of SHA-256s, row counts and the audit trail's chain head.
Schedule and retention: docs/backups.md."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        type=Path,
        help="the archive to write (default var/backups/goldenthread-<UTC time>.tar)",
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import subprocess  # runs pg_dump with fixed arguments, no shell  # nosec B404

    import django

    django.setup()
    from django.conf import settings

    from goldenthread.web.ops.backup import BackupError, backup_create

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    output = args.output or Path(settings.VAR_DIR) / "backups" / f"goldenthread-{stamp}.tar"
    try:
        manifest = backup_create(output=output)
    except BackupError as error:
        print(f"Backup failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    except subprocess.CalledProcessError as error:
        print(f"Backup failed: pg_dump said {error.stderr.decode()[-500:]}", file=sys.stderr)
        return EXIT_FAILED
    rows = sum(manifest["table_rows"].values())
    documents = len(manifest["files"]) - 1
    print(
        f"Backed up to {output}: {len(manifest['table_rows'])} tables, {rows:,} rows, "
        f"{documents} documents; audit trail head {manifest['audit_trail']['head_id']} "
        f"({manifest['audit_trail']['entries']:,} entries)."
    )
    return EXIT_OK
