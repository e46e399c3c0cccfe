"""Config files: where they are found, what they may hold, how the command line overrides them."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import cleannews
from cleannews import configfile
from cleannews.cli import cli
from cleannews.cli_settings import option_key
from cleannews.tomlfile import ConfigError

ARTICLE = "Advertisement\nThe quay reopened on Monday.\nReading Time: 2 minutes\nShare\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A project folder with a sub-folder, as the working folder (restored after)."""
    (tmp_path / "project" / "news" / "today").mkdir(parents=True)
    before = os.getcwd()
    os.chdir(tmp_path / "project" / "news" / "today")
    try:
        yield tmp_path / "project"
    finally:
        os.chdir(before)


def _run(args: Sequence[str], text: str = ARTICLE) -> Result:
    return CliRunner().invoke(cli, list(args), input=text)


def test_a_config_is_found_from_the_working_folder_upward(project: Path) -> None:
    (project / "cleannews.toml").write_text('skip = ["ads"]\n')
    assert configfile.find() == str(project / "cleannews.toml")
    assert _run([]).stdout.startswith("Advertisement\nThe quay")


def test_the_nearest_folder_wins_and_files_further_up_are_not_merged(project: Path) -> None:
    (project / "cleannews.toml").write_text('skip = ["ads"]\n')
    (project / "news" / "cleannews.toml").write_text('skip = ["reading_time"]\n')
    result = _run([])
    assert "Advertisement" not in result.stdout  # the outer file's skip does not apply
    assert "Reading Time" in result.stdout


def test_within_a_folder_dot_file_then_cleannews_toml_then_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.cleannews]\nskip = ["ads"]\n')
    assert configfile.find() == str(project / "pyproject.toml")
    (project / "cleannews.toml").write_text('skip = ["chrome"]\n')
    assert configfile.find() == str(project / "cleannews.toml")
    (project / ".cleannews.toml").write_text('skip = ["reading_time"]\n')
    assert configfile.find() == str(project / ".cleannews.toml")


def test_a_pyproject_that_only_names_cleannews_is_not_parsed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parsing means importing tomllib, a few ms of every run in such a project.
    (project / "pyproject.toml").write_text(
        '[project]\nname = "newsdesk"\ndependencies = ["cleannews>=0.1"]\n'
        '[project.scripts]\ncleannews-all = "newsdesk.clean:main"\n'
        '[tool.setuptools.package-data]\ncleannews = ["*.toml"]\n'
    )

    def parsed(path: str) -> dict[str, object]:
        raise AssertionError(f"{path} was parsed")

    monkeypatch.setattr(configfile, "load_toml", parsed)
    assert configfile.find() is None


def test_a_pyproject_without_our_table_is_passed_over(project: Path) -> None:
    (project / "news" / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    (project / "pyproject.toml").write_text('[tool.cleannews]\nskip = ["ads"]\n')
    assert configfile.find() == str(project / "pyproject.toml")


@pytest.mark.parametrize(
    "table",
    [
        '[tool]\ncleannews = { skip = ["ads"] }\n',
        '[tool."cleannews"]\nskip = ["ads"]\n',
        '[ tool . cleannews ]\nskip = ["ads"]\n',
        'tool.cleannews.skip = ["ads"]\n',
        '[tool]\ncleannews.skip = ["ads"]\n',
        '["tool".cleannews]\nskip = ["ads"]\n',
    ],
)
def test_our_table_is_found_however_toml_spells_it(project: Path, table: str) -> None:
    # Each is the same [tool.cleannews] table to a TOML reader; none may be passed over.
    (project / "pyproject.toml").write_text(table)
    assert configfile.find() == str(project / "pyproject.toml")
    assert _run([]).stdout.startswith("Advertisement\nThe quay")


def test_a_pyproject_whose_tool_is_not_a_table_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('tool = "cleannews"\n')
    result = _run(["--config", str(config)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"cleannews: error: {config}: tool.cleannews: no such table in this pyproject.toml\n"
    )


def test_config_names_a_file_and_no_config_reads_none(project: Path, tmp_path: Path) -> None:
    (project / "cleannews.toml").write_text('skip = ["ads"]\n')
    elsewhere = tmp_path / "strict.toml"
    elsewhere.write_text('skip = ["chrome"]\n')
    named = _run(["--config", str(elsewhere)])
    assert "Advertisement" not in named.stdout
    assert "Share" in named.stdout
    none = _run(["--no-config"])
    assert "Advertisement" not in none.stdout
    assert "Share" not in none.stdout
    both = _run(["--no-config", "--config", str(elsewhere)])
    assert both.exit_code == 2
    assert "--config and --no-config cannot be used together" in both.stderr


def test_the_command_line_overrides_the_file(project: Path) -> None:
    (project / "cleannews.toml").write_text('skip = ["ads"]\n')
    result = _run(["--skip", "chrome"])
    assert "Advertisement" not in result.stdout  # the file's skip is replaced, not added to
    assert "Share" in result.stdout


def test_a_mode_on_the_command_line_replaces_a_mode_in_the_file(
    project: Path, tmp_path: Path
) -> None:
    (project / "cleannews.toml").write_text("check = true\n")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    assert _run([str(article)]).exit_code == 1  # check from the file
    diff = _run(["--diff", str(article)])
    assert diff.exit_code == 0
    assert diff.stdout.startswith("--- a/")


def test_list_stages_shows_the_settings_in_force(project: Path) -> None:
    (project / "cleannews.toml").write_text("[set.captions]\nmin_chars = 57\n")
    listed = _run(["--list-stages"]).stdout
    assert "    setting min_chars=57\n" in listed
    assert (
        "    setting min_chars=12\n"
        in _run(["--list-stages", "--set", "captions.min_chars=12"]).stdout
    )


def test_keys_may_be_kebab_or_snake_case(project: Path, tmp_path: Path) -> None:
    (project / "cleannews.toml").write_text('rule_timeout = 0.5\n[site-paths]\n"x/*" = "bbc"\n')
    loaded = configfile.discover()
    assert loaded is not None
    assert loaded.values["rule-timeout"] == 0.5
    assert loaded.values["site-paths"] == ((str(project / "x/*"), "bbc"),)


def test_show_config_says_where_each_setting_came_from(project: Path) -> None:
    config = project / "cleannews.toml"
    config.write_text(
        'skip = ["captions"]\nsummary = true\n[set.captions]\nmin_chars = 50\n'
        "[[rules]]\nid = 'tip'\nstage = 'house'\nphrases = ['Got a tip?']\n"
    )
    result = _run(["--show-config", "--enable", "chrome", "--set", "whitespace.x=1"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == f"# config file: {config}"

    def origin(prefix: str) -> str:
        line = next(line for line in lines if line.startswith(prefix))
        return line.rsplit("  # ", 1)[1]

    assert origin('skip = ["captions"]') == str(config)
    assert origin("summary = true") == str(config)
    assert origin('enable = ["chrome"]') == "command line"
    assert origin("set.captions.min_chars = 50") == f"{config} + command line"
    assert origin('set.whitespace.x = "1"') == f"{config} + command line"
    assert origin("check = false") == "default"
    assert origin('rules = ["house.tip"]') == str(config)
    assert origin('include = ["*.txt"]') == "default"


def test_the_effective_config_is_valid_toml_that_reads_back(project: Path) -> None:
    from cleannews.tomlfile import load

    (project / "cleannews.toml").write_text('skip = ["captions"]\nformat = "json"\n')
    shown = project / "shown.toml"
    shown.write_text(_run(["--show-config"]).stdout)
    parsed = load(str(shown))
    assert parsed["skip"] == ["captions"]
    assert parsed["format"] == "json"


def test_the_api_reads_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n[tool.cleannews]\nskip = ["ads"]\n')
    assert cleannews.clean(ARTICLE, config=str(config)).startswith("Advertisement\n")
    # keywords override the file, as the command line does
    assert cleannews.clean(ARTICLE, config=str(config), skip=[]).startswith("The quay")
    options = cleannews.Options.from_config(config)
    assert tuple(options.skip) == ("ads",)


ERRORS = [
    ('skipp = ["ads"]\n', "skipp", "unknown key (did you mean 'skip'?)"),
    ("quiet = 1\n", "quiet", "must be true or false, got 1"),
    ('format = "xml"\n', "format", "must be one of text, json, got 'xml'"),
    ('stages = "ads"\nenable = [1]\n', "enable", "must be a list of stage names"),
    ('skip = ["adz"]\n', "skip", "unknown stage 'adz'"),
    ("rule-timeout = 0\n", "rule-timeout", "must be a number of seconds above 0"),
    ("[set.captions]\nmin_chars = 'many'\n", "set.captions", "must be int, got 'many'"),
    ("[set.captions]\ncolour = 1\n", "set.captions", "has no setting 'colour'"),
    ("[set.nope]\nx = 1\n", "set.nope", "no such stage"),
    ('site = "bbx"\n', "site", "unknown site profile 'bbx' (did you mean 'bbc'?"),
    ('[site-paths]\n"a/*" = "nope"\n', "site-paths", "unknown site profile 'nope'"),
    (
        "[[rules]]\nid = 'x'\nstage = 'house'\npattern = '(a'\n",
        "rules[1].pattern",
        "bad pattern: missing ) at position 2",
    ),
    (
        "[[rules]]\nid = 'x'\nstage = 'house'\npattern = '.*'\n",
        "rules[1].pattern",
        "'.*' matches an empty line",
    ),
    ("[[rules]]\nid = 'x'\nstage = 'house'\nphrase = ['a']\n", "rules[1].phrase", "unknown key"),
    ("rules = 'a'\n", "rules", "must be a list of rules"),
    (
        "[[rules]]\nid = 'ad_marker'\nstage = 'ads'\nphrases = ['x']\n",
        "rules",
        "ads.ad_marker is a built-in rule of stage 'ads'",
    ),
    ("[profiles.my_site]\ndomain = 'x.example'\n", "profiles.my_site.domain", "unknown key"),
    (
        "[[profiles.my_site.rules]]\nid = 'x'\npattern = '['\n",
        "profiles.my_site.rules[1].pattern",
        "bad pattern",
    ),
    ("[profiles.My-Site]\n", "profiles.My-Site", "must be snake_case"),
    # The batch keys are checked in the file too, not blamed on --field and friends.
    ('field = "doc..body"\n', "field", "'doc..body' is not a field name or path"),
    ('url-field = "meta."\n', "url-field", "'meta.' is not a field name or path"),
    ('field = "doc.body"\nexplain-field = "doc"\n', "explain-field", "other than the one cleaned"),
    ("in-place = true\ncheck = true\n", "check", "in-place and check cannot be used together"),
]


@pytest.mark.parametrize(("content", "key", "reason"), ERRORS)
def test_a_bad_config_is_an_error_naming_file_key_and_reason(
    tmp_path: Path, content: str, key: str, reason: str
) -> None:
    config = tmp_path / "cleannews.toml"
    config.write_text(content)
    with pytest.raises(ConfigError) as error:
        configfile.load(str(config))
    assert (error.value.where, error.value.key) == (str(config), key)
    assert reason in error.value.reason
    result = _run(["--config", str(config)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"cleannews: error: {config}: {key}: ")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_keys_in_pyproject_are_named_with_their_table(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.cleannews]\nin_place = "yes"\n')
    result = _run(["--config", str(config)])
    assert result.exit_code == 2
    assert f"{config}: tool.cleannews.in_place: must be true or false, got 'yes'" in result.stderr


def test_a_file_that_is_not_toml_or_not_there(tmp_path: Path) -> None:
    broken = tmp_path / "cleannews.toml"
    broken.write_text("skip = [\n")
    result = _run(["--config", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cleannews: error: {broken}: invalid TOML: ")
    missing = _run(["--config", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2
    assert f"{tmp_path / 'nope.toml'}: no such file or directory" in missing.stderr
    named_pyproject = tmp_path / "pyproject.toml"
    named_pyproject.write_text("[tool.black]\n")
    result = _run(["--config", str(named_pyproject)])
    assert "tool.cleannews: no such table in this pyproject.toml" in result.stderr


def test_a_bad_config_found_by_discovery_is_an_error_too(project: Path) -> None:
    (project / ".cleannews.toml").write_text("loud = true\n")
    result = _run([])
    assert result.exit_code == 2
    assert f"{project / '.cleannews.toml'}: loud: unknown key" in result.stderr


# Options that act instead of cleaning, or say where settings come from: no config key.
NOT_IN_A_CONFIG = {"config", "no-config", "show-config", "list-stages", "list-sites", "version"}
NOT_IN_A_CONFIG |= {"help"}


def test_every_command_line_option_has_a_config_key_of_the_same_name() -> None:
    options = {option_key(param) for param in cli.params} - {None}
    option_keys = {key for key, spec in configfile.KEYS.items() if spec.option}
    assert options - NOT_IN_A_CONFIG == option_keys


@pytest.mark.parametrize("key", sorted(configfile.KEYS))
def test_every_config_key_is_documented_in_the_readme(key: str) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"`{key}`" in readme


def test_show_config_lists_every_key(project: Path) -> None:
    shown = _run(["--show-config", "--no-config"]).stdout
    for key in configfile.KEYS:
        assert any(line.lstrip("# ").startswith(key) for line in shown.splitlines()), key


def test_the_example_config_in_the_readme_works(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```toml", readme.index("A complete example")) + len("```toml")
    config = tmp_path / "cleannews.toml"
    config.write_text(readme[start : readme.index("```", start)], encoding="utf-8")
    loaded = configfile.load(str(config))
    assert set(loaded.values) >= {"skip", "set", "rules", "profiles", "site-paths"}
    text = (
        "OSLO (Gazette) — The fjord ferry will run all winter.\n"
        "Sign up for the Morning Brief\n"
        "Follow us on Instagram\n"
        "Got a story? Email tips@harbourgazette.example\n"
    )
    result = cleannews.clean_and_explain(text, config=str(config), site="gazette")
    assert result.text == "OSLO The fjord ferry will run all winter.\n"
    assert [r.key for r in result.removals] == [
        "house.dateline_tag",
        "house.newsletter",
        "chrome.follow_us",
        "gazette.tip_line",
    ]
