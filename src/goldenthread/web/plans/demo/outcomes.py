"""Writing an outcome as real plans do: mostly SMART, but with the weak kinds seen in practice.

The weak kinds are the ones both seed guides warn about: provision written as an outcome, no
time frame, professional jargon, service-led third person, and an aspiration in Section E.
About 40% of demo outcomes are weak, so the quality pages have something true to find.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from goldenthread.core import calendar
from goldenthread.web.plans.demo.people import ChildProfile
from goldenthread.web.plans.demo.phrases import SECTION_E_ASPIRATIONS, SERVICE_LED
from goldenthread.web.plans.demo.topics import Topic

# weak kind -> share of all outcomes (together about 40%)
WEAK_SHARES = {
    "provision": 0.10,
    "no_timeframe": 0.09,
    "jargon": 0.10,
    "service_led": 0.08,
    "aspiration": 0.03,
}
OWN_WORDS_SHARE = 0.5
STEP_SHARE = 0.55
TERM_NAMES = {12: "autumn", 3: "spring", 4: "spring", 7: "summer"}


@dataclass
class OutcomeDraft:
    text: str
    term: str
    due_date: dt.date | None
    in_own_words: bool
    weak_kind: str
    lifecycle_status: str
    achievement_status: str
    themes: tuple[int, ...]
    steps: list[tuple[str, dt.date, str]] = field(default_factory=list)


def _pronouns(child: ChildProfile, *, first_person: bool) -> dict[str, str]:
    if first_person:
        return {
            "I": "I",
            "I_am": "I am",
            "my": "my",
            "me": "me",
            "myself": "myself",
            "name": child.known_as,
        }
    his, him = ("his", "him") if child.is_boy else ("her", "her")
    name = child.known_as
    return {
        "I": name,
        "I_am": f"{name} is",
        "my": his,
        "me": him,
        "myself": him + "self",
        "name": name,
    }


def _due(
    rng: random.Random, child: ChildProfile, written: dt.date, term: str
) -> tuple[dt.date, str]:
    """A due date and the words for it, measured from the day the outcome was written."""
    age = child.age_on(written)
    group = calendar.year_group(child.date_of_birth, written)
    if age < 5 and term != "long":
        due = written + relativedelta(months=3 if term == "short" else 6)
        return due, f"By {due:%B %Y}"
    if term == "short":
        due = calendar.end_of_term(written, ahead=rng.randrange(2))
        return due, f"By the end of the {TERM_NAMES.get(due.month, 'summer')} term {due.year}"
    if term == "medium" or group is None:
        return _due_within_a_year_or_two(rng, child, written, age=age, group=group)
    return _due_at_end_of_stage(rng, child, written, group=group)


def _due_within_a_year_or_two(
    rng: random.Random, child: ChildProfile, written: dt.date, *, age: int, group: int | None
) -> tuple[dt.date, str]:
    due = calendar.end_of_school_year(written, ahead=rng.randrange(2))
    later_group = calendar.year_group(child.date_of_birth, due)
    if later_group is not None and later_group >= calendar.RECEPTION and rng.random() < 0.6:
        return due, f"By the end of {calendar.year_group_label(later_group)}"
    if group is None and age >= 16:
        reach = rng.choice((1, 2))
        due = calendar.birthday(child.date_of_birth, age + reach)
        return due, "By the time {I_am} " + str(age + reach)
    return due, f"By July {due.year}"


def _due_at_end_of_stage(
    rng: random.Random, child: ChildProfile, written: dt.date, *, group: int
) -> tuple[dt.date, str]:
    """The end of the key stage (Code of Practice 9.68), or a birthday at either end of 0 to 25."""
    stage = calendar.key_stage(group)
    due = calendar.end_of_key_stage(child.date_of_birth, stage) if stage else written
    if due < written + relativedelta(months=9):
        due = calendar.end_of_school_year(written, ahead=1)
    named = stage not in {None, calendar.KeyStage.EYFS, calendar.KeyStage.KS5}
    if rng.random() < 0.6 and named:
        return due, f"By the end of Key Stage {str(stage)[-1]}"
    reach = calendar.age_on(child.date_of_birth, due) + 1
    return calendar.birthday(child.date_of_birth, reach), "By the time {I_am} " + str(reach)


def _statuses(rng: random.Random, due: dt.date | None, today: dt.date) -> tuple[str, str]:
    if due is not None and due < today:
        return rng.choices(
            [
                ("completed", "achieved"),
                ("completed", "not-achieved"),
                ("active", "in-progress"),
                ("completed", "sustaining"),
            ],
            weights=[50, 20, 20, 10],
        )[0]
    achievement = rng.choices(
        ["in-progress", "improving", "no-change", "worsening", "achieved"],
        weights=[45, 30, 15, 5, 5],
    )[0]
    lifecycle = rng.choices(["active", "on-hold", "proposed"], weights=[88, 6, 6])[0]
    return lifecycle, achievement


def outcome_draft(
    rng: random.Random,
    *,
    topic: Topic,
    child: ChildProfile,
    phase: str,
    written: dt.date,
    today: dt.date,
    aspirations: tuple[str, ...] = (),
) -> OutcomeDraft:
    """One outcome for a topic, good or weak, with its due date, statuses and steps."""
    skills = topic.skills.get(phase) or next(s for s in topic.skills.values() if s)
    skill, step = rng.choice(skills)
    weak = rng.choices(
        [*WEAK_SHARES, ""], weights=[*WEAK_SHARES.values(), 1 - sum(WEAK_SHARES.values())]
    )[0]
    term = rng.choices(["short", "medium", "long"], weights=[25, 35, 40])[0]
    due: dt.date | None
    due, when = _due(rng, child, written, term)
    if weak == "service_led" and "{I}" in skill:
        weak = "jargon"  # "Staff will support Sam to show what he want" would not even be English
    first_person = weak == "" and rng.random() < OWN_WORDS_SHARE
    words = _pronouns(child, first_person=first_person or "{I}" in skill)
    own_words = first_person and rng.random() < 0.6
    themes = topic.themes
    if weak == "provision":
        text = rng.choice(topic.as_provision)
    elif weak == "no_timeframe":
        text, due = f"{words['I']} will {skill.format(**words)}.", None
    elif weak == "jargon":
        text = rng.choice(topic.jargon)
        due = due if rng.random() < 0.3 else None
        text = f"{text} {when[0].lower()}{when[1:]}".format(**words) if due else text
    elif weak == "service_led":
        text = rng.choice(SERVICE_LED).format(
            name=child.known_as, skill=skill.format(**_pronouns(child, first_person=False))
        )
    elif weak == "aspiration":
        text, due, themes = rng.choice((*aspirations, *SECTION_E_ASPIRATIONS)), None, (4,)
    else:
        able = (
            "be able to " if rng.random() < 0.4 and not skill.startswith(("be ", "have ")) else ""
        )
        text = f"{when}, {{I}} will {able}{skill}.".format(**words)
    if not text.endswith("."):
        text += "."
    text = text[0].upper() + text[1:]
    lifecycle, achievement = _statuses(rng, due, today)
    draft = OutcomeDraft(text, term, due, own_words, weak, lifecycle, achievement, themes)
    if weak != "aspiration" and rng.random() < STEP_SHARE:
        step_due = min(due or calendar.end_of_term(written), calendar.end_of_term(written))
        step_text = step.format(**_pronouns(child, first_person=True))
        step_status = _statuses(rng, step_due, today)[1]
        draft.steps.append((step_text[0].upper() + step_text[1:], step_due, step_status))
    return draft
