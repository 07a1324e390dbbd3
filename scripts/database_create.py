"""Create the PostgreSQL database a DATABASE_URL names, if it does not exist yet.

    .venv/bin/python scripts/database_create.py postgres://postgres@127.0.0.1:5432/goldenthread

Used by ``make serve-prod`` so a fresh machine with PostgreSQL running needs no other step.
"""

from __future__ import annotations

import sys
from urllib.parse import urlparse

import psycopg
from psycopg import sql


def database_create(url: str) -> bool:
    """True when the database was made, False when it was already there."""
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if found.fetchone():
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


if __name__ == "__main__":
    made = database_create(sys.argv[1])
    print(
        f"database {urlparse(sys.argv[1]).path.lstrip('/')}: {'made' if made else 'already there'}"
    )
