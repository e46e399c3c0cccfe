"""Every option the command offers is documented in README.md, and README names no option
that the command does not have (sqlite-utils' documentation test, for one command)."""

from __future__ import annotations

import re
from pathlib import Path

from clitools import Invoke

README = Path(__file__).parents[2] / "README.md"
OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def _help_options(invoke: Invoke) -> set[str]:
    text = invoke(["--help"]).stdout
    options_part = text.split("Options:", 1)[1].split("Examples:", 1)[0]
    # the option names are the start of each entry: "  -o, --output-dir DIR  ..."
    names: set[str] = set()
    for line in options_part.splitlines():
        entry = line.strip()
        if entry.startswith("-"):
            names.update(OPTION.findall(entry.split("  ", 1)[0]))
    return names


def _readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Command line", 1)[1].split("\n## ", 1)[0]


def test_help_lists_the_options_issues_2_and_6_ask_for(invoke: Invoke) -> None:
    expected = {
        "-o", "--output-dir", "-i", "--in-place", "--check", "--diff", "--explain", "--format",
        "--summary", "--stages", "--skip", "--enable", "--set", "--include", "--exclude",
        "--list-stages", "-q", "--quiet", "--version", "-h", "--help",
        # issue 6: configuration, your rules, site profiles
        "--config", "--no-config", "--show-config", "--site", "--url", "--rule-timeout",
        "--list-sites", "--single-pass",
        # issue 4: batch use and JSON Lines
        "-j", "--jobs", "--jsonl", "--field", "--explain-field", "--url-field",
        # issue 5: binary files named in folders, the pre-commit hook's exit code
        "-v", "--verbose", "--exit-nonzero-on-fix",
    }  # fmt: skip
    assert _help_options(invoke) == expected


def test_every_option_in_help_is_documented_in_readme(invoke: Invoke) -> None:
    section = _readme_section()
    documented = {name for name in OPTION.findall(section) if f"`{name}" in section}
    missing = _help_options(invoke) - documented
    assert not missing, f"options missing from README's Command line section: {sorted(missing)}"


def test_readme_names_no_option_the_command_lacks(invoke: Invoke) -> None:
    in_code = set(re.findall(r"`([^`]*)`", README.read_text(encoding="utf-8")))
    named = {name for snippet in in_code for name in OPTION.findall(snippet) if name != "-"}
    named = {name for name in named if name.startswith("--") or len(name) == 2}
    assert named <= _help_options(invoke), sorted(named - _help_options(invoke))


def test_readme_documents_every_exit_code() -> None:
    section = _readme_section()
    for code in ("0", "1", "2", "123"):
        assert f"\n| {code} | " in section


def test_help_and_readme_give_the_same_exit_codes_for_the_same_options(invoke: Invoke) -> None:
    readme = dict(re.findall(r"\n\| (\d+) \| (.*) \|", _readme_section()))
    help_text = invoke(["--help"]).stdout.split("Exit codes:", 1)[1]
    rows = re.split(r"\n +(\d+) +", help_text.rstrip())[1:]
    in_help = dict(zip(rows[::2], rows[1::2], strict=True))
    assert set(in_help) == set(readme)
    for code, meaning in readme.items():
        options = {name for name in OPTION.findall(meaning) if name.startswith("--")}
        assert options <= set(OPTION.findall(in_help[code])), code
