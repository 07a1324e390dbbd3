"""The rows and columns of the dashboards, in the order people read them."""

from __future__ import annotations

from goldenthread.core import vocabulary as v
from goldenthread.web.insights.figures import Choice
from goldenthread.web.insights.filters import PHASES

THEMES: list[Choice] = [(n, name) for n, (name, _, _) in v.THEMES.items()]
AREAS: list[Choice] = [(a.value, label) for a, label in v.AREA_LABELS.items()]
DOMAINS: list[Choice] = [(d.value, label) for d, label in v.DOMAIN_LABELS.items()]
NEEDS: list[Choice] = [(code, f"{code}: {label}") for code, (label, _) in v.NEED_CODES.items()]
PHASE_ROWS: list[Choice] = [(key, label) for key, (label, _, _) in PHASES.items()]
SMART: list[Choice] = [("smart", "SMART"), ("not_smart", "Not SMART"), ("unchecked", "Not checked")]
ACHIEVEMENT: list[Choice] = [
    ("achieved", "Achieved"),
    ("working", "Still working on it"),
    ("not_achieved", "Not achieved"),
]
LATENESS: list[Choice] = [
    ("on_time", "Not yet due"),
    ("late_4_weeks", "Up to 4 weeks late"),
    ("late_3_months", "1 to 3 months late"),
    ("late_more", "Over 3 months late"),
]
GAPS: list[Choice] = [
    ("met", "Outcome and provision"),
    ("no_outcome", "Provision but no outcome"),
    ("no_provision", "Outcome but no provision"),
    ("neither", "Neither"),
]
ONE_COLUMN: list[Choice] = [("all", "Outcomes")]
