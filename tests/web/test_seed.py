"""The demo area: deterministic, realistic in its mix, honest about weak outcomes and gaps."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import transaction

from goldenthread.cli import main as cli_main
from goldenthread.commands.seed import MSG_SKIPPED
from goldenthread.core.identifiers import nhs_number_is_valid, upn_is_valid
from goldenthread.core.vocabulary import NATIONAL_PRIMARY_NEED_SHARE
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.insights.models import FactsRefresh
from goldenthread.web.plans.demo.area import DEFAULT_DEMO_PASSWORD, DEMO_SIGN_INS
from goldenthread.web.plans.demo.builder import AreaNotEmptyError, SeedSummary, area_seed
from goldenthread.web.plans.history import history_rows
from goldenthread.web.plans.models import (
    Aspiration,
    Child,
    ChildRelationship,
    Need,
    Outcome,
    Plan,
    Provision,
    Step,
)
from goldenthread.web.plans.selectors import children_visible_to
from tests.web.shared_rows import deferred_checks_run

TODAY = dt.date(2026, 3, 2)
AREA_SIZE = 2000
NEED_SHARE_TOLERANCE = 3.0  # percentage points, for 2,000 children
FAMILY_AND_CASEWORK = (
    "coordinator",
    "senco",
    "teacher",
    "therapist",
    "social-worker",
    "parent",
    "young-person",
)


def _snapshot(children: int, seed: int) -> tuple[object, ...]:
    """Seed inside a savepoint, read what matters, then roll back so the database is fresh again."""
    with transaction.atomic():
        summary = area_seed(children=children, seed=seed, today=TODAY)
        snapshot = (
            list(
                Child.objects.order_by("id").values_list(
                    "first_name", "last_name", "date_of_birth", "primary_need"
                )
            ),
            list(Outcome.objects.order_by("id").values_list("text", "due_date")),
            list(Provision.objects.order_by("id").values_list("description", flat=True)),
            (summary.children, summary.plans, summary.outcomes, summary.provision),
        )
        transaction.set_rollback(True)
    return snapshot


@pytest.mark.django_db
def test_same_seed_and_day_give_the_same_area() -> None:
    assert _snapshot(60, seed=7) == _snapshot(60, seed=7)


@pytest.mark.django_db
def test_another_seed_gives_other_children() -> None:
    assert _snapshot(60, seed=7)[0] != _snapshot(60, seed=8)[0]


@pytest.mark.django_db
def test_seeding_twice_is_refused() -> None:
    with transaction.atomic():
        area_seed(children=10, seed=1, today=TODAY)
        with pytest.raises(AreaNotEmptyError):
            area_seed(children=10, seed=1, today=TODAY)
        transaction.set_rollback(True)


@pytest.fixture(scope="class")
def demo_area(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[SeedSummary]:
    """One area of 2,000 children shared by the class, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        summary = area_seed(children=AREA_SIZE, seed=2026, today=TODAY)
        deferred_checks_run()
        yield summary
        transaction.set_rollback(True)


def _current_ehc_plans() -> list[Plan]:
    return [p for p in Plan.objects.filter(kind="ehc_plan").select_related("child") if p.is_current]


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_area")
class TestSeededArea:
    def test_primary_needs_follow_the_national_shares(self) -> None:
        counts = Counter(Child.objects.values_list("primary_need", flat=True))
        total_share = sum(NATIONAL_PRIMARY_NEED_SHARE.values())
        for code, share in NATIONAL_PRIMARY_NEED_SHARE.items():
            seen = 100 * counts[code] / AREA_SIZE
            assert abs(seen - 100 * share / total_share) < NEED_SHARE_TOLERANCE, code

    def test_most_children_are_of_school_age(self) -> None:
        ages = [c.age_on(TODAY) for c in Child.objects.all()]
        assert min(ages) >= 0 and max(ages) <= 25
        assert 0.6 < sum(5 <= a <= 16 for a in ages) / len(ages) < 0.85
        assert any(a < 5 for a in ages) and any(a >= 19 for a in ages)

    def test_every_child_has_one_current_ehc_plan_with_3_to_10_outcomes(self) -> None:
        plans = _current_ehc_plans()
        assert len(plans) == AREA_SIZE == len({p.child_id for p in plans})
        per_plan = Counter(Outcome.objects.filter(plan__in=plans).values_list("plan_id", flat=True))
        assert all(3 <= per_plan[p.pk] <= 10 for p in plans)

    def test_outcomes_span_every_domain_theme_and_status(self) -> None:
        assert set(Outcome.objects.values_list("domain", flat=True)) == {
            "education",
            "health",
            "social_care",
        }
        assert set(Outcome.themes.through.objects.values_list("themetag_id", flat=True)) == {
            1,
            2,
            3,
            4,
        }
        assert {"active", "completed"} <= set(
            Outcome.objects.values_list("lifecycle_status", flat=True)
        )
        assert Step.objects.exists()

    def test_about_two_in_five_outcomes_are_weak(self) -> None:
        texts = list(Outcome.objects.values_list("text", flat=True))
        weak = [
            t for t in texts if not t.startswith("By ")
        ]  # every SMART demo outcome opens with its date
        assert 0.3 < len(weak) / len(texts) < 0.5
        assert any(t.startswith("To receive") for t in weak)  # provision written as an outcome
        assert any(t.startswith("Staff will support") for t in weak)  # service-led
        assert any(t == "To be a footballer." for t in weak)  # an aspiration in Section E

    def test_the_thread_has_real_gaps(self) -> None:
        needs = Need.objects.count()
        assert 0.08 < Need.objects.filter(outcomes__isnull=True).count() / needs < 0.25
        outcomes = Outcome.objects.count()
        assert 0.05 < Outcome.objects.filter(provision__isnull=True).count() / outcomes < 0.2
        assert Provision.objects.filter(outcomes__isnull=True).exists()
        assert Aspiration.objects.filter(outcomes__isnull=True).exists()

    def test_some_reviews_are_overdue(self) -> None:
        plans = _current_ehc_plans()
        overdue = [p for p in plans if p.next_review_due and p.next_review_due < TODAY]
        assert 0.1 < len(overdue) / len(plans) < 0.3

    def test_amended_plans_keep_version_1(self) -> None:
        amended = Plan.objects.filter(version=2).select_related("previous_version")
        assert amended.exists()
        assert all(
            p.previous_version is not None and p.previous_version.version == 1 for p in amended
        )
        kinds = set(Plan.objects.values_list("kind", flat=True))
        assert {"sen_support", "iep", "child_in_need", "short_breaks"} <= kinds

    def test_identifiers_are_valid_and_everything_synthetic(self) -> None:
        upns = [u for u in Child.objects.values_list("upn", flat=True) if u]
        nhs = list(Child.objects.values_list("nhs_number", flat=True))
        assert upns and all(upn_is_valid(u) for u in upns) and len(set(upns)) == len(upns)
        assert all(nhs_number_is_valid(n) for n in nhs) and len(set(nhs)) == len(nhs)
        assert not Child.objects.filter(is_synthetic=False).exists()
        assert not User.objects.filter(is_synthetic=False).exists()

    @pytest.mark.parametrize("username", list(DEMO_SIGN_INS))
    def test_demo_sign_in_exists_with_its_role(self, username: str) -> None:
        user = User.objects.get(username=username)
        assert user.role == DEMO_SIGN_INS[username][0]
        if username in FAMILY_AND_CASEWORK:
            assert children_visible_to(user, on=TODAY).exists()

    def test_demo_sign_ins_share_the_demo_password(self, settings: pytest.FixtureRequest) -> None:
        # The class's area was hashed before tests/web/conftest.py switched tests to MD5.
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # type: ignore[attr-defined]
        assert User.objects.get(username="therapist").check_password(DEFAULT_DEMO_PASSWORD)
        admin = User.objects.get(username="admin")
        assert admin.is_staff and admin.is_superuser
        assert (
            not User.objects.filter(role=Role.SENCO)
            .exclude(username="senco")
            .first()
            .has_usable_password()
        )  # type: ignore[union-attr]

    def test_demo_caseloads_are_useful(self) -> None:
        def seen(username: str) -> int:
            return children_visible_to(User.objects.get(username=username), on=TODAY).count()

        assert seen("parent") == 2
        # About 60 of their own, and their two teammates' children too (demo team of three).
        assert 120 <= seen("coordinator") <= 320
        assert seen("therapist") >= 3 and seen("social-worker") >= 3
        me = children_visible_to(User.objects.get(username="young-person"), on=TODAY).get()
        assert me.age_on(TODAY) >= 16
        assert ChildRelationship.objects.filter(
            child=me, kind="self", person__role=Role.CHILD
        ).exists()

    def test_every_record_shows_created_in_its_history(self) -> None:
        for model in (Child, Plan, Aspiration, Need, Outcome, Step, Provision, ChildRelationship):
            assert model.history.filter(history_type="+").count() == model.objects.count(), model  # type: ignore[attr-defined]
        links = apps.get_model("plans", "HistoricalOutcome_needs")
        assert links.objects.count() == Outcome.needs.through.objects.count()
        assert history_rows(Outcome.objects.first())[0].what == "Created"  # type: ignore[arg-type]

    def test_if_empty_leaves_a_seeded_area_alone(self, capsys: pytest.CaptureFixture[str]) -> None:
        before = Child.objects.count()
        assert cli_main(["seed", "--if-empty"]) == 0
        assert MSG_SKIPPED in capsys.readouterr().out
        assert Child.objects.count() == before

    def test_if_empty_works_out_area_figures_never_worked_out(self) -> None:
        FactsRefresh.objects.all().delete()  # as in a demo seeded before insights kept facts
        assert cli_main(["seed", "--if-empty"]) == 0
        assert FactsRefresh.objects.exists()
