"""Distinct, real-looking statements for ``bench_audit.py --distinct``.

Every statement is different, so a cache of verdicts for repeated texts cannot flatter the
figure. The mix follows real plans: most are outcomes (well or badly written), the rest
provision, needs and aspirations, built from many parts at random (fixed seed), plus the real
statements of ``evals/data/corpus`` copied as they are.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "evals" / "data" / "corpus" / "statements.jsonl"

TIMES = [
    "By the end of Year {year},",
    "By July {yy},",
    "By the end of the {term} term,",
    "Within {n} months,",
    "Within {n} weeks,",
    "By my next annual review,",
    "By the time I am {age},",
    "By the end of Key Stage {ks},",
    "By Easter {yy},",
    "By Christmas {yy},",
    "Before I move to secondary school,",
    "By the time I leave college,",
    "Over the next {n} weeks,",
    "By the end of {month} {yy},",
    "Within a year,",
    "",
]
NAMES = [
    "Maya", "Sam", "Ellie", "Kai", "Noah", "Ava", "Amil", "Priya", "Jack", "Zara", "Oliver",
    "Leah", "Tom", "Aisha", "Reuben", "Freya", "Dylan", "Isla", "Hamza", "Grace", "Leo", "Ruby",
    "Finn", "Mia", "Yusuf", "Chloe", "Ethan", "Lily", "Harvey", "Sofia",
]  # fmt: skip
SUBJECTS = ["I will", "I'll", "{name} will", "{name} will be able to", "he will", "she will"]
ACTIONS = [
    "read a short book aloud to an adult", "travel to college by bus on my own",
    "ask for help using my {aid}", "make a hot drink safely", "join a game with {k} friends",
    "tell an adult when I feel worried", "put on my coat and shoes by myself",
    "write {k} sentences with capital letters and full stops", "count objects to {big}",
    "use a visual timetable to move between activities", "wait for my turn in a group game",
    "follow a {k}-step instruction", "greet a familiar adult by name",
    "solve addition problems up to {big}", "use the toilet independently",
    "cut up my food with a knife and fork", "choose my lunch from {k} options",
    "start a conversation with a classmate", "stay in class for the whole lesson",
    "use my calm-down plan when I feel angry", "pay for items in a shop using coins",
    "cross the road safely with an adult nearby", "spell {big} common words correctly",
    "answer questions about a story I have heard", "share equipment with a partner",
    "complete my homework and hand it in on time", "plan a journey using a bus timetable",
    "cook a simple meal from a recipe", "manage my money for the week",
    "stop hitting other children when I am upset", "initiate play with a peer",
    "maintain attention on a task for {mins} minutes", "produce a short piece of writing",
    "clap a simple rhythm", "alert an adult when I need the toilet",
]  # fmt: skip
PLACES = [
    "in class", "at lunchtime", "at home", "in the playground", "in maths lessons",
    "at college", "in the community", "during assembly", "at my work placement", "",
]  # fmt: skip
MEASURES = [
    "on {k} days out of 5", "every day", "at least twice a week", "in {k} out of 4 lessons",
    "for {mins} minutes", "with no more than one prompt", "without adult help",
    "as recorded on my tracker", "on {pc}% of occasions", "",
]  # fmt: skip
POOR = [
    "To improve {his} {skill} skills.", "To develop {skill} skills.",
    "{name} will engage with the {subject} curriculum.", "To make progress in {subject}.",
    "{name} will be supported to manage {his} emotions.", "To be more confident in {place}.",
    "{name} will access the curriculum.", "To reach {his} full potential in {subject}.",
    "{name} will have improved {skill} skills.", "To be happy at {setting}.",
]  # fmt: skip
PROVISION = [
    "{k} x {mins} minute sessions of speech and language therapy each week.",
    "1:1 TA support for {n} hours per week in {subject}.",
    "Small group {subject} intervention, {mins} minutes daily.",
    "Occupational therapy review every {n} weeks.",
    "Access to a quiet space when needed.",
    "A {aid} available in all lessons, set up by the class teacher.",
    "Regular opportunities to practise {skill} skills with an adult.",
    "Educational psychologist to observe {name} {k} times a term.",
    "{name} will receive {mins} minutes of social skills group each {day}.",
]  # fmt: skip
NEEDS = [
    "{name} finds it hard to follow instructions with more than {k} parts.",
    "{name} has difficulty with attention and can focus for about {mins} minutes.",
    "{name} struggles with {skill} and becomes anxious in {place}.",
    "{name} is not yet able to {short} without help.",
    "{name} has a diagnosis of autism and finds changes to routine difficult.",
]  # fmt: skip
ASPIRATIONS = [
    "I want to be a {job} when I grow up.",
    "When I'm older I want to work as a {job}.",
    "{name} would like to live in {his} own flat one day.",
    "I hope to go to college to study {subject}.",
    "One day I want to have a job as a {job}.",
]  # fmt: skip
FILL = {
    "year": [str(y) for y in range(1, 14)],
    "yy": ["2027", "2028", "2029"],
    "term": ["autumn", "spring", "summer"],
    "n": [str(n) for n in range(2, 13)],
    "age": [str(a) for a in range(7, 26)],
    "ks": ["1", "2", "3", "4"],
    "month": ["March", "July", "December", "October"],
    "name": NAMES,
    "aid": ["help card", "communication book", "tablet", "symbol board", "timer", "writing slope"],
    "k": [str(k) for k in range(2, 6)],
    "big": ["10", "20", "50", "100"],
    "mins": ["5", "10", "15", "20", "30"],
    "pc": ["60", "75", "80", "90"],
    "his": ["his", "her", "their"],
    "skill": ["social", "communication", "independence", "fine motor", "listening", "reading"],
    "subject": ["reading", "maths", "writing", "spelling", "science", "English"],
    "place": ["class", "the playground", "new situations", "busy places"],
    "setting": ["school", "nursery", "college"],
    "job": ["vet", "chef", "mechanic", "nurse", "hairdresser", "games designer", "builder"],
    "day": ["week", "fortnight"],
    "short": ["dress", "read simple words", "write my name", "use the toilet"],
}


_KEYS: dict[str, list[str]] = {}


def _fill(template: str, rng: random.Random) -> str:
    keys = _KEYS.get(template)
    if keys is None:
        keys = _KEYS[template] = [
            name for _, name, _, _ in string.Formatter().parse(template) if name
        ]
    return template.format(**{key: rng.choice(FILL[key]) for key in keys}) if keys else template


def _outcome(rng: random.Random) -> str:
    subject = _fill(rng.choice(SUBJECTS), rng)
    action = _fill(rng.choice(ACTIONS), rng)
    if not subject.startswith("I"):  # "she will … her coat", not "she will … my coat"
        their = rng.choice(FILL["his"])
        action = action.replace("my ", their + " ").replace(" I ", " they ")
    parts = [
        _fill(rng.choice(TIMES), rng),
        subject,
        action,
        rng.choice(PLACES),
        _fill(rng.choice(MEASURES), rng),
    ]
    text = " ".join(part for part in parts if part) + "."
    return text[0].upper() + text[1:]


def distinct_statements(count: int, *, seed: int = 15) -> list[str]:
    """``count`` different statements: the real corpus's, then generated ones (deterministic)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        if text not in seen and len(out) < count:
            seen.add(text)
            out.append(text)
    others = (POOR, PROVISION, NEEDS, ASPIRATIONS)
    while len(out) < count:
        bucket = rng.randrange(10)
        text = _outcome(rng) if bucket < 6 else _fill(rng.choice(others[bucket - 6]), rng)
        if text not in seen:
            seen.add(text)
            out.append(text)
    rng.shuffle(out)
    return out
