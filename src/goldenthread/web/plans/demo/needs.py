"""Needs for the demo area: what the child needs help with, and the barrier it creates.

The words live in ``needs.toml``: each need is (topic key, domain, need, barrier), grouped by
primary need code, plus needs any child might have. A need is not a diagnosis but what arises
from it (Waltham Forest guide). ``{name}`` is the name the child is known by.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

NeedIdea = tuple[str, str, str, str]


def _needs_load() -> dict[str, dict[str, tuple[NeedIdea, ...]]]:
    with Path(__file__).with_name("needs.toml").open("rb") as file:
        data = tomllib.load(file)
    return {
        group: {key: tuple((t, d, n, b) for t, d, n, b in ideas) for key, ideas in table.items()}
        for group, table in data.items()
    }


_NEEDS = _needs_load()
NEEDS_BY_CODE: dict[str, tuple[NeedIdea, ...]] = _NEEDS["by_primary_need"]
SOCIAL_CARE_NEEDS = _NEEDS["any_child"]["social_care"]
ADULT_SOCIAL_CARE_NEEDS = _NEEDS["any_child"]["adult_social_care"]
HEALTH_NEEDS = _NEEDS["any_child"]["health"]
