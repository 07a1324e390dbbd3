"""A small hand-written lexicon: words that signal each theme, area of need and domain.

It adds a few features to the embedding, which helps with only a few hundred labelled
statements, and it gives people plain words to see why a link was suggested. Entries are
lower-case word beginnings ("anxi" matches anxious, anxiety); a space means a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

LEXICON: dict[str, tuple[str, ...]] = {
    "theme:1": (
        "dress", "cloth", "coat", "shoe", "sock", "zip", "button", "wash", "toilet", "shower",
        "bath", "teeth", "brush", "hygiene", "personal care", "cook", "meal", "breakfast",
        "sandwich", "kitchen", "kettle", "recipe", "shop", "money", "coin", "pay", "budget",
        "bank", "bill", "cash", "travel", "bus", "train", "route", "journey", "road", "kerb",
        "cross", "safe", "danger", "stranger", "exploit", "online", "flat", "tenancy",
        "supported living", "own home", "laundry", "clean", "tidy", "routine", "independen",
        "on my own", "on his own", "on her own", "without help", "feed", "cup", "spoon",
        "knife", "dressing", "get ready", "key", "bed", "housework", "letters", "post",
    ),
    "theme:2": (
        "friend", "play", "peer", "club", "group", "family", "mum", "dad", "brother", "sister",
        "grand", "cousin", "party", "parties", "communit", "social", "turn", "share", "youth",
        "church", "relationship", "partner", "girlfriend", "boyfriend", "meet", "people",
        "together", "contact", "lonely", "isolat", "invite", "team", "scouts", "brownies",
        "buddy", "circle of friends", "greet", "conversation", "chat", "join in", "belong",
        "foster", "adopt", "review meeting", "tell professionals", "speak up",
    ),
    "theme:3": (
        "health", "anxi", "worr", "calm", "mental", "sleep", "diet", "eat", "weight", "exercise",
        "active", "pain", "seizure", "epilep", "medic", "physio", "therap", "nurse", "gp",
        "hospital", "camhs", "allerg", "asthma", "inhaler", "mood", "self-harm", "hurt",
        "wellbeing", "happy", "fit", "swallow", "diabet", "insulin", "dentist", "glasses",
        "hearing aid", "splint", "fatigue", "tired", "panic", "stress", "breath", "counsel",
        "feeling", "emotion", "angry", "anger", "drink", "nutrition", "continence", "catheter",
        "period", "safety plan", "trauma", "nightmare", "paediatric", "dysphagia",
    ),
    "theme:4": (
        "learn", "read", "writ", "spell", "math", "number", "count", "lesson", "class",
        "school", "college", "course", "qualification", "gcse", "exam", "job", "work",
        "employ", "internship", "volunteer", "career", "curriculum", "attend", "homework",
        "skill", "teacher", "phonics", "literacy", "task", "instruction", "story", "book",
        "word", "university", "placement", "interview", "coursework", "assignment", "study",
        "typing", "laptop", "vocabulary", "letter", "carpet", "focus", "concentrat",
        "paid", "apprentice", "key stage", "curriculum",
    ),
    "area:communication_and_interaction": (
        "speak", "speech", "talk", "word", "language", "communicat", "sign", "understand",
        "instruction", "autis", "asd", "conversation", "social", "listen", "question",
        "express", "aac", "picture", "symbol", "eye contact", "gesture", "literal",
        "sarcasm", "jokes", "point", "ask", "tell", "say", "mutism", "phone call", "script",
        "name", "greet", "respond",
    ),
    "area:cognition_and_learning": (
        "read", "writ", "spell", "math", "number", "memory", "remember", "learning difficult",
        "dyslexi", "count", "plan", "organis", "time", "clock", "calendar", "attention",
        "concentrat", "adhd", "delay", "curriculum", "qualification", "phonics", "money",
        "budget", "value", "recipe", "step", "checklist", "level", "course", "understand",
    ),
    "area:social_emotional_mental_health": (
        "anxi", "worr", "anger", "angry", "calm", "upset", "distress", "emotion", "feel",
        "mood", "trauma", "self-harm", "behaviour", "exclu", "confiden", "trust", "low",
        "happy", "regulat", "panic", "meltdown", "outburst", "withdraw", "attachment",
        "lonely", "isolat", "scared", "frighten", "afraid", "safe", "counsel", "bereave",
        "attendance", "argue", "hitting", "care", "foster", "nightmare", "stress",
    ),
    "area:sensory_and_physical": (
        "walk", "wheelchair", "hearing", "deaf", "visual", "vision", "sight", "glasses",
        "physio", "motor", "grip", "handwriting", "sensory", "noise", "seizure", "epilep",
        "feed", "swallow", "toilet", "muscle", "pain", "mobility", "hoist", "transfer",
        "splint", "cerebral palsy", "dyspraxi", "occupational therap", "braille", "bsl",
        "magnif", "hypermobil", "fatigue", "diabet", "asthma", "allerg", "cystic",
        "gastrostomy", "continence", "catheter", "crawl", "sit", "standing", "wash",
        "shower", "personal care", "buttons", "fine motor", "ear defender", "typing",
        "eye-gaze", "inhaler", "medication", "blood", "diet", "weight",
    ),
    "domain:education": (
        "school", "class", "lesson", "teacher", "teaching", "ta", "senco", "college",
        "nursery", "curriculum", "learn", "exam", "tutor", "pupil", "student", "year",
        "key stage", "term", "phonics", "playground", "ppa", "elsa", "intervention",
        "course", "qualification", "internship", "job coach", "careers", "maths", "english",
        "read", "writ", "attendance", "excluded", "lunchtime", "break time", "key person",
    ),
    "domain:health": (
        "therap", "nurse", "gp", "camhs", "paediatric", "medic", "hospital", "diet",
        "physio", "occupational therap", "speech and language", "salt", "health", "clinic",
        "seizure", "epilep", "asthma", "diabet", "allerg", "weight", "sleep", "swallow",
        "dysphagia", "wheelchair service", "hearing aid", "orthoptist", "dentist",
        "mental health", "self-harm", "pain", "tablet", "insulin", "continence",
    ),
    "domain:social_care": (
        "social worker", "short break", "direct payment", "personal assistant", "pa",
        "carer", "foster", "family support", "respite", "home", "communit", "supported living",
        "tenancy", "flat", "shared lives", "youth club", "youth worker", "support worker",
        "contact", "overnight", "holiday", "weekend", "mum", "dad", "parents", "adaptation",
        "travel buddy", "safety", "life story", "young carer", "family hub", "house",
    ),
}
LEXICON_KEYS: tuple[str, ...] = tuple(LEXICON)

_WORD = re.compile(r"[a-z][a-z'\-]*")


def _normalise(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def lexicon_hits(text: str, key: str) -> list[str]:
    """Lexicon entries for ``key`` found in ``text`` (each once, in lexicon order)."""
    padded = _normalise(text)
    return [entry for entry in LEXICON[key] if f" {entry}" in padded]


def lexicon_features(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """log(1 + hits) per lexicon key: shape (len(texts), len(LEXICON_KEYS))."""
    out = np.zeros((len(texts), len(LEXICON_KEYS)), dtype=np.float32)
    for row, text in enumerate(texts):
        padded = _normalise(text)
        for column, key in enumerate(LEXICON_KEYS):
            hits = sum(1 for entry in LEXICON[key] if f" {entry}" in padded)
            out[row, column] = np.log1p(hits)
    return out


def matched_words(text: str, key: str) -> list[str]:
    """The words of ``text`` (as written, lower-cased) that hit the lexicon for ``key``."""
    words = _WORD.findall(text.lower())
    padded = " " + " ".join(words) + " "
    found: list[str] = []
    for entry in LEXICON[key]:
        if f" {entry}" not in padded:
            continue
        if " " in entry:
            found.append(entry)
            continue
        found.extend(word for word in words if word.startswith(entry) and word not in found)
    return list(dict.fromkeys(found))
