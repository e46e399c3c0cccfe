"""JSON Lines: one field cleaned, every other byte of a record kept, bad records passed on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from batch_articles import article
from click.testing import CliRunner

import cleannews
from cleannews import cli, jsonl
from cleannews.jsonl import RecordCleaner
from cleannews.pipeline import Pipeline

DIRTY = "Advertisement\nDer Stadtrat hat am Montag getagt.\n\nLesezeit: 4 Minuten\n"
CLEAN = cleannews.clean(DIRTY)


def _invoke(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli.cli, list(args), input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_cleans_the_field_and_keeps_everything_else_byte_for_byte(tmp_path: Path) -> None:
    # Odd spacing, key order, number spellings, escapes: all must survive.
    changed = '{"z": 1.50e2, "text" :  "Advertisement\\nEin Satz.\\n",  "a": [1, {"b": null}]}'
    unchanged = '{"id":7,"text":"Ein Satz ohne Reste.\\n","n":1E+3,"s":"\\u00e9"}'
    path = tmp_path / "news.jsonl"
    path.write_text(changed + "\n" + unchanged + "\n")
    code, out, err = _invoke(str(path))
    assert code == 0, err
    first, second, end = out.decode().split("\n")
    assert first == '{"z": 1.50e2, "text" :  "Ein Satz.\\n",  "a": [1, {"b": null}]}'
    assert second == unchanged
    assert end == ""


def test_unicode_round_trips_and_escapes_are_kept_where_untouched(tmp_path: Path) -> None:
    records = [
        {"text": "Anzeige\nÉté à Zürich, 東京 and 🚢 arrived.\n", "title": "Grüße"},
        {"text": "Kein Rest hier: Straße, ñandú, \u2028 line separator.\n"},
    ]
    path = tmp_path / "u.jsonl"
    path.write_text("".join(_line(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = _invoke(str(path))
    assert code == 0
    # split("\n"), not splitlines(): U+2028 inside a record is not a line break.
    first, second, end = out.decode("utf-8").split("\n")
    assert json.loads(first) == {"text": "Été à Zürich, 東京 and 🚢 arrived.\n", "title": "Grüße"}
    assert second == _line(records[1])
    assert end == ""


def test_nested_field_by_dotted_path(tmp_path: Path) -> None:
    record = {"id": 3, "doc": {"meta": {"lang": "de"}, "body": DIRTY}, "text": "Advertisement"}
    path = tmp_path / "n.jsonl"
    path.write_text(_line(record) + "\n")
    code, out, _ = _invoke("--field", "doc.body", str(path))
    assert code == 0
    got = json.loads(out)
    assert got["doc"]["body"] == CLEAN
    assert got["text"] == "Advertisement"  # not the field asked for
    assert list(got) == ["id", "doc", "text"]
    assert list(got["doc"]) == ["meta", "body"]


def test_bad_records_are_reported_by_line_and_passed_through(tmp_path: Path) -> None:
    lines = [
        _line({"text": DIRTY}),
        "{not json at all",
        _line({"title": "no text field"}),
        "",
        _line({"text": 42}),
        _line(["a", "list"]),
        _line({"text": DIRTY}),
    ]
    data = ("\n".join(lines) + "\n").encode() + b'{"text": "\xff bad utf-8"}\n'
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    code, out, err = _invoke(str(path))
    assert code == 0
    out_lines = out.split(b"\n")
    assert len(out_lines) == len(lines) + 2  # nothing dropped
    assert out_lines[1:6] == [line.encode() for line in lines[1:6]]
    assert out_lines[7] == b'{"text": "\xff bad utf-8"}'
    assert json.loads(out_lines[0])["text"] == CLEAN
    assert json.loads(out_lines[6])["text"] == CLEAN
    assert err.splitlines() == [
        f"cleannews: warning: {path}:2: not valid JSON; passed through",
        f"cleannews: warning: {path}:3: no field 'text'; passed through",
        f"cleannews: warning: {path}:5: field 'text' is not a string; passed through",
        f"cleannews: warning: {path}:6: no field 'text'; passed through",
        f"cleannews: warning: {path}:8: not valid JSON; passed through",
    ]


@pytest.mark.parametrize("deep", ['{"x": ' * 100_000 + "1" + "}" * 100_000, "[" * 100_000])
def test_a_record_nested_too_deeply_to_read_is_passed_through(tmp_path: Path, deep: str) -> None:
    # Valid JSON (or nearly) that Python's reader cannot descend into: one record
    # passed through with a warning, not an internal error that loses the file.
    path = tmp_path / "deep.jsonl"
    path.write_text(_line({"text": DIRTY}) + "\n" + deep + "\n" + _line({"text": DIRTY}) + "\n")
    code, out, err = _invoke(str(path))
    assert code == 0, err
    clean = _line({"text": CLEAN}).encode()
    assert out.split(b"\n") == [clean, deep.encode(), clean, b""]
    assert err == f"cleannews: warning: {path}:2: nested too deeply to read; passed through\n"


def test_many_bad_records_are_counted_not_listed(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(_line({"body": f"record {i}"}) + "\n" for i in range(100)))
    code, out, err = _invoke(str(path))
    assert code == 0
    assert out == path.read_bytes()
    assert len(err.splitlines()) == 21
    assert err.splitlines()[-1] == f"cleannews: warning: {path}: 80 more records passed through"


def test_gzip_in_and_out_by_extension(tmp_path: Path) -> None:
    records = [_line({"id": i, "text": article(i)}) + "\n" for i in range(50)]
    source = tmp_path / "in" / "corpus.jsonl.gz"
    source.parent.mkdir()
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        handle.writelines(records)
    # A folder is walked for .jsonl and .jsonl.gz files with --jsonl.
    code, _, err = _invoke("--jsonl", "-o", str(tmp_path / "out"), str(tmp_path / "in"))
    assert code == 0, err
    written = tmp_path / "out" / "corpus.jsonl.gz"
    with gzip.open(written, "rt", encoding="utf-8") as handle:
        cleaned = [json.loads(line) for line in handle]
    assert [r["text"] for r in cleaned] == [cleannews.clean(article(i)) for i in range(50)]
    # To stdout the records come out uncompressed, the same ones.
    code, stdout, _ = _invoke(str(source))
    assert code == 0
    assert stdout == gzip.decompress(written.read_bytes())


def test_an_upper_case_gz_name_is_gunzipped_as_it_is_taken_for_json_lines(
    tmp_path: Path,
) -> None:
    # FEED.JSONL.GZ (a name from a case-blind file system) is JSON Lines by its
    # name, so it is gunzipped too, in and out; its compressed bytes went to stdout.
    source = tmp_path / "in" / "FEED.JSONL.GZ"
    source.parent.mkdir()
    source.write_bytes(gzip.compress((_line({"text": DIRTY}) + "\n").encode()))
    code, stdout, err = _invoke(str(source))
    assert (code, err) == (0, "")
    assert stdout == (_line({"text": CLEAN}) + "\n").encode()
    code, _, err = _invoke("-o", str(tmp_path / "out"), str(source))
    assert code == 0, err
    assert gzip.decompress((tmp_path / "out" / "FEED.JSONL.GZ").read_bytes()) == stdout


def test_a_corrupt_gzip_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n' * 1000)[:-40])
    code, _, err = _invoke(str(path))
    assert code == 2
    assert err.startswith(f"cleannews: error: {path}: ")
    assert len(err.splitlines()) == 1


def test_stdin_with_jsonl(tmp_path: Path) -> None:
    data = (_line({"text": DIRTY}) + "\n" + _line({"text": "Schon sauber.\n"}) + "\n").encode()
    code, out, _ = _invoke("--jsonl", stdin=data)
    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == [CLEAN, "Schon sauber.\n"]


def test_explain_field_attaches_removals_to_each_record(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(_line({"text": DIRTY, "id": 1}) + "\n" + _line({"text": "Sauber.\n"}) + "\n")
    code, out, _ = _invoke("--explain-field", "removed", str(path))
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert list(first) == ["text", "id", "removed"]
    assert [(r["stage"], r["rule"], r["start_line"]) for r in first["removed"]] == [
        ("ads", "ad_marker", 1),
        ("whitespace", "blank_gap", 3),
        ("reading_time", "reading_time", 4),
    ]
    assert first["text"] == CLEAN
    assert second == {"text": "Sauber.\n", "removed": []}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_explain_field_never_overwrites_a_field_the_record_has(tmp_path: Path, jobs: str) -> None:
    # A record's own "removed" field is the user's data: it stays as it is, the
    # text is cleaned as usual, and the record is named in a warning.
    own = '{"text": "Advertisement\\nEin Satz.\\n", "removed": "by the editor", "id": 2}'
    own_unchanged = '{"text": "Sauber.\\n", "removed": [1, 2]}'
    path = tmp_path / "own.jsonl"
    path.write_text(own + "\n" + own_unchanged + "\n" + _line({"text": DIRTY}) + "\n")
    code, out, err = _invoke("-j", jobs, "--explain-field", "removed", str(path))
    assert code == 0, err
    first, second, third, end = out.decode().split("\n")
    assert first == '{"text": "Ein Satz.\\n", "removed": "by the editor", "id": 2}'
    assert second == own_unchanged
    assert json.loads(third)["removed"][0]["rule"] == "ad_marker"
    assert end == ""
    why = "has a field 'removed' of its own; kept, removals not added"
    assert err.splitlines() == [
        f"cleannews: warning: {path}:1: {why}",
        f"cleannews: warning: {path}:2: {why}",
    ]


def test_records_keeping_their_own_explain_field_are_counted_past_twenty(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(_line({"text": "Sauber.\n", "removed": i}) + "\n" for i in range(30)))
    code, out, err = _invoke("--explain-field", "removed", str(path))
    assert (code, out) == (0, path.read_bytes())
    lines = err.splitlines()
    assert len(lines) == 21
    assert lines[-1] == (
        f"cleannews: warning: {path}: 10 more records kept their own field 'removed'"
    )
    code, _, err = _invoke("-q", "--explain-field", "removed", str(path))
    assert (code, err) == (0, "")


@pytest.mark.parametrize("name", ["clean.jsonl", "clean.jsonl.gz"])
def test_in_place_and_output_dir_agree_on_explain_fields_when_nothing_was_removed(
    tmp_path: Path, name: str
) -> None:
    # "[]" when none: -i must write them as -o does, though no record's text changed.
    records = _line({"text": "Sauber.\n", "id": 1}) + "\n" + _line({"text": "Auch.\n"}) + "\n"
    expected = [{"text": "Sauber.\n", "id": 1, "removed": []}, {"text": "Auch.\n", "removed": []}]
    source = tmp_path / "in" / name
    source.parent.mkdir()
    data = records.encode()
    source.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)

    def records_of(path: Path) -> list[dict]:
        raw = path.read_bytes()
        return [
            json.loads(line)
            for line in (gzip.decompress(raw) if name.endswith(".gz") else raw).splitlines()
        ]

    code, _, err = _invoke("--explain-field", "removed", "-o", str(tmp_path / "out"), str(source))
    assert code == 0, err
    assert records_of(tmp_path / "out" / name) == expected
    code, _, err = _invoke("--explain-field", "removed", "-i", str(source))
    assert code == 0, err
    assert records_of(source) == expected
    assert not [p for p in source.parent.iterdir() if p.name.startswith(".cleannews-")]
    # Run again, the lists are the records' own (kept, and said so); the file is not touched.
    mtime = source.stat().st_mtime_ns
    code, _, err = _invoke("--explain-field", "removed", "-i", str(source))
    assert code == 0
    assert source.stat().st_mtime_ns == mtime
    why = "has a field 'removed' of its own; kept, removals not added"
    assert [line for line in err.splitlines() if "of its own" in line] == [
        f"cleannews: warning: {source}:{n}: {why}" for n in (1, 2)
    ]


def test_explain_field_cannot_be_the_cleaned_field() -> None:
    code, _, err = _invoke("--explain-field", "doc", "--field", "doc.body", "--jsonl")
    assert code == 2
    assert "--explain-field" in err


def test_explain_names_record_line_and_field_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(_line({"text": "Sauber.\n"}) + "\n" + _line({"text": DIRTY}) + "\n")
    code, _, err = _invoke("--explain", str(path))
    assert code == 0
    assert err.splitlines() == [
        f"{path}:2:1: ads.ad_marker: Advertisement",
        f"{path}:2:3: whitespace.blank_gap: (blank)",
        f"{path}:2:4: reading_time.reading_time: Lesezeit: 4 Minuten",
    ]


def test_check_diff_and_in_place(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    before = _line({"text": "Sauber.\n"}) + "\n" + _line({"text": DIRTY}) + "\n"
    path.write_text(before)
    code, out, err = _invoke("--check", str(path))
    assert (code, out) == (1, b"")
    assert f"would clean {path}" in err
    code, out, _ = _invoke("--diff", str(path))
    assert code == 0
    after = _line({"text": CLEAN})
    assert out.decode() == (
        f"--- a/{path}\n+++ b/{path}\n@@ -2 +2 @@\n-{_line({'text': DIRTY})}\n+{after}\n"
    )
    assert path.read_text() == before
    code, _, _ = _invoke("-i", str(path))
    assert code == 0
    assert path.read_text() == _line({"text": "Sauber.\n"}) + "\n" + after + "\n"
    mtime = path.stat().st_mtime_ns
    code, _, _ = _invoke("-i", str(path))  # nothing left to clean: the file is not touched
    assert code == 0
    assert path.stat().st_mtime_ns == mtime
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cleannews-")]


def test_diff_of_a_last_record_without_a_newline_or_a_first_record_after_a_bom(
    tmp_path: Path,
) -> None:
    # A diff must describe the file's bytes for patch(1) to apply it: the last line's
    # missing newline is marked as diff -u marks it, and the first line keeps the BOM.
    path = tmp_path / "d.jsonl"
    dirty, clean = _line({"text": DIRTY}).encode(), _line({"text": CLEAN}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + dirty + b"\n" + dirty)
    code, out, _ = _invoke("--diff", str(path))
    assert code == 0
    no_newline = b"\\ No newline at end of file\n"
    assert out == (
        f"--- a/{path}\n+++ b/{path}\n".encode()
        + (b"@@ -1 +1 @@\n-\xef\xbb\xbf" + dirty + b"\n+\xef\xbb\xbf" + clean + b"\n")
        + (b"@@ -2 +2 @@\n-" + dirty + b"\n" + no_newline + b"+" + clean + b"\n" + no_newline)
    )


def test_hook_mode_says_fixing_for_json_lines_as_for_text(tmp_path: Path) -> None:
    # pre-commit's fixers say "Fixing FILE"; --exit-nonzero-on-fix speaks their words
    # for every kind of file it rewrites.
    feed, article = tmp_path / "feed.jsonl", tmp_path / "a.txt"
    feed.write_text(_line({"text": DIRTY}) + "\n")
    article.write_text(DIRTY)
    code, _, err = _invoke("-i", "--exit-nonzero-on-fix", str(feed), str(article))
    assert code == 1
    assert err.splitlines()[:2] == [f"Fixing {feed}", f"Fixing {article}"]


def test_summary_counts_records(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text((_line({"text": DIRTY}) + "\n") * 3)
    code, _, err = _invoke("--summary", str(path))
    assert code == 0
    assert "ad_marker" in err
    assert "1 file cleaned (9 lines removed)." in err


def test_crlf_records_and_byte_order_mark_survive(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + (_line({"text": DIRTY}) + "\r\n" + _line({"text": "Ok.\n"})).encode()
    )
    code, out, _ = _invoke(str(path))
    assert code == 0
    assert (
        out
        == b"\xef\xbb\xbf" + (_line({"text": CLEAN}) + "\r\n" + _line({"text": "Ok.\n"})).encode()
    )


def test_lone_surrogates_are_written_as_escapes() -> None:
    cleaner = RecordCleaner(Pipeline())
    line = b'{"text": "Advertisement\\nbroken \\udc80 text\\n"}'
    result = cleaner.clean_chunk(line, 1)
    assert result.data == b'{"text": "broken \\udc80 text\\n"}'


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_chunks_of_one_file_come_back_in_order(
    tmp_path: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small chunks, so this file is cut into dozens of them.
    monkeypatch.setattr(jsonl, "CHUNK_SIZE", 4096)
    records = [_line({"n": i, "text": article(i)}) + "\n" for i in range(300)]
    path = tmp_path / "big.jsonl"
    path.write_text("".join(records))
    assert path.stat().st_size > 30 * 4096
    code, out, _ = _invoke("-j", jobs, str(path))
    assert code == 0
    got = [json.loads(line) for line in out.splitlines()]
    assert [r["n"] for r in got] == list(range(300))
    assert [r["text"] for r in got] == [cleannews.clean(article(i)) for i in range(300)]


@pytest.mark.parametrize("size", [1, 3, 7, 100])
def test_chunks_hold_whole_lines_whatever_the_read_size(size: int) -> None:
    data = b"a" * 10 + b"\n" + b"b" * 25 + b"\nccc\n" + b"dd"
    chunks = list(jsonl.read_chunks(io.BytesIO(data), size))
    assert b"".join(chunk for chunk, _ in chunks) == data
    for chunk, line in chunks[:-1]:
        assert chunk.endswith(b"\n")
        assert data.count(b"\n", 0, data.index(chunk)) + 1 == line
    assert chunks[-1] == (b"dd", 4)


PROFILE_CASES = Path(__file__).parent / "profiles"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_url_picks_the_site_profile_for_records_and_streams(tmp_path: Path, jobs: str) -> None:
    # The golden Reuters case of the profile tests, as records and as a stream.
    source = (PROFILE_CASES / "reuters.in.txt").read_text(encoding="utf-8")
    expected = (PROFILE_CASES / "reuters.out.txt").read_text(encoding="utf-8")
    url = "https://www.reuters.com/markets/commodities/copper-chile-strike-2026-03-03/"
    path = tmp_path / "r.jsonl"
    path.write_text(_line({"text": source}) + "\n" + _line({"text": source}) + "\n")
    code, out, err = _invoke("--no-config", "-j", jobs, "--url", url, str(path))
    assert code == 0, err
    assert [json.loads(line)["text"] for line in out.splitlines()] == [expected, expected]
    code, out, _ = _invoke("--no-config", "--url", url, stdin=source.encode())
    assert (code, out.decode()) == (0, expected)


def test_batch_settings_come_from_a_config_file_too(tmp_path: Path) -> None:
    (tmp_path / "cleannews.toml").write_text('jsonl = true\nfield = "doc.body"\njobs = 1\n')
    data = tmp_path / "data.txt"  # not a .jsonl name: the config says JSON Lines
    data.write_text(_line({"doc": {"body": DIRTY}}) + "\n")
    code, out, err = _invoke("--config", str(tmp_path / "cleannews.toml"), str(data))
    assert code == 0, err
    assert json.loads(out)["doc"]["body"] == CLEAN
    (tmp_path / "bad.toml").write_text("jobs = -1\n")
    code, _, err = _invoke("--config", str(tmp_path / "bad.toml"), str(data))
    assert code == 2
    assert "jobs: must be a whole number, 0 or more" in err


def test_url_field_picks_each_records_site_profile() -> None:
    # "Article information" is the label of the BBC's byline block, and an
    # ordinary line anywhere else: only the record whose URL is the BBC's loses it.
    body = "Article information\nThe river rose by two metres.\n"
    records = [
        {"meta": {"url": "https://www.bbc.co.uk/news/uk-0001"}, "text": body},
        {"meta": {"url": "https://example.org/news/0002"}, "text": body},
        {"text": body},
    ]
    stdin = "".join(_line(record) + "\n" for record in records).encode()
    code, out, err = _invoke("--jsonl", "--url-field", "meta.url", "-", stdin=stdin)
    assert code == 0, err
    texts = [json.loads(line)["text"] for line in out.decode().splitlines()]
    assert texts == ["The river rose by two metres.\n", body, body]
    # Without --url-field no record knows its site, so every one stays whole.
    _, plain, _ = _invoke("--jsonl", "-", stdin=stdin)
    assert plain == stdin


def test_url_field_must_be_a_field_path() -> None:
    code, _, err = _invoke("--jsonl", "--url-field", "meta.", "-", stdin=b"")
    assert code == 2
    assert "--url-field" in err
