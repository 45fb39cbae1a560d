"""`summit diff`, `summit log` and git's diff driver on real repositories, sentence for sentence."""

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tests.gitrepo.conftest import commit_all, edit, run_git

Cli = Callable[..., CliResult]
SUMMIT = Path("agendas/online-safety-summit.toml")
COFFEE = '[[agenda]]\ntitle = "Coffee"\nkind = "break"\nminutes = 15\n\n'
SCALE = '[[agenda]]\ntitle = "The scale of child-abuse imagery online"'
VENUE = 'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"\nstatus = "invited"'


def reply(root: Path) -> None:
    edit(root / SUMMIT, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')


def move_coffee(root: Path) -> None:
    edit(root / SUMMIT, COFFEE, "")
    edit(root / SUMMIT, SCALE, COFFEE + SCALE)


def longer_item(root: Path) -> None:
    edit(root / SUMMIT, 'lead = "iwf-chief-executive"\nminutes = 30', 'lead = "iwf-chief-executive"\nminutes = 40')


def add_delegate(root: Path) -> None:
    edit(
        root / "invitees.toml",
        "[organisations.yahoo]",
        '[organisations.google.delegates.google-counsel]\nname = "Ada Park"\n'
        'job_title = "Legal Counsel"\nemail = "ada.park@google.example.org"\n\n'
        "[organisations.yahoo]",
    )


def new_venue(root: Path) -> None:
    edit(root / SUMMIT, VENUE, 'venue = "Lancaster House, London SW1A 1BB"\nstatus = "invited"')


EDITS = [
    (reply, "Facebook accepted", "Bob Smith"),
    (move_coffee, "Coffee after the welcome", "Cath Jones"),
    (longer_item, "Longer session on scale", "Bob Smith"),
    (add_delegate, "Add Google's counsel", "Dev Patel"),
    (new_venue, "Move to Lancaster House", "Cath Jones"),
]

REPLY = ["agendas/online-safety-summit.toml", "  Facebook: Oliver Grant accepted (was needs-action)"]
MOVE = [
    "agendas/online-safety-summit.toml",
    "  agenda 'Coffee': moved to 09:45–10:00 (was 11:00–11:15)",
    "  agenda 'The scale of child-abuse imagery online': now 10:00–10:30 (was 09:45–10:15)",
    "  agenda 'Blocking and removing imagery: search and hosting': now 10:30–11:15 (was 10:15–11:00)",
]
LONGER = [
    "agendas/online-safety-summit.toml",
    "  agenda 'The scale of child-abuse imagery online': now 10:00–10:40 (was 10:00–10:30), 40 minutes (was 30)",
    "  agenda 'Blocking and removing imagery: search and hosting': now 10:40–11:25 (was 10:30–11:15)",
    "  agenda 'Family-friendly filtering on broadband and mobile': now 11:25–12:05 (was 11:15–11:55)",
    "  agenda 'Copyright infringement and illegal sites': now 12:05–12:40 (was 11:55–12:30)",
    "  agenda 'Agreed actions and next steps': now 12:40–13:00 (was 12:30–12:50)",
]
DELEGATE = ["invitees.toml", "  delegate added: Ada Park (Google), Legal Counsel"]
VENUE_LINES = [
    "agendas/online-safety-summit.toml",
    "  venue now 'Lancaster House, London SW1A 1BB' "
    "(was '100 Parliament Street, London SW1A 2BQ: Conference Room 1')",
    "  attendees will see this: the next export raises the invite's SEQUENCE to 1",
]


@pytest.fixture
def history(repo: Path) -> Path:
    """Five commits by three people, one a day, each a different kind of change."""
    for day, (change, message, author) in enumerate(EDITS, start=5):
        change(repo)
        commit_all(repo, message, author, f"2027-01-{day:02d}T10:30:00+00:00")
    return repo


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_diff_between_two_revisions_per_edit(history: Path, cli: Cli) -> None:
    expected = {1: DELEGATE, 2: LONGER, 3: MOVE, 4: REPLY}
    expected[0] = VENUE_LINES
    for back, sentences in expected.items():
        result = cli("diff", f"HEAD~{back + 1}", f"HEAD~{back}", "--data", history)
        assert result.code == 0, result.err
        assert lines(result.out) == sentences


def test_log_gives_author_date_subject_and_the_change_of_each_commit(
    history: Path, cli: Cli
) -> None:
    result = cli("log", "-n", "3", "--data", history)
    assert result.code == 0, result.err
    hashes = run_git(history, "log", "-3", "--format=%H").split()
    assert lines(result.out) == [
        f"{hashes[0][:7]}  2027-01-09 10:30  Cath Jones",
        "    Move to Lancaster House",
        *("  " + line for line in VENUE_LINES),
        "",
        f"{hashes[1][:7]}  2027-01-08 10:30  Dev Patel",
        "    Add Google's counsel",
        *("  " + line for line in DELEGATE),
        "",
        f"{hashes[2][:7]}  2027-01-07 10:30  Bob Smith",
        "    Longer session on scale",
        *("  " + line for line in LONGER),
        "",
    ]
