"""User rules: phrases and patterns, whole lines or inline, scoped, time-limited, explained."""

from __future__ import annotations

import doctest
import json
import time
from collections.abc import Sequence
from typing import Any

import pytest
from click.testing import CliRunner

import cleannews
from cleannews import Options, Pipeline, Rule, apply_removals, rules
from cleannews.cli import cli
from cleannews.rules import RuleError, parse_rule, parse_rules

ARTICLE = """\
OSLO (Gazette) — The fjord ferry will run all winter, the county said on Monday.

Sign up for   THE MORNING BRIEF
The ferry carried 310,000 passengers last year.
Follow us on Instagram
Readers who follow us on Instagram asked about the timetable.
Photo: County press office
"""


def _clean(text: str, *rule_tables: dict[str, Any], **options: Any) -> cleannews.Result:
    # The built-in prompts stage knows "Follow us on Instagram" too; it is left out
    # so that what these tests see removed is the user rules' doing alone.
    options["skip"] = [*options.get("skip", ()), "prompts"]
    return cleannews.clean_and_explain(text, rules=list(rule_tables), **options)


def test_phrases_match_whole_lines_whatever_the_case_and_spacing() -> None:
    result = _clean(
        ARTICLE,
        {"id": "newsletter", "stage": "house", "phrases": ["Sign up for the morning brief"]},
    )
    assert "Sign up" not in result.text
    [removal] = [r for r in result.removals if r.stage == "house"]
    assert (removal.rule, removal.start_line, removal.partial) == ("newsletter", 3, False)
    assert removal.reason == "matches the user rule 'newsletter'"
    assert apply_removals(ARTICLE, result.removals) == result.text


def test_a_whole_line_pattern_leaves_sentences_that_only_contain_it() -> None:
    result = _clean(
        ARTICLE,
        {"id": "follow", "stage": "house", "pattern": r"follow us on (instagram|x)"},
    )
    assert "Follow us on Instagram\n" not in result.text
    assert "Readers who follow us on Instagram asked about the timetable.\n" in result.text


def test_case_sensitive_rules_match_only_the_written_case() -> None:
    table = {"id": "follow", "stage": "house", "phrases": ["follow us on instagram"]}
    assert "Follow us" in _clean(ARTICLE, {**table, "case-sensitive": True}).text
    assert "Follow us" not in _clean(ARTICLE, table).text


def test_an_inline_rule_removes_only_the_match_and_its_spare_space() -> None:
    result = _clean(
        ARTICLE,
        {"id": "tag", "stage": "house", "pattern": r"\(Gazette\)\s*—", "match": "inline"},
    )
    assert result.text.startswith("OSLO The fjord ferry will run all winter")
    [removal] = result.removals
    assert removal.partial
    assert removal.text == "(Gazette) — "
    assert apply_removals(ARTICLE, result.removals) == result.text


def test_an_inline_match_that_covers_the_whole_line_removes_the_line() -> None:
    result = _clean(
        ARTICLE, {"id": "credit", "stage": "house", "pattern": r"Photo: .+", "match": "inline"}
    )
    [removal] = result.removals
    assert not removal.partial
    assert removal.text == "Photo: County press office\n"


def test_first_and_last_limit_a_rule_to_the_ends_of_the_text() -> None:
    text = "Share\nFirst paragraph.\nShare\nSecond paragraph.\n\nShare\n"
    table = {"id": "share", "stage": "house", "phrases": ["Share"]}

    def removed(**scope: int) -> list[int]:
        result = _clean(text, {**table, **scope}, stages=["house"], skip=["whitespace"])
        return [removal.start_line for removal in result.removals]

    assert removed(first=1) == [1]
    assert removed(last=1) == [6]  # the blank line before it does not count
    assert removed(first=1, last=1) == [1, 6]
    assert removed() == [1, 3, 6]


def test_a_rule_in_an_existing_stage_is_part_of_that_stage() -> None:
    result = _clean(ARTICLE, {"id": "press_office", "stage": "chrome", "pattern": r"Photo: .+"})
    [removal] = result.removals
    assert removal.key == "chrome.press_office"
    skipped = _clean(
        ARTICLE, {"id": "press_office", "stage": "chrome", "pattern": r"Photo: .+"}, skip=["chrome"]
    )
    assert skipped.removals == ()  # skipping the stage skips the rules added to it


def test_a_new_rule_stage_can_be_skipped_or_run_alone() -> None:
    table = {"id": "newsletter", "stage": "house", "phrases": ["Sign up for the morning brief"]}
    assert _clean(ARTICLE, table, skip=["house"]).removals == ()
    alone = _clean("Advertisement\nSign up for the morning brief\n", table, stages=["house"])
    assert [r.key for r in alone.removals] == ["house.newsletter"]


def test_a_pipeline_with_user_rules_survives_pickling() -> None:
    import pickle

    rule = {"id": "newsletter", "stage": "house", "phrases": ["Sign up for the morning brief"]}
    pipeline = cleannews.Pipeline(cleannews.Options.from_kwargs(rules=[rule], site="bbc"))
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.run(ARTICLE) == pipeline.run(ARTICLE)
    assert [s.name for s in copy.stages] == [s.name for s in pipeline.stages]


def test_rules_take_rule_objects_too() -> None:
    rule = Rule(id="newsletter", stage="house", phrases=("Sign up for the morning brief",))
    assert "Sign up" not in cleannews.clean(ARTICLE, rules=[rule])


def test_overlapping_inline_rules_never_break_the_replay() -> None:
    text = "Markets rose (Gazette wire) on Monday.\n"
    first = {"id": "wire", "stage": "house", "pattern": r"\(Gazette wire\)", "match": "inline"}
    second = {"id": "gazette", "stage": "house", "pattern": r"Gazette", "match": "inline"}
    result = _clean(text, first, second)
    assert [r.rule for r in result.removals] == ["wire"]
    assert result.text == "Markets rose on Monday.\n"
    assert apply_removals(text, result.removals) == result.text


def test_a_whole_line_rule_takes_over_a_line_an_inline_rule_trimmed() -> None:
    text = "Markets rose (Gazette wire) on Monday.\nThe end.\n"
    inline = {"id": "wire", "stage": "house", "pattern": r"\(Gazette wire\)", "match": "inline"}
    whole = {"id": "markets", "stage": "late", "pattern": r"Markets rose.*"}
    result = _clean(text, inline, whole)
    assert [r.key for r in result.removals] == ["late.markets"]
    assert result.text == "The end.\n"


CATASTROPHIC = "(a+)+$"


def test_a_catastrophic_pattern_times_out_on_its_line_only() -> None:
    long_line = "a" * 5000 + "!"
    text = f"aaaa\n{long_line}\nKeep this line.\naaaaaa\n"
    started = time.perf_counter()
    result = _clean(
        text,
        {"id": "runaway", "stage": "house", "pattern": CATASTROPHIC, "match": "inline"},
        stages=["house"],
        rule_timeout=0.05,
    )
    elapsed = time.perf_counter() - started
    assert elapsed < 5  # without the time limit this would run for years
    assert result.text == f"{long_line}\nKeep this line.\n"  # the other lines were still judged
    assert [r.start_line for r in result.removals] == [1, 4]
    [warning] = result.warnings
    assert warning.startswith("line 2: rule house.runaway took longer than 0.05 s")
    assert "skipped it here" in warning


def test_clean_issues_the_timeout_as_a_python_warning() -> None:
    rule = {"id": "runaway", "stage": "house", "pattern": CATASTROPHIC}
    with pytest.warns(rules.PatternTimeoutWarning, match="line 1: rule house.runaway"):
        cleannews.clean("a" * 5000 + "!\n", rules=[rule], rule_timeout=0.02)


def test_the_cli_warns_about_a_timeout_and_carries_on(tmp_path: Any) -> None:
    config = tmp_path / "cleannews.toml"
    config.write_text(
        "rule-timeout = 0.05\n"
        f"[[rules]]\nid = 'runaway'\nstage = 'house'\npattern = '{CATASTROPHIC}'\n"
    )
    article = tmp_path / "a.txt"
    article.write_text("Advertisement\n" + "a" * 5000 + "!\nThe end.\n")
    result = CliRunner().invoke(cli, ["--config", str(config), str(article)])
    assert result.exit_code == 0
    assert result.stdout == "a" * 5000 + "!\nThe end.\n"
    assert f"cleannews: warning: {article}: line 2: rule house.runaway took longer" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("table", "key", "reason"),
    [
        ({"stage": "house", "phrases": ["x"]}, "id", "every rule needs an id"),
        ({"id": "x", "phrases": ["x"]}, "stage", "every rule needs a stage"),
        ({"id": "Bad-Id", "stage": "house", "phrases": ["x"]}, "id", "must be snake_case"),
        ({"id": "x", "stage": "house"}, "phrases", "needs either phrases or a pattern"),
        (
            {"id": "x", "stage": "house", "phrases": ["x"], "pattern": "x"},
            "phrases",
            "not both",
        ),
        ({"id": "x", "stage": "house", "phrases": ["  "]}, "phrases", "non-empty text"),
        (
            {"id": "x", "stage": "house", "pattern": "(unclosed"},
            "pattern",
            "bad pattern: missing )",
        ),
        ({"id": "x", "stage": "house", "pattern": "a*"}, "pattern", "matches an empty line"),
        ({"id": "x", "stage": "house", "pattern": "a", "match": "word"}, "match", "'line' or"),
        ({"id": "x", "stage": "house", "pattern": "a", "first": 0}, "first", "1 or more"),
        ({"id": "x", "stage": "house", "pattern": "a", "last": "3"}, "last", "whole number"),
        ({"id": "x", "stage": "house", "pattern": "a", "colour": "red"}, "colour", "unknown key"),
    ],
)
def test_a_bad_rule_names_the_key_and_the_reason(
    table: dict[str, Any], key: str, reason: str
) -> None:
    with pytest.raises(RuleError) as error:
        parse_rule(table)
    assert error.value.key == key
    assert reason in error.value.reason


def test_errors_in_a_list_of_rules_say_which_rule() -> None:
    good = {"id": "one", "stage": "house", "phrases": ["x"]}
    with pytest.raises(RuleError, match=r"rules\[2\]\.pattern: bad pattern"):
        parse_rules([good, {"id": "two", "stage": "house", "pattern": "("}])
    with pytest.raises(RuleError, match=r"rules\[2\]\.id: house.one is defined twice"):
        parse_rules([good, good])


def test_a_rule_may_not_reuse_a_built_in_rule_id() -> None:
    with pytest.raises(RuleError, match=r"ads\.ad_marker is a built-in rule of stage 'ads'"):
        cleannews.clean("x\n", rules=[{"id": "ad_marker", "stage": "ads", "phrases": ["x"]}])


def _invoke(args: Sequence[str], text: str = ARTICLE) -> Any:
    return CliRunner().invoke(cli, ["--no-config", *args], input=text)


HOUSE_CONFIG = """\
[[rules]]
id = "newsletter"
stage = "house"
phrases = ["Sign up for the morning brief"]
reason = "a newsletter sign-up line"

[[rules]]
id = "press_office"
stage = "chrome"
pattern = 'Photo: .+'
"""


@pytest.fixture
def house_config(tmp_path: Any) -> str:
    path = tmp_path / "cleannews.toml"
    path.write_text(HOUSE_CONFIG)
    return str(path)


def test_user_rules_appear_in_list_stages_with_their_origin(house_config: str) -> None:
    result = CliRunner().invoke(cli, ["--config", house_config, "--list-stages"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    house = next(line for line in lines if line.startswith("house "))
    assert f"[{house_config}]" in house
    assert " on " in house
    assert any("newsletter" in line and "a newsletter sign-up line" in line for line in lines)
    press = next(line for line in lines if "press_office" in line)
    assert f"[{house_config}]" in press
    # the user stage runs before captions, so captions sees its removals
    names = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert names.index("house") < names.index("captions")


def test_user_rules_appear_in_explain_json_and_summary(house_config: str) -> None:
    runner = CliRunner()
    explained = runner.invoke(
        cli, ["--config", house_config, "--explain", "--format", "json"], input=ARTICLE
    )
    records = [json.loads(line) for line in explained.stdout.splitlines()]
    house = next(r for r in records if r["stage"] == "house")
    assert house["rule"] == "newsletter"
    assert house["reason"] == "a newsletter sign-up line"
    assert house["start_line"] == 3
    assert any(r["stage"] == "chrome" and r["rule"] == "press_office" for r in records)
    summary = runner.invoke(cli, ["--config", house_config, "--summary"], input=ARTICLE)
    assert "newsletter" in summary.stderr
    assert "a newsletter sign-up line" in summary.stderr


def test_doctests_of_the_new_modules() -> None:
    import cleannews.profiles

    for module in (rules, cleannews.profiles):
        failures, tried = doctest.testmod(module)
        assert tried
        assert not failures


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("pattern", [r"last year\.\s*", r"on Monday\.\s", r"Monday\.\s+"])
def test_an_inline_match_that_runs_into_the_line_break_never_joins_two_lines(
    pattern: str, ending: str
) -> None:
    # A pattern ending in \s may reach the line break in the whole-text scan;
    # what goes is only the part of the line the pattern matches on the line itself.
    text = ARTICLE.replace("\n", ending)
    result = _clean(text, {"id": "tail", "stage": "house", "pattern": pattern, "match": "inline"})
    assert len(result.text.splitlines()) == len(text.splitlines())
    assert result.text.count(ending) == text.count(ending)
    for removal in result.removals:
        assert removal.partial
        assert "\n" not in removal.text
        assert "\r" not in removal.text
    assert apply_removals(text, result.removals) == result.text


def test_a_timeout_in_a_later_round_names_the_line_of_the_input() -> None:
    # The tip rule takes the last line, and in the second round the new last
    # line: the runaway pattern is tried in both rounds on the same line, which
    # the second round sees one line higher (the ad marker above it is gone).
    long_line = "a" * 5000 + "!"
    text = f"Advertisement\n{long_line}\nThe ferry ran late.\nTip one\nTip two\n"
    result = _clean(
        text,
        {"id": "tip", "stage": "house", "pattern": "Tip .+", "last": 1},
        {"id": "runaway", "stage": "house", "pattern": CATASTROPHIC},
        rule_timeout=0.02,
    )
    assert result.text == f"{long_line}\nThe ferry ran late.\n"
    [warning] = result.warnings
    assert warning.startswith("line 2: rule house.runaway took longer than 0.02 s")


@pytest.mark.parametrize(
    ("table", "removed"),
    [
        ({"pattern": r"Follow us on Instagram\Z"}, "Follow us on Instagram\n"),
        ({"pattern": r"\AFollow us on \w+"}, "Follow us on Instagram\n"),
        ({"pattern": r"\APhoto:\s*", "match": "inline"}, "Photo: "),
        ({"pattern": r"(?<!\S)Instagram(?!.)", "match": "inline"}, " Instagram"),
        ({"pattern": r"Instagram(?=\s)", "match": "inline"}, "Instagram "),
    ],
)
def test_a_pattern_is_matched_against_the_line_alone_with_or_without_a_scope(
    table: dict[str, str], removed: str
) -> None:
    # \A and \Z are the line's start and end, and a lookaround sees nothing
    # beyond the line: the same whether the whole text is scanned first or,
    # for a rule scoped to the last lines, each line is matched on its own.
    for scope in ({}, {"last": 3}):
        result = _clean(ARTICLE, {"id": "anchored", "stage": "house", **table, **scope})
        assert [removal.text for removal in result.removals] == [removed], scope


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("inline", "no", "inline: must be True or False, got 'no'"),
        ("case_sensitive", "no", "case_sensitive: must be True or False, got 'no'"),
        ("reason", 5, "reason: must be text, got 5"),
        ("phrases", 5, "phrases: must be a list of text, got 5"),
    ],
)
def test_a_rule_made_in_python_with_a_value_of_the_wrong_type_is_refused(
    field: str, value: object, message: str
) -> None:
    # "no" is true: taken as it is, inline="no" would cut matches out of lines.
    fields: dict[str, Any] = {"id": "newsletter", "stage": "house", "phrases": ("Sign up",)}
    with pytest.raises(RuleError, match=message):
        Rule(**{**fields, field: value})


@pytest.mark.parametrize("scope", [{"first": 3}, {"last": 3}, {"first": 40, "last": 40}])
def test_a_rule_for_the_ends_of_a_text_is_judged_alike_when_it_is_read_in_windows(
    scope: dict[str, int],
) -> None:
    # Standard input is cleaned in windows (cleannews.stream); the end of a
    # window is not the end of the text, and a line in the middle of the text
    # must not go because a window happened to end near it.
    from cleannews.stream import clean_pieces

    paragraphs = [
        f"Paragraph {number} on the ferry timetable.\n\nTip: check the timetable\n\n"
        for number in range(400)
    ]
    text = "".join(paragraphs)
    tables = [{"id": "tip", "stage": "house", "pattern": r"Tip: .+", **scope}]
    pipeline = Pipeline(Options.from_kwargs(rules=tables, stages=["house"]))
    whole = pipeline.run(text)
    windows = list(clean_pieces(pipeline, paragraphs, window=2000))
    assert len(windows) > 5
    assert "".join(window.text for window in windows) == whole.text
    assert [r for window in windows for r in window.removals] == list(whole.removals)
