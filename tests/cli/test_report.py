"""Report: per-file reports add up to the run's report, and the report owns the exit code."""

from __future__ import annotations

import cleannews
from cleannews.report import EXIT_CHANGES, EXIT_INPUT_ERROR, EXIT_INTERNAL_ERROR, EXIT_OK, Report

DIRTY = "Anzeige\nDer Hafen ist wieder offen.\n\nReading Time: 2 minutes\n"
CLEAN = "Der Hafen ist wieder offen.\n"


def _file(name: str, text: str) -> Report:
    return Report.for_file(name, cleannews.clean_and_explain(text))


def test_reports_add_up_with_plus_sum_and_in_place_plus() -> None:
    parts = [
        _file("a.txt", DIRTY),
        _file("b.txt", CLEAN),
        Report.for_error(),
        _file("c.txt", DIRTY),
    ]
    by_sum = sum(parts, Report())
    assert sum(parts) == by_sum  # sum() with its default start of 0
    running = Report()
    for part in parts:
        running += part
    assert running == by_sum == parts[0] + parts[1] + parts[2] + parts[3]
    assert (by_sum.files, by_sum.changed, by_sum.errors) == (3, 2, 1)
    assert by_sum.lines_removed["ads.ad_marker"] == 2
    assert by_sum.lines_removed["reading_time.reading_time"] == 2
    assert [name for name, _counts in by_sum.per_file] == ["a.txt", "c.txt"]


def test_in_place_plus_leaves_the_right_side_alone() -> None:
    right = _file("a.txt", DIRTY)
    before = (right.files, dict(right.lines_removed), list(right.per_file))
    left = Report()
    left += right
    left += _file("b.txt", DIRTY)
    assert (right.files, dict(right.lines_removed), list(right.per_file)) == before


def test_the_most_serious_outcome_sets_the_exit_code() -> None:
    changed = _file("a.txt", DIRTY)
    assert changed.exit_code() == EXIT_OK
    assert changed.exit_code(check=True) == EXIT_CHANGES
    assert _file("b.txt", CLEAN).exit_code(check=True) == EXIT_OK
    assert (changed + Report.for_error()).exit_code(check=True) == EXIT_INPUT_ERROR
    worst = changed + Report.for_error() + Report.for_internal_error()
    assert worst.exit_code(check=True) == EXIT_INTERNAL_ERROR


def test_one_line_leaves_out_zero_counts() -> None:
    assert Report().one_line() == "No files."
    assert _file("b.txt", CLEAN).one_line(check=True) == "1 file would be left unchanged."
    run = _file("a.txt", DIRTY) + _file("b.txt", CLEAN) + Report.for_error()
    assert run.one_line() == "1 file cleaned, 1 file left unchanged, 1 error (3 lines removed)."
