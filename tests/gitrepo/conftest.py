"""Real git in temporary folders: a team (a bare remote and two clones of the sample data),
and a one-commit repository for history; identities set per test, never globally.

Git runs with no global or system config (identity and branch come from the
environment), so no test reads or changes the developer's own git settings.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # Identity as configuration given in the environment, which `git -c` still overrides
    # (the history tests commit as several named people).
    identity = {"user.name": "Test Official", "user.email": "official@dcms.example.org"}
    monkeypatch.setenv("GIT_CONFIG_COUNT", str(len(identity)))
    for index, (key, value) in enumerate(identity.items()):
        monkeypatch.setenv(f"GIT_CONFIG_KEY_{index}", key)
        monkeypatch.setenv(f"GIT_CONFIG_VALUE_{index}", value)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EXTERNAL_DIFF"):
        monkeypatch.delenv(name, raising=False)
    yield


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def summit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `summit` command in a child process, as git and people run it."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "summit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


@dataclass
class Team:
    remote: Path
    alice: Path
    bob: Path

    def commit(self, clone: Path, message: str) -> None:
        git(clone, "add", "-A")
        git(clone, "commit", "-q", "-m", message)


@pytest.fixture
def team(tmp_path: Path) -> Team:
    """Alice set up the repository and pushed the sample; Bob cloned it and ran setup."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    git(tmp_path, "clone", "-q", str(remote), str(alice))
    shutil.copy(REPO / "invitees.toml", alice / "invitees.toml")
    shutil.copytree(REPO / "agendas", alice / "agendas")
    assert summit(alice, "git", "setup").returncode == 0
    git(alice, "add", "-A")
    git(alice, "commit", "-q", "-m", "The sample summit")
    git(alice, "push", "-q", "origin", "HEAD:main")
    git(tmp_path, "clone", "-q", str(remote), str(bob))
    assert summit(bob, "git", "setup").returncode == 0
    return Team(remote, alice, bob)


Git = Callable[..., str]


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
