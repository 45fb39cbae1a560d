"""`summit git setup` sets what a team's data repository needs (issue 17, item 10): `git pull`
merges divergent branches, and only files git has not committed are named to commit."""

from pathlib import Path

import pytest

from summit.gitrepo.setup import is_set_up
from tests.conftest import SAMPLE_SUMMIT
from tests.gitrepo.conftest import Team, edit, git, summit

SUMMIT_FILE = f"agendas/{SAMPLE_SUMMIT}.toml"


def test_a_plain_git_pull_merges_divergent_branches(team: Team) -> None:
    edit(team.alice / SUMMIT_FILE, "minutes = 45", "minutes = 40")
    team.commit(team.alice, "Search and hosting in 40 minutes")
    git(team.alice, "push", "-q", "origin", "HEAD:main")
    edit(team.bob / "invitees.toml", 'name = "Google"', 'name = "Google UK"')
    team.commit(team.bob, "Google UK")
    pulled = git(team.bob, "pull", check=False)  # no --no-rebase, no --rebase
    assert pulled.returncode == 0, pulled.stderr
    assert "minutes = 40" in (team.bob / SUMMIT_FILE).read_text()
    assert 'name = "Google UK"' in (team.bob / "invitees.toml").read_text()
    parents = git(team.bob, "log", "-1", "--format=%P").stdout.split()
    assert len(parents) == 2  # a merge commit
    assert git(team.bob, "config", "--local", "pull.rebase").stdout.strip() == "false"


def test_a_pull_rebase_of_ones_own_is_kept(team: Team, tmp_path: Path) -> None:
    carol = tmp_path / "carol"
    git(tmp_path, "clone", "-q", str(team.remote), str(carol))
    git(carol, "config", "--local", "pull.rebase", "true")
    assert summit(carol, "git", "setup").returncode == 0
    assert git(carol, "config", "--local", "pull.rebase").stdout.strip() == "true"
    assert is_set_up(carol)


def test_setup_in_a_fresh_clone_does_not_ask_to_commit_what_is_committed(
    team: Team, tmp_path: Path
) -> None:
    carol = tmp_path / "carol"
    git(tmp_path, "clone", "-q", str(team.remote), str(carol))
    done = summit(carol, "git", "setup")
    assert done.returncode == 0, done.stderr
    assert "wrote git config merge.summit.driver" in done.stdout  # the clone's own config
    assert "Commit" not in done.stdout
    assert git(carol, "status", "--porcelain").stdout == ""


def test_setup_names_only_the_files_left_to_commit(tmp_path: Path, data_dir: Path) -> None:
    git(data_dir, "init", "-q")
    first = summit(data_dir, "git", "setup")
    assert "Commit .gitattributes and .gitignore so that" in first.stdout
    git(data_dir, "add", "-A")
    git(data_dir, "commit", "-qm", "Data")
    assert "Commit" not in summit(data_dir, "git", "setup").stdout
    attributes = data_dir / ".gitattributes"
    attributes.write_text(attributes.read_text() + "*.pdf binary\n")
    again = summit(data_dir, "git", "setup")
    assert "already set up" in again.stdout
    assert "Commit .gitattributes so that" in again.stdout


def test_a_repository_set_up_before_pull_rebase_is_offered_setup_again(
    team: Team,
) -> None:
    git(team.bob, "config", "--local", "--unset", "pull.rebase")
    assert not is_set_up(team.bob)
    done = summit(team.bob, "git", "setup")
    assert "wrote git config pull.rebase false" in done.stdout
    assert is_set_up(team.bob)


@pytest.mark.parametrize("name", [".gitattributes", ".gitignore"])
def test_setup_refuses_to_write_through_a_link(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    git(folder, "init", "-q")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n")
    (folder / name).symlink_to(outside)
    done = summit(folder, "git", "setup")
    assert done.returncode != 0
    assert "not an ordinary file" in done.stderr and "Traceback" not in done.stderr
    assert outside.read_text() == "keep\n"


def test_setup_ignores_the_temporary_copies_of_a_killed_save(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    git(folder, "init", "-q")
    assert summit(folder, "git", "setup").returncode == 0
    (folder / ".invitees.toml.k3j_x9.tmp").write_text("partial")
    (folder / "agendas").mkdir()
    (folder / "agendas" / ".x.toml.abc.tmp").write_text("partial")
    assert git(folder, "status", "--porcelain").stdout.count(".tmp") == 0
