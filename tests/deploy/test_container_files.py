"""The Containerfile and compose.yaml follow the rules in docs/deploy.md. No container engine
runs here, so the files are read and checked: a pinned base image, a non-root user, no build
tools in the final image, static files collected at build time, the linking model inside, a
health check, and compose's PostgreSQL, one-shot migration, web server and job runner."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.containerfile import Stage, stages

PROJECT = Path(__file__).resolve().parents[2]
DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")
BUILD_TOOLS = ("gcc", "build-essential", "nodejs", "npm", "uv", "make", "git", "pip install")


@pytest.fixture(scope="module")
def built() -> list[Stage]:
    return stages(PROJECT / "Containerfile")[1]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((PROJECT / "compose.yaml").read_text(encoding="utf-8"))
    return loaded


def test_every_base_image_is_pinned_by_digest(built: list[Stage]) -> None:
    names = {stage.name for stage in built}
    external = [stage.image for stage in built if stage.image not in names]
    assert external, "no base image found"
    for image in external:
        assert DIGEST.search(image), f"{image} is not pinned by digest"


def test_two_stages_and_the_final_one_has_no_build_tools(built: list[Stage]) -> None:
    assert len(built) >= 2, "not a multi-stage build"
    final = built[-1]
    for command in final.all("RUN"):
        for tool in BUILD_TOOLS:
            assert not re.search(rf"(?<![\w-]){re.escape(tool)}(?![\w-])", command), (
                f"the final image installs or runs {tool!r}: {command}"
            )
    assert any("nodejs" in command for command in built[0].all("RUN")), "build stage has Node"


def test_the_final_image_runs_as_a_user_that_is_not_root(built: list[Stage]) -> None:
    users = built[-1].all("USER")
    assert users, "no USER in the final stage"
    assert users[-1].split(":")[0] not in {"root", "0"}
    assert any("useradd" in command and "--system" in command for command in built[-1].all("RUN"))


def test_static_files_are_collected_at_build_time_and_copied_in(built: list[Stage]) -> None:
    build_runs = " ".join(built[0].all("RUN"))
    assert "collectstatic --no-input" in build_runs
    assert "GOLDENTHREAD_VAR_DIR=/app/var" in build_runs
    copies = built[-1].all("COPY")
    assert any("/app/var/staticfiles" in copy and "--from=build" in copy for copy in copies)
    env = " ".join(built[-1].all("ENV"))
    assert "GOLDENTHREAD_VAR_DIR=/app/var" in env  # settings.STATIC_ROOT is VAR_DIR/staticfiles


def test_the_linking_model_is_inside_and_loaded_at_build(built: list[Stage]) -> None:
    build_runs = " ".join(built[0].all("RUN"))
    assert "--no-editable" in build_runs  # the package, with its model, in the environment
    assert "default_suggester()" in build_runs
    assert (
        PROJECT / "src/goldenthread/core/linking/assets/static_model/model.safetensors"
    ).exists()
    assert any("/opt/venv" in copy for copy in built[-1].all("COPY"))


def test_health_check_and_command_point_at_real_things(built: list[Stage]) -> None:
    final = built[-1]
    healthcheck = final.all("HEALTHCHECK")
    assert healthcheck and "/health/live/" in healthcheck[0]
    command = json.loads(final.all("CMD")[-1])
    assert command[:2] == ["gunicorn", "-c"]
    module = command[2].removeprefix("python:")
    assert importlib.import_module(module).wsgi_app == "goldenthread.web.wsgi:application"


def test_the_build_context_leaves_out_local_environments_and_data() -> None:
    ignored = (PROJECT / ".containerignore").read_text(encoding="utf-8").split()
    assert {".venv", "node_modules", "var", ".git"} <= set(ignored)
    assert (PROJECT / ".dockerignore").read_text() == (PROJECT / ".containerignore").read_text()


def test_compose_has_database_migration_web_and_job_runner(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"db", "migrate", "web", "worker"}
    assert services["db"]["image"].startswith("docker.io/library/postgres:15")
    assert services["db"]["healthcheck"]["test"][1] == "pg_isready"
    assert services["migrate"]["command"] == ["python", "-m", "django", "migrate", "--no-input"]
    assert services["migrate"]["restart"] == "no"
    assert services["worker"]["command"] == ["goldenthread", "worker"]
    for name in ("web", "worker"):
        after = services[name]["depends_on"]
        assert after["migrate"]["condition"] == "service_completed_successfully"
        assert after["db"]["condition"] == "service_healthy"
        assert services[name]["build"]["dockerfile"] == "Containerfile"


def test_compose_web_is_healthy_only_when_ready_and_listens_locally(
    compose: dict[str, Any],
) -> None:
    web = compose["services"]["web"]
    assert "/health/ready/" in " ".join(web["healthcheck"]["test"])
    assert web["ports"] == ["127.0.0.1:8000:8000"]


def test_compose_secrets_come_from_the_environment(compose: dict[str, Any]) -> None:
    environment = compose["services"]["web"]["environment"]
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
    text = (PROJECT / "compose.yaml").read_text(encoding="utf-8")
    assert "GOLDENTHREAD_ENV" not in text  # production: never development or test settings
