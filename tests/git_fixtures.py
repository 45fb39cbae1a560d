"""Fixtures with real git repositories in temporary folders: a bare remote and two clones
of the sample (a pytest plugin, loaded by the root conftest)."""

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from summit.gitrepo.setup import setup
from tests.conftest import REPO

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Priya Hollis",
    "GIT_AUTHOR_EMAIL": "priya.hollis@dcms.example.org",
    "GIT_COMMITTER_NAME": "Priya Hollis",
    "GIT_COMMITTER_EMAIL": "priya.hollis@dcms.example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    run = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV, **(env or {})},
    )
    return run.stdout


@dataclass
class Team:
    remote: Path
    alice: Path
    bob: Path


@pytest.fixture
def git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commits made by summit in tests have an author, and no global config is read."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def team(tmp_path: Path, git_identity: None) -> Team:
    """The sample data pushed to a bare remote, and cloned by two colleagues."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    seed = tmp_path / "seed"
    seed.mkdir()
    shutil.copy(REPO / "invitees.toml", seed / "invitees.toml")
    shutil.copytree(REPO / "agendas", seed / "agendas")
    git(seed, "init", "--quiet", "--initial-branch=main")
    setup(seed)  # .gitattributes is committed with the data
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "-m", "The sample summit")
    git(seed, "remote", "add", "origin", str(remote))
    git(seed, "push", "--quiet", "-u", "origin", "main")
    clones = []
    for name in ("alice", "bob"):
        git(tmp_path, "clone", "--quiet", str(remote), name)
        setup(tmp_path / name)  # as each colleague does once (the app offers it)
        clones.append(tmp_path / name)
    return Team(remote, *clones)
