"""Status, commit and sync on real repositories: a bare remote and two clones."""

import os
from pathlib import Path

import pytest

from summit.gitrepo.sync import GitError, commit_data, repo_status, sync
from tests.conftest import SAMPLE_SUMMIT
from tests.git_fixtures import Team, git


def edit(root: Path, old: str, new: str, name: str = f"agendas/{SAMPLE_SUMMIT}.toml") -> None:
    path = root / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def subjects(lines: list[str]) -> list[str]:
    """Commit subjects without the author's name that sync adds."""
    return [line.rsplit(" (", 1)[0] for line in lines]


def test_status_names_the_branch_and_the_changed_data_files(team: Team) -> None:
    status = repo_status(team.alice)
    assert status is not None
    assert (status.branch, status.upstream, status.ahead, status.behind) == (
        "main",
        "origin/main",
        0,
        0,
    )
    edit(team.alice, "Conference Room 1", "Conference Room 2")
    (team.alice / "notes.txt").write_text("not data")
    status = repo_status(team.alice)
    assert status is not None
    assert status.changed == (f"agendas/{SAMPLE_SUMMIT}.toml",)
    assert status.describe() == "main ✎1"


def test_outside_a_repository_there_is_no_status(data_dir: Path) -> None:
    assert repo_status(data_dir) is None
    with pytest.raises(GitError, match="git init"):
        sync(data_dir)


def test_commit_takes_only_the_data_files(team: Team) -> None:
    edit(team.alice, "Conference Room 1", "Conference Room 2")
    (team.alice / "notes.txt").write_text("not data")
    commit_data(team.alice, "Move to Conference Room 2")
    assert git(team.alice, "log", "-1", "--format=%s").strip() == "Move to Conference Room 2"
    shown = git(team.alice, "show", "--name-only", "--format=", "HEAD").split()
    assert shown == [f"agendas/{SAMPLE_SUMMIT}.toml"]
    status = repo_status(team.alice)
    assert status is not None and status.ahead == 1 and status.changed == ()
    with pytest.raises(GitError, match="nothing to commit"):
        commit_data(team.alice, "again")


def test_sync_sends_ours_and_brings_in_theirs(team: Team) -> None:
    edit(team.alice, "Conference Room 1", "Conference Room 2")
    commit_data(team.alice, "Move to Conference Room 2")
    sent = sync(team.alice)
    assert subjects(sent.sent) == ["Move to Conference Room 2"] and sent.received == []
    edit(team.bob, 'name = "Yahoo"', 'name = "Yahoo!"', "invitees.toml")
    commit_data(team.bob, "Yahoo's name")
    both = sync(team.bob)
    assert subjects(both.received) == ["Move to Conference Room 2"]
    assert subjects(both.sent) == ["Yahoo's name"]
    assert "Conference Room 2" in (team.bob / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    assert subjects(sync(team.alice).received) == ["Yahoo's name"]
    assert 'name = "Yahoo!"' in (team.alice / "invitees.toml").read_text()


def test_sync_refuses_uncommitted_changes_and_a_missing_remote(team: Team, tmp_path: Path) -> None:
    edit(team.alice, "Conference Room 1", "Conference Room 2")
    with pytest.raises(GitError, match="commit your changes"):
        sync(team.alice)
    git(team.alice, "checkout", "--quiet", "-b", "local-only")
    git(team.alice, "commit", "--quiet", "-am", "x")
    with pytest.raises(GitError, match="no remote"):
        sync(team.alice)


def test_an_unreachable_remote_is_a_message(team: Team) -> None:
    git(team.alice, "remote", "set-url", "origin", str(team.remote.parent / "gone.git"))
    edit(team.alice, "Conference Room 1", "Conference Room 2")
    commit_data(team.alice, "x")
    with pytest.raises(GitError, match="git fetch failed"):
        sync(team.alice)


def test_status_never_writes_the_index(team: Team) -> None:
    # The app asks for the status in the background while an official commits in a
    # terminal: a status that refreshed the index would hold index.lock, and their
    # `git commit` would fail ("Another git process seems to be running"), or find it
    # left behind if the app was killed meanwhile.
    path = team.alice / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    later = path.stat().st_mtime + 100
    os.utime(path, (later, later))  # the same content with a new stamp: stale in the index
    index = team.alice / ".git" / "index"
    before = index.read_bytes()
    status = repo_status(team.alice)
    assert status is not None and status.changed == ()
    assert index.read_bytes() == before


def test_a_colleague_pushing_between_our_fetch_and_push_is_merged_in(team: Team) -> None:
    """Two colleagues syncing at one moment: the loser's push was refused and sync ended
    on git's own words, "hint: See the 'Note about fast-forwards'..." (found working as
    two officials). Now their commit is merged too, and ours pushed."""
    edit(team.alice, "Conference Room 1", "Conference Room 2")
    commit_data(team.alice, "Room 2")
    # Bob's commit reaches the remote while Alice's sync is between its fetch and its push.
    edit(team.bob, "minutes = 15", "minutes = 25")
    commit_data(team.bob, "Welcome 25 minutes")
    hook = team.alice / ".git" / "hooks" / "pre-push"
    hook.write_text(
        f"#!/bin/sh\nif [ ! -e {hook}.done ]; then touch {hook}.done; "
        f"git -C {team.bob} push -q; fi\nexit 0\n"
    )
    hook.chmod(0o755)
    result = sync(team.alice)
    assert subjects(result.received) == ["Welcome 25 minutes"]
    assert "Room 2" in subjects(result.sent)
    status = repo_status(team.alice)
    assert status is not None and (status.ahead, status.behind) == (0, 0)
    text = (team.alice / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    assert "Conference Room 2" in text and "minutes = 25" in text
