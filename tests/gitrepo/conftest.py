"""A team on real git: a bare remote and two clones of the sample data, in a temporary folder.

Git runs with no global or system config (identity and branch come from the
environment), so no test reads or changes the developer's own git settings.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test Official")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "official@dcms.example.org")
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
