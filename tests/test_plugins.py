"""Plugin stages: found through the "cleannews.stages" entry points, loaded once, never a crash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from cleannews import plugins, registry
from cleannews.document import Document, Removal
from cleannews.pipeline import StageError
from cleannews.stages.base import Stage

EXAMPLE = Path(__file__).parent / "plugin_example"
BANNER_TEXT = "BREAKING NEWS\nThe bridge reopened on Monday.\n"


class GoodStage(Stage):
    """A stage for the tests."""

    name = "good"
    rules = {"rule": "reason"}  # noqa: RUF012 - a plugin may well write it this way


def _entry(name: str, target: str) -> EntryPoint:
    return EntryPoint(name=name, value=target, group=plugins.GROUP)


def test_a_plugin_stage_loads_and_gets_its_origin() -> None:
    found = plugins.load([_entry("good", f"{__name__}:GoodStage")])
    assert found == {"good": GoodStage}
    assert GoodStage.origin.startswith("plugin ")


@pytest.mark.parametrize(
    ("name", "target", "problem"),
    [
        ("missing", "no_such_module_here:Stage", "failed to load: ModuleNotFoundError"),
        ("not_a_stage", "os:path", "is not a cleannews Stage class"),
        ("wrong_name", f"{__name__}:GoodStage", "its stage is named 'good', not 'wrong_name'"),
    ],
)
def test_a_plugin_that_cannot_be_used_is_a_warning_naming_it(
    name: str, target: str, problem: str
) -> None:
    with pytest.warns(plugins.PluginWarning) as caught:
        found = plugins.load([_entry(name, target), _entry("good", f"{__name__}:GoodStage")])
    assert found == {"good": GoodStage}  # the others still load
    message = str(caught[0].message)
    assert f"plugin stage {name!r} ({target})" in message
    assert problem in message


@pytest.mark.parametrize("name", ["my.stage", "ads,shout", "Shout", "my-stage", ""])
def test_a_plugin_stage_whose_name_could_not_be_named_is_a_warning(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "--enable ads,shout" is two stages and "--set my.stage.x=1" sets "my";
    # a stage with such a name would load and then never be reachable.
    odd = type("OddStage", (GoodStage,), {"name": name, "__module__": __name__})
    monkeypatch.setattr(sys.modules[__name__], "OddStage", odd, raising=False)
    with pytest.warns(plugins.PluginWarning, match="not a snake_case stage name"):
        found = plugins.load([_entry(name, f"{__name__}:OddStage")])
    assert found == {}


def test_a_plugin_may_not_take_a_built_in_name() -> None:
    with pytest.warns(plugins.PluginWarning, match="a stage named 'good' already exists"):
        found = plugins.load([_entry("good", f"{__name__}:GoodStage")], taken={"good"})
    assert found == {}


def test_a_plain_run_does_not_look_for_plugins() -> None:
    registry.plugins.cache_clear()
    import cleannews

    cleannews.clean("Advertisement\nText.\n")
    assert registry.plugins.cache_info().currsize == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        registry.available()
    assert registry.plugins.cache_info().currsize == 1
    registry.available()
    assert registry.plugins.cache_info().hits >= 1  # looked up once, then cached


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin package, installed into a folder of its own (offline)."""
    target = tmp_path_factory.mktemp("plugin-site")
    build = tmp_path_factory.mktemp("plugin-build")
    # Build from a copy: setuptools leaves build/ and *.egg-info beside the sources.
    source = shutil.copytree(EXAMPLE, build / "source")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
        cwd=build,
        env={**os.environ, "PIP_NO_INPUT": "1", "TMPDIR": str(build)},
    )
    return target


def _cleannews(
    site: Path, *args: str, stdin: str = BANNER_TEXT
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    return subprocess.run(
        [sys.executable, "-c", "from cleannews.cli import main; main()", "--no-config", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_installed_plugin_is_listed_with_its_origin(installed_plugin: Path) -> None:
    run = _cleannews(installed_plugin, "--list-stages")
    assert run.returncode == 0, run.stderr
    line = next(line for line in run.stdout.splitlines() if line.startswith("shout "))
    assert "off" in line  # plugin stages run only when named
    assert "[plugin cleannews-shout 0.1.0]" in line
    assert "all_capitals" in run.stdout
    assert "plugin stage 'broken' (cleannews_shout_missing:BrokenStage) failed to load" in (
        run.stderr
    )


def test_installed_plugin_runs_when_enabled(installed_plugin: Path) -> None:
    plain = _cleannews(installed_plugin)
    assert plain.stdout == BANNER_TEXT  # installing a plugin changes nothing by itself
    enabled = _cleannews(installed_plugin, "--enable", "shout", "--explain")
    assert enabled.returncode == 0, enabled.stderr
    assert enabled.stdout == "The bridge reopened on Monday.\n"
    assert "<stdin>:1: shout.all_capitals: BREAKING NEWS" in enabled.stderr
    assert "cleannews: warning: plugin stage 'broken'" in enabled.stderr


def test_installed_plugin_takes_settings_and_quiet_hides_the_warning(
    installed_plugin: Path,
) -> None:
    run = _cleannews(installed_plugin, "--enable", "shout", "--set", "shout.min_letters=20", "-q")
    assert run.returncode == 0
    assert run.stdout == BANNER_TEXT  # "BREAKINGNEWS" has 12 letters, fewer than 20
    assert run.stderr == ""


# Plugin stages that misbehave. Whatever a plugin does, the pipeline either
# gives text made only of the stages' well-formed removals, or stops with a
# StageError naming the plugin: never text a removal did not explain.

ARTICLE = "The ferry left at dawn.\nThe crew waved from the deck.\nThe harbour was calm.\n"


class _Misbehaving(Stage):
    """A plugin stage that gets something wrong (see the subclasses)."""

    rules = {"rule": "reason"}  # noqa: RUF012
    origin = "plugin cleannews-misbehaving 0.1"


class RaisingStage(_Misbehaving):
    name = "raising"

    def find(self, doc: Document) -> Iterator[Removal]:
        raise RuntimeError("the model file is missing")


class BackwardsStage(_Misbehaving):
    """A span that ends before it starts: cut naively, it prints text twice."""

    name = "backwards"

    def find(self, doc: Document) -> Iterator[Removal]:
        start = doc.starts[1]
        yield Removal(self.name, "rule", "reason", 2, 2, start + 8, start, "")


class EmptyStage(_Misbehaving):
    """A span of no characters: a removal that removes nothing."""

    name = "empty"

    def find(self, doc: Document) -> Iterator[Removal]:
        yield doc.remove_span(self.name, "rule", "reason", 1, 3, 3)


class StrayLineStage(_Misbehaving):
    """A removal whose line numbers say line 1 but whose span is line 2."""

    name = "stray_line"

    def find(self, doc: Document) -> Iterator[Removal]:
        removal = doc.remove_lines(self.name, "rule", "reason", 1, 1)
        yield removal._replace(start_line=1, end_line=1)


class LineEndingStage(_Misbehaving):
    """A part-of-line removal that takes the line ending too, joining two lines."""

    name = "line_ending"

    def find(self, doc: Document) -> Iterator[Removal]:
        yield doc.remove_span(self.name, "rule", "reason", 0, 10, len(doc.lines[0]) + 1)


class BorrowedNameStage(_Misbehaving):
    """Removals in the name of another stage's rule: --explain would blame that stage."""

    name = "borrowed"

    def find(self, doc: Document) -> Iterator[Removal]:
        yield doc.remove_lines("ads", "ad_marker", "an ad", 1, 1)


class NotARemovalStage(_Misbehaving):
    name = "not_a_removal"

    def find(self, doc: Document) -> Iterator[Any]:
        yield (1, 1)


class NegativeIndexStage(_Misbehaving):
    """Line -1, which Python takes for the last line."""

    name = "negative_index"

    def find(self, doc: Document) -> Iterator[Removal]:
        yield doc.remove_lines(self.name, "rule", "reason", -1, -1)


MISBEHAVING = [
    (RaisingStage, "failed: RuntimeError: the model file is missing"),
    (BackwardsStage, "ends before it starts"),
    (EmptyStage, "removes nothing"),
    (StrayLineStage, "does not cover line"),
    (LineEndingStage, "part of a line"),
    (BorrowedNameStage, "in the name of 'ads.ad_marker'"),
    (NotARemovalStage, "not a Removal"),
    (NegativeIndexStage, "line 0"),
]


@pytest.fixture
def misbehaving(monkeypatch: pytest.MonkeyPatch) -> None:
    """The misbehaving stages, installed as plugins would be."""
    stages = {cls.name: cls for cls, _ in MISBEHAVING}
    monkeypatch.setattr(registry, "plugins", lambda: stages)


@pytest.mark.usefixtures("misbehaving")
@pytest.mark.parametrize(("stage", "problem"), MISBEHAVING, ids=lambda v: getattr(v, "name", ""))
def test_a_misbehaving_plugin_stage_is_a_clear_error_not_wrong_text(
    stage: type[Stage], problem: str
) -> None:
    import cleannews

    with pytest.raises(StageError) as caught:
        cleannews.clean_and_explain(ARTICLE, enable=[stage.name])
    message = str(caught.value)
    assert message.startswith(f"stage {stage.name!r} (plugin cleannews-misbehaving 0.1)")
    assert problem in message


class CrewStage(_Misbehaving):
    """A plugin stage that does it right: a whole line and part of another."""

    name = "crew"

    def find(self, doc: Document) -> Iterator[Removal]:
        for index in doc.live():
            if doc.lines[index].startswith("The crew"):
                yield self.remove_lines(doc, "rule", index)
            elif doc.lines[index].startswith("The harbour"):
                yield self.remove_span(doc, "rule", index, 0, len("The "))


def test_a_well_formed_plugin_removal_passes_the_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleannews

    monkeypatch.setattr(registry, "plugins", lambda: {"crew": CrewStage})
    result = cleannews.clean_and_explain(ARTICLE, enable=["crew"])
    assert result.text == "The ferry left at dawn.\nharbour was calm.\n"
    assert [r.key for r in result.removals] == ["crew.rule", "crew.rule"]


class FailsToStartStage(_Misbehaving):
    """A stage whose __init__ raises (a model file it loads is missing)."""

    name = "fails_to_start"
    defaults = {"threshold": 3}  # noqa: RUF012

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        raise OSError("model.bin: no such file")


class FailsToPrepareStage(_Misbehaving):
    """A stage whose prepare() raises (its pattern does not compile)."""

    name = "fails_to_prepare"

    def prepare(self) -> None:
        raise ValueError("unbalanced parenthesis")


@pytest.fixture
def failing_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    stages = {cls.name: cls for cls in (FailsToStartStage, FailsToPrepareStage, CrewStage)}
    monkeypatch.setattr(registry, "plugins", lambda: stages)


@pytest.mark.usefixtures("failing_to_start")
def test_a_plugin_stage_failing_in_init_or_prepare_is_a_stage_error_naming_it() -> None:
    from cleannews.config import Options
    from cleannews.pipeline import Pipeline

    where = "plugin cleannews-misbehaving 0.1"
    with pytest.raises(StageError) as caught:
        Pipeline(Options.from_kwargs(enable=["fails_to_start"]))
    assert str(caught.value) == (
        f"stage 'fails_to_start' ({where}) failed in __init__(): OSError: model.bin: no such file"
    )
    pipeline = Pipeline(Options.from_kwargs(enable=["fails_to_prepare"]))
    with pytest.raises(StageError) as caught:
        pipeline.prepare()
    assert str(caught.value) == (
        f"stage 'fails_to_prepare' ({where}) failed in prepare():"
        " ValueError: unbalanced parenthesis"
    )


@pytest.mark.usefixtures("failing_to_start")
def test_a_setting_a_plugin_stage_does_not_take_is_still_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cleannews import cli

    # The base class refuses it before the plugin's own code runs: the user's to fix.
    args = ["--no-config", "--enable", "crew", "--set", "crew.nope=1", "-"]
    result = CliRunner().invoke(cli.cli, args, input=ARTICLE)
    assert result.exit_code == 2
    assert "stage 'crew' has no setting 'nope'" in result.stderr


@pytest.mark.usefixtures("failing_to_start")
@pytest.mark.parametrize(
    ("stage", "during"), [("fails_to_start", "__init__()"), ("fails_to_prepare", "prepare()")]
)
def test_the_cli_reports_a_plugin_stage_failing_to_start_as_it_does_find(
    tmp_path: Path, stage: str, during: str
) -> None:
    from click.testing import CliRunner

    from cleannews import cli

    # Two files and two processes: the pool prepares the stages before it forks.
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE)
    args = [
        "--no-config",
        "-j2",
        "--enable",
        stage,
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    result = CliRunner().invoke(cli.cli, args)
    assert result.exit_code == 123
    assert result.stderr.startswith(
        f"cleannews: internal error: StageError: stage {stage!r}"
        f" (plugin cleannews-misbehaving 0.1) failed in {during}: "
    )
    assert len(result.stderr.splitlines()) == 1
