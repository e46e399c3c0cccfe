"""The article the project started from, cleaned exactly as issue 2 describes."""

from __future__ import annotations

from pathlib import Path

import cleannews
from cleannews import apply_removals


def _seed(shared_data: Path) -> str:
    return (shared_data / "seed" / "news-sample.txt").read_text(encoding="utf-8")


def test_seed_keeps_every_content_line_in_order(shared_data: Path) -> None:
    original = _seed(shared_data)
    cleaned = cleannews.clean(original)
    lines = original.split("\n")
    headline = lines[2]
    first_caption = lines[6]
    medvedev = lines[21]
    assert medvedev == lines[22]  # the seed prints this caption twice
    body = [
        line for line in lines if len(line) > 40 and line not in (headline, first_caption, medvedev)
    ]
    expected_order = [headline, first_caption, *body[:5], medvedev, body[5]]
    kept = [line for line in cleaned.split("\n") if line]
    assert kept == expected_order
    assert cleaned.count(medvedev) == 1


def test_seed_removes_the_residue(shared_data: Path) -> None:
    cleaned = cleannews.clean(_seed(shared_data))
    for junk in ("Advertisement", "Reading Time", "Why you can trust SCMP", "loading"):
        assert junk not in cleaned
    assert "\n\n\n" not in cleaned
    assert not cleaned.startswith("\n")
    assert not cleaned.endswith("\n\n")


def test_seed_removals_are_explained_and_replay(shared_data: Path) -> None:
    original = _seed(shared_data)
    result = cleannews.clean_and_explain(original)
    assert apply_removals(original, result.removals) == result.text
    keys = [removal.key for removal in result.removals if removal.stage != "whitespace"]
    assert keys == [
        "ads.ad_marker",
        "reading_time.reading_time",
        "chrome.trust_badge",
        "ads.ad_marker",
        "ads.ad_marker",
        "captions.repeated_line",
        "chrome.placeholder",
        "ads.ad_marker",
    ]
    # The last "Advertisement" has no newline after it; it goes all the same.
    assert result.removals[-1].text == "Advertisement"
    assert original.endswith("Advertisement")
