"""Counts of what a run removed, that add up from files to the whole run, and the exit code.

A :class:`Report` for one file and the report of a whole run are the same type:
the run's report is ``sum(file_reports, Report())``, so work done in other
processes merges without special cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleannews.pipeline import Result

EXIT_OK = 0
EXIT_CHANGES = 1  # --check found files that would change
EXIT_INPUT_ERROR = 2  # bad usage, or an input that could not be read
EXIT_INTERNAL_ERROR = 123  # a bug in cleannews or in a plugin stage: please report it
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

EXIT_CODES_HELP = """Exit codes:
  0    done
  1    --check found files that would change, or --exit-nonzero-on-fix cleaned some
  2    usage or input error (a missing or unreadable file is named on stderr;
       the other files are still cleaned), or stdout cannot be written
  123  internal error (a bug in cleannews, or in a plugin stage the message
       names: please report it)
  130  interrupted (Ctrl-C); a file being rewritten is left whole"""


def describe(error: BaseException) -> str:
    """An exception as one line, ``Type: message``, for an error report without a traceback."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def warning_lines(where: str, notes: Iterable[str]) -> Iterator[str]:
    """``cleannews: warning: WHERE: NOTE`` lines for stderr, one per note."""
    return (f"cleannews: warning: {where}: {note}\n" for note in notes)


@dataclass
class Report:
    """What one file, or a whole run, had removed, and what went wrong."""

    files: int = 0
    changed: int = 0
    errors: int = 0  # inputs that could not be read, outputs that could not be written
    internal_errors: int = 0  # inputs on which cleannews itself failed (a bug)
    # Inputs left alone because they are binary (a NUL byte near the start).
    binary: int = 0
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

    @classmethod
    def for_internal_error(cls) -> Report:
        return cls(internal_errors=1)

    @classmethod
    def for_binary(cls) -> Report:
        return cls(binary=1)

    def __add__(self, other: Report) -> Report:
        return Report(
            files=self.files + other.files,
            changed=self.changed + other.changed,
            errors=self.errors + other.errors,
            internal_errors=self.internal_errors + other.internal_errors,
            binary=self.binary + other.binary,
            lines_removed=self.lines_removed + other.lines_removed,
            reasons={**self.reasons, **other.reasons},
            per_file=self.per_file + other.per_file,
        )

    def __iadd__(self, other: Report) -> Report:
        # A run adds one file's report at a time; building a new Report each time
        # would copy per_file every time, which is quadratic over a large corpus.
        self.files += other.files
        self.changed += other.changed
        self.errors += other.errors
        self.internal_errors += other.internal_errors
        self.binary += other.binary
        self.lines_removed.update(other.lines_removed)
        self.reasons.update(other.reasons)
        self.per_file.extend(other.per_file)
        return self

    def __radd__(self, other: Any) -> Report:
        # So that sum(reports) works with its default start of 0.
        if other == 0:
            return self
        return NotImplemented

    def exit_code(self, check: bool = False) -> int:
        """The most serious outcome wins: a bug, then bad input, then changes found."""
        if self.internal_errors:
            return EXIT_INTERNAL_ERROR
        if self.errors:
            return EXIT_INPUT_ERROR
        if check and self.changed:
            return EXIT_CHANGES
        return EXIT_OK

    def total_lines_removed(self) -> int:
        return sum(self.lines_removed.values())

    def one_line(self, check: bool = False) -> str:
        """A closing line in the manner of black: what happened, in words; no zero counts."""
        would = "would be " if check else ""
        parts = []
        if self.changed:
            parts.append(f"{_plural(self.changed, 'file')} {would}cleaned")
        if self.files - self.changed:
            parts.append(f"{_plural(self.files - self.changed, 'file')} {would}left unchanged")
        if self.binary:
            parts.append(f"{_plural(self.binary, 'binary file')} skipped")
        if self.errors:
            parts.append(_plural(self.errors, "error"))
        if self.internal_errors:
            parts.append(_plural(self.internal_errors, "internal error"))
        line = ", ".join(parts) or "No files"
        removed = self.total_lines_removed()
        return line + (f" ({_plural(removed, 'line')} removed)." if removed else ".")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_summary(report: Report, check: bool = False) -> None:
    """Print what was removed, per stage.rule and per file, and a closing line, on stderr.

    rich is imported here, not at start-up: only a summary needs it. rich colours
    only when stderr is a terminal, and honours NO_COLOR.
    """
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    if report.lines_removed:
        console.print(_rules_table(report))
        console.print()
    if len(report.per_file) > 1:
        common = _common_folder([name for name, _counts in report.per_file])
        if common not in ("", "./"):
            console.print(f"Files under {common}", style="bold", soft_wrap=True)
        console.print(_files_table(report, len(common)))
        console.print()
    console.print(report.one_line(check), soft_wrap=True)


def _table() -> Any:
    from rich import box
    from rich.table import Table

    # A rule under the heading and no frame: reads well in a terminal and in a log file.
    return Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)


def _rules_table(report: Report) -> Any:
    files_with = Counter(key for _name, counts in report.per_file for key in counts)
    table = _table()
    table.add_column("removed by", style="cyan", no_wrap=True)
    table.add_column("lines", justify="right", style="bold")
    table.add_column("files", justify="right")
    table.add_column("why", ratio=1)
    for key in _in_run_order(report.lines_removed):
        table.add_row(
            key, str(report.lines_removed[key]), str(files_with[key]), report.reasons.get(key, "")
        )
    table.add_section()
    table.add_row("total", str(report.total_lines_removed()), str(report.changed), "")
    return table


def _files_table(report: Report, strip: int) -> Any:
    """One row per changed file: lines removed, and by which stages (a wrapping text column,
    so the table stays readable in 80 columns however many stages there are)."""
    table = _table()
    table.add_column("file", overflow="fold", style="cyan")
    table.add_column("lines", justify="right", style="bold")
    table.add_column("by stage", ratio=1)
    for name, counts in report.per_file:
        by_stage = _by_stage(counts)
        table.add_row(
            name[strip:],
            str(sum(counts.values())),
            ", ".join(f"{stage} {count}" for stage, count in by_stage.items()),
        )
    return table


def _in_run_order(counts: Counter[str]) -> list[str]:
    """``stage.rule`` keys in the order the stages run and list their rules."""
    from cleannews import registry

    order: dict[str, int] = {}
    for stage in registry.available().values():
        for rule in stage.rules:
            order[f"{stage.name}.{rule}"] = len(order)
    return sorted(counts, key=lambda key: (order.get(key, len(order)), key))


def _by_stage(counts: Counter[str]) -> dict[str, int]:
    by_stage: dict[str, int] = {}
    for key in _in_run_order(counts):
        stage = key.partition(".")[0]
        by_stage[stage] = by_stage.get(stage, 0) + counts[key]
    return by_stage


def _common_folder(names: list[str]) -> str:
    """The folder every name starts with, with its trailing "/", or ""."""
    import os

    if len(names) < 2 or any(os.path.isabs(n) != os.path.isabs(names[0]) for n in names):
        return ""
    folder = os.path.commonpath([os.path.dirname(n) or "." for n in names])
    if folder in ("", "/"):
        return ""
    prefix = folder.rstrip("/") + "/"
    return prefix if all(n.startswith(prefix) for n in names) else ""
