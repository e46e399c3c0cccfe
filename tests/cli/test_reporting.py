"""What cleannews says about a run: --explain (text on stderr, or JSON lines on stdout),
--summary (a table on stderr), and the closing line; stdout keeps carrying only data."""

from __future__ import annotations

import json
from pathlib import Path

from clitools import CLEAN, DIRTY, Invoke

import cleannews
from cleannews import Removal, apply_removals


def test_explain_lists_every_removal_on_stderr_like_a_linter(news: Path, invoke: Invoke) -> None:
    article = news / "fr/greve.txt"
    result = invoke(["--explain", str(article)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{article}:1: reading_time.reading_time: Temps de lecture : 4 min",
        f"{article}:2: whitespace.blank_gap: (blank)",
        f"{article}:5: ads.ad_marker: Publicité",
        f"{article}:6: whitespace.blank_gap: (blank)",
        f"{article}:10: whitespace.blank_gap: (blank)",
        f"{article}:11: ads.ad_marker: Publicité",
    ]
    # the clean text still goes to stdout
    assert result.stdout == cleannews.clean(article.read_text(encoding="utf-8"))


def test_explain_names_stdin_and_marks_part_of_line_removals(invoke: Invoke) -> None:
    result = invoke(["--explain"], stdin="Der Zug hält wieder in Lenzburg. Anzeige\n")
    assert result.stderr.startswith("<stdin>:1: ads.")
    assert result.stderr.endswith(" (part of line): Anzeige\n")
    assert result.stdout.startswith("Der Zug hält wieder in Lenzburg.")


def test_explain_says_nothing_for_a_clean_file(news: Path, invoke: Invoke) -> None:
    result = invoke(["--explain", str(news / CLEAN)])
    assert result.stderr == ""


def test_explain_json_gives_json_lines_on_stdout_and_no_text(news: Path, invoke: Invoke) -> None:
    result = invoke(["--explain", "--format", "json", str(news)])
    assert result.exit_code == 0
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["file"] for r in records} == {str(news / name) for name in DIRTY}
    assert "Warehouse fire" not in result.stdout  # no article text, only removals
    for name in DIRTY:
        path = news / name
        original = path.read_text(encoding="utf-8")
        mine = [r for r in records if r["file"] == str(path)]
        removals = [
            Removal(
                r["stage"],
                r["rule"],
                r["reason"],
                r["start_line"],
                r["end_line"],
                r["start"],
                r["end"],
                r["text"],
                r["partial"],
            )
            for r in mine
        ]
        # the JSON is complete: replaying it on the input gives the clean text
        assert apply_removals(original, removals) == cleannews.clean(original)
        for r in mine:
            assert (
                original.splitlines(keepends=True)[r["start_line"] - 1].startswith(
                    r["text"].split("\n")[0]
                )
                or r["partial"]
            )


def test_explain_json_goes_with_check_and_in_place(news: Path, invoke: Invoke) -> None:
    result = invoke(["--explain", "--format", "json", "--check", str(news / "fr/greve.txt")])
    assert result.exit_code == 1
    assert [json.loads(line)["rule"] for line in result.stdout.splitlines()][:3] == [
        "reading_time",
        "blank_gap",
        "ad_marker",
    ]
    result = invoke(["--explain", "--format", "json", "-i", "-q", str(news / "de")])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["text"] == "Lesezeit: 2 Minuten\n"
    assert "Lesezeit" not in (news / "de/stadtwerke.txt").read_text(encoding="utf-8")


def test_format_json_without_explain_is_a_usage_error(news: Path, invoke: Invoke) -> None:
    result = invoke(["--format", "json", str(news)])
    assert result.exit_code == 2
    assert "--format json goes with --explain" in result.stderr


def test_summary_tables_on_stderr_per_rule_and_per_file(news: Path, invoke: Invoke) -> None:
    result = invoke(["--summary", str(news)])
    assert result.exit_code == 0
    assert result.stdout == "".join(
        cleannews.clean((news / n).read_text(encoding="utf-8")) for n in sorted([*DIRTY, CLEAN])
    )
    err = result.stderr
    assert "\x1b[" not in err  # not a terminal: no colour
    rows = {line.split()[0]: line.split()[1:3] for line in err.splitlines() if "." in line[:30]}
    assert rows["ads.ad_marker"] == ["5", "3"]  # lines, files
    assert rows["captions.repeated_line"] == ["1", "1"]
    assert rows["reading_time.reading_time"] == ["3", "3"]
    assert "an ad slot label standing alone" in err
    assert f"Files under {news}/" in err
    per_file = {
        line.split()[0]: line.split()[1]
        for line in err.splitlines()
        if line.split() and line.split()[0].endswith(".txt")
    }
    assert per_file == {"de/stadtwerke.txt": "5", "en-harbour-fire.txt": "10", "fr/greve.txt": "6"}
    assert err.rstrip().endswith("3 files cleaned, 1 file left unchanged (21 lines removed).")


def test_summary_of_one_file_has_no_per_file_table(news: Path, invoke: Invoke) -> None:
    result = invoke(["--summary", str(news / "fr/greve.txt")])
    assert "ads.ad_marker" in result.stderr
    assert "by stage" not in result.stderr
    assert result.stderr.rstrip().endswith("1 file cleaned (6 lines removed).")


def test_summary_with_check_speaks_of_what_would_happen(news: Path, invoke: Invoke) -> None:
    result = invoke(["--summary", "--check", str(news)])
    assert result.exit_code == 1
    assert "3 files would be cleaned" in result.stderr


def test_summary_and_explain_show_even_when_quiet(news: Path, invoke: Invoke) -> None:
    result = invoke(["-q", "--summary", "--explain", "-i", str(news)])
    assert "cleaned " + str(news) not in result.stderr  # no progress lines
    assert "ads.ad_marker" in result.stderr
    assert f"{news / 'fr/greve.txt'}:5: ads.ad_marker: Publicité" in result.stderr


def test_in_place_and_output_dir_end_with_a_closing_line_unless_quiet(
    news: Path, tmp_path: Path, invoke: Invoke
) -> None:
    result = invoke(["-o", str(tmp_path / "out"), str(news)])
    assert result.stderr == "3 files cleaned, 1 file left unchanged (21 lines removed).\n"
    assert invoke(["-q", "-o", str(tmp_path / "out2"), str(news)]).stderr == ""
