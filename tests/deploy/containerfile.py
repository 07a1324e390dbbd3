"""A small reader for the Containerfile: instructions by stage, with line continuations joined
and ARG defaults put into FROM lines."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Stage:
    image: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [rest for word, rest in self.instructions if word == keyword]


def instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", text)
    found = []
    for line in joined.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        word, _, rest = stripped.partition(" ")
        found.append((word.upper(), rest.strip()))
    return found


def stages(path: Path) -> tuple[dict[str, str], list[Stage]]:
    arguments: dict[str, str] = {}
    found: list[Stage] = []
    for word, rest in instructions(path.read_text(encoding="utf-8")):
        if word == "ARG" and not found:
            name, _, default = rest.partition("=")
            arguments[name] = default
        elif word == "FROM":
            parts = shlex.split(rest)
            image = re.sub(r"\$\{(\w+)\}", lambda m: arguments.get(m.group(1), ""), parts[0])
            name = parts[2] if len(parts) > 2 and parts[1].upper() == "AS" else str(len(found))
            found.append(Stage(image, name))
        else:
            found[-1].instructions.append((word, rest))
    return arguments, found
