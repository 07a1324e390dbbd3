"""One child at a time: the child, "all about me", family accounts, caseloads and plans.

Who may see a child follows relationships (``selectors.children_visible_to``), so each child
gets one for their coordinator, their setting's SENCO, some therapists and social workers, and
their parents; some young people aged 16 or over hold their own account.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from goldenthread.core import calendar
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.demo import names, phrases
from goldenthread.web.plans.demo.area import DemoArea, Setting
from goldenthread.web.plans.demo.batch import Batch
from goldenthread.web.plans.demo.people import (
    ChildProfile,
    NhsNumbers,
    child_profile_draw,
    upn_make,
)
from goldenthread.web.plans.demo.plans import ehc_plans_build, other_plans_build
from goldenthread.web.plans.models import AllAboutMe, Child, ChildRelationship

DEMO_COORDINATOR_PLANS = 60
DEMO_PICKS = 3  # the first few children a team sees go to its demo sign-in, so it always has some
OWN_ACCOUNT_SHARE = 0.15
COMMUNICATION_CODES = {"ASD", "SLCN", "SLD", "PMLD", "DS", "HI", "MSI"}
# team -> (need codes more likely to need it, chance then, chance otherwise)
TEAM_REACH = {
    "salt": (COMMUNICATION_CODES, 0.6, 0.1),
    "ot": ({"PD", "ASD", "PMLD", "DS", "MSI"}, 0.3, 0.05),
    "physio": ({"PD", "PMLD"}, 0.6, 0.02),
    "paediatrician": ({"PMLD", "PD", "ASD", "DS", "OTH"}, 0.4, 0.1),
    "camhs": ({"SEMH"}, 0.4, 0.05),
    "psychologist": (set(), 0.0, 0.2),
    "sensory_teacher": ({"HI", "VI", "MSI"}, 0.9, 0.0),
    "social_worker": ({"PMLD", "SLD"}, 0.35, 0.12),
}


class ChildMaker:
    """Makes children one by one from one random stream, so a seed always gives the same area."""

    def __init__(self, rng: random.Random, area: DemoArea, *, today: dt.date, total: int) -> None:
        self.rng, self.area, self.today = rng, area, today
        self.demo_coordinated = set(rng.sample(range(total), min(DEMO_COORDINATOR_PLANS, total)))
        self.nhs = NhsNumbers(rng.randrange(500_000))
        self.upn_serials: dict[int, int] = defaultdict(int)
        self.demo_picks: dict[str, int] = defaultdict(int)
        self.plan_kinds: dict[str, int] = defaultdict(int)
        self.demo_family = ""

    def child_build(self, batch: Batch, index: int) -> None:
        rng, today = self.rng, self.today
        profile = self._profile(index)
        setting = self._setting(profile)
        child = batch.add(
            Child(
                first_name=profile.first_name,
                last_name=profile.last_name,
                preferred_name=profile.preferred_name,
                date_of_birth=profile.date_of_birth,
                current_setting=setting.organisation if setting else None,
                local_authority=self.area.local_authority,
                primary_need=profile.primary_need,
                secondary_need=profile.secondary_need,
                communication=self._communication(profile),
                upn=self._upn(profile, setting),
                nhs_number=self.nhs.take(),
                is_synthetic=True,
            )
        )
        batch.add(self._about_me(child, profile))
        self._family_build(batch, child, profile, index)
        coordinator = (
            self.area.sign_ins["coordinator"]
            if index in self.demo_coordinated
            else rng.choice(self.area.teams["coordinator"][1:] or self.area.teams["coordinator"])
        )
        ehc = ehc_plans_build(
            batch, rng, child=child, profile=profile, coordinator=coordinator, today=today
        )
        assert ehc.issued_on is not None
        self._relate(batch, child, coordinator, ehc.issued_on)
        if setting:
            self._relate(batch, child, setting.senco, self._joined(profile))
            if rng.random() < 0.35 or self._demo_pick("teacher", setting is self.area.demo_setting):
                self._relate(batch, child, setting.teacher, self._joined(profile))
        caseworkers = self._teams_reach(profile)
        social_worker = caseworkers.get("social_worker") or rng.choice(
            self.area.teams["social_worker"]
        )
        made = other_plans_build(
            batch,
            rng,
            child=child,
            profile=profile,
            ehc=ehc,
            senco=setting.senco if setting else None,
            social_worker=social_worker,
            today=today,
        )
        if {"child_in_need", "short_breaks"} & set(made):
            caseworkers["social_worker"] = social_worker
        for person in caseworkers.values():
            self._relate(batch, child, person, today - dt.timedelta(days=rng.randint(7, 900)))
        for kind in made:
            self.plan_kinds[kind] += 1

    def _profile(self, index: int) -> ChildProfile:
        rng, today = self.rng, self.today
        if index == 0:
            profile = child_profile_draw(rng, today=today, age=rng.randint(6, 10))
            self.demo_family = profile.last_name
            return profile
        if index == 1:
            return child_profile_draw(
                rng, today=today, family_name=self.demo_family, age=rng.randint(11, 15)
            )
        if index == 2:
            return child_profile_draw(rng, today=today, age=rng.randint(16, 19))
        return child_profile_draw(rng, today=today)

    def _setting(self, profile: ChildProfile) -> Setting | None:
        if not profile.setting_kind:
            return None
        choices = self.area.settings.get(profile.setting_kind) or self.area.settings["special"]
        return self.rng.choice(choices)

    def _upn(self, profile: ChildProfile, setting: Setting | None) -> str:
        group = calendar.year_group(profile.date_of_birth, self.today)
        if setting is None or setting.kind in {"nursery", "college"} or group is None or group < 0:
            return ""
        self.upn_serials[setting.number] += 1
        entry = calendar.academic_year_of_year_group(profile.date_of_birth, calendar.RECEPTION)
        return upn_make(
            establishment=setting.number, entry_year=entry, serial=self.upn_serials[setting.number]
        )

    def _communication(self, profile: ChildProfile) -> str:
        return self.rng.choice(
            phrases.COMMUNICATION_BY_CODE.get(profile.primary_need, phrases.COMMUNICATION_DEFAULT)
        )

    def _about_me(self, child: Child, profile: ChildProfile) -> AllAboutMe:
        rng, name = self.rng, profile.known_as
        return AllAboutMe(
            child=child,
            liked_about_me=rng.choice(phrases.LIKED).format(name=name),
            important_to_me=rng.choice(phrases.IMPORTANT_TO),
            important_for_me=rng.choice(phrases.IMPORTANT_FOR),
            how_to_support_me=rng.choice(phrases.HOW_TO_SUPPORT),
            my_story=rng.choice(phrases.STORIES).format(name=name),
        )

    def _family_build(self, batch: Batch, child: Child, profile: ChildProfile, index: int) -> None:
        """One or two parents or carers; the demo parent has the first two children."""
        rng = self.rng
        if index in {0, 1}:
            parent = self.area.sign_ins.get("parent")
            if parent is None:
                parent = self._account(batch, "parent", Role.PARENT, profile.last_name, demo=True)
                self.area.sign_ins["parent"] = parent
            self._relate(batch, child, parent, profile.date_of_birth)
        carers = rng.choices((1, 2), weights=(45, 55))[0] - (1 if index in {0, 1} else 0)
        for n in range(carers):
            family = profile.last_name if rng.random() < 0.85 else rng.choice(names.FAMILY)
            user = self._account(batch, f"parent-{index + 1:06d}-{n + 1}", Role.PARENT, family)
            self._relate(batch, child, user, profile.date_of_birth)
        if profile.age_on(self.today) >= 16 and (index == 2 or rng.random() < OWN_ACCOUNT_SHARE):
            username = "young-person" if index == 2 else f"young-person-{index + 1:06d}"
            user = self._account(
                batch,
                username,
                Role.CHILD,
                profile.last_name,
                demo=index == 2,
                first_name=profile.known_as,
            )
            if index == 2:
                self.area.sign_ins["young-person"] = user
            self._relate(
                batch, child, user, calendar.birthday(profile.date_of_birth, 16), kind="self"
            )

    def _account(
        self,
        batch: Batch,
        username: str,
        role: str,
        last_name: str,
        *,
        demo: bool = False,
        first_name: str = "",
    ) -> User:
        user = User(
            username=username,
            role=role,
            last_name=last_name,
            is_synthetic=True,
            first_name=first_name or self.rng.choice(names.GIRLS + names.BOYS),
        )
        if demo:
            user.password = self.area.password_hash
        else:
            user.set_unusable_password()
        return batch.add(user)

    def _relate(
        self, batch: Batch, child: Child, person: User, since: dt.date, kind: str = "caseworker"
    ) -> None:
        if kind == "caseworker" and person.role == Role.PARENT:
            kind = "parent"
        batch.add(
            ChildRelationship(
                child=child, person=person, kind=kind, started_on=min(since, self.today)
            )
        )

    def _joined(self, profile: ChildProfile) -> dt.date:
        """When the child started at their setting: the start of this or an earlier school year."""
        years_back = self.rng.randint(0, 3)
        joined = dt.date(calendar.academic_year_start(self.today) - years_back, 9, 1)
        return max(joined, profile.date_of_birth)

    def _demo_pick(self, team: str, eligible: bool) -> bool:
        if eligible and self.demo_picks[team] < DEMO_PICKS:
            self.demo_picks[team] += 1
            return True
        return False

    def _teams_reach(self, profile: ChildProfile) -> dict[str, User]:
        """The health, education and social care professionals with this child on their caseload."""
        reached: dict[str, User] = {}
        codes = {profile.primary_need, profile.secondary_need}
        for team, (likely, chance_likely, chance_other) in TEAM_REACH.items():
            chance = chance_likely if codes & likely else chance_other
            if self.rng.random() >= chance:
                continue
            members = self.area.teams[team]
            demo = team in {"salt", "social_worker"} and self._demo_pick(team, True)
            reached[team] = members[0] if demo else self.rng.choice(members)
        if profile.age_on(self.today) >= 17 and self.rng.random() < 0.4:
            reached["transitions"] = self.rng.choice(self.area.teams["transitions"])
        return reached
