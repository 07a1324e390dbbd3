"""docs/deploy.md stays true: every file it names exists, every `make` target it gives is in
the Makefile, every `goldenthread` command parses, every `django` command is a real one."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

from goldenthread.cli import build_parser

PROJECT = Path(__file__).resolve().parents[2]
DEPLOY = PROJECT / "docs" / "deploy.md"
FENCE = re.compile(r"```sh\n(.*?)```", re.DOTALL)
PATH_LIKE = re.compile(
    r"`((?:src|docs|scripts|tests|bench)/[\w./-]+|[\w-]+\.(?:yaml|md)|Containerfile)`"
)


def commands() -> list[str]:
    """Each command line in the sh blocks, continuations joined, placeholders kept."""
    found = []
    for block in FENCE.findall(DEPLOY.read_text(encoding="utf-8")):
        for raw in re.sub(r"\\\n\s*", " ", block).splitlines():
            line = raw.strip()
            if line and not re.match(r"^[A-Z_]+=<", line):  # .env lines are not commands
                found.append(line)
    return found


def words_after(command: str, program: str) -> list[str] | None:
    """The arguments when ``program`` is the command run (after any VAR=value words), or
    follows ``-m`` or ``docker``; else None."""
    words = shlex.split(command.replace("<", "").replace(">", ""), comments=True)
    while words and re.match(r"^[A-Z_]+=", words[0]):
        words = words[1:]
    for index, word in enumerate(words):
        first = index == 0 or words[index - 1] in {"-m", "docker"}
        if first and (word == program or word.endswith(f"/{program}")):
            return words[index + 1 :]
    return None


def test_the_guide_has_commands() -> None:
    assert len(commands()) > 10


def test_every_file_it_names_exists() -> None:
    named = set(PATH_LIKE.findall(DEPLOY.read_text(encoding="utf-8")))
    assert "compose.yaml" in named and "Containerfile" in named
    missing = [
        name
        for name in sorted(named)
        if not (PROJECT / name).exists() and not (PROJECT / "docs" / name).exists()
    ]
    assert not missing, f"docs/deploy.md names files that do not exist: {missing}"


def test_every_make_target_exists() -> None:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    used = {arguments[0] for line in commands() if (arguments := words_after(line, "make"))}
    assert used >= {"serve-prod", "install", "assets"}
    assert used <= targets, f"unknown make targets: {used - targets}"


@pytest.mark.parametrize(
    "line",
    [line for line in commands() if "goldenthread " in line and words_after(line, "goldenthread")],
)
def test_every_goldenthread_command_parses(line: str) -> None:
    arguments = words_after(line, "goldenthread")
    assert arguments
    build_parser().parse_args(arguments)  # exits (fails the test) on an unknown command


def test_every_django_command_is_real() -> None:
    known = set(get_commands())
    used = {arguments[0] for line in commands() if (arguments := words_after(line, "django"))}
    assert used >= {"migrate", "collectstatic", "createsuperuser"}
    assert used <= known, f"unknown django commands: {used - known}"


def test_compose_commands_name_real_services() -> None:
    import yaml

    services = set(yaml.safe_load((PROJECT / "compose.yaml").read_text())["services"])
    for line in commands():
        arguments = words_after(line, "compose")
        if not arguments:
            continue
        named = [word for word in arguments if not word.startswith("-")][1:]
        if arguments[0] == "exec":
            named = named[:1]
        elif arguments[0] in {"build"}:
            named = []
        assert set(named) <= services, f"{line}: {set(named) - services} are not services"


def test_the_scheduled_jobs_section_is_there() -> None:
    text = DEPLOY.read_text(encoding="utf-8")
    assert re.search(r"^## \d+\. Scheduled jobs$", text, re.MULTILINE)


def test_every_setting_the_server_reads_is_documented() -> None:
    """Settings read by the settings module and the ops package (gunicorn, health, backups)."""
    sources = [
        PROJECT / "src/goldenthread/web/settings.py",
        PROJECT / "src/goldenthread/web/wsgi.py",
    ]
    sources += sorted((PROJECT / "src/goldenthread/web/ops").glob("*.py"))
    names: set[str] = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        names |= set(re.findall(r'os\.environ(?:\.get\(|\[)"([A-Z_]+)"', text))
        names |= set(re.findall(r'_int\("([A-Z_]+)"', text))
    documented = (PROJECT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert {"GUNICORN_WORKERS", "METRICS_TOKEN", "DATABASE_REPLICA_URL"} <= names
    assert {name for name in names if f"`{name}`" not in documented} == set()
