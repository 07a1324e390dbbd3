"""Write one checked outcomes record through the plans and reviews services (``record_save``,
``part_save``, ``plan_save``), so history and the audit trail are kept as for a part typed in.
The caller (``transfer``) checks the record first and holds the one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from goldenthread.web.accounts.models import Organisation, User
from goldenthread.web.passport.export import ABOUT_FIELDS
from goldenthread.web.plans.models import (
    AllAboutMe,
    Aspiration,
    Child,
    Need,
    Outcome,
    Plan,
    PlanStatus,
    Provision,
    Step,
    ThemeTag,
)
from goldenthread.web.plans.services.children import child_create as _child_create
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.plans.services.plans import plan_save
from goldenthread.web.reviews.models import OutcomeGasLevels, OutcomeProgress, Review
from goldenthread.web.reviews.services.schedule import plan_schedule_refresh


class PartRefusedError(Exception):
    """A part the models refuse (a rule the schema cannot say): (path, message) for each."""

    def __init__(self, path: str, error: ValidationError) -> None:
        self.problems = [
            (f"{path}.{field}" if field != "__all__" else path, message)
            for field, messages in error.message_dict.items()
            for message in messages
        ]
        super().__init__(path)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _saved(path: str, save: Any, record: Any, **kwargs: Any) -> Any:
    try:
        return save(record, **kwargs)
    except ValidationError as error:
        raise PartRefusedError(path, error) from error
    except PermissionError as error:  # an EHC plan brought in by someone who may not write one
        raise PartRefusedError(path, ValidationError({"kind": [str(error)]})) from error


class RecordWriter:
    """Writes one checked record through the services; the caller holds the transaction."""

    def __init__(self, user: User, local_authority: Organisation) -> None:
        self.user = user
        self.local_authority = local_authority
        self.themes = ThemeTag.objects.in_bulk()
        self.counts = {"plans": 0, "outcomes": 0, "provision": 0}

    def _setting(self, name: str | None) -> Organisation | None:
        if not name:
            return None
        from goldenthread.web.passport.services import organisations_in_area

        area = organisations_in_area(Child(local_authority=self.local_authority))
        return area.filter(name=name).first()

    def child(self, record: dict[str, Any]) -> Child:
        data = record["child"]
        fields = {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "preferred_name": data.get("preferred_name", ""),
            "date_of_birth": _day(data["date_of_birth"]),
            "nhs_number": data.get("nhs_number", ""),
            "upn": data.get("upn", ""),
            "primary_need": data["primary_need"],
            "secondary_need": data.get("secondary_need", ""),
            "communication": data["communication"],
            "current_setting": self._setting(data.get("current_setting")),
            "is_synthetic": data.get("is_synthetic", False),
        }
        try:
            child = _child_create(user=self.user, fields=fields)
        except ValidationError as error:
            raise PartRefusedError("child", error) from error
        about = record["all_about_me"]
        if about is not None:
            fields = {f: about.get(f, "") for f in ABOUT_FIELDS}
            _saved(
                "all_about_me", record_save, AllAboutMe(child=child), user=self.user, fields=fields
            )
        return child

    def plan(self, child: Child, data: dict[str, Any], at: str) -> None:
        fields: dict[str, object] = {"kind": data["kind"], "status": data["status"]}
        fields["version"] = data["version"]
        for name in ("start_date", "issued_on", "end_date", "last_reviewed_on"):
            fields[name] = _day(data.get(name))
        plan = _saved(at, plan_save, Plan(child=child), user=self.user, fields=fields)
        self.counts["plans"] += 1
        hopes = {
            a["id"]: _saved(
                f"{at}.aspirations[{i}]",
                record_save,
                Aspiration(plan=plan),
                user=self.user,
                fields={"text": a["text"], "voice": a.get("voice", "child"), "position": i},
            )
            for i, a in enumerate(data["aspirations"])
        }
        needs = {
            n["id"]: _saved(
                f"{at}.needs[{i}]",
                part_save,
                Need(plan=plan),
                user=self.user,
                fields={
                    "text": n["text"],
                    "area": n["area"],
                    "domain": n["domain"],
                    "barrier": n.get("barrier", ""),
                    "position": i,
                },
            )
            for i, n in enumerate(data.get("needs", []))
        }
        outcomes = {
            o["id"]: self._outcome(
                plan, data=o, at=f"{at}.outcomes[{i}]", position=i, needs=needs, hopes=hopes
            )
            for i, o in enumerate(data["outcomes"])
        }
        for i, p in enumerate(data["provision"]):
            self._provision(
                plan, data=p, at=f"{at}.provision[{i}]", position=i, outcomes=outcomes, needs=needs
            )
        for i, review in enumerate(data.get("reviews", [])):
            self._review(plan, review, f"{at}.reviews[{i}]", outcomes)
        plan_schedule_refresh(plan=plan, today=timezone.localdate())
        if plan.status in {PlanStatus.FINAL, PlanStatus.CEASED}:
            # Issued elsewhere: fixed from now on, like a version issued here (ADR 0025).
            Plan.objects.filter(pk=plan.pk).update(fixed_at=timezone.now())

    def _outcome(
        self,
        plan: Plan,
        *,
        data: dict[str, Any],
        at: str,
        position: int,
        needs: dict[int, Need],
        hopes: dict[int, Aspiration],
    ) -> Outcome:
        fields = {
            "text": data["text"],
            "domain": data["domain"],
            "area": data.get("area", ""),
            "due_date": _day(data["due_date"]),
            "term": data.get("term", "long"),
            "lifecycle_status": data["lifecycle_status"],
            "achievement_status": data["achievement_status"] or "",
            "in_own_words": data.get("in_own_words", False),
            "position": position,
        }
        links = {
            "themes": [self.themes[n] for n in data["themes"]],
            "needs": [needs[n] for n in data.get("needs", [])],
            "aspirations": [hopes[a] for a in data.get("aspirations", [])],
        }
        outcome: Outcome = _saved(
            at, part_save, Outcome(plan=plan), user=self.user, fields=fields, links=links
        )
        self.counts["outcomes"] += 1
        for i, step in enumerate(data.get("steps", [])):
            fields = {
                "text": step["text"],
                "due_date": _day(step["due_date"]),
                "achievement_status": step["achievement_status"],
            }
            _saved(
                f"{at}.steps[{i}]",
                record_save,
                Step(outcome=outcome),
                user=self.user,
                fields=fields,
            )
        gas = data.get("gas_levels")
        if gas:
            levels = OutcomeGasLevels(outcome=outcome, **gas)
            _saved(f"{at}.gas_levels", _clean_and_save, levels)
        return outcome

    def _provision(
        self,
        plan: Plan,
        *,
        data: dict[str, Any],
        at: str,
        position: int,
        outcomes: dict[int, Outcome],
        needs: dict[int, Need],
    ) -> None:
        fields: dict[str, Any] = {
            name: data.get(name, "")
            for name in (
                "description",
                "domain",
                "delivered_by",
                "frequency",
                "duration",
                "group_size",
                "location",
            )
        }
        fields |= {
            "start_date": _day(data.get("start_date")),
            "end_date": _day(data.get("end_date")),
            "position": position,
        }
        links = {
            "outcomes": [outcomes[o] for o in data.get("outcomes", [])],
            "needs": [needs[n] for n in data.get("needs", [])],
        }
        _saved(at, part_save, Provision(plan=plan), user=self.user, fields=fields, links=links)
        self.counts["provision"] += 1

    def _review(
        self, plan: Plan, data: dict[str, Any], at: str, outcomes: dict[int, Outcome]
    ) -> None:
        fields: dict[str, Any] = {
            "kind": data["kind"],
            "meeting_on": _day(data["meeting_on"]),
            "decision": data["decision"],
            "child_views": data.get("child_views", ""),
            "parent_views": data.get("parent_views", ""),
            "t_score": data.get("t_score"),
        }
        for name in ("decision_made_on", "report_sent_on", "amended_plan_issued_on"):
            fields[name] = _day(data.get(name))
        review = _saved(at, record_save, Review(plan=plan), user=self.user, fields=fields)
        for i, score in enumerate(data["scores"]):
            progress = OutcomeProgress(
                review=review,
                outcome=outcomes[score["outcome"]],
                gas_level=score["gas_level"],
                weight=score.get("weight", 1.0),
                achievement_status=score["achievement_status"],
                decision=score["decision"],
                evidence=score.get("evidence", ""),
            )
            _saved(f"{at}.scores[{i}]", _clean_and_save, progress)


def _clean_and_save(record: Any) -> Any:
    record.full_clean()
    record.save()
    return record
