"""A side that emptied or deleted the summit file while the other edited it: nothing lost.

The README promises both whole versions between markers when a merge cannot
be made; that holds when one version is an empty file, and git itself keeps
ours whole when theirs deleted the file.
"""

from tests.conftest import SAMPLE_SUMMIT
from tests.gitrepo.conftest import Team, git

SUMMIT_FILE = f"agendas/{SAMPLE_SUMMIT}.toml"


def _bobs_edit(team: Team) -> str:
    path = team.bob / SUMMIT_FILE
    text = path.read_text().replace("minutes = 15", "minutes = 20", 1)
    assert text != path.read_text()
    path.write_text(text)
    return text


def _pull(team: Team) -> int:
    team.commit(team.alice, "Alice's change")
    git(team.alice, "push", "-q", "origin", "HEAD:main")
    team.commit(team.bob, "Bob's change")
    done = git(team.bob, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    return done.returncode


def _between_markers(text: str) -> tuple[str, str]:
    assert text.startswith("<<<<<<< ours"), text[:200]
    ours = text.split("\n", 1)[1].split("=======\n", 1)[0]
    theirs = text.split("=======\n", 1)[1].rsplit(">>>>>>> theirs", 1)[0]
    return ours, theirs


def test_theirs_emptied_the_file_and_ours_edited_an_item(team: Team) -> None:
    (team.alice / SUMMIT_FILE).write_text("")
    ours = _bobs_edit(team)
    assert _pull(team) != 0
    kept = (team.bob / SUMMIT_FILE).read_text()
    assert _between_markers(kept) == (ours, "")
    assert "UU " + SUMMIT_FILE in git(team.bob, "status", "--porcelain").stdout


def test_ours_emptied_the_file_and_theirs_edited_an_item(team: Team) -> None:
    path = team.alice / SUMMIT_FILE
    theirs = path.read_text().replace("minutes = 15", "minutes = 30", 1)
    path.write_text(theirs)
    (team.bob / SUMMIT_FILE).write_text("")
    assert _pull(team) != 0
    assert _between_markers((team.bob / SUMMIT_FILE).read_text()) == ("", theirs)


def test_theirs_deleted_the_file_and_ours_edited_an_item(team: Team) -> None:
    (team.alice / SUMMIT_FILE).unlink()
    ours = _bobs_edit(team)
    assert _pull(team) != 0
    assert (team.bob / SUMMIT_FILE).read_text() == ours  # git keeps ours whole
