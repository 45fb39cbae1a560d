"""`summit diff`, `summit log` and git's diff driver on real repositories, sentence for sentence."""

import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from summit.workflows.history import DataRepository, commit_message
from tests.conftest import CliResult
from tests.gitrepo.conftest import commit_all, edit, run_git

Cli = Callable[..., CliResult]
SUMMIT = Path("agendas/online-safety-summit.toml")
COFFEE = '[[agenda]]\ntitle = "Coffee"\nkind = "break"\nminutes = 15\n\n'
SCALE = '[[agenda]]\ntitle = "The scale of child-abuse imagery online"'
VENUE = 'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"\nstatus = "held"'


def reply(root: Path) -> None:
    edit(root / SUMMIT, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')


def move_coffee(root: Path) -> None:
    edit(root / SUMMIT, COFFEE, "")
    edit(root / SUMMIT, SCALE, COFFEE + SCALE)


def longer_item(root: Path) -> None:
    edit(
        root / SUMMIT,
        'lead = "iwf-chief-executive"\nminutes = 30',
        'lead = "iwf-chief-executive"\nminutes = 40',
    )


def add_delegate(root: Path) -> None:
    edit(
        root / "invitees.toml",
        "[organisations.yahoo]",
        '[organisations.google.delegates.google-counsel]\nname = "Ada Park"\n'
        'job_title = "Legal Counsel"\nemail = "ada.park@google.example.org"\n\n'
        "[organisations.yahoo]",
    )


def new_venue(root: Path) -> None:
    edit(root / SUMMIT, VENUE, 'venue = "Lancaster House, London SW1A 1BB"\nstatus = "held"')


EDITS = [
    (reply, "Facebook accepted", "Bob Smith"),
    (move_coffee, "Coffee after the welcome", "Cath Jones"),
    (longer_item, "Longer session on scale", "Bob Smith"),
    (add_delegate, "Add Google's counsel", "Dev Patel"),
    (new_venue, "Move to Lancaster House", "Cath Jones"),
]

REPLY = [
    "agendas/online-safety-summit.toml",
    "  Facebook: Oliver Grant accepted (was needs-action)",
]
MOVE = [
    "agendas/online-safety-summit.toml",
    "  agenda 'Coffee': moved to 09:45–10:00 (was 11:00–11:15)",
    "  agenda 'The scale of child-abuse imagery online': now 10:00–10:30 (was 09:45–10:15)",
    "  agenda 'Blocking and removing imagery: search and hosting': "
    "now 10:30–11:15 (was 10:15–11:00)",
]
LONGER = [
    "agendas/online-safety-summit.toml",
    "  agenda 'The scale of child-abuse imagery online': "
    "now 10:00–10:40 (was 10:00–10:30), 40 minutes (was 30)",
    "  agenda 'Blocking and removing imagery: search and hosting': "
    "now 10:40–11:25 (was 10:30–11:15)",
    "  agenda 'Family-friendly filtering on broadband and mobile': "
    "now 11:25–12:05 (was 11:15–11:55)",
    # The sample marks this item sensitive: it is named by its place (issue 21).
    "  agenda 'agenda item 6, sensitive': now 12:05–12:40 (was 11:55–12:30)",
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


def driver_command() -> str:
    """What `summit git setup` writes: this interpreter running summit, shell-quoted."""
    return f"{shlex.quote(sys.executable)} -m summit diff-driver"


def configure_driver(root: Path) -> None:
    """The diff driver set up by hand, as `summit git setup` will (not depended on here)."""
    run_git(root, "config", "diff.summit.command", driver_command())
    (root / ".gitattributes").write_text(
        "invitees.toml diff=summit\nagendas/*.toml diff=summit\n", encoding="utf-8"
    )


def test_git_diff_prints_what_summit_diff_prints(repo: Path, cli: Cli) -> None:
    configure_driver(repo)
    new_venue(repo)
    add_delegate(repo)
    ours = cli("diff", "--data", repo)
    assert lines(ours.out) == VENUE_LINES + DELEGATE
    assert run_git(repo, "diff") == ours.out


def test_git_log_p_shows_plain_english_with_ext_diff(history: Path) -> None:
    configure_driver(history)
    commit_all(history, "Plain-English diffs", "Ann Example", "2027-01-10T09:00:00+00:00")
    without = run_git(history, "log", "-p", "-2", "--format=%s")
    assert "-venue = " in without  # git log -p uses the driver only when asked
    shown = run_git(history, "log", "-p", "--ext-diff", "-1", "--format=%s", "HEAD~1")
    assert lines(shown) == ["Move to Lancaster House", "", *VENUE_LINES]


def test_the_driver_handles_added_and_removed_files(repo: Path, cli: Cli) -> None:
    configure_driver(repo)
    run_git(repo, "rm", "-q", "invitees.toml")
    new = repo / "agendas" / "follow-up.toml"
    new.write_bytes((repo / SUMMIT).read_bytes())
    run_git(repo, "add", "-A")
    assert lines(run_git(repo, "diff", "--cached", "--", "agendas", "invitees.toml")) == [
        "agendas/follow-up.toml",
        "  summit created: 'Summit on child-abuse imagery, filtering and copyright online' "
        "on 2026-01-20 09:30 at 100 Parliament Street, London SW1A 2BQ: Conference Room 1",
        "invitees.toml",
        "  register deleted: 13 organisations, 16 delegates",
    ]


def test_working_tree_diff_includes_new_untracked_summits_and_says_when_nothing_changed(
    repo: Path, cli: Cli
) -> None:
    nothing = cli("diff", "--data", repo)
    assert (nothing.code, nothing.out, nothing.err.strip()) == (0, "", "no changes to the data")
    (repo / "agendas" / "follow-up.toml").write_bytes((repo / SUMMIT).read_bytes())
    assert lines(cli("diff", "--data", repo).out)[0] == "agendas/follow-up.toml"


def test_a_file_that_does_not_load_is_described_not_a_traceback(repo: Path, cli: Cli) -> None:
    edit(repo / SUMMIT, 'kind = "break"\nminutes = 15', 'kind = "break"\nminutes = "15"')
    result = cli("diff", "--data", repo)
    assert result.code == 0
    assert lines(result.out) == [
        "agendas/online-safety-summit.toml",
        "  the new version does not load: 127:1: agenda[3].minutes: "
        "input should be a valid integer",
    ]
    (repo / SUMMIT).write_text("title = [\n", encoding="utf-8")
    broken = cli("diff", "--data", repo)
    assert lines(broken.out)[1].startswith("  the new version does not load: 2:1: TOML syntax")


def test_comments_only_is_said_so(repo: Path, cli: Cli) -> None:
    edit(repo / SUMMIT, "# ── Agenda", "# ── The agenda")
    assert lines(cli("diff", "--data", repo).out) == [
        "agendas/online-safety-summit.toml",
        "  no change to the data (layout, comments or item ids only)",
        "  1 comment changed",
    ]


def test_paths_after_double_dash_limit_the_diff(history: Path, cli: Cli) -> None:
    result = cli("diff", "HEAD~2", "HEAD", "--data", history, "--", history / "invitees.toml")
    assert lines(result.out) == DELEGATE


def test_log_of_one_summit_skips_register_commits(history: Path, cli: Cli) -> None:
    result = cli("log", "online-safety-summit", "-n", "2", "--data", history)
    shown = lines(result.out)
    subjects = [shown[i + 1].strip() for i, line in enumerate(shown) if re.match(r"\w{7}  ", line)]
    assert subjects[:2] == ["Move to Lancaster House", "Longer session on scale"]


def test_a_folder_without_git_says_how_to_start(data_dir: Path, cli: Cli) -> None:
    for args in (("diff",), ("log",)):
        result = cli(*args, "--data", data_dir)
        assert result.code == 2
        assert result.out == ""
        assert "is not in a git repository" in result.err
        assert "git init" in result.err and "summit git setup" in result.err


def test_a_bad_revision_is_a_message(history: Path, cli: Cli) -> None:
    result = cli("diff", "no-such-branch", "--data", history)
    assert result.code == 2
    assert "'no-such-branch' is not a commit in this repository" in result.err
    assert "Traceback" not in result.err


def test_an_empty_repository_diffs_everything_as_new_and_has_no_log(
    data_dir: Path, cli: Cli
) -> None:
    run_git(data_dir, "init", "-q")
    result = cli("diff", "--data", data_dir)
    assert lines(result.out)[0::2] == [
        "agendas/online-safety-follow-up.toml",
        "agendas/online-safety-summit.toml",
        "invitees.toml",
    ]
    empty = cli("log", "--data", data_dir)
    assert (empty.code, empty.out) == (0, "")


def test_control_characters_in_a_commit_subject_are_escaped(repo: Path, cli: Cli) -> None:
    reply(repo)
    commit_all(repo, "Reply \x1b[31mred", "Bob Smith", "2027-01-05T10:30:00+00:00")
    out = cli("log", "-n", "1", "--data", repo).out
    assert "\x1b" not in out
    assert "Reply \\x1b[31mred" in out


def test_data_in_a_subfolder_of_the_repository(history: Path, cli: Cli, tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    outer.mkdir()
    run_git(outer, "init", "-q")
    data = outer / "team" / "data"
    data.parent.mkdir()
    history.rename(data)
    (data / ".git").rename(outer / "unused-git")  # now only the outer repository holds it
    commit_all(outer, "Bring the data in", "Ann Example", "2027-01-11T09:00:00+00:00")
    edit(data / SUMMIT, 'twitter-policy = "declined"', 'twitter-policy = "accepted"')
    result = cli("diff", "--data", data)
    assert lines(result.out) == [
        "agendas/online-safety-summit.toml",
        "  Twitter: Jess Moreno accepted (was declined)",
    ]


def test_git_diff_from_a_subfolder_and_a_path_outside_the_repository(
    repo: Path, cli: Cli, tmp_path: Path
) -> None:
    configure_driver(repo)
    new_venue(repo)
    assert lines(run_git(repo / "agendas", "diff")) == VENUE_LINES
    outside = cli("diff", "--data", repo, "--", tmp_path)
    assert outside.code == 2
    assert "is outside the repository" in outside.err


def test_a_commit_message_from_the_plain_english_change(repo: Path) -> None:
    reply(repo)
    add_delegate(repo)
    reports = DataRepository(repo).uncommitted_changes()
    assert commit_message(reports) == (
        "Facebook: Oliver Grant accepted (was needs-action) (and 1 more)\n"
        "\n"
        "agendas/online-safety-summit.toml:\n"
        "- Facebook: Oliver Grant accepted (was needs-action)\n"
        "\n"
        "invitees.toml:\n"
        "- delegate added: Ada Park (Google), Legal Counsel\n"
    )
    assert commit_message([]) == ""


def test_the_driver_called_for_an_unmerged_file_says_so(repo: Path, cli: Cli) -> None:
    result = cli("diff-driver", "agendas/online-safety-summit.toml")
    assert (result.code, lines(result.out)) == (
        0,
        [
            "agendas/online-safety-summit.toml",
            "  unmerged: resolve the conflict, then look again",
        ],
    )


def test_a_side_too_large_to_read_is_said_not_read(
    repo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    reply(repo)
    commit_all(repo, "Facebook accepted", "Bob Smith", "2027-01-05T10:30:00+00:00")
    monkeypatch.setattr("summit.workflows.history.MAX_DATA_FILE_BYTES", 1000)
    result = cli("diff", "HEAD~1", "HEAD", "--data", repo)
    assert result.code == 0
    size = len(run_git(repo, "show", f"HEAD~1:{SUMMIT.as_posix()}").encode())
    assert lines(result.out) == [
        "agendas/online-safety-summit.toml",
        f"  the old version is not read: it is {size:,} bytes; summit reads files up to 1,000",
    ]
