"""User rules: your own phrases and patterns, run and explained like built-in rules.

A :class:`Rule` belongs to a stage: an existing one (its removals then carry
that stage's name) or a new one. It has literal ``phrases`` or a ``pattern``
(the ``regex`` package's syntax), matched against whole lines by default or
``inline`` (only the matched part of a line goes). ``first``/``last`` limit it
to the first or last N non-blank lines of a text (see :func:`edge_lines`).

A user pattern can never hang a run: every match runs under the ``regex``
package's ``timeout``. A pattern that takes too long on a line is skipped for
that line, and the run carries on with a warning.

>>> from cleannews import clean
>>> rule = Rule(id="newsletter", stage="house", phrases=("Sign up for the Morning Brief",))
>>> clean("Sign up for the morning brief\\nThe dam held.\\n", rules=[rule])
'The dam held.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from cleannews.config import DEFAULT_RULE_TIMEOUT
from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, SPACE, Stage
from cleannews.tomlfile import normal_key

if TYPE_CHECKING:
    import regex

DEFAULT_TIMEOUT = DEFAULT_RULE_TIMEOUT

RULE_KEYS = ("id", "stage", "reason", "phrases", "pattern", "match", "first", "last")
RULE_FLAGS = ("case-sensitive",)
MATCH_KINDS = ("line", "inline")


def is_name(value: object) -> bool:
    """Whether ``value`` is a stable snake_case name (a rule id, a stage or profile name)."""
    return isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]*", value) is not None


class PatternTimeoutWarning(UserWarning):
    """A user pattern took too long on a line and was skipped there."""


class RuleError(ValueError):
    """A rule that cannot work; ``key`` names the field at fault."""

    def __init__(self, key: str, reason: str) -> None:
        self.key = key
        self.reason = reason
        super().__init__(f"{key}: {reason}")


@dataclass(frozen=True)
class Rule:
    """One user rule. Checked when made: a bad rule raises :class:`RuleError`.

    ``origin`` says where the rule was defined (a config file, a site profile);
    ``cleannews --list-stages`` shows it.
    """

    id: str
    stage: str
    phrases: tuple[str, ...] = ()
    pattern: str | None = None
    reason: str = ""
    inline: bool = False
    first: int | None = None
    last: int | None = None
    case_sensitive: bool = False
    origin: str = "python"

    def __post_init__(self) -> None:
        for key, value in (("id", self.id), ("stage", self.stage)):
            if not is_name(value):
                raise RuleError(key, f"must be snake_case letters, digits and _, got {value!r}")
        if isinstance(self.phrases, str):
            object.__setattr__(self, "phrases", (self.phrases,))
        elif isinstance(self.phrases, list):
            object.__setattr__(self, "phrases", tuple(self.phrases))
        elif not isinstance(self.phrases, tuple):
            raise RuleError("phrases", f"must be a list of text, got {self.phrases!r}")
        # "no" is true: a flag of another type would be taken the wrong way round.
        for flag, setting in (("inline", self.inline), ("case_sensitive", self.case_sensitive)):
            if not isinstance(setting, bool):
                raise RuleError(flag, f"must be True or False, got {setting!r}")
        if not isinstance(self.reason, str):
            raise RuleError("reason", f"must be text, got {self.reason!r}")
        if bool(self.phrases) == (self.pattern is not None):
            raise RuleError("phrases", "a rule needs either phrases or a pattern, not both")
        for phrase in self.phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise RuleError("phrases", f"each phrase must be non-empty text, got {phrase!r}")
        if self.pattern is not None:
            self._check_pattern()
        for scope, lines in (("first", self.first), ("last", self.last)):
            if lines is not None and (
                not isinstance(lines, int) or isinstance(lines, bool) or lines < 1
            ):
                raise RuleError(scope, f"must be a whole number of lines, 1 or more, got {lines!r}")
        if not self.reason:
            object.__setattr__(self, "reason", f"matches the user rule {self.id!r}")

    def _check_pattern(self) -> None:
        import regex

        if not isinstance(self.pattern, str) or not self.pattern:
            raise RuleError("pattern", f"must be a non-empty regular expression: {self.pattern!r}")
        try:
            compiled = regex.compile(self.pattern, self.flags())
        except regex.error as error:
            raise RuleError("pattern", f"bad pattern: {error}") from None
        # A pattern that matches nothing at all would remove every blank line (or,
        # inline, cut empty spans everywhere): always a mistake, never intended.
        if compiled.fullmatch("", timeout=DEFAULT_TIMEOUT):
            raise RuleError("pattern", f"{self.pattern!r} matches an empty line")

    @property
    def sources(self) -> list[str]:
        """The rule as regular expressions, one per phrase: literal, any spacing."""
        if self.pattern is not None:
            return [self.pattern]
        return [r"\s+".join(map(re.escape, phrase.split())) for phrase in self.phrases]

    @property
    def source(self) -> str:
        """The rule as one regular expression."""
        return "|".join(self.sources)

    def flags(self) -> int:
        import regex

        return regex.MULTILINE | (0 if self.case_sensitive else regex.IGNORECASE)

    @property
    def key(self) -> str:
        return f"{self.stage}.{self.id}"


def parse_rule(table: Any, default_stage: str | None = None, origin: str = "python") -> Rule:
    """A rule from a mapping as written in a config or profile file.

    Keys may be kebab-case or snake_case. ``stage`` defaults to ``default_stage``
    (a profile's name); ``match`` is ``"line"`` (default) or ``"inline"``.
    """
    if isinstance(table, Rule):
        return table
    if not isinstance(table, Mapping):
        raise RuleError("", f"a rule must be a table of keys, got {table!r}")
    values = {normal_key(str(key)): value for key, value in table.items()}
    for key in values:
        if key not in RULE_KEYS and key not in RULE_FLAGS:
            raise RuleError(key, f"unknown key (rule keys: {', '.join(RULE_KEYS + RULE_FLAGS)})")
    if "id" not in values:
        raise RuleError("id", "every rule needs an id")
    stage = values.get("stage", default_stage)
    if stage is None:
        raise RuleError("stage", "every rule needs a stage (an existing one or a new name)")
    match = values.get("match", "line")
    if match not in MATCH_KINDS:
        raise RuleError("match", f"must be 'line' or 'inline', got {match!r}")
    phrases = values.get("phrases", ())
    if isinstance(phrases, str):
        phrases = (phrases,)
    if not isinstance(phrases, list | tuple):
        raise RuleError("phrases", f"must be a list of text, got {phrases!r}")
    case_sensitive = values.get("case-sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise RuleError("case-sensitive", f"must be true or false, got {case_sensitive!r}")
    return Rule(
        id=values["id"],
        stage=stage,
        phrases=tuple(phrases),
        pattern=values.get("pattern"),
        reason=values.get("reason", ""),
        inline=match == "inline",
        first=values.get("first"),
        last=values.get("last"),
        case_sensitive=case_sensitive,
        origin=origin,
    )


def parse_rules(
    items: Any, default_stage: str | None = None, origin: str = "python", key: str = "rules"
) -> tuple[Rule, ...]:
    """Rules from a list of tables; errors name the rule: ``rules[2].pattern``."""
    if not isinstance(items, list | tuple):
        raise RuleError(key, f"must be a list of rules ([[{key}]] tables), got {items!r}")
    rules = []
    seen: set[str] = set()
    for number, table in enumerate(items, 1):
        try:
            rule = parse_rule(table, default_stage, origin)
        except RuleError as error:
            where = f"{key}[{number}]" + (f".{error.key}" if error.key else "")
            raise RuleError(where, error.reason) from None
        if rule.key in seen:
            raise RuleError(f"{key}[{number}].id", f"{rule.key} is defined twice")
        seen.add(rule.key)
        rules.append(rule)
    return tuple(rules)


class RuleStage(Stage):
    """Runs user rules. One subclass per stage name is made by :func:`stage_classes`."""

    user_rules: ClassVar[tuple[Rule, ...]] = ()
    timeout: ClassVar[float] = DEFAULT_TIMEOUT

    def find(self, doc: Document) -> Iterator[Removal]:
        for rule in self.user_rules:
            yield from _RuleRun(rule, self.timeout, doc).removals()

    def __reduce__(self) -> tuple[Any, ...]:
        # The class is made at run time, so pickle cannot find it by name; rebuild
        # it instead (a pipeline sent to worker processes carries its rules along).
        return (_rebuilt, (self.name, self.user_rules, self.timeout))


def _rebuilt(name: str, rules: tuple[Rule, ...], timeout: float) -> RuleStage:
    return stage_classes(rules, timeout)[name]()


def stage_classes(
    rules: Iterable[Rule], timeout: float = DEFAULT_TIMEOUT
) -> dict[str, type[RuleStage]]:
    """A stage class per stage name the rules use, in order of first use."""
    grouped: dict[str, list[Rule]] = {}
    for rule in rules:
        grouped.setdefault(rule.stage, []).append(rule)
    classes: dict[str, type[RuleStage]] = {}
    for name, members in grouped.items():
        origins = list(dict.fromkeys(rule.origin for rule in members))
        attributes = {
            "__doc__": f"Rules from {', '.join(origins)}: {', '.join(r.id for r in members)}.",
            "name": name,
            "rules": {rule.id: rule.reason for rule in members},
            "rule_origins": {rule.id: rule.origin for rule in members},
            "user_rules": tuple(members),
            "timeout": timeout,
            "origin": ", ".join(origins),
            "reach": _reach(members),
        }
        classes[name] = type(f"RuleStage_{name}", (RuleStage,), attributes)
    return classes


def _reach(rules: Iterable[Rule]) -> int:
    """How far from a line the rules may look to judge it (see Stage.reach).

    A rule for the first or last lines looks among :func:`edge_lines` of them,
    in each round of cleaning; what it removes in one round brings as many
    more lines into its view in the next.
    """
    from cleannews.pipeline import MAX_ROUNDS

    edges = [edge_lines(n) for rule in rules for n in (rule.first, rule.last) if n]
    return MAX_ROUNDS * max(edges) + 1 if edges else 1


def check_against(rules: Sequence[Rule], stages: Mapping[str, type[Stage]]) -> None:
    """Refuse a user rule whose id an existing stage already uses for a rule of its own."""
    for rule in rules:
        stage = stages.get(rule.stage)
        if stage is not None and not issubclass(stage, RuleStage) and rule.id in stage.rules:
            raise RuleError(
                "id", f"{rule.key} is a built-in rule of stage {rule.stage!r}; pick another id"
            )


class _RuleRun:
    """One rule over one document: fast whole-text scan, line by line if that times out."""

    def __init__(self, rule: Rule, timeout: float, doc: Document) -> None:
        self.rule = rule
        self.timeout = timeout
        self.doc = doc
        self.scanners, self.line_matcher = _compiled(rule)
        self.scope = _scope(doc, rule)

    def removals(self) -> Iterator[Removal]:
        doc = self.doc
        for index, spans in self._hits():
            if doc.removed[index] or (self.scope is not None and index not in self.scope):
                continue
            rule = self.rule
            line = doc.lines[index]
            if not rule.inline or any(line[s:e].strip() == line.strip() for s, e in spans):
                yield doc.remove_lines(rule.stage, rule.id, rule.reason, index, index)
                continue
            taken = 0
            for found_start, found_end in spans:
                start, end = _tidy_span(line, found_start, found_end)
                if start < taken:
                    continue
                taken = end
                yield doc.remove_span(rule.stage, rule.id, rule.reason, index, start, end)

    def _hits(self) -> list[tuple[int, list[tuple[int, int]]]]:
        """(line index, [(start column, end column)]) for every line the rule matches.

        One fast scan of the whole text finds where the bare pattern matches
        (``regex`` searches for a pattern's literal text, which a whole-line
        wrapper would defeat); the lines it touches are then judged one by one.
        An inline match within one line needs no second look.
        """
        doc = self.doc
        found: dict[int, list[tuple[int, int]]] = {}
        if self.scope is not None:
            # A rule for the first or last few lines need not scan the rest.
            recheck = set(self.scope)
        elif _sees_beyond_lines(self.rule):
            recheck = set(range(len(doc.lines)))
        else:
            recheck = set()
            # The budget grows with the text, so a long clean text is never taken
            # for a runaway pattern; a scan that runs out falls back to lines.
            budget = self.timeout * (1 + len(doc.lines) // 1000)
            try:
                for scanner in self.scanners:
                    for match in scanner.finditer(doc.joined, timeout=budget):
                        start, end = match.span()
                        first = doc.index_at(start)
                        last = doc.index_at(end - 1) if end > start else first
                        base = doc.joined_start(first)
                        # A match that reaches the line break (a pattern ending
                        # in \s) is judged on the line alone: cut here, it would
                        # take the ending too and join two lines.
                        if (
                            self.rule.inline
                            and first == last
                            and start < end <= base + len(doc.lines[first])
                        ):
                            found.setdefault(first, []).append((start - base, end - base))
                        else:
                            recheck.update(range(first, last + 1))
            except TimeoutError:
                found, recheck = {}, set(range(len(doc.lines)))
        if self.rule.inline and len(self.scanners) > 1:
            # Spans of several phrases on one line must come in line order.
            for spans in found.values():
                spans.sort()
        # A line the scan could not settle is judged on its own, all of it.
        for index in sorted(recheck):
            spans = self._match_line(index)
            if spans:
                found[index] = spans
            else:
                found.pop(index, None)
        return sorted(found.items())

    def _match_line(self, index: int) -> list[tuple[int, int]]:
        line = self.doc.lines[index]
        try:
            if self.rule.inline:
                return [
                    m.span()
                    for m in self.line_matcher.finditer(line, timeout=self.timeout)
                    if m.end() > m.start()
                ]
            whole = self.line_matcher.fullmatch(line, timeout=self.timeout)
        except TimeoutError:
            self.doc.warn(
                index,
                f"rule {self.rule.key} took longer than {self.timeout:g} s on this line;"
                " skipped it here",
            )
            return []
        return [(0, len(line))] if whole else []


# \A, \Z, \G and lookarounds: in a scan of the whole text they meet the line
# breaks and the lines around, where on a line alone they meet its ends, so
# the scan could miss a line the pattern matches (\Z is the text's end) or cut
# what it does not match on the line ("well\.(?=\s)" at a line's end).
_CONTEXT = re.compile(r"\\[AZG]|\(\?<?[=!]")


def _sees_beyond_lines(rule: Rule) -> bool:
    """Whether the rule's pattern may match a line alone where a whole-text scan finds nothing.

    Such a rule is matched line by line: slower, but what it matches is what
    its pattern matches on the line, as with ``first``/``last``.
    """
    return rule.pattern is not None and _CONTEXT.search(rule.pattern) is not None


def _compiled(rule: Rule) -> tuple[list[regex.Pattern[str]], regex.Pattern[str]]:
    """Whole-text scanners (one per phrase) and a one-line matcher (regex caches compiles).

    Each phrase is scanned for on its own because ``regex`` finds one literal
    fast but an alternation of several, or a pattern behind a whitespace
    wrapper, only by trying every position.
    """
    import regex

    flags = rule.flags()
    scanners = [regex.compile(source, flags) for source in rule.sources]
    if rule.inline:
        return scanners, regex.compile(rule.source, flags)
    return scanners, regex.compile(rf"(?:{SPACE})*(?:{rule.source})(?:{SPACE})*", flags)


def edge_lines(count: int) -> int:
    """How many lines at a text's start or end hold its first or last ``count`` non-blank lines.

    Looked for among so many (a blank line between paragraphs, and room to
    spare), a rule's reach is known: a text cleaned in windows
    (:mod:`cleannews.stream`) keeps that many lines around each cut, so the end
    of a window is never taken for the end of the text.
    """
    return EDGE_LINES + 2 * count


def _scope(doc: Document, rule: Rule) -> set[int] | None:
    """Line indexes a scoped rule may touch: its first/last N non-blank lines (see edge_lines)."""
    if rule.first is None and rule.last is None:
        return None
    blank, size = doc.blank, len(doc.lines)
    allowed: set[int] = set()
    if rule.first is not None:
        head = range(min(edge_lines(rule.first), size))
        allowed.update([index for index in head if not blank[index]][: rule.first])
    if rule.last is not None:
        tail = range(max(0, size - edge_lines(rule.last)), size)
        allowed.update([index for index in tail if not blank[index]][-rule.last :])
    return allowed


def _tidy_span(line: str, start: int, end: int) -> tuple[int, int]:
    """Widen an inline span over the spaces that would otherwise be left doubled or dangling."""
    before, after = line[:start], line[end:]
    if not before.strip():
        return start, end + len(after) - len(after.lstrip())
    if not after.strip():
        return start - (len(before) - len(before.rstrip())), end
    if before[-1:].isspace() and after[:1].isspace():
        return start, end + len(after) - len(after.lstrip())
    return start, end
