"""Where the clean text goes: stdout, a mirror folder, the files themselves, a diff, or nowhere
(--check). Inputs: files, folders (with --include/--exclude), and standard input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from clitools import CLEAN, DIRTY, NEWS, Invoke

import cleannews


def _clean(path: Path) -> bytes:
    return cleannews.clean(path.read_text(encoding="utf-8")).encode("utf-8")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_one_file_goes_to_stdout_clean_and_nothing_on_stderr(news: Path, invoke: Invoke) -> None:
    result = invoke([str(news / "en-harbour-fire.txt")])
    assert result.exit_code == 0
    assert result.stderr == ""
    text = result.stdout
    assert text.startswith("Warehouse fire shuts part of Port Ellery harbour")
    for residue in ("Reading Time", "Why you can trust", "Advertisement", "loading", "Share\n"):
        assert residue not in text
    assert text.count("Firefighters stand on the quay") == 1
    assert text.endswith("once engineers have checked the quay wall.\n")


def test_several_files_are_streamed_in_the_order_given(news: Path, invoke: Invoke) -> None:
    order = [news / "fr/greve.txt", news / CLEAN, news / "de/stadtwerke.txt"]
    result = invoke([str(p) for p in order])
    assert result.exit_code == 0
    assert result.stdout_bytes == b"".join(_clean(p) for p in order)


def test_a_folder_is_walked_in_sorted_order_for_txt_files_only(news: Path, invoke: Invoke) -> None:
    result = invoke([str(news)])
    assert result.exit_code == 0
    expected = sorted([*DIRTY, CLEAN])
    assert result.stdout_bytes == b"".join(_clean(news / name) for name in expected)
    # notes.md holds an ad marker, but *.md is not walked by default
    assert "markdown file" not in result.stdout


def test_include_and_exclude_choose_the_files_in_a_folder(news: Path, invoke: Invoke) -> None:
    result = invoke(["--check", "--include", "*.md", str(news)])
    assert result.stderr.splitlines()[0] == f"would clean {news / 'notes.md'}"
    assert result.exit_code == 1
    result = invoke(["--check", "--exclude", "de/*", "--exclude", "fr*", str(news)])
    assert result.stderr.splitlines()[:-1] == [f"would clean {news / 'en-harbour-fire.txt'}"]
    result = invoke(["--include", "*.txt", "--include", "*.md", "--exclude", "*.txt", str(news)])
    assert (
        result.stdout
        == "This markdown file is not a .txt file, so a folder walk skips it by default.\n"
    )


def test_a_file_named_directly_is_cleaned_whatever_its_extension(
    news: Path, invoke: Invoke
) -> None:
    result = invoke([str(news / "notes.md")])
    assert result.stdout.startswith("This markdown file")


def test_dash_and_no_path_read_stdin(invoke: Invoke) -> None:
    raw = "Advertisement\nLa ville a rouvert le pont lundi.\n"
    assert invoke([], stdin=raw).stdout == "La ville a rouvert le pont lundi.\n"
    assert invoke(["-"], stdin=raw).stdout == "La ville a rouvert le pont lundi.\n"


def test_stdin_can_sit_between_files(news: Path, invoke: Invoke) -> None:
    letter = news / CLEAN
    result = invoke([str(letter), "-", str(letter)], stdin="Werbung\nMitte.\n")
    body = letter.read_text(encoding="utf-8")
    assert result.stdout == body + "Mitte.\n" + body


def test_output_dir_mirrors_relative_paths_and_leaves_inputs_alone(
    news: Path, tmp_path: Path, invoke: Invoke
) -> None:
    before = _snapshot(news)
    out = tmp_path / "clean"
    result = invoke(["-o", str(out), str(news)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert _snapshot(news) == before
    written = _snapshot(out)
    assert sorted(written) == sorted([*DIRTY, CLEAN])
    for name, data in written.items():
        assert data == _clean(news / name)
    assert "3 files cleaned, 1 file left unchanged" in result.stderr


def test_output_dir_inside_the_input_folder_is_not_cleaned_again(
    news: Path, invoke: Invoke
) -> None:
    out = news / "clean"
    first = invoke(["--output-dir", str(out), str(news)])
    second = invoke(["--output-dir", str(out), str(news)])
    assert first.exit_code == second.exit_code == 0
    assert "4 files left unchanged" not in second.stderr
    assert "3 files cleaned, 1 file left unchanged" in second.stderr
    assert not (out / "clean").exists()
    assert sorted(_snapshot(out)) == sorted([*DIRTY, CLEAN])


def test_output_dir_refuses_two_inputs_with_one_target(
    news: Path, tmp_path: Path, invoke: Invoke
) -> None:
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / "greve.txt").write_text("Publicité\nAutre texte.\n", encoding="utf-8")
    result = invoke(
        ["-o", str(tmp_path / "out"), str(news / "fr/greve.txt"), str(twin / "greve.txt")]
    )
    assert result.exit_code == 2
    assert "would both be written to" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_named_twice_is_cleaned_once_where_files_are_written_or_judged(
    news: Path, tmp_path: Path, invoke: Invoke
) -> None:
    # `cleannews -o clean/ news/fr/greve.txt news/fr`: one file reached twice is one
    # input, not two inputs fighting over one target; and it is counted once.
    greve = news / "fr/greve.txt"
    out = tmp_path / "out"
    result = invoke(["-o", str(out), str(greve), str(news / "fr"), f"{news}/./fr/greve.txt"])
    assert result.exit_code == 0, result.stderr
    assert (out / "greve.txt").read_bytes() == _clean(greve)
    assert result.stderr.splitlines()[-1].startswith("1 file cleaned (")
    result = invoke(["--check", str(greve), str(news / "fr")])
    assert result.stderr.splitlines() == [
        f"would clean {greve}",
        result.stderr.splitlines()[-1],
    ]
    assert result.stderr.splitlines()[-1].startswith("1 file would be cleaned (")
    result = invoke(["--diff", str(greve), str(greve)])
    assert result.stdout.count("+++ ") == 1
    result = invoke(["-i", str(greve), str(news / "fr")])
    assert result.stderr.splitlines() == [f"cleaned {greve}", result.stderr.splitlines()[-1]]
    assert result.stderr.splitlines()[-1].startswith("1 file cleaned (")
    # Under -o, the same file at another relative path is another copy asked for.
    result = invoke(["-o", str(out), str(greve), str(news)])
    assert result.exit_code == 0, result.stderr
    assert (out / "fr" / "greve.txt").read_bytes() == (out / "greve.txt").read_bytes()
    # To stdout, like cat: named twice, printed twice.
    assert invoke([str(news / CLEAN), str(news / CLEAN)]).stdout_bytes == _clean(news / CLEAN) * 2


def test_in_place_rewrites_changed_files_only(news: Path, invoke: Invoke) -> None:
    letter = news / CLEAN
    old = 1_000_000_000
    os.utime(letter, (old, old))
    inode = letter.stat().st_ino
    expected = {name: _clean(news / name) for name in DIRTY}
    result = invoke(["-i", str(news)])
    assert result.exit_code == 0
    assert result.stdout == ""
    for name, data in expected.items():
        assert (news / name).read_bytes() == data
    assert letter.stat().st_mtime == old
    assert letter.stat().st_ino == inode
    assert sorted(result.stderr.splitlines()[:-1]) == [f"cleaned {news / n}" for n in DIRTY]
    # no temporary files left behind
    assert not [p for p in news.rglob("*") if p.name.startswith(".cleannews-")]


def test_in_place_keeps_file_mode(news: Path, invoke: Invoke) -> None:
    article = news / "fr/greve.txt"
    article.chmod(0o640)
    assert invoke(["--in-place", str(article)]).exit_code == 0
    assert article.stat().st_mode & 0o777 == 0o640


def test_in_place_refuses_stdin(invoke: Invoke) -> None:
    result = invoke(["-i"], stdin="Advertisement\n")
    assert result.exit_code == 2
    assert "standard input" in result.stderr


def test_check_writes_nothing_and_exits_1_when_files_would_change(
    news: Path, invoke: Invoke
) -> None:
    before = _snapshot(news)
    result = invoke(["--check", str(news)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert _snapshot(news) == before
    lines = result.stderr.splitlines()
    assert lines[:-1] == [f"would clean {news / name}" for name in DIRTY]
    assert (
        lines[-1] == "3 files would be cleaned, 1 file would be left unchanged (21 lines removed)."
    )


def test_check_exits_0_on_clean_files(news: Path, invoke: Invoke) -> None:
    result = invoke(["--check", str(news / CLEAN)])
    assert result.exit_code == 0
    assert "would clean" not in result.stderr


def test_check_quiet_says_nothing(news: Path, invoke: Invoke) -> None:
    result = invoke(["--check", "-q", str(news)])
    assert result.exit_code == 1
    assert result.stderr == result.stdout == ""


def test_diff_is_a_unified_diff_of_the_changes_on_stdout(news: Path, invoke: Invoke) -> None:
    article = news / "fr/greve.txt"
    result = invoke(["--diff", str(article)])
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- a/{article}", f"+++ b/{article}"]
    assert lines[2].startswith("@@ -1,11 +1,5 @@")
    removed = [line[1:] for line in lines[3:] if line.startswith("-")]
    assert removed == ["Temps de lecture : 4 min", "", "", "Publicité", "", "Publicité"]
    assert not [line for line in lines[3:] if line.startswith("+")]
    assert article.read_bytes() == (NEWS / "fr/greve.txt").read_bytes()


def test_a_diff_of_a_file_name_with_spaces_ends_the_name_with_a_tab(
    tmp_path: Path, invoke: Invoke
) -> None:
    # patch(1) reads a header's file name up to a tab (diff -u puts its timestamp
    # there) or, without one, up to the first space: "a/my article.txt" was not found.
    article = tmp_path / "my article.txt"
    article.write_text("Publicité\nLe port rouvre lundi.\n", encoding="utf-8")
    feed = tmp_path / "my feed.jsonl"
    feed.write_text('{"text": "Publicité\\nLe port rouvre lundi.\\n"}\n', encoding="utf-8")
    for path in (article, feed):
        lines = invoke(["--diff", str(path)]).stdout.splitlines()
        assert lines[:2] == [f"--- a/{path}\t", f"+++ b/{path}\t"]
    # A name without spaces keeps the plain header.
    plain = tmp_path / "plain.txt"
    plain.write_text("Publicité\nLe port rouvre lundi.\n", encoding="utf-8")
    assert invoke(["--diff", str(plain)]).stdout.splitlines()[0] == f"--- a/{plain}"


def test_diff_prints_nothing_for_clean_files(news: Path, invoke: Invoke) -> None:
    result = invoke(["--diff", str(news / CLEAN)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_diff_marks_a_last_line_without_newline(invoke: Invoke) -> None:
    result = invoke(["--diff"], stdin="Der Bus fährt wieder.\nAnzeige")
    # The clean text still ends without a newline, as the input did: both sides say so.
    assert result.stdout.endswith(
        "-Anzeige\n\\ No newline at end of file\n"
        "+Der Bus fährt wieder.\n\\ No newline at end of file\n"
    )


def test_modes_that_conflict_are_a_usage_error(news: Path, invoke: Invoke) -> None:
    for args in (
        ["-i", "--check"],
        ["--diff", "-o", "x"],
        ["--explain", "--format", "json", "--diff"],
    ):
        result = invoke([*args, str(news)])
        assert result.exit_code == 2, args
        assert result.stdout == ""
    assert "cannot be used together" in invoke(["-i", "--check", str(news)]).stderr


def test_exclude_leaves_out_a_whole_folder_by_name(news: Path, invoke: Invoke) -> None:
    result = invoke(["--check", "--exclude", "fr", str(news)])
    assert f"would clean {news / 'de/stadtwerke.txt'}" in result.stderr
    assert "greve.txt" not in result.stderr


def test_output_dir_that_is_the_input_folder_is_refused(news: Path, invoke: Invoke) -> None:
    before = _snapshot(news)
    result = invoke(["-o", str(news), str(news)])
    assert result.exit_code == 2
    assert "--output-dir would overwrite it (use --in-place)" in result.stderr
    assert _snapshot(news) == before


def test_a_folder_with_nothing_to_clean_says_so_and_exits_0(tmp_path: Path, invoke: Invoke) -> None:
    (tmp_path / "readme.md").write_text("Advertisement\n", encoding="utf-8")
    result = invoke([str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"cleannews: nothing to clean in {tmp_path} (*.txt)\n"
    result = invoke(["--check", "--exclude", "*.md", "--include", "*.md", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr == f"cleannews: nothing to clean in {tmp_path} (*.md, not *.md)\n"
    assert invoke(["-q", str(tmp_path)]).stderr == ""


def test_output_dir_refuses_stdin(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke(["-o", str(tmp_path / "out")], stdin="Advertisement\n")
    assert result.exit_code == 2
    assert "standard input" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_empty_output_dir_is_refused_not_taken_for_the_working_folder(
    news: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    # `cleannews -o "$OUT" news/` with OUT unset must not scatter copies over the
    # working folder (a config file's `output-dir = ""` is refused too).
    monkeypatch.chdir(news.parent)
    before = sorted(os.listdir(news.parent))
    result = invoke(["-o", "", str(news)])
    assert result.exit_code == 2
    assert "-o/--output-dir" in result.stderr
    assert "empty" in result.stderr
    assert sorted(os.listdir(news.parent)) == before


def test_check_with_diff_shows_the_diff_and_sets_the_exit_code(news: Path, invoke: Invoke) -> None:
    article = news / "fr/greve.txt"
    both = invoke(["--check", "--diff", str(article)])
    assert both.exit_code == 1
    assert both.stdout == invoke(["--diff", str(article)]).stdout
    assert both.stderr == "1 file would be cleaned (6 lines removed).\n"
    assert _snapshot(news)["fr/greve.txt"] == (NEWS / "fr/greve.txt").read_bytes()
    clean = invoke(["--check", "--diff", "-q", str(news / CLEAN)])
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "")
