"""Import a child's outcomes record: the JSON record (schema 1.1) or a FHIR R4 Bundle.

Everything is checked first and every problem is collected, each naming its place in the file
("plans[0].outcomes[3].due_date", "entry[12].resource.target[0].dueDate"); then everything is
written in one transaction through the plans services (``record_save``, so history and the audit
trail are kept), or nothing is. An import makes a new child in the importing person's local
authority, on their caseload (ADR 0014).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from goldenthread.core.identifiers import nhs_number_is_valid, upn_is_valid
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Organisation, User
from goldenthread.web.passport.schema_check import (  # noqa: F401 - the words, shared with the tests and the page
    MISSING,
    NOT_A_DATE,
    RECORD_SCHEMA,
    UNKNOWN_CODE,
    schema_load,
    schema_problems,
)
from goldenthread.web.passport.transfer_write import PartRefusedError, RecordWriter
from goldenthread.web.plans.duplicates import CONFIRM_ON_IMPORT, same_child_problems
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.services.children import NoLocalAuthorityError, local_authority_for

NOT_ALLOWED = "Only people who can add children can import a passport"
NAME_NEEDED = "Give the child's first and last name (files made before version 1.1 lack them)"
NHS_INVALID = "This is not a real NHS number: 10 digits, the last one a check digit"
UPN_INVALID = "This is not a real unique pupil number"
NO_SUCH_PART = "There is no {what} with id {id} in this plan"
SAME_ID = "Two {what} in this plan have the id {id}"
SCORED_TWICE = "This outcome has two scores at the same review"


@dataclass(frozen=True)
class ImportProblem:
    path: str
    message: str


class ImportInvalid(Exception):  # noqa: N818 - the name the API was built against
    """The file cannot be imported as it is; nothing was written."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.path or 'file'}: {p.message}" for p in problems))


@dataclass(frozen=True)
class ImportResult:
    child: Child
    plans: int
    outcomes: int
    provision: int


def record_schema() -> dict[str, Any]:
    return schema_load(RECORD_SCHEMA)


def _schema_problems(data: object) -> list[ImportProblem]:
    """Every problem the schema finds, each named once, in the order of the file's paths."""
    return [ImportProblem(path, message) for path, message in schema_problems(RECORD_SCHEMA, data)]


def _ids(items: list[dict[str, Any]], what: str, at: str) -> tuple[set[int], list[ImportProblem]]:
    seen: set[int] = set()
    problems = []
    for index, item in enumerate(items):
        if item["id"] in seen:
            problems.append(
                ImportProblem(f"{at}[{index}].id", SAME_ID.format(what=what, id=item["id"]))
            )
        seen.add(item["id"])
    return seen, problems


def _links(
    items: list[dict[str, Any]], at: str, field: str, known: set[int], what: str
) -> list[ImportProblem]:
    return [
        ImportProblem(f"{at}[{i}].{field}[{j}]", NO_SUCH_PART.format(what=what, id=ref))
        for i, item in enumerate(items)
        for j, ref in enumerate(item.get(field, []))
        if ref not in known
    ]


def _plan_problems(plan: dict[str, Any], at: str) -> list[ImportProblem]:
    hopes, problems = _ids(plan["aspirations"], "hopes", f"{at}.aspirations")
    needs, more = _ids(plan.get("needs", []), "needs", f"{at}.needs")
    outcomes, most = _ids(plan["outcomes"], "outcomes", f"{at}.outcomes")
    problems += more + most
    problems += _links(plan["outcomes"], f"{at}.outcomes", "needs", needs, "need")
    problems += _links(plan["outcomes"], f"{at}.outcomes", "aspirations", hopes, "hope")
    problems += _links(plan["provision"], f"{at}.provision", "outcomes", outcomes, "outcome")
    problems += _links(plan["provision"], f"{at}.provision", "needs", needs, "need")
    for r, review in enumerate(plan.get("reviews", [])):
        scored: list[int] = []
        for i, score in enumerate(review["scores"]):
            where = f"{at}.reviews[{r}].scores[{i}].outcome"
            if score["outcome"] not in outcomes:
                what = NO_SUCH_PART.format(what="outcome", id=score["outcome"])
                problems.append(ImportProblem(where, what))
            elif score["outcome"] in scored:
                problems.append(ImportProblem(where, SCORED_TWICE))
            scored.append(score["outcome"])
    return problems


def _child_problems(
    child: dict[str, Any], local_authority: Organisation, *, user: User, confirmed: bool
) -> list[ImportProblem]:
    problems = []
    if not child.get("first_name") or not child.get("last_name"):
        problems.append(ImportProblem("child.first_name", NAME_NEEDED))
    nhs = child.get("nhs_number", "")
    if nhs and not nhs_number_is_valid(nhs):
        problems.append(ImportProblem("child.nhs_number", NHS_INVALID))
    if child.get("upn") and not upn_is_valid(child["upn"]):
        problems.append(ImportProblem("child.upn", UPN_INVALID))
    # Each child once: the rule and words "Add a child" and the API use (plans.duplicates).
    try:
        born: dt.date | None = dt.date.fromisoformat(str(child.get("date_of_birth") or ""))
    except ValueError:
        born = None
    held = same_child_problems(
        {**child, "date_of_birth": born},
        local_authority_id=local_authority.pk,
        user=user,
        confirmed=confirmed,
        confirm=CONFIRM_ON_IMPORT,
    )
    refused = {p.path for p in problems}
    for field, message in held.items():
        if f"child.{field}" not in refused:
            problems.append(ImportProblem(f"child.{field}", message))
    return problems


def record_problems(data: object, *, user: User, confirmed: bool = False) -> list[ImportProblem]:
    """Everything wrong with a JSON record, for this person importing it. Empty means importable."""
    problems = _schema_problems(data)
    if not isinstance(data, dict) or any(not p.path for p in problems):
        return problems
    try:
        local_authority = local_authority_for(user)
    except NoLocalAuthorityError as error:
        return [ImportProblem("", str(error))]

    def sound(at: str) -> bool:
        """No problem in the schema at or under ``at``: its own checks can run on it."""
        return not any(p.path == at or p.path.startswith((f"{at}.", f"{at}[")) for p in problems)

    found = list(problems)
    if sound("child"):
        found += _child_problems(data["child"], local_authority, user=user, confirmed=confirmed)
    if sound("plans"):
        for index, plan in enumerate(data["plans"]):
            found += _plan_problems(plan, f"plans[{index}]")
    elif isinstance(data.get("plans"), list):
        for index, plan in enumerate(data["plans"]):
            if sound(f"plans[{index}]"):
                found += _plan_problems(plan, f"plans[{index}]")
    return found


def _import(record: dict[str, Any], user: User, *, confirmed: bool) -> ImportResult:
    if user.role not in PROFESSIONAL_ROLES:
        raise PermissionDenied(NOT_ALLOWED)
    problems = record_problems(record, user=user, confirmed=confirmed)
    if problems:
        raise ImportInvalid(problems)
    writer = RecordWriter(user, local_authority_for(user))
    try:
        with transaction.atomic():
            child = writer.child(record)
            for index, plan in enumerate(record["plans"]):
                writer.plan(child, plan, f"plans[{index}]")
    except PartRefusedError as error:
        raise ImportInvalid(
            [ImportProblem(path, message) for path, message in error.problems]
        ) from error
    return ImportResult(child=child, **writer.counts)


def import_record_json(
    data: object, *, user: User, confirm_not_duplicate: bool = False
) -> ImportResult:
    """Import a JSON outcomes record (schema 1.x) as a new child on the person's caseload.

    A child with the same name and date of birth as one held is refused at ``child.first_name``
    unless ``confirm_not_duplicate`` (the person has said it is a different child); the same
    NHS number or UPN is refused whatever is said (``plans.duplicates``).

    Raises ``ImportInvalid`` (every problem, nothing written) or ``PermissionDenied`` when the
    person may not add children.
    """
    if user.role not in PROFESSIONAL_ROLES:
        raise PermissionDenied(NOT_ALLOWED)
    return _import(data, user, confirmed=confirm_not_duplicate)  # type: ignore[arg-type]  # checked by the schema first


def import_fhir_bundle(
    data: object, *, user: User, confirm_not_duplicate: bool = False
) -> ImportResult:
    """Import a FHIR R4 Bundle as made by the FHIR export; otherwise as ``import_record_json``.

    Every problem is named once at its place in the Bundle: those found reading it, then those
    the record's own checks find (each part's place found by ``fhir_places``), leaving out any
    about a resource that already has a problem (the same fault, seen twice)."""
    from goldenthread.web.passport.fhir_places import fhir_place
    from goldenthread.web.passport.fhir_read import fhir_record

    if user.role not in PROFESSIONAL_ROLES:
        raise PermissionDenied(NOT_ALLOWED)
    steps_at: dict[int, list[int]] = {}
    record, read = fhir_record(data, steps_at)
    problems = [ImportProblem(path, message) for path, message in read]
    if record is None:
        raise ImportInvalid(problems)
    faulty = {_resource(p.path) for p in problems}
    for problem in record_problems(record, user=user, confirmed=confirm_not_duplicate):
        place = fhir_place(problem.path, record, steps_at) or problem.path
        if _resource(place) not in faulty:
            problems.append(ImportProblem(place, problem.message))
    if problems:
        raise ImportInvalid(list(dict.fromkeys(problems)))
    return _import(record, user, confirmed=confirm_not_duplicate)


def _resource(path: str) -> str:
    """``entry[7]`` for any place in the seventh entry (the whole path for any other place)."""
    return path.split(".", 1)[0] if path.startswith("entry[") else path
