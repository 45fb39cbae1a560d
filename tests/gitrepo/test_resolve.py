"""`summit resolve --mine|--theirs` on real clones after a conflicted `git pull`."""

import shutil
from pathlib import Path

from summit.model import Summit
from tests.conftest import SAMPLE_SUMMIT
from tests.gitrepo.conftest import Team, git, summit
from tests.gitrepo.test_merge_driver import SUMMIT_FILE, edit, record

COFFEE = 'kind = "break"\nminutes = 15'
VENUE = 'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"\nstatus = "held"'


def both_edit(team: Team) -> None:
    """Coffee and venue changed differently on both sides; one clean change and a comment each."""
    edit(team.alice, COFFEE, 'kind = "break"\nminutes = 30')
    edit(team.alice, VENUE, VENUE.replace("Conference Room 1", "Room 9"))
    edit(team.alice, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')
    edit(team.bob, COFFEE, 'kind = "break"\n# Bob: the SoS wants a short break\nminutes = 20')
    edit(team.bob, VENUE, VENUE.replace("Conference Room 1", "Room 4"))
    edit(team.bob, 'twitter-policy = "declined"', 'twitter-policy = "accepted"')
    team.commit(team.alice, "Alice's change")
    git(team.alice, "push", "-q", "origin", "HEAD:main")
    team.commit(team.bob, "Bob's change")


def conflicted_pull(team: Team, *how: str) -> None:
    both_edit(team)
    done = git(team.bob, "pull", "--no-edit", *how, "origin", "main", check=False)
    assert done.returncode != 0
    assert f"UU {SUMMIT_FILE}" in git(team.bob, "status", "--porcelain").stdout


def settled(clone: Path) -> Summit:
    assert "<<<<<<<" not in (clone / SUMMIT_FILE).read_text()
    assert git(clone, "diff", "--name-only", "--diff-filter=U").stdout == ""  # marked resolved
    return record(clone)


def test_resolve_mine_settles_every_conflicted_file_and_the_merge_commits(team: Team) -> None:
    conflicted_pull(team, "--no-rebase")
    done = summit(team.bob, "resolve", "--mine")
    assert done.returncode == 0, done.stderr
    assert (
        f"summit resolve: {SUMMIT_FILE}: 2 fields settled with mine "
        "(venue, agenda 'Coffee'.minutes); marked resolved"
    ) in done.stdout
    assert "git commit" in done.stdout
    merged = settled(team.bob)
    assert merged.agenda[3].minutes == 20 and merged.venue.endswith("Room 4")
    facebook, twitter = (merged.invitations[o].rsvp[f"{o}-policy"] for o in ("facebook", "twitter"))
    assert (facebook, twitter) == ("accepted", "accepted")  # both sides' other changes
    assert "# Bob: the SoS wants a short break\n" in (team.bob / SUMMIT_FILE).read_text()
    git(team.bob, "commit", "-q", "--no-edit")
    assert summit(team.bob, "validate").returncode == 0


def test_resolve_theirs_for_one_named_file(team: Team) -> None:
    conflicted_pull(team, "--no-rebase")
    done = summit(
        team.bob / "agendas", "resolve", f"{SAMPLE_SUMMIT}.toml", "--theirs", "--data", ".."
    )
    assert done.returncode == 0, done.stderr
    merged = settled(team.bob)
    assert merged.agenda[3].minutes == 30 and merged.venue.endswith("Room 9")


def test_in_a_rebase_mine_is_still_mine(team: Team) -> None:
    """git rebase replays Bob's commit onto Alice's: his side is git's "theirs" there."""
    conflicted_pull(team, "--rebase")
    done = summit(team.bob, "resolve", "--mine")
    assert done.returncode == 0, done.stderr
    assert "git rebase --continue" in done.stdout
    merged = settled(team.bob)
    assert merged.agenda[3].minutes == 20 and merged.venue.endswith("Room 4")


def test_clear_messages_when_there_is_nothing_to_settle(team: Team, tmp_path: Path) -> None:
    def refused(cwd: Path, *args: str) -> str:
        done = summit(cwd, "resolve", *args)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        return done.stderr

    assert "not in the middle of a merge" in refused(team.bob, "--mine")
    conflicted_pull(team, "--no-rebase")
    assert "invitees.toml is not conflicted" in refused(team.bob, "invitees.toml", "--mine")
    assert "not a summit data file" in refused(team.bob, ".gitattributes", "--theirs")
    assert "outside the repository" in refused(team.bob, str(tmp_path), "--theirs")
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(team.alice / "invitees.toml", plain)
    assert "is not in a git repository" in refused(plain, "--mine")
    both = summit(team.bob, "resolve")
    assert both.returncode == 2 and "one of the arguments --mine --theirs" in both.stderr


def test_a_file_already_edited_by_hand_is_left_alone(team: Team) -> None:
    conflicted_pull(team, "--no-rebase")
    path = team.bob / SUMMIT_FILE
    lines = path.read_text().splitlines(keepends=True)
    by_hand = "".join(
        line for line in lines if not line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
    )
    path.write_text(by_hand)
    done = summit(team.bob, "resolve", "--theirs")
    assert done.returncode == 1
    assert "someone has edited it since the merge" in done.stderr
    assert path.read_text() == by_hand
