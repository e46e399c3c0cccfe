"""Counts of what a run removed, that add up from files to the whole run, and the exit code.

A :class:`Report` for one file and the report of a whole run are the same type:
the run's report is ``sum(file_reports, Report())``, so work done in other
processes merges without special cases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleannews.pipeline import Result

EXIT_OK = 0
EXIT_CHANGES = 1  # --check found files that would change
EXIT_INPUT_ERROR = 2  # bad usage, or an input that could not be read
EXIT_INTERNAL_ERROR = 123  # a bug in cleannews: please report it

EXIT_CODES_HELP = (
    "Exit codes: 0 done; 1 --check found files that would change; "
    "2 usage or input error; 123 internal error."
)


@dataclass
class Report:
    """What one file, or a whole run, had removed, and what went wrong."""

    files: int = 0
    changed: int = 0
    errors: int = 0
    lines_removed: Counter[str] = field(default_factory=Counter)
    reasons: dict[str, str] = field(default_factory=dict)
    # (file, lines removed per stage.rule) for every changed file, in run order.
    per_file: list[tuple[str, Counter[str]]] = field(default_factory=list)

    @classmethod
    def for_file(cls, name: str, result: Result) -> Report:
        counts = result.counts()
        reasons = {removal.key: removal.reason for removal in result.removals}
        return cls(
            files=1,
            changed=int(result.changed),
            lines_removed=counts,
            reasons=reasons,
            per_file=[(name, counts)] if result.changed else [],
        )

    @classmethod
    def for_error(cls) -> Report:
        return cls(errors=1)

    def __add__(self, other: Report) -> Report:
        return Report(
            files=self.files + other.files,
            changed=self.changed + other.changed,
            errors=self.errors + other.errors,
            lines_removed=self.lines_removed + other.lines_removed,
            reasons={**self.reasons, **other.reasons},
            per_file=self.per_file + other.per_file,
        )

    def __radd__(self, other: Any) -> Report:
        # So that sum(reports) works with its default start of 0.
        if other == 0:
            return self
        return NotImplemented

    def exit_code(self, check: bool = False) -> int:
        if self.errors:
            return EXIT_INPUT_ERROR
        if check and self.changed:
            return EXIT_CHANGES
        return EXIT_OK

    def total_lines_removed(self) -> int:
        return sum(self.lines_removed.values())

    def one_line(self, check: bool = False) -> str:
        """A closing line in the manner of black: what happened, in words."""
        verb = "would be cleaned" if check else "cleaned"
        parts = [f"{_plural(self.changed, 'file')} {verb}"]
        unchanged = self.files - self.changed
        if unchanged:
            parts.append(
                f"{_plural(unchanged, 'file')} {'would be ' if check else ''}left unchanged"
            )
        if self.errors:
            parts.append(f"{_plural(self.errors, 'file')} could not be read")
        return ", ".join(parts) + f" ({_plural(self.total_lines_removed(), 'line')} removed)."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_summary(report: Report, check: bool = False) -> None:
    """Print a table of removals per stage and rule (and per file) on stderr.

    rich is imported here, not at start-up: only a summary needs it. It colours
    only when stderr is a terminal, and honours NO_COLOR.
    """
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True, highlight=False)
    table = Table(title="Removed by stage and rule", title_justify="left")
    table.add_column("stage", style="cyan")
    table.add_column("rule", style="magenta")
    table.add_column("lines", justify="right", style="bold")
    table.add_column("why")
    for key, count in sorted(
        report.lines_removed.items(), key=lambda kv: (kv[0].split(".")[0], -kv[1])
    ):
        stage, _, rule = key.partition(".")
        table.add_row(stage, rule, str(count), report.reasons.get(key, ""))
    if report.lines_removed:
        table.add_section()
        table.add_row("total", "", str(report.total_lines_removed()), "")
        console.print(table)
    if len(report.per_file) > 1:
        stages = sorted({key.partition(".")[0] for key in report.lines_removed})
        files = Table(title="Removed lines per file", title_justify="left")
        files.add_column("file", overflow="fold")
        for stage in stages:
            files.add_column(stage, justify="right")
        files.add_column("total", justify="right", style="bold")
        for name, counts in report.per_file:
            by_stage = Counter[str]()
            for key, count in counts.items():
                by_stage[key.partition(".")[0]] += count
            files.add_row(
                name, *(str(by_stage[s] or "") for s in stages), str(sum(by_stage.values()))
            )
        console.print(files)
    console.print(report.one_line(check))
