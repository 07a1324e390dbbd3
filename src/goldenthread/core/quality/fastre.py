"""Regular expressions that give up quickly: the engine's patterns, with cheap pre-checks.

Most patterns miss on most statements, and a miss costs ``re`` a try at every character.
:class:`FastPattern` has the same results as the compiled pattern, but first:

- keys: words one of which every match contains, worked out from the pattern itself
  (``\\bsessions?\\b`` needs "session"). If none is in the text, there is no match.
- gate (optional): a pattern that must match somewhere for the pattern to match.
- loose: the pattern without its leading ``\\b`` or look-behind. ``re`` skips straight to a
  pattern's first letter only when it starts with letters, so the loose pattern finds fast
  where a match could first start; the full pattern is run from there.

The pre-checks can only say "cannot match (before here)" when that is true, so the results
are exactly the plain pattern's; tests/core/test_quality_fastre.py checks every pattern.

Keys and loose patterns are worked out with the standard library's reader of patterns,
``re._parser``, which is private: it may change or go in any Python release. It is therefore
only a speed-up (docs/adr/0048): if it cannot be imported, fails on a pattern, or
``GOLDENTHREAD_PLAIN_RE=1`` is set, patterns get only the keys and gates written by hand and
the engine runs on plain ``re`` with the same results, somewhat slower.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any


def _private_parser() -> tuple[Any, Any] | None:
    """The standard library's own reader of patterns and its op codes, or None when it is
    switched off or missing (no public name, so typed loosely)."""
    if os.environ.get("GOLDENTHREAD_PLAIN_RE", "") not in ("", "0"):
        return None
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:
        return None


_READER = _private_parser()
_PARSER: Any = None if _READER is None else _READER[0]
_OPS: Any = None if _READER is None else _READER[1]
#: Whether keys and loose patterns are worked out from patterns (the optional speed-up).
DERIVES_KEYS = _PARSER is not None
MAX_KEYS = 12
MIN_KEY_CHARS = 2
MAX_FIRST_LETTERS = 6


def _structure(source: str) -> Iterator[tuple[int, str]]:
    """Each character of a pattern that is neither escaped nor inside ``[...]``, with its index."""
    index, in_class = 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[index + 1 : index + 2] == "^":
                index += 1
            if source[index + 1 : index + 2] == "]":
                index += 1
        else:
            yield index, char
        index += 1


def _top_level_alternatives(source: str) -> list[str] | None:
    """``source`` split on its top-level ``|``; None if it cannot be read safely."""
    parts, depth, start = [], 0, 0
    for index, char in _structure(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    if depth != 0:
        return None
    parts.append(source[start:])
    return parts


def _strip_lead(part: str) -> str | None:
    """``part`` without its leading ``\\b`` and look-behinds, or None if it has none."""
    stripped = part
    while True:
        if stripped.startswith(r"\b"):
            stripped = stripped[2:]
        elif stripped.startswith(("(?<!", "(?<=")):
            end = _group_end(stripped)
            if end < 0:
                return None
            stripped = stripped[end + 1 :]
        else:
            break
    return stripped if stripped != part else None


def _group_end(source: str) -> int:
    """The index of the ``)`` closing the group that opens ``source``, or -1."""
    depth = 0
    for index, char in _structure(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def loose_source(source: str) -> str | None:
    """The pattern with leading ``\\b`` and look-behinds taken off each top-level alternative,
    or None when that would not help (some alternative does not start with one)."""
    parts = _top_level_alternatives(source)
    if parts is None:
        return None
    stripped = [_strip_lead(part) for part in parts]
    if any(part is None or not part for part in stripped):
        return None
    return "|".join(part for part in stripped if part is not None)


class _KeyFinder:
    """Works out, from the parsed pattern, strings one of which every match contains."""

    def __init__(self, limit: int) -> None:
        self.limit = limit  # the most strings to keep; a longer list is not worth checking

    def _join(self, left: set[str], right: set[str]) -> set[str] | None:
        joined = {a + b for a in left for b in right}
        return joined if len(joined) <= self.limit else None

    def _exact(self, items: Sequence[Any]) -> set[str] | None:
        """Every string a piece of pattern can match, when they are few and fixed; else None."""
        out: set[str] | None = {""}
        for op, av in items:
            part = self._exact_item(op, av)
            if part is None or out is None:
                return None
            out = self._join(out, part)
        return out

    def _exact_item(self, op: Any, av: Any) -> set[str] | None:  # noqa: PLR0911 (a case each)
        if op is _OPS.LITERAL:
            return {chr(av)}
        if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
            return {""}  # takes up no characters
        if op is _OPS.SUBPATTERN:
            return self._exact(av[3])
        if op is _OPS.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                part = self._exact(alternative)
                if part is None:
                    return None
                found |= part
            return found if len(found) <= self.limit else None
        if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            part = self._exact(av[2])
            return None if part is None else part | {""}
        return None

    def _better(self, one: set[str] | None, other: set[str] | None) -> set[str] | None:
        """The more telling of two sets of required strings (longest shortest string)."""

        def worth(keys: set[str] | None) -> tuple[int, int]:
            if not keys or len(keys) > self.limit:
                return (0, 0)
            return (min(len(key) for key in keys), -len(keys))

        best = max((one, other), key=worth)
        return best if worth(best)[0] > 0 else None

    def _required(self, items: Sequence[Any]) -> set[str] | None:
        """Strings one of which is in every match of a sequence of pattern pieces, or None."""
        best: set[str] | None = None
        run: set[str] = {""}  # the fixed text matched just before this piece
        for op, av in items:
            part = self._exact_item(op, av)
            joined = None if part is None else self._join(run, part)
            if joined is not None:
                run = joined
                continue
            best = self._better(best, run)
            run = {""}
            best = self._better(best, part if part is not None else self._required_item(op, av))
        return self._better(best, run)

    def _required_item(self, op: Any, av: Any) -> set[str] | None:
        if op is _OPS.SUBPATTERN:
            return self._required(av[3])
        if op is _OPS.ATOMIC_GROUP:
            return self._required(av)
        if op is _OPS.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                part = self._required(alternative)
                if part is None:
                    return None
                found |= part
            return found if len(found) <= self.limit else None
        if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT) and av[0] >= 1:
            return self._required(av[2])
        return None


def _first_letters(items: Sequence[Any]) -> set[str] | None:
    """The letters every match of a sequence of pattern pieces can start with, or None if it
    can start with anything (a class, a repeat, an assertion…)."""
    if not items:
        return None
    op, av = items[0]
    if op is _OPS.LITERAL:
        return {chr(av)}
    if op is _OPS.SUBPATTERN:
        return _first_letters(av[3])
    if op is _OPS.BRANCH:
        letters: set[str] = set()
        for alternative in av[1]:
            found = _first_letters(alternative)
            if found is None:
                return None
            letters |= found
        return letters
    return None


def _worth_loosening(loose: str, flags: int) -> bool:
    """A loose pattern pays only when it starts with one of a few fixed letters, which ``re``
    skips to quickly; otherwise it finds a place at almost every letter and costs time.
    (False without the private reader, or if it fails: the loose pattern is only a speed-up.)"""
    if _PARSER is None:
        return False
    try:
        letters = _first_letters(_PARSER.parse(loose, flags).data)
    except Exception:
        return False
    return letters is not None and len(letters) <= MAX_FIRST_LETTERS


def required_keys(source: str, flags: int = 0, *, limit: int = MAX_KEYS) -> tuple[str, ...]:
    """Strings one of which must be in the text for ``source`` to match anywhere; () if there
    is no short list of them (or the pattern ignores case, or the private reader is missing or
    fails on it: the keys are only a speed-up)."""
    if _PARSER is None:
        return ()
    try:
        return _required_keys(source, flags, limit)
    except Exception:
        return ()


def _required_keys(source: str, flags: int, limit: int) -> tuple[str, ...]:
    parsed = _PARSER.parse(source, flags)
    if parsed.state.flags & re.IGNORECASE:  # also catches an inline (?i)
        return ()
    keys = _KeyFinder(limit)._required(parsed.data)
    if keys is None or min(len(key) for key in keys) < MIN_KEY_CHARS:
        return ()
    # A key that holds a shorter key adds nothing ("sessions" holds "session").
    return tuple(sorted(key for key in keys if not any(o != key and o in key for o in keys)))


class FastPattern:
    """A compiled pattern with the same ``search``, ``finditer`` and ``pattern`` as ``re``'s,
    which gives up early when the statement cannot match."""

    __slots__ = ("gate", "keys", "loose", "pattern", "regex")

    def __init__(
        self,
        source: str,
        flags: int = 0,
        *,
        keys: tuple[str, ...] = (),
        loose: str | None = None,
        gate: str | None = None,
        key_limit: int = MAX_KEYS,
    ) -> None:
        self.pattern = source
        self.gate = None if gate is None else re.compile(gate, flags)
        self.regex = re.compile(source, flags)
        loose = loose_source(source) if loose is None else loose
        # Only worth it when the loose pattern starts with fixed letters, which re skips to fast.
        useful = loose is not None and _worth_loosening(loose, flags)
        self.loose = re.compile(loose, flags) if useful and loose is not None else None
        self.keys = keys or required_keys(source, flags, limit=key_limit)

    def search(self, text: str) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        if self.keys:  # a loop rather than any(): this is the hot path
            for key in self.keys:
                if key in text:
                    break
            else:
                return None
        return self.search_known(text)

    def search_known(self, text: str) -> re.Match[str] | None:
        """As ``search``, when one of the keys is already known to be in ``text``."""
        if self.gate is not None and self.gate.search(text) is None:
            return None
        if self.loose is None:
            return self.regex.search(text)
        found = self.loose.search(text)
        return None if found is None else self.regex.search(text, found.start())

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``. The keys and gate are checked, but the loose pattern is
        not used: patterns used with finditer mostly match, so it would only cost time."""
        if self.keys and not any(key in text for key in self.keys):
            return iter(())
        if self.gate is not None and self.gate.search(text) is None:
            return iter(())
        return self.regex.finditer(text)


def fast(
    source: str,
    flags: int = 0,
    *,
    keys: tuple[str, ...] = (),
    loose: str | None = None,
    gate: str | None = None,
    key_limit: int = MAX_KEYS,
) -> FastPattern:
    """Compile ``source`` as a :class:`FastPattern`. ``loose``, if given, must match wherever
    ``source`` does (at the same place): ``source`` without a leading look-behind, say.
    ``gate``, if given, must match somewhere in every text that ``source`` matches."""
    return FastPattern(source, flags, keys=keys, loose=loose, gate=gate, key_limit=key_limit)


def word_alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, written as a letter tree ("s(?:ay|it)")
    rather than a flat list ("say|sit"), preferring longer words first like a list sorted
    longest first (speed: ``re`` tries a flat list one word at a time at every word)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: dict[str, Any]) -> str:
    children = [re.escape(char) + _branch(child) for char, child in node.items() if char]
    if not children:
        return ""
    inner = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    if "" in node:
        if len(children) == 1 and len(re.sub(r"\\.", "x", inner)) == 1:
            return inner + "?"
        return "(?:" + "|".join(children) + ")?"
    return inner


class KeyIndex:
    """Which of many patterns could match a text, found with one scan for all their keys.

    One pass of a pattern made of every key finds, at each place, the longest key that starts
    there; the shorter keys starting there are its beginnings, so every key in the text is found.
    Patterns without keys are always candidates. (Speed: one scan instead of a loop in Python.)
    """

    __slots__ = ("_always", "_key_patterns", "_prefixes", "_scan")

    def __init__(self, patterns: Sequence[FastPattern]) -> None:
        keys = {key for pattern in patterns for key in pattern.keys}
        self._scan = re.compile("(?=(" + word_alternation(keys) + "))") if keys else None
        self._prefixes = {key: tuple(k for k in keys if key.startswith(k)) for key in keys}
        self._key_patterns: dict[str, set[int]] = {key: set() for key in keys}
        for index, pattern in enumerate(patterns):
            for key in pattern.keys:
                self._key_patterns[key].add(index)
        self._always = frozenset(i for i, pattern in enumerate(patterns) if not pattern.keys)

    def candidates(self, text: str) -> list[int]:
        """Indexes, in order, of the patterns whose keys (if any) are in ``text``."""
        found = set(self._always)
        if self._scan is not None:
            for longest in set(self._scan.findall(text)):
                for key in self._prefixes[longest]:
                    found |= self._key_patterns[key]
        return sorted(found)
