"""Real git repositories in temporary folders, with identities set per commit (never globally)."""

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Git = Callable[..., str]


@pytest.fixture(autouse=True)
def no_user_git_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """git reads neither the developer's nor the system's configuration in these tests."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EXTERNAL_DIFF"):
        monkeypatch.delenv(name, raising=False)


def run_git(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return done.stdout


def commit_all(root: Path, message: str, author: str, when: str) -> None:
    """Commit every change as `author` at `when` (ISO 8601), identity given on the command line."""
    run_git(root, "add", "-A")
    email = author.split(maxsplit=1)[0].lower() + "@dcms.example.org"
    run_git(
        root,
        "-c",
        f"user.name={author}",
        "-c",
        f"user.email={email}",
        "commit",
        "-q",
        "-m",
        message,
        env={"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when},
    )


def edit(path: Path, old: str, new: str) -> None:
    """Change one piece of a data file as a person in an editor would."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(data_dir: Path) -> Path:
    """The sample data as a git repository with one commit."""
    run_git(data_dir, "init", "-q", "-b", "main")
    commit_all(data_dir, "Sample summit", "Ann Example", "2027-01-04T09:00:00+00:00")
    return data_dir
