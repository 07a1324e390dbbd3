"""The demo local area: a made-up council, its settings, health and care services, and people.

Professionals who are not demo sign-ins get no usable password (hashing is slow and nobody signs
in as them). Demo sign-ins share one password, from ``DEMO_PASSWORD`` (default
``demo-password-2026``), hashed once. All of them are synthetic demo accounts.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
from goldenthread.web.plans.demo import names

DEFAULT_DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - documented password of synthetic demo accounts  # nosec B105
CHILDREN_PER_SETTING = 60
MIN_SETTINGS = 6
# Share of settings of each kind (every kind appears at least once).
SETTING_MIX = (
    ("nursery", 0.2),
    ("primary", 0.5),
    ("secondary", 0.15),
    ("special", 0.1),
    ("college", 0.05),
)
SETTING_NAMES = {
    "nursery": "{place} Nursery",
    "primary": "{place} Primary School",
    "secondary": "{place} Academy",
    "special": "{place} Special School",
    "college": "{place} College",
}
# Demo sign-ins: username -> (role, job title, what they can see).
DEMO_SIGN_INS: dict[str, tuple[str, str, str]] = {
    "coordinator": (
        Role.COORDINATOR,
        "EHC coordinator",
        "about 60 children whose plans they coordinate, and their team's",
    ),
    "senco": (Role.SENCO, "SENCO", "the children at their primary school"),
    "teacher": (Role.EDUCATION, "Class teacher", "some children in the SENCO's school"),
    "therapist": (
        Role.HEALTH,
        "Speech and language therapist",
        "children on their therapy caseload",
    ),
    "social-worker": (Role.SOCIAL_CARE, "Social worker", "children on their social care caseload"),
    "parent": (Role.PARENT, "", "their two children"),
    "young-person": (Role.CHILD, "", "their own plan (aged 16 or over)"),
    "quality-lead": (
        Role.QUALITY_LEAD,
        "Quality assurance lead",
        "outcomes to check across the area, with no names",
    ),
    "leader": (
        Role.STRATEGIC_LEADER,
        "Head of SEND",
        "no child pages: only area figures, never an identifiable child",
    ),
    "dpo": (Role.DPO, "Data protection officer", "the audit trail: who looked at which record"),
    "admin": (Role.ADMINISTRATOR, "System administrator", "the Django admin (staff and superuser)"),
}
# Teams of professionals: key -> (organisation, role, job title, children per person, minimum)
TEAMS = {
    "coordinator": ("la", Role.COORDINATOR, "EHC coordinator", 120, 3),
    "psychologist": ("la", Role.EDUCATION, "Educational psychologist", 400, 1),
    "sensory_teacher": ("la", Role.EDUCATION, "Teacher of the Deaf", 1000, 1),
    "salt": ("salt", Role.HEALTH, "Speech and language therapist", 150, 2),
    "ot": ("ot", Role.HEALTH, "Occupational therapist", 300, 1),
    "physio": ("paeds", Role.HEALTH, "Children's physiotherapist", 400, 1),
    "paediatrician": ("paeds", Role.HEALTH, "Community paediatrician", 500, 1),
    "camhs": ("camhs", Role.HEALTH, "Mental health practitioner", 400, 1),
    "social_worker": ("cwd", Role.SOCIAL_CARE, "Social worker", 200, 2),
    "transitions": ("transitions", Role.SOCIAL_CARE, "Transitions social worker", 1000, 1),
}


@dataclass
class Setting:
    organisation: Organisation
    kind: str
    senco: User
    teacher: User
    number: int  # a made-up establishment number for UPNs


@dataclass
class DemoArea:
    local_authority: Organisation
    settings: dict[str, list[Setting]]
    teams: dict[str, list[User]]
    sign_ins: dict[str, User]
    password_hash: str
    organisations: int = 0
    people: int = 0
    demo_setting: Setting | None = field(default=None)


def _person(
    rng: random.Random,
    username: str,
    role: str,
    organisation: Organisation | None,
    job_title: str = "",
) -> User:
    user = User(
        username=username,
        role=role,
        organisation=organisation,
        job_title=job_title,
        first_name=rng.choice(names.GIRLS + names.BOYS),
        last_name=rng.choice(names.FAMILY),
        is_synthetic=True,
    )
    user.set_unusable_password()
    return user


def demo_area_build(rng: random.Random, *, children: int) -> DemoArea:
    """Create the council, settings, services and professionals for ``children`` children."""

    def org(
        name: str, kind: str, parent: Organisation | None = None, urn: str = ""
    ) -> Organisation:
        return Organisation(name=name, kind=kind, parent=parent, urn=urn, is_synthetic=True)

    la = org("Demo Borough Council", OrganisationKind.LOCAL_AUTHORITY)
    la.save()
    services = {
        "paeds": org(
            "Demo Community Health NHS Trust: Community Paediatrics", OrganisationKind.HEALTH
        ),
        "salt": org(
            "Demo Community Health NHS Trust: Speech and Language Therapy", OrganisationKind.HEALTH
        ),
        "ot": org(
            "Demo Community Health NHS Trust: Children's Occupational Therapy",
            OrganisationKind.HEALTH,
        ),
        "camhs": org(
            "Demo Children and Young People's Mental Health Service (CAMHS)",
            OrganisationKind.HEALTH,
        ),
        "cwd": org(
            "Demo Borough Children with Disabilities Team", OrganisationKind.SOCIAL_CARE, la
        ),
        "early_help": org("Demo Borough Early Help Team", OrganisationKind.SOCIAL_CARE, la),
        "transitions": org(
            "Demo Borough Preparing for Adulthood Team", OrganisationKind.SOCIAL_CARE, la
        ),
        "voluntary": org("Demo Parent Carer Forum", OrganisationKind.VOLUNTARY),
    }
    settings_total = max(MIN_SETTINGS, math.ceil(children / CHILDREN_PER_SETTING))
    kinds = [kind for kind, _ in SETTING_MIX]
    kinds += rng.choices(kinds, weights=[w for _, w in SETTING_MIX], k=settings_total - len(kinds))
    places = names.place_names()
    rng.shuffle(places)
    setting_orgs = [
        (
            kind,
            org(
                SETTING_NAMES[kind].format(place=places[i % len(places)])
                + (f" {i // len(places) + 1}" if i >= len(places) else ""),
                OrganisationKind.SETTING,
                la,
                urn=f"9{i:05d}",
            ),
        )
        for i, kind in enumerate(kinds)
    ]
    Organisation.objects.bulk_create([*services.values(), *(o for _, o in setting_orgs)])
    services["la"] = la
    people: list[User] = []
    settings: dict[str, list[Setting]] = {kind: [] for kind in kinds}
    for i, (kind, organisation) in enumerate(setting_orgs):
        senco = _person(rng, f"senco-{i + 1:04d}", Role.SENCO, organisation, "SENCO")
        teacher = _person(
            rng,
            f"teacher-{i + 1:04d}",
            Role.EDUCATION,
            organisation,
            "Tutor" if kind == "college" else "Class teacher",
        )
        people += [senco, teacher]
        settings[kind].append(Setting(organisation, kind, senco, teacher, 1000 + i))
    teams: dict[str, list[User]] = {}
    for key, (where, role, title, per_person, minimum) in TEAMS.items():
        size = max(minimum, math.ceil(children / per_person))
        teams[key] = [
            _person(rng, f"{key.replace('_', '-')}-{n + 1:04d}", role, services[where], title)
            for n in range(size)
        ]
        people += teams[key]
    area = DemoArea(
        la,
        settings,
        teams,
        {},
        make_password(os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)),
        organisations=len(services) + len(setting_orgs),
    )
    area.demo_setting = settings["primary"][0]
    _sign_ins_adopt(rng, area, people, services)
    User.objects.bulk_create(people, batch_size=2000)
    area.people = len(people)
    return area


def _sign_ins_adopt(
    rng: random.Random, area: DemoArea, people: list[User], services: dict[str, Organisation]
) -> None:
    """Give the first member of each team a fixed username and the demo password."""
    assert area.demo_setting is not None
    adopted = {
        "coordinator": area.teams["coordinator"][0],
        "senco": area.demo_setting.senco,
        "teacher": area.demo_setting.teacher,
        "therapist": area.teams["salt"][0],
        "social-worker": area.teams["social_worker"][0],
    }
    for username, user in adopted.items():
        user.username = username
    leaders = {
        "quality-lead": services["la"],
        "leader": services["la"],
        "dpo": services["la"],
        "admin": services["la"],
    }
    for username, organisation in leaders.items():
        role, title, _ = DEMO_SIGN_INS[username]
        user = _person(rng, username, role, organisation, title)
        user.is_staff = user.is_superuser = username == "admin"
        adopted[username] = user
        people.append(user)
    for username, user in adopted.items():
        user.password = area.password_hash
        area.sign_ins[username] = user
