"""The hooks in .pre-commit-hooks.yaml, driven by the real pre-commit with ``try-repo``.

``try-repo`` installs the hooks from a git repository into a fresh environment
(pip from PyPI), then runs them on the files of the repository it is called in.
The hook repository is a fresh commit of this working tree's package files, so
the test checks what is on disk, committed or not, and runs the same from a
fresh clone in CI. Each ``try-repo`` builds its environment anew (about 20 s),
so the second test, which runs the hooks four times, configures them the way a
user does (``.pre-commit-config.yaml``) and reuses one environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import CLEAN, DIRTY

ROOT = Path(__file__).resolve().parents[2]
# What pip needs to install cleannews, and the hook manifest.
PACKAGE_FILES = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "cleannews"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=cleannews tests", "-c", "user.email=tests@invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _pre_commit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # PRE_COMMIT_HOME under the project's parent, so runs of one test share hook environments.
    env = {**os.environ, "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home")}
    env["PRE_COMMIT_COLOR"] = "never"
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _hook_sections(output: str) -> dict[str, str]:
    """pre-commit's output cut into one section per hook, keyed by hook name."""
    sections: dict[str, str] = {}
    current = None
    for line in output.splitlines():
        if line.startswith("cleannews") and line.rstrip().endswith(("Passed", "Failed")):
            current = line.split(".", 1)[0].strip()
            sections[current] = line + "\n"
        elif current is not None:
            sections[current] += line + "\n"
    return sections


def _project(root: Path) -> Path:
    """A git repository with two dirty articles, a clean one, and files the hooks must skip."""
    project = root / "project"
    for name, text in {**FILES, "image.txt": ""}.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    (project / "image.txt").write_bytes(IMAGE)
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    return project


FILES = {
    "article.txt": DIRTY,
    "notes/report.md": DIRTY,
    "clean.txt": CLEAN,
    "script.py": f"TEXT = '''{DIRTY}'''\n",  # not .txt/.md: left alone
}
IMAGE = b"\x89PNG\r\n\x00\x00Advertisement\n"  # named .txt but binary: pre-commit skips it


def _fixing_lines(section: str) -> list[str]:
    return sorted(line for line in section.splitlines() if line.startswith("Fixing"))


def _assert_only_the_articles_were_cleaned(project: Path) -> None:
    assert (project / "article.txt").read_text() == CLEAN
    assert (project / "notes/report.md").read_text() == CLEAN
    assert (project / "clean.txt").read_text() == CLEAN
    assert (project / "script.py").read_text() == FILES["script.py"]
    assert (project / "image.txt").read_bytes() == IMAGE


def _mtimes(project: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in project.rglob("*") if ".git" not in p.parts}


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed to drive pre-commit")
    repo = tmp_path / "hook-repo"
    repo.mkdir()
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "cleannews under test")
    return repo


def test_try_repo_runs_both_hooks(tmp_path: Path, hook_repo: Path) -> None:
    project = _project(tmp_path)
    done = _pre_commit(project, "try-repo", str(hook_repo), "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    hooks = _hook_sections(done.stdout)
    # pre-commit runs the fixing hook first; it rewrites two files, says so, exits 1...
    fix = hooks["cleannews"]
    assert "- exit code: 1" in fix
    assert "- files were modified by this hook" in fix
    assert _fixing_lines(fix) == ["Fixing article.txt", "Fixing notes/report.md"]
    # ...and the check hook, run after it on the same files, finds nothing left.
    assert hooks["cleannews (check only)"].rstrip().endswith("Passed")
    _assert_only_the_articles_were_cleaned(project)


def test_hooks_from_a_pre_commit_config(tmp_path: Path, hook_repo: Path) -> None:
    """The README's configuration: check fails and changes nothing; fix, then fix again."""
    project = _project(tmp_path)
    revision = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {revision}\n"
        "  hooks:\n  - id: cleannews-check\n  - id: cleannews\n"
    )
    _git(project, "add", ".pre-commit-config.yaml")
    before = _mtimes(project)

    check = _pre_commit(project, "run", "cleannews-check", "--all-files")
    assert check.returncode == 1, check.stdout + check.stderr
    section = _hook_sections(check.stdout)["cleannews (check only)"]
    assert "would clean article.txt" in section
    assert "would clean notes/report.md" in section
    assert "files were modified" not in section
    assert _mtimes(project) == before

    fix = _pre_commit(project, "run", "cleannews", "--all-files")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert _fixing_lines(fix.stdout) == ["Fixing article.txt", "Fixing notes/report.md"]
    _assert_only_the_articles_were_cleaned(project)

    fixed = _mtimes(project)
    again = _pre_commit(project, "run", "--all-files")
    assert again.returncode == 0, again.stdout + again.stderr
    assert set(_hook_sections(again.stdout)) == {"cleannews (check only)", "cleannews"}
    assert "Failed" not in again.stdout
    assert _mtimes(project) == fixed
