"""`git pull` on real clones merges summit files record by record through the driver."""

from pathlib import Path

import pytest

from summit.gitrepo.setup import is_set_up
from summit.model import Summit
from summit.store import load_dataset
from summit.tui.app import make_app
from summit.tui.screens.problems import ProblemsScreen
from summit.tui.screens.resolve import ResolveScreen
from tests.conftest import REPO, SAMPLE_SUMMIT
from tests.gitrepo.conftest import Team, git, summit
from tests.tui.conftest import TODAY, settle

SUMMIT_FILE = f"agendas/{SAMPLE_SUMMIT}.toml"


def edit(clone: Path, old: str, new: str, name: str = SUMMIT_FILE) -> None:
    path = clone / name
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def pull(team: Team, message: str = "Alice's change") -> tuple[int, str]:
    """Alice commits and pushes; Bob commits his change and pulls hers (a real merge)."""
    team.commit(team.alice, message)
    git(team.alice, "push", "-q", "origin", "HEAD:main")
    team.commit(team.bob, "Bob's change")
    done = git(team.bob, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    return done.returncode, done.stdout + done.stderr


def record(clone: Path) -> Summit:
    dataset = load_dataset(clone)
    assert not dataset.errors, [p.format() for p in dataset.errors]
    return dataset.summits[SAMPLE_SUMMIT].record


def agenda_titles(clone: Path) -> list[str]:
    return [item.title for item in record(clone).agenda]


def test_replies_on_adjacent_lines_merge_and_keep_comments(team: Team) -> None:
    # Adjacent lines: git's own line merge calls this a conflict.
    edit(team.alice, 'google-policy = "accepted"', 'google-policy = "declined"')
    edit(
        team.bob,
        'google-trust-safety = "tentative"',
        'google-trust-safety = "accepted"  # confirmed by phone',
    )
    edit(
        team.bob,
        "[invitations.yahoo.rsvp]",
        "# Yahoo asked for a second seat\n[invitations.yahoo.rsvp]",
    )
    code, output = pull(team)
    assert code == 0, output
    text = (team.bob / SUMMIT_FILE).read_text()
    assert 'google-trust-safety = "accepted"  # confirmed by phone' in text
    assert "# Yahoo asked for a second seat" in text
    assert "# ── Who is invited, and their replies ──" in text
    rsvp = record(team.bob).invitations["google"].rsvp
    assert (rsvp["google-policy"], rsvp["google-trust-safety"]) == ("declined", "accepted")
    assert git(team.bob, "status", "--porcelain").stdout == ""
    assert summit(team.bob, "validate").returncode == 0


def test_moving_an_item_while_the_other_side_edits_it_keeps_both(team: Team) -> None:
    # Alice moves the item on search and hosting to the end; Bob edits that item.
    # Git's line merge sees lines Bob changed inside a block Alice deleted: a conflict.
    text = (team.alice / SUMMIT_FILE).read_text()
    start = text.index('[[agenda]]\ntitle = "Blocking')
    block = text[start : text.index('[[agenda]]\ntitle = "Coffee"')]
    edit(team.alice, block, "")
    edit(team.alice, "# ── Outputs", block + "# ── Outputs")
    edit(team.bob, "minutes = 45", "minutes = 50")
    edit(team.bob, 'splash-page warnings."', 'splash-page warnings, in writing."')
    code, output = pull(team)
    assert code == 0, output
    merged = record(team.bob)
    titles = [item.title for item in merged.agenda]
    assert titles[2] == "Coffee"
    assert titles[-1] == "Blocking and removing imagery: search and hosting"
    blocking = merged.agenda[-1]
    assert blocking.minutes == 50
    assert blocking.notes is not None and blocking.notes.endswith("in writing.")
    assert len(merged.agenda) == 7


def test_a_reply_and_a_retimed_break_on_one_clone_the_break_moved_on_the_other(
    team: Team,
) -> None:
    # Both through the storage layer, as the app saves. Alice lengthens the break that
    # Bob moves: git's line merge sees an edit inside a deleted block and stops.
    alice = load_dataset(team.alice)
    summit_a = alice.summits[SAMPLE_SUMMIT].record.model_copy(deep=True)
    summit_a.invitations["facebook"].rsvp["facebook-policy"] = "accepted"  # type: ignore[assignment]
    summit_a.agenda[3].minutes = 20
    assert alice.save_summit(SAMPLE_SUMMIT, summit_a)
    bob = load_dataset(team.bob)
    summit_b = bob.summits[SAMPLE_SUMMIT].record.model_copy(deep=True)
    coffee = summit_b.agenda.pop(3)
    summit_b.agenda.insert(5, coffee)
    assert bob.save_summit(SAMPLE_SUMMIT, summit_b)
    code, output = pull(team)
    assert code == 0, output
    merged = record(team.bob)
    assert merged.invitations["facebook"].rsvp["facebook-policy"] == "accepted"
    assert [item.title for item in merged.agenda] == [item.title for item in summit_b.agenda]
    assert merged.agenda[5].title == "Coffee"
    assert merged.agenda[5].minutes == 20


def test_delegates_edited_in_the_register_on_both_clones(team: Team) -> None:
    register = "invitees.toml"
    text = (team.alice / register).read_text()
    assert 'job_title = "Director of Public Policy, UK"' in text
    edit(
        team.alice,
        'job_title = "Director of Public Policy, UK"',
        'job_title = "Vice President, Policy"',
        register,
    )
    edit(
        team.bob,
        'email = "daniel.reyes@google.example.org"',
        'email = "d.reyes@google.example.org"',
        register,
    )
    code, output = pull(team)
    assert code == 0, output
    merged = load_dataset(team.bob).register
    assert merged is not None
    delegate = merged.record.organisations["google"].delegates["google-policy"]
    assert (delegate.job_title, delegate.email) == (
        "Vice President, Policy",
        "d.reyes@google.example.org",
    )


def conflicting_coffee(team: Team) -> tuple[int, str]:
    coffee = 'kind = "break"\nminutes = 15'
    edit(team.alice, coffee, 'kind = "break"\nminutes = 30')
    edit(team.bob, coffee, 'kind = "break"\nminutes = 20')
    edit(team.bob, 'twitter-policy = "declined"', 'twitter-policy = "accepted"')
    return pull(team)


CONFLICT = "agenda 'Coffee'.minutes: base 15, ours 20, theirs 30"


def test_a_true_conflict_is_reported_and_keeps_both_versions(team: Team) -> None:
    code, output = conflicting_coffee(team)
    assert code != 0
    assert f"{SUMMIT_FILE}: {CONFLICT}" in output
    status = git(team.bob, "status", "--porcelain").stdout
    assert f"UU {SUMMIT_FILE}" in status
    text = (team.bob / SUMMIT_FILE).read_text()
    assert (
        f"<<<<<<< ours: {CONFLICT}\nminutes = 20\n=======\nminutes = 30\n>>>>>>> theirs\n" in text
    )
    assert 'twitter-policy = "accepted"' in text  # what merged cleanly is merged


def test_validate_reports_the_conflicted_file_by_line(team: Team) -> None:
    conflicting_coffee(team)
    lines = (team.bob / SUMMIT_FILE).read_text().splitlines()
    marker = next(n for n, line in enumerate(lines, 1) if line.startswith("<<<<<<<"))
    done = summit(team.bob, "validate")
    assert done.returncode == 1
    assert f"{SUMMIT_FILE}:{marker}:1: unresolved merge conflict: {CONFLICT}" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    # Resolved by keeping theirs: the file validates and the merge can be committed.
    text = (team.bob / SUMMIT_FILE).read_text()
    start, end = text.index("<<<<<<<"), text.index(">>>>>>> theirs\n")
    block = text[start : end + len(">>>>>>> theirs\n")]
    (team.bob / SUMMIT_FILE).write_text(text.replace(block, "minutes = 30\n"))
    assert summit(team.bob, "validate").returncode == 0
    git(team.bob, "add", SUMMIT_FILE)
    git(team.bob, "commit", "-q", "--no-edit")


async def test_the_app_opens_a_conflicted_folder_read_only(team: Team) -> None:
    """Read-only with the problem listed, and the field-by-field settling offered on top."""
    conflicting_coffee(team)
    app = make_app(team.bob, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        problems = [s for s in app.screen_stack if isinstance(s, ProblemsScreen)]
        assert problems
        shown = " ".join(str(s.render()) for s in problems[0].query(".problem"))
        assert "unresolved merge conflict" in shown
        assert "READ-ONLY" in app.sub_title
        assert isinstance(app.screen, ResolveScreen)


def test_setup_is_idempotent(team: Team) -> None:
    attributes = (team.bob / ".gitattributes").read_bytes()
    ignored = (team.bob / ".gitignore").read_bytes()
    assert b"/exports/\n" in ignored  # exports are made from the data, never committed
    config = (team.bob / ".git" / "config").read_bytes()
    again = summit(team.bob, "git", "setup")
    assert again.returncode == 0
    assert "already set up" in again.stdout
    assert (team.bob / ".gitattributes").read_bytes() == attributes
    assert (team.bob / ".gitignore").read_bytes() == ignored
    assert (team.bob / ".git" / "config").read_bytes() == config
    driver = git(team.bob, "config", "--local", "--get-all", "merge.summit.driver").stdout
    assert driver.count("merge-driver %O %A %B %P") == 1
    checked = git(
        team.bob, "check-attr", "merge", "diff", "--", SUMMIT_FILE, "invitees.toml"
    ).stdout
    assert checked.count(": summit") == 4


def test_setup_outside_a_repository_says_how_to_start_one(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    done = summit(folder, "git", "setup")
    assert done.returncode == 2
    assert "git init" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (folder / ".gitattributes").exists()


@pytest.mark.parametrize("existing", ["*.pdf binary\n", "*.pdf binary"])
def test_setup_keeps_existing_attributes(team: Team, existing: str) -> None:
    (team.bob / ".gitattributes").write_text(existing)
    assert summit(team.bob, "git", "setup").returncode == 0
    lines = (team.bob / ".gitattributes").read_text().splitlines()
    assert lines[0] == "*.pdf binary"
    assert "agendas/*.toml merge=summit diff=summit" in lines


def test_the_driver_leaves_other_files_alone(tmp_path: Path) -> None:
    for name in ("base", "ours", "theirs"):
        (tmp_path / name).write_text(f"{name}\n")
    done = summit(tmp_path, "merge-driver", "base", "ours", "theirs", "notes/readme.txt")
    assert done.returncode == 1
    assert "is not a summit data file" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "ours").read_text() == "ours\n"


def test_an_unreadable_version_keeps_both_whole_files(tmp_path: Path) -> None:
    sample = (REPO / SUMMIT_FILE).read_text()
    (tmp_path / "base").write_text(sample)
    (tmp_path / "ours").write_text(sample.replace("minutes = 45", "minutes = = 45"))
    (tmp_path / "theirs").write_text(sample.replace("minutes = 45", "minutes = 50"))
    done = summit(tmp_path, "merge-driver", "base", "ours", "theirs", SUMMIT_FILE)
    assert done.returncode == 1
    assert "one version cannot be read" in done.stderr
    assert "Traceback" not in done.stderr
    text = (tmp_path / "ours").read_text()
    assert "minutes = = 45\n=======\nminutes = 50\n>>>>>>> theirs" in text


def test_is_set_up_tells_the_app_whether_to_offer_setup(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert not is_set_up(folder)  # not a repository
    git(folder, "init", "-q")
    assert not is_set_up(folder)
    assert summit(folder, "git", "setup").returncode == 0
    assert is_set_up(folder)
