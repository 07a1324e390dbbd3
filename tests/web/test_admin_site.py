"""The Django admin holds no child's record, and its own changes are written to the trail."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Model

from goldenthread.web.access.admin_audit import AuditedAdminMixin
from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.accounts.models import Role, User
from tests.web import factories
from tests.web.conftest import PageClient

# Every model in these apps is about children; a new one is caught without editing this list.
CHILD_DATA_APPS = frozenset({"plans", "reviews", "passport", "insights", "workspace"})
CHILD_DATA_MODELS = frozenset(
    {
        "access.ChildShare",
        "access.BreakGlass",
        "access.ChildPrivacy",
        "access.AuditEvent",
        "admin.LogEntry",  # its text repeats the names of what the admin once changed
    }
)
# What is left in the admin: people, organisations, teams and sign-in housekeeping.
ADMIN_MODELS = frozenset(
    {
        "accounts.User",
        "accounts.Organisation",
        "auth.Group",
        "access.Team",
        "security.SignInCode",
        "security.RetentionRun",
        "axes.AccessAttempt",
        "axes.AccessLog",
        "axes.AccessFailureLog",
        "returns.ReturnsLead",  # who makes the statutory returns (docs/returns.md)
        "returns.AuthorityReturn",  # the authority's DfE number for the returns' header
    }
)


def _points_at_a_child(model: type[Model]) -> bool:
    return any(
        field.is_relation and field.related_model is apps.get_model("plans", "Child")
        for field in model._meta.get_fields()
        if not field.auto_created or field.concrete
    )


def _holds_child_data(model: type[Model]) -> bool:
    meta = model._meta
    return (
        meta.app_label in CHILD_DATA_APPS
        or meta.label in CHILD_DATA_MODELS
        or _points_at_a_child(model)
    )


def test_the_child_data_list_knows_the_record() -> None:
    """The check below is only as good as this list: it must know the record's models."""
    for label in ("plans.Child", "plans.Outcome", "plans.AllAboutMe", "plans.ChildRelationship"):
        assert _holds_child_data(apps.get_model(label))
    assert not _holds_child_data(apps.get_model("accounts.User"))


def test_no_model_holding_a_childs_data_is_in_the_admin() -> None:
    registered = admin.site._registry
    assert [model._meta.label for model in registered if _holds_child_data(model)] == []
    assert {model._meta.label for model in registered} <= ADMIN_MODELS


def test_every_admin_page_writes_its_changes_to_the_audit_trail() -> None:
    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdminMixin)
    ]
    assert unaudited == []


def _superuser() -> User:
    user = factories.user_create(role=Role.ADMINISTRATOR, username="root")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.mark.django_db
def test_the_admin_cannot_show_a_child(page: PageClient) -> None:
    area = factories.area_create()
    page.sign_in(_superuser())
    for url in (
        f"/admin/plans/child/{area.child.pk}/change/",
        "/admin/plans/child/",
        "/admin/plans/outcome/",
        "/admin/access/auditevent/",
    ):
        assert page.client.get(url).status_code == 404, url
    index = page.client.get("/admin/")
    assert index.status_code == 200
    assert area.child.last_name not in index.content.decode()
    assert "/admin/plans/" not in index.content.decode()


@pytest.mark.django_db
def test_an_admin_edit_leaves_an_audit_entry(page: PageClient) -> None:
    superuser = _superuser()
    organisation = factories.organisation_create(name="Old name")
    page.sign_in(superuser)
    response = page.client.post(
        f"/admin/accounts/organisation/{organisation.pk}/change/",
        {"name": "New name", "kind": organisation.kind, "parent": ""},
    )
    assert response.status_code == 302, response.content[:500]
    organisation.refresh_from_db()
    assert organisation.name == "New name"
    assert LogEntry.objects.filter(object_id=str(organisation.pk)).exists()
    event = AuditEvent.objects.get(person=superuser)
    assert (event.action, event.object_type, event.object_id, event.child_id) == (
        AuditAction.UPDATE,
        "organisation",
        organisation.pk,
        None,
    )
    assert event.url_name == "admin:accounts_organisation_change"


@pytest.mark.django_db
def test_an_admin_deletion_leaves_an_audit_entry(page: PageClient) -> None:
    superuser = _superuser()
    team_admin = factories.organisation_create(name="Gone")
    page.sign_in(superuser)
    response = page.client.post(
        f"/admin/accounts/organisation/{team_admin.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(person=superuser)
    assert (event.action, event.object_type, event.object_id) == (
        AuditAction.ARCHIVE,
        "organisation",
        team_admin.pk,
    )
