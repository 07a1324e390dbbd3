"""Command-line exports are for a real person allowed to see the child, and are logged to them.

Issue 14, low finding: "command-line exports are logged with no person". ``export-child`` and
``passport export`` need ``--user`` (someone allowed to see that child, as on the pages) and
``--reason``; anyone else is refused with exit 2, nothing is written, and the refusal is logged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.web.access.models import AuditAction, AuditEvent, AuditResult
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import RelationshipKind
from tests.web import factories
from tests.web.factories import Area

pytestmark = pytest.mark.django_db

REASON = "SAR 2026-014 from the family"


def _exports(child_id: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.EXPORT, child_id=child_id))


def _passport(area: Area, out: Path, *extra: str) -> int:
    return main(["passport", "export", str(area.child.pk), "-o", str(out), *extra])


def _subject_access(area: Area, out: Path, *extra: str) -> int:
    return main(["export-child", "--child", str(area.child.pk), "-o", str(out), *extra])


@pytest.mark.parametrize("export", [_passport, _subject_access])
def test_without_user_and_reason_the_command_does_not_run(
    area: Area, tmp_path: Path, export: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    for missing in (["--reason", REASON], ["--user", area.coordinator.username]):
        with pytest.raises(SystemExit) as stopped:
            export(area, out, *missing)  # type: ignore[operator]
        assert stopped.value.code == 2
        assert "required" in capsys.readouterr().err
    assert not out.exists()
    assert not _exports(area.child.pk)


def test_the_passport_goes_only_to_someone_who_may_see_the_child(
    area: Area, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "passport.json"
    quality = factories.user_create(role=Role.QUALITY_LEAD, organisation=area.local_authority)
    for who in (area.stranger.username, quality.username, "nobody-by-that-name"):
        assert _passport(area, out, "--user", who, "--reason", REASON) == 2
        err = capsys.readouterr().err
        assert "Nothing was written" in err and who in err
        assert not out.exists()
    refused = _exports(area.child.pk)
    assert {event.person_id for event in refused} == {area.stranger.pk, quality.pk}
    assert {event.result for event in refused} == {AuditResult.REFUSED}
    assert _passport(area, out, "--user", area.coordinator.username, "--reason", "   ") == 2
    assert "--reason" in capsys.readouterr().err and not out.exists()

    assert _passport(area, out, "--user", area.coordinator.username, "--reason", REASON) == 0
    assert json.loads(out.read_text())["child"]["first_name"] == "Ada"
    done = [e for e in _exports(area.child.pk) if e.result == AuditResult.ALLOWED]
    assert [(e.person_id, e.reason, e.url_name) for e in done] == [
        (area.coordinator.pk, REASON, "passport-export-command")
    ]


def test_a_parent_gets_what_their_passport_page_shows(area: Area, tmp_path: Path) -> None:
    parent = factories.user_create(role=Role.PARENT, organisation=None)
    factories.relationship_create(child=area.child, person=parent, kind=RelationshipKind.PARENT)
    out = tmp_path / "passport.json"
    assert _passport(area, out, "--user", parent.username, "--reason", "for a new school") == 0
    assert json.loads(out.read_text())["child"]["first_name"] == "Ada"
    assert _exports(area.child.pk)[0].person_id == parent.pk


def test_subject_access_goes_only_to_the_data_protection_officer(
    area: Area, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "child.html"
    assert _subject_access(area, out, "--user", area.coordinator.username, "--reason", REASON) == 2
    assert "data protection officer" in capsys.readouterr().err
    assert not out.exists()
    dpo = factories.user_create(role=Role.DPO, organisation=area.local_authority)
    assert _subject_access(area, out, "--user", dpo.username, "--reason", REASON) == 0
    assert "Ada Lovelace-Example" in out.read_text()
    allowed = [e for e in _exports(area.child.pk) if e.result == AuditResult.ALLOWED]
    assert [(e.person_id, e.role, e.reason) for e in allowed] == [(dpo.pk, Role.DPO, REASON)]
    refused = [e for e in _exports(area.child.pk) if e.result == AuditResult.REFUSED]
    assert [e.person_id for e in refused] == [area.coordinator.pk]
