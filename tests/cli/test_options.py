"""Choosing stages and settings, the informational options, and the exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from clitools import CLEAN, Invoke

from cleannews import __version__
from cleannews.document import Document, Removal
from cleannews.stages.chrome import ChromeStage

ARTICLE = (
    "Advertisement\n"
    "Lesezeit: 3 Minuten\n"
    "Why you can trust the Gazette\n"
    "The tram line to Eastfield opens in May, two years late.\n"
    "The tram line to Eastfield opens in May, two years late.\n"
    "Share\n"
)
BODY = "The tram line to Eastfield opens in May, two years late.\n"


def _rules(invoke: Invoke, *args: str) -> list[str]:
    result = invoke(["--explain", *args], stdin=ARTICLE)
    assert result.exit_code == 0, result.stderr
    return [line.split(": ")[1] for line in result.stderr.splitlines()]


def test_default_stages_remove_every_kind(invoke: Invoke) -> None:
    assert invoke([], stdin=ARTICLE).stdout == BODY
    assert _rules(invoke) == [
        "ads.ad_marker",
        "reading_time.reading_time",
        "chrome.trust_badge",
        "captions.repeated_line",
        "chrome.share_buttons",
    ]


def test_stages_runs_only_those(invoke: Invoke) -> None:
    assert _rules(invoke, "--stages", "ads,reading_time") == [
        "ads.ad_marker",
        "reading_time.reading_time",
    ]
    assert _rules(invoke, "--stages", " captions ") == ["captions.repeated_line"]


def test_skip_leaves_stages_out(invoke: Invoke) -> None:
    assert _rules(invoke, "--skip", "chrome,captions") == [
        "ads.ad_marker",
        "reading_time.reading_time",
    ]


def test_enable_adds_to_the_chosen_set(invoke: Invoke) -> None:
    assert _rules(invoke, "--stages", "ads", "--enable", "chrome") == [
        "ads.ad_marker",
        "chrome.trust_badge",
        "chrome.share_buttons",
    ]


def test_set_changes_a_stage_setting(invoke: Invoke) -> None:
    # the repeated line has 44 letters and digits: a minimum of 50 lets it stay
    assert "captions.repeated_line" in _rules(invoke, "--set", "captions.min_chars=40")
    assert "captions.repeated_line" not in _rules(invoke, "--set", "captions.min_chars=50")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stages", "ads,nosuch"], "unknown stage 'nosuch'"),
        (["--skip", "nosuch"], "unknown stage 'nosuch'"),
        (["--enable", "nosuch"], "unknown stage 'nosuch'"),
        (["--set", "nosuch.x=1"], "unknown stage 'nosuch'"),
        (["--set", "captions.nosuch=1"], "has no setting 'nosuch'"),
        (["--set", "captions.min_chars=many"], "must be int"),
        (["--set", "captions_min_chars"], "is not STAGE.KEY=VALUE"),
        (["--format", "yaml", "--explain"], "'yaml' is not one of"),
        (["--no-such-option"], "No such option"),
    ],
)
def test_bad_options_exit_2_with_a_message_and_no_output(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(args, stdin=ARTICLE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_list_stages_shows_stages_rules_and_settings(invoke: Invoke) -> None:
    result = invoke(["--list-stages"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert names == [
        "ads",
        "reading_time",
        "chrome",
        "links",
        "related",
        "prompts",
        "widgets",
        "credits",
        "author_box",
        "markup",
        "navigation",
        "byline",
        "wire",
        "headline",
        "captions",
        "whitespace",
    ]
    optional = {line.split()[0] for line in result.stdout.splitlines() if " off " in line}
    assert optional == {"byline", "wire", "headline"}
    assert "    ad_marker " in result.stdout
    assert "    setting min_chars=30" in result.stdout


def test_version(invoke: Invoke) -> None:
    result = invoke(["--version"])
    assert (result.exit_code, result.stdout) == (0, f"cleannews {__version__}\n")


def test_help_has_examples_and_exit_codes(invoke: Invoke) -> None:
    for flag in ("--help", "-h"):
        result = invoke([flag])
        assert result.exit_code == 0
        text = result.stdout
        assert text.startswith("Usage: cleannews [OPTIONS] [PATH]...")
        assert "Examples:" in text
        assert "cleannews -i news/" in text
        assert "Exit codes:" in text
        for code in ("0 ", "1 ", "2 ", "123 "):
            assert f"\n    {code}" in text


def test_quiet_silences_progress_but_not_errors(news: Path, invoke: Invoke) -> None:
    loud = invoke(["-i", str(news), str(news / "gone.txt")])
    assert "cleaned " in loud.stderr
    quiet = invoke(["-q", "-i", str(news), str(news / "gone.txt")])
    assert quiet.exit_code == 2
    assert quiet.stderr == f"cleannews: error: {news / 'gone.txt'}: no such file or folder\n"


def test_a_missing_file_is_named_and_the_others_still_cleaned(news: Path, invoke: Invoke) -> None:
    missing = news / "missing.txt"
    result = invoke([str(news / "fr/greve.txt"), str(missing), str(news / CLEAN)])
    assert result.exit_code == 2
    assert result.stderr == f"cleannews: error: {missing}: no such file or folder\n"
    assert result.stdout.startswith("Grève des contrôleurs")
    assert result.stdout.endswith("R. Okafor, Millbrook\n")


def test_a_broken_link_is_an_input_error(news: Path, invoke: Invoke) -> None:
    (news / "dangling.txt").symlink_to(news / "nowhere.txt")
    result = invoke(["--check", str(news / "dangling.txt")])
    assert result.exit_code == 2
    assert "dangling.txt: broken symbolic link" in result.stderr


def test_an_input_error_outranks_check_changes(news: Path, invoke: Invoke) -> None:
    result = invoke(["--check", str(news), str(news / "missing.txt")])
    assert result.exit_code == 2


def _explode_on_trams(self: ChromeStage, doc: Document) -> Iterator[Removal]:
    if "tram" in doc.text:
        raise RuntimeError("stage fell over\non two lines")
    yield from ORIGINAL_FIND(self, doc)


ORIGINAL_FIND = ChromeStage.find


def test_an_internal_error_is_one_line_exit_123_and_other_files_go_on(
    news: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ChromeStage, "find", _explode_on_trams)
    tram = news / "tram.txt"
    tram.write_text(ARTICLE, encoding="utf-8")
    result = invoke([str(tram), str(news / "fr/greve.txt")])
    assert result.exit_code == 123
    assert result.stderr == (
        f"cleannews: internal error: {tram}: RuntimeError: stage fell over on two lines\n"
    )
    assert result.stdout.startswith("Grève des contrôleurs")


def test_internal_error_outranks_input_errors(
    news: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ChromeStage, "find", _explode_on_trams)
    result = invoke(["-", str(news / "missing.txt")], stdin=ARTICLE)
    assert result.exit_code == 123


def test_an_internal_error_before_any_file_is_one_line_too(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("registry")

    monkeypatch.setattr("cleannews.pipeline.Pipeline.__init__", broken)
    result = invoke([], stdin=ARTICLE)
    assert result.exit_code == 123
    assert result.stderr == "cleannews: internal error: KeyError: 'registry'\n"
    assert result.stdout == ""


# Contact lines that come into the article's last lines only once the repeated
# paragraph under them goes: a second round of cleaning removes one.
ROUNDS_ARTICLE = (
    "Advertisement\n@harbour_desk\n@harbour_desk\n"
    + "AdvertisementThe ferry resumed its crossings on Monday morning.\n" * 6
    + "The council voted on Tuesday to close the old terminal by 2027.\n" * 2
)


def test_single_pass_cleans_once(invoke: Invoke, tmp_path: Path) -> None:
    settled = invoke([], stdin=ROUNDS_ARTICLE)
    once = invoke(["--single-pass"], stdin=ROUNDS_ARTICLE)
    assert settled.exit_code == once.exit_code == 0
    assert settled.stdout.count("@harbour_desk") == 1
    assert once.stdout.count("@harbour_desk") == 2
    # The config file's key says the same.
    config = tmp_path / "cleannews.toml"
    config.write_text("single-pass = true\n")
    from_file = invoke(["--config", str(config)], stdin=ROUNDS_ARTICLE)
    assert from_file.stdout == once.stdout
