"""History that tells everything: what a merge brought in, comments removed, replies asked
again in the same commit, whole-word subjects, and git's diff into a closed pipe."""

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from summit.workflows.history import DataRepository, commit_message
from tests.conftest import SAMPLE_SUMMIT
from tests.gitrepo.conftest import Team, commit_all, edit, git, run_git, summit
from tests.gitrepo.test_history_cli import Cli, lines, new_venue, reply
from tests.ical.test_replies import reply_file

SUMMIT = Path(f"agendas/{SAMPLE_SUMMIT}.toml")
HEADER_COMMENTS = (
    "# Summit convened by the Culture Secretary with internet companies on online\n"
    "# child-abuse imagery, internet filtering and copyright infringement.\n"
)
VENUE_LINE = (
    "  venue now 'Lancaster House, London SW1A 1BB' "
    "(was '100 Parliament Street, London SW1A 2BQ: Conference Room 1')"
)


def merged_team(team: Team) -> None:
    """Alice moves the venue and pushes; Bob lengthens the coffee break and pulls: a merge."""
    new_venue(team.alice)
    team.commit(team.alice, "Move to Lancaster House")
    git(team.alice, "push", "-q", "origin", "HEAD:main")
    edit(team.bob / SUMMIT, 'kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 20')
    team.commit(team.bob, "Longer coffee")
    git(team.bob, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert len(run_git(team.bob, "log", "-1", "--format=%P").split()) == 2


def test_a_merge_says_what_it_brought_in_against_its_first_parent(team: Team) -> None:
    merged_team(team)
    entry = DataRepository(team.bob).history(limit=1)[0]
    assert entry.commit.is_merge
    assert [report.path for report in entry.files] == [SUMMIT.as_posix()]
    assert entry.files[0].lines[0] == VENUE_LINE.strip()
    logged = summit(team.bob, "log", "-n", "1")
    assert logged.returncode == 0, logged.stderr
    shown = lines(logged.stdout)
    assert shown[2:5] == [
        "  a merge: what it brought in (against the branch it was made on)",
        f"  {SUMMIT.as_posix()}",
        f"  {VENUE_LINE}",
    ]
    assert "minutes" not in logged.stdout  # Bob's own change is in his own commit
    diffed = summit(team.bob, "diff", "HEAD^", "HEAD")
    assert lines(diffed.stdout)[:2] == [SUMMIT.as_posix(), VENUE_LINE]


def test_removed_comments_are_said_by_diff_log_the_driver_and_the_commit_message(
    repo: Path, cli: Cli
) -> None:
    assert summit(repo, "git", "setup").returncode == 0
    commit_all(repo, "Set up git", "Ann Example", "2027-01-04T09:30:00+00:00")
    edit(repo / SUMMIT, HEADER_COMMENTS, "")
    edit(repo / SUMMIT, "# rsvp: needs-action", "# replies: needs-action")
    reply(repo)
    said = [
        SUMMIT.as_posix(),
        "  Facebook: Oliver Grant accepted (was needs-action)",
        "  1 comment changed, 2 comments removed",
    ]
    assert lines(cli("diff", "--data", repo).out) == said
    assert lines(run_git(repo, "diff")) == said  # git's diff driver
    message = commit_message(DataRepository(repo).uncommitted_changes())
    assert "- 1 comment changed, 2 comments removed\n" in message
    commit_all(repo, "Facebook accepted", "Bob Smith", "2027-01-05T10:30:00+00:00")
    assert lines(cli("log", "-n", "1", "--data", repo).out)[2:5] == [f"  {line}" for line in said]


def test_only_a_comment_removed_is_not_no_change(repo: Path, cli: Cli) -> None:
    edit(repo / SUMMIT, "# rsvp: needs-action, accepted, declined, tentative or delegated\n", "")
    assert lines(cli("diff", "--data", repo).out) == [
        SUMMIT.as_posix(),
        "  no change to the data (layout, comments or item ids only)",
        "  1 comment removed",
    ]


def test_a_reply_recorded_then_asked_again_is_in_the_diff_and_the_commit_message(
    repo: Path, cli: Cli, tmp_path: Path
) -> None:
    """Facebook's reply is imported, then the venue moves and the invite is exported again."""
    invite = DataRepository(repo).reader.record(SUMMIT.as_posix(), (repo / SUMMIT).read_bytes())
    uid = invite.invite.uid  # type: ignore[union-attr]
    answer = reply_file(
        tmp_path,
        "r.ics",
        uid=uid,
        email="oliver.grant@facebook.example.org",
        partstat="ACCEPTED",
        stamp=datetime(2026, 1, 10, 10, tzinfo=UTC),  # before the meeting: a reply after is not
    )
    assert cli("rsvp", "import", answer, "--data", repo).code == 0
    new_venue(repo)
    assert cli("export", "ics", SAMPLE_SUMMIT, "--out", tmp_path, "--data", repo).code == 0
    said = (
        "Facebook: Oliver Grant accepted for an earlier time (SEQUENCE 0); "
        "asked again for the new time"
    )
    assert f"  {said}" in lines(cli("diff", "--data", repo).out)
    assert f"- {said}\n" in commit_message(DataRepository(repo).uncommitted_changes())


def test_a_generated_subject_keeps_whole_words(repo: Path) -> None:
    new_venue(repo)
    reply(repo)
    message = commit_message(DataRepository(repo).uncommitted_changes())
    subject, body = message.split("\n\n", 1)
    assert subject == "venue now 'Lancaster House, London SW1A 1BB' (was '100… (and 2 more)"
    assert len(subject) <= 72
    assert "(was '100 Parliament Street, London SW1A 2BQ: Conference Room 1')" in body


def test_git_diff_into_head_ends_quietly(repo: Path) -> None:
    """`git diff | head -1`: the driver meets a closed pipe and must not make git fail."""
    assert summit(repo, "git", "setup").returncode == 0
    organisations = "".join(
        f'\n[organisations.company-{n}]\nname = "Company number {n}"\nsector = "search"\n'
        for n in range(3000)  # far more than a pipe holds, so the driver surely meets it closed
    )
    with (repo / "invitees.toml").open("a", encoding="utf-8") as register:
        register.write(organisations)
    done = subprocess.run(
        "git diff | head -1", shell=True, cwd=repo, capture_output=True, text=True, check=False
    )
    assert done.stdout == "invitees.toml\n"
    assert "fatal" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert done.stderr == ""
