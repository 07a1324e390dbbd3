"""Made-up children: who they are, their needs, where they learn and their identifiers.

Pure Python (no database): ``child_profile_draw`` turns a random stream into a
:class:`ChildProfile`, so the same seed always gives the same children.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from goldenthread.core import calendar
from goldenthread.core.vocabulary import NATIONAL_PRIMARY_NEED_SHARE
from goldenthread.web.plans.demo import names

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# 999 is not a real local authority number, so these UPNs cannot belong to a real pupil.
SYNTHETIC_LA_NUMBER = 999
# NHS England keeps numbers starting 999 for testing; none is issued to a person.
SYNTHETIC_NHS_PREFIX = 999

# Share of EHC plans by age (years 0..25): most at 5-16, fewer under 5 and 19-25 (SEN2 shape).
AGE_WEIGHTS = (0.1, 0.4, 1.0, 1.7, 2.4, *([5.5] * 6), *([7.0] * 5), *([5.25] * 4), *([0.83] * 6))
BOYS_SHARE = 0.7
SECONDARY_NEED_SHARE = 0.4
PREFERRED_NAME_SHARE = 0.25
# How likely a child with this primary need is to attend a special school or college.
SPECIAL_SCHOOL_SHARE = {"PMLD": 0.9, "SLD": 0.8, "MSI": 0.6, "ASD": 0.35, "SEMH": 0.3, "PD": 0.3}
SPECIAL_SCHOOL_DEFAULT = 0.12
NEED_CODES = tuple(NATIONAL_PRIMARY_NEED_SHARE)
NEED_WEIGHTS = tuple(NATIONAL_PRIMARY_NEED_SHARE.values())


@dataclass
class ChildProfile:
    first_name: str
    last_name: str
    preferred_name: str
    is_boy: bool
    date_of_birth: dt.date
    primary_need: str
    secondary_need: str
    setting_kind: str  # "nursery", "primary", "secondary", "special", "college" or ""

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name

    def age_on(self, day: dt.date) -> int:
        return calendar.age_on(self.date_of_birth, day)


def phase_of(age: int) -> str:
    """The phrase bank a child's words come from: early years, school age, or 16 to 25."""
    if age < 5:
        return "early"
    return "school" if age < 16 else "adult"


def child_profile_draw(
    rng: random.Random, *, today: dt.date, family_name: str | None = None, age: int | None = None
) -> ChildProfile:
    is_boy = rng.random() < BOYS_SHARE
    first = rng.choice(names.BOYS if is_boy else names.GIRLS)
    short = names.SHORT_NAMES.get(first, "")
    preferred = short if short and rng.random() < PREFERRED_NAME_SHARE * 2 else ""
    if age is None:
        age = rng.choices(range(len(AGE_WEIGHTS)), weights=AGE_WEIGHTS)[0]
    born = today - dt.timedelta(days=365 * age + rng.randrange(365) + age // 4)
    primary = rng.choices(NEED_CODES, weights=NEED_WEIGHTS)[0]
    secondary = ""
    if rng.random() < SECONDARY_NEED_SHARE:
        others = [
            (code, weight)
            for code, weight in zip(NEED_CODES, NEED_WEIGHTS, strict=True)
            if code != primary
        ]
        secondary = rng.choices([c for c, _ in others], weights=[w for _, w in others])[0]
    return ChildProfile(
        first_name=first,
        last_name=family_name or rng.choice(names.FAMILY),
        preferred_name=preferred,
        is_boy=is_boy,
        date_of_birth=born,
        primary_need=primary,
        secondary_need=secondary,
        setting_kind=_setting_kind(rng, born, today, primary),
    )


def _setting_kind(rng: random.Random, born: dt.date, today: dt.date, need: str) -> str:
    age = calendar.age_on(born, today)
    group = calendar.year_group(born, today)
    special = rng.random() < SPECIAL_SCHOOL_SHARE.get(need, SPECIAL_SCHOOL_DEFAULT)
    if group is None:
        return _setting_kind_outside_school_years(rng, age, special=special)
    if group == calendar.NURSERY:
        return "special" if special and rng.random() < 0.3 else "nursery"
    if special:
        return "special"
    if group <= calendar.LAST_YEAR_GROUP - 2:  # Reception to Year 11
        return "primary" if group <= 6 else "secondary"
    return rng.choices(["college", "secondary"], weights=[70, 30])[0]


def _setting_kind_outside_school_years(rng: random.Random, age: int, *, special: bool) -> str:
    """Under 2: at home; 2 and 3: nursery; 19 to 25: mostly college, some in no setting."""
    if age < 4:
        return "nursery" if age >= 2 else ""
    return rng.choices(["college", "special", ""], weights=[65, 10 if special else 0, 25])[0]


def upn_make(*, establishment: int, entry_year: int, serial: int) -> str:
    """A unique pupil number with a correct check letter (DfE rule), in a made-up authority."""
    body = (
        f"{SYNTHETIC_LA_NUMBER:03d}{establishment % 10000:04d}"
        f"{entry_year % 100:02d}{serial % 1000:03d}"
    )
    total = sum(int(char) * position for position, char in enumerate(body, start=2))
    return UPN_LETTERS[total % 23] + body


class NhsNumbers:
    """Unique NHS numbers from the test range, each with a correct modulus 11 check digit."""

    def __init__(self, start: int) -> None:
        self.next = start

    def take(self) -> str:
        while True:
            stem = f"{SYNTHETIC_NHS_PREFIX}{self.next % 1_000_000:06d}"
            self.next += 1
            total = sum(int(d) * w for d, w in zip(stem, range(10, 1, -1), strict=True))
            check = 11 - total % 11
            if check != 10:
                return stem + str(0 if check == 11 else check)
