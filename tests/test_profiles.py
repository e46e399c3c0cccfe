"""Site profiles: built-in data files, chosen by name, URL or path glob; golden cases per site.

tests/profiles/NAME.in.txt is an article written for these tests in the style of
that site, with the residue its pages leave; NAME.out.txt is what cleaning it
with ``site=NAME`` must give.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cleannews
from cleannews import apply_removals
from cleannews.cli import cli
from cleannews.profiles import Profiles, UnknownProfileError, builtin, host_of

CASES = Path(__file__).parent / "profiles"
SITES = sorted(path.name.removesuffix(".in.txt") for path in CASES.glob("*.in.txt"))

SITE_URLS = {
    "aljazeera": "https://www.aljazeera.com/news/2026/3/5/kenya-housing-levy",
    "ap": "https://apnews.com/article/wildfire-los-angeles-0123456789abcdef",
    "bbc": "https://www.bbc.co.uk/news/articles/c4g0000000o",
    "cnn": "https://edition.cnn.com/2026/02/27/politics/senate-stopgap/index.html",
    "elpais": "https://elpais.com/economia/2026-03-03/ayuda-alquiler.html",
    "guardian": "https://www.theguardian.com/uk-news/2026/mar/03/cardigan-bay-wind-farm",
    "lemonde": "https://www.lemonde.fr/societe/article/2026/03/03/marseille-ecoles.html",
    "nytimes": "https://www.nytimes.com/2026/03/05/nyregion/brooklyn-rezoning.html",
    "reuters": "https://www.reuters.com/markets/commodities/copper-chile-strike-2026-03-03/",
    "scmp": "https://www.scmp.com/news/hong-kong/transport/article/3300000/ferry-cuts",
    "spiegel": "https://www.spiegel.de/wirtschaft/bahnstreik-a-0000-0000.html",
}


def _case(site: str) -> tuple[str, str]:
    source = (CASES / f"{site}.in.txt").read_text(encoding="utf-8")
    expected = (CASES / f"{site}.out.txt").read_text(encoding="utf-8")
    return source, expected


def test_at_least_ten_sites_ship_each_with_a_case() -> None:
    assert len(builtin()) >= 10
    assert sorted(builtin()) == SITES  # every profile has a golden case, and no case is stray


@pytest.mark.parametrize("site", SITES)
def test_a_site_profile_cleans_its_golden_case(site: str) -> None:
    source, expected = _case(site)
    result = cleannews.clean_and_explain(source, site=site)
    assert result.text == expected
    assert apply_removals(source, result.removals) == result.text
    assert cleannews.clean(result.text, site=site) == result.text  # cleaning twice changes nothing


@pytest.mark.parametrize("site", SITES)
def test_every_rule_of_a_profile_works_on_its_case(site: str) -> None:
    source, _ = _case(site)
    result = cleannews.clean_and_explain(source, site=site, stages=[site])
    fired = {removal.rule for removal in result.removals if removal.stage == site}
    assert fired == {rule.id for rule in builtin()[site].rules}


@pytest.mark.parametrize("site", SITES)
def test_without_the_profile_the_site_residue_stays(site: str) -> None:
    source, expected = _case(site)
    plain = cleannews.clean(source)
    assert len(plain.splitlines()) > len(expected.splitlines())


@pytest.mark.parametrize("site", SITES)
def test_the_url_of_a_page_picks_its_profile(site: str) -> None:
    source, expected = _case(site)
    assert Profiles().for_url(SITE_URLS[site]).name == site  # type: ignore[union-attr]
    assert cleannews.clean(source, url=SITE_URLS[site]) == expected


def test_urls_of_other_sites_pick_no_profile() -> None:
    profiles = Profiles()
    for url in ("https://notbbc.com/news", "https://example.org/", "not a url", ""):
        assert profiles.for_url(url) is None
    assert profiles.for_url("www.bbc.com/news/world") is not None  # no scheme is fine
    assert host_of("HTTPS://WWW.Reuters.COM./markets") == "www.reuters.com"


def test_the_most_specific_domain_wins(tmp_path: Path) -> None:
    own = Profiles(
        {
            "bbc_sport": _profile("bbc_sport", ["sport.bbc.co.uk"]),
        }
    )
    assert own.for_url("https://sport.bbc.co.uk/football").name == "bbc_sport"  # type: ignore[union-attr]
    assert own.for_url("https://www.bbc.co.uk/news").name == "bbc"  # type: ignore[union-attr]


def _profile(name: str, domains: list[str]) -> Any:
    from cleannews.profiles import parse_profile

    table = {"domains": domains, "rules": [{"id": "x", "phrases": ["Match report"]}]}
    return parse_profile(name, table, "test", "test")


def test_an_unknown_site_names_the_known_ones() -> None:
    with pytest.raises(
        UnknownProfileError, match=r"unknown site profile 'bbx' \(did you mean 'bbc'"
    ):
        cleannews.clean("text\n", site="bbx")


def test_the_cli_takes_a_site_or_a_url() -> None:
    source, expected = _case("reuters")
    runner = CliRunner()
    by_name = runner.invoke(cli, ["--no-config", "--site", "reuters"], input=source)
    assert by_name.stdout == expected
    by_url = runner.invoke(cli, ["--no-config", "--url", SITE_URLS["reuters"]], input=source)
    assert by_url.stdout == expected
    unknown = runner.invoke(cli, ["--no-config", "--site", "nope"], input=source)
    assert unknown.exit_code == 2
    assert "unknown site profile 'nope'" in unknown.stderr


def test_site_paths_in_the_config_pick_a_profile_per_file(tmp_path: Path) -> None:
    bbc_in, bbc_out = _case("bbc")
    spiegel_in, spiegel_out = _case("spiegel")
    (tmp_path / "crawl" / "bbc").mkdir(parents=True)
    (tmp_path / "crawl" / "spiegel").mkdir()
    (tmp_path / "crawl" / "bbc" / "a.txt").write_text(bbc_in, encoding="utf-8")
    (tmp_path / "crawl" / "spiegel" / "b.txt").write_text(spiegel_in, encoding="utf-8")
    (tmp_path / "crawl" / "plain.txt").write_text(bbc_in, encoding="utf-8")
    config = tmp_path / "cleannews.toml"
    config.write_text('[site-paths]\n"crawl/bbc/*" = "bbc"\n"crawl/spiegel/*" = "spiegel"\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--config", str(config), "-o", str(out), str(tmp_path / "crawl")]
    )
    assert result.exit_code == 0, result.output
    assert (out / "bbc" / "a.txt").read_text(encoding="utf-8") == bbc_out
    assert (out / "spiegel" / "b.txt").read_text(encoding="utf-8") == spiegel_out
    assert (out / "plain.txt").read_text(encoding="utf-8") == cleannews.clean(bbc_in)


def test_a_config_profile_of_your_own(tmp_path: Path) -> None:
    config = tmp_path / "cleannews.toml"
    config.write_text(
        """
site = "gazette"
[profiles.gazette]
title = "The Harbour Gazette"
domains = ["harbourgazette.example"]
[[profiles.gazette.rules]]
id = "tip_line"
reason = "the tip-line plug"
pattern = 'Got a story\\? Email .+'
"""
    )
    text = "The quay reopened.\nGot a story? Email tips@harbourgazette.example\n"
    result = cleannews.clean_and_explain(text, config=str(config))
    assert result.text == "The quay reopened.\n"
    assert [r.key for r in result.removals] == ["gazette.tip_line"]
    listed = CliRunner().invoke(cli, ["--config", str(config), "--list-sites"])
    assert f"gazette        The Harbour Gazette (harbourgazette.example)  [{config}]" in (
        listed.stdout
    )
    assert "gazette.tip_line" in listed.stdout
    assert "bbc" in listed.stdout


def test_list_sites_shows_every_built_in_profile() -> None:
    listed = CliRunner().invoke(cli, ["--no-config", "--list-sites"])
    assert listed.exit_code == 0
    for site in SITES:
        assert any(line.startswith(f"{site} ") for line in listed.stdout.splitlines())
    assert "reuters.credits" in listed.stdout


@pytest.mark.parametrize(
    ("site", "sentence"),
    [
        ("bbc", "Author, broadcaster and campaigner Ruth Ellery has died aged 84."),
        ("bbc", "Role, the union said, is not the same thing as rank."),
        ("guardian", "Sign up to the electoral register by Friday, the council urged residents."),
    ],
)
def test_a_profile_keeps_a_sentence_that_starts_like_its_residue(site: str, sentence: str) -> None:
    # The residue is a label or a promotion ("Author, Megan Fairweather",
    # "Sign up to First Edition, our free daily newsletter"); a sentence of
    # the article that opens with the same words ends as a sentence does.
    text = f"{sentence}\n\nThe bridge reopened on Monday after two years of repairs.\n"
    assert cleannews.clean(text, site=site) == text
