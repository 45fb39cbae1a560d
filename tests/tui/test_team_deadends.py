"""No dead ends in the app's teamwork: a merge in progress is committed from the app, a pull
made in a shell meanwhile is settled field by field without a restart, on real clones of a
bare remote."""

import subprocess
from pathlib import Path

from textual.widgets import DataTable, Input, Static, TabbedContent

from summit.store import load_dataset
from summit.tui.app import make_app
from summit.tui.screens.commit import CommitScreen
from summit.tui.screens.problems import ProblemsScreen
from summit.tui.screens.resolve import ResolveScreen
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.typed_value import ValueScreen
from summit.tui.watching import WATCH_SECONDS
from tests.conftest import SAMPLE_SUMMIT
from tests.git_fixtures import Team, git
from tests.gitrepo.conftest import summit as summit_command
from tests.tui.conftest import TODAY, choose, settle


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def both_retime_the_welcome(team: Team) -> None:
    """Bob pushes the welcome at 25 minutes; Alice has committed it at 20 (not pulled yet)."""
    for clone, minutes in ((team.bob, "25"), (team.alice, "20")):
        path = summit_file(clone)
        path.write_text(path.read_text().replace("minutes = 15", f"minutes = {minutes}", 1))
        git(clone, "commit", "-qam", f"Welcome {minutes} minutes")
    git(team.bob, "push", "-q")


def pull_with_conflict(root: Path) -> None:
    """`git pull --no-rebase` in a shell: it stops with the summit file conflicted."""
    pull = subprocess.run(
        ["git", "pull", "--no-rebase"], cwd=root, capture_output=True, text=True, check=False
    )
    assert pull.returncode != 0 and "<<<<<<<" in summit_file(root).read_text(), pull.stderr


def told(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def settling_shown(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ResolveScreen)


async def settled_with(pilot, side: str) -> None:  # type: ignore[no-untyped-def]
    """Every conflict kept as mine (M) or theirs (T), saved, and what follows done."""
    await pilot.press(side, "ctrl+s")
    await settle(pilot)
    await settle(pilot)


async def settling_offered_after_a_pull_in_a_shell(pilot, team: Team) -> None:  # type: ignore[no-untyped-def]
    """The app is open; a pull in a shell stops on a conflict; the watch sees it."""
    pull_with_conflict(team.alice)
    await pilot.pause(WATCH_SECONDS * 1.6)
    await settling_shown(pilot)


async def test_keeping_mine_everywhere_still_commits_the_merge(team: Team) -> None:
    """Settled all mine, the file is as last committed; f4 finishes the merge all the same."""
    both_retime_the_welcome(team)
    pull_with_conflict(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settling_shown(pilot)
        await settled_with(pilot, "M")
        assert "merging" in app.sub_title
        await pilot.press("f4")
        await settle(pilot)
        assert "Nothing to commit" not in told(app)
        assert isinstance(app.screen, CommitScreen)
        message = app.screen.message
        assert message.startswith("Merge ")
        assert "Welcome 25 minutes (Priya Hollis)" in message  # what the merge brought in
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "merging" not in app.sub_title
        await pilot.press("f5")
        await settle(pilot)
        assert "Synced" in told(app)
    parents = git(team.alice, "log", "-1", "--format=%P").split()
    assert len(parents) == 2
    assert git(team.alice, "status", "--porcelain").strip() == ""
    assert git(team.remote, "rev-parse", "main") == git(team.alice, "rev-parse", "HEAD")


async def test_the_merge_commit_says_what_it_brought_in(team: Team) -> None:
    both_retime_the_welcome(team)
    pull_with_conflict(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await settled_with(pilot, "T")
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        message = app.screen.message
        await pilot.press("ctrl+s")
        await settle(pilot)
    print(message)
    subject, _, body = message.partition("\n\n")
    assert subject.startswith("Merge branch 'main'")
    assert "- Welcome 25 minutes (Priya Hollis)" in body
    assert "'Welcome and purpose of the day'" in body and "25" in body
    logged = git(team.alice, "log", "-1", "--format=%B")
    assert logged.strip() == message.strip()


def both_change_room_and_welcome(team: Team) -> None:
    for clone, room, minutes in ((team.bob, "Room 2", "25"), (team.alice, "Room 9", "20")):
        path = summit_file(clone)
        text = path.read_text().replace("minutes = 15", f"minutes = {minutes}", 1)
        path.write_text(text.replace("Conference Room 1", room))
        git(clone, "commit", "-qam", f"{room}, welcome {minutes} minutes")
    git(team.bob, "push", "-q")


async def type_value(pilot, text: str) -> ValueScreen | None:  # type: ignore[no-untyped-def]
    """Type `text` in the open value box and press enter: the box if it is still open."""
    screen = pilot.app.screen
    assert isinstance(screen, ValueScreen)
    screen.query_one("#value", Input).value = text
    await pilot.press("enter")
    await settle(pilot)
    return screen if pilot.app.screen is screen else None


async def test_a_typed_value_is_taken_as_a_person_types_it(team: Team) -> None:
    """Plain text for a text field, a number for minutes; what cannot be read stays in the box."""
    both_change_room_and_welcome(team)
    pull_with_conflict(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        resolve = app.screen
        assert isinstance(resolve, ResolveScreen)
        table = resolve.query_one("#resolve-table", DataTable)
        order = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        minutes = "agenda 'Welcome and purpose of the day'.minutes"
        assert {minutes, "venue"} <= set(order)
        await pilot.press("T")  # theirs for anything else
        table.move_cursor(row=order.index(minutes))
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#value", Input).value == "20"  # mine, as people write it
        box = await type_value(pilot, "twenty")
        assert box is not None  # refused, and said beside the field; the text stays
        assert box.query_one("#value", Input).value == "twenty"
        assert "wanted a whole number" in str(box.query_one("#value-error", Static).render())
        assert await type_value(pilot, "  ") is not None  # nothing typed is not a value
        assert await type_value(pilot, "30") is None
        table.move_cursor(row=order.index("venue"))
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#value", Input).value.endswith("Room 9")  # no quotes
        assert await type_value(pilot, 'Lancaster House, the "Music Room"') is None
        assert app.screen is resolve
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
    text = summit_file(team.alice).read_text()
    assert 'venue = "Lancaster House, the \\"Music Room\\""' in text
    assert "minutes = 30" in text and "<<<<<<<" not in text


async def test_ctrl_r_after_a_conflicted_pull_opens_the_resolution_screen(team: Team) -> None:
    """The app was open before the pull: no restart is needed to settle it field by field."""
    both_retime_the_welcome(team)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pull_with_conflict(team.alice)
        await pilot.press("ctrl+r")
        await settling_shown(pilot)
        note = str(app.screen.query_one("#resolve-note", Static).render())
        assert note.startswith("Your commits and your colleagues' both changed these fields")
        await pilot.press("escape")  # decide later: set aside...
        await settle(pilot)
        assert not isinstance(app.screen, ResolveScreen)
        await pilot.press("ctrl+r")  # ...and offered again
        await settling_shown(pilot)
        await settled_with(pilot, "T")
        assert app.session.workspace.writable
        assert app.session.workspace.summits[SAMPLE_SUMMIT].agenda[0].minutes == 25
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert len(git(team.alice, "log", "-1", "--format=%P").split()) == 2


async def test_a_conflicted_pull_is_offered_for_settling_as_the_app_sees_it(team: Team) -> None:
    both_retime_the_welcome(team)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settling_offered_after_a_pull_in_a_shell(pilot, team)
        await settled_with(pilot, "M")
        assert app.session.workspace.writable
        assert not isinstance(app.screen, ProblemsScreen)


async def test_a_sync_that_brings_changes_keeps_the_screen_and_tab(team: Team) -> None:
    path = summit_file(team.bob)
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 2"))
    git(team.bob, "commit", "-qam", "Room 2")
    git(team.bob, "push", "-q")
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "3")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        await settle(pilot)
        assert app.session.workspace.summits[SAMPLE_SUMMIT].venue.endswith("Room 2")
        screen = app.screen
        assert isinstance(screen, SummitScreen)
        assert screen.query_one("#summit-tabs", TabbedContent).active == "tab-outputs"


async def test_settling_a_pull_made_in_a_shell_keeps_the_summit_tab_and_row(team: Team) -> None:
    """The conflicted file was loaded, unreadable, before it was settled: the summit
    closed and the list of problems opened under the settling (tried in tmux)."""
    both_retime_the_welcome(team)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2", "down", "down")
        await settle(pilot)
        await settling_offered_after_a_pull_in_a_shell(pilot, team)
        assert [type(s) for s in app.screen_stack[1:-1]] == [SummitScreen]
        await settled_with(pilot, "T")
        screen = app.screen
        assert isinstance(screen, SummitScreen) and screen.summit_id == SAMPLE_SUMMIT
        assert screen.query_one("#summit-tabs", TabbedContent).active == "tab-invitees"
        assert screen.query_one("#invitees", DataTable).cursor_row == 2
        assert app.session.workspace.summits[SAMPLE_SUMMIT].agenda[0].minutes == 25


async def test_settling_a_pull_made_in_a_shell_keeps_unsaved_edits(team: Team) -> None:
    """An unsaved edit made before a pull in a shell was dropped by settling the pull:
    the app reloaded from disk once settled (found working as two officials)."""
    both_retime_the_welcome(team)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "down", "down")
        item = app.session.workspace.summits[SAMPLE_SUMMIT].agenda[3]
        await pilot.press("plus")
        await settle(pilot)
        edited = app.session.workspace.summits[SAMPLE_SUMMIT].agenda[3]
        assert edited.minutes == item.minutes + 5, told(app)
        assert app.session.workspace.dirty_files()
        await settling_offered_after_a_pull_in_a_shell(pilot, team)
        await settled_with(pilot, "T")  # Bob's 25 minutes for the welcome
        kept = app.session.workspace.summits[SAMPLE_SUMMIT].agenda[3]
        assert kept.minutes == item.minutes + 5
        assert "kept" in told(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
    saved = summit_file(team.alice).read_text()
    assert "<<<<<<<" not in saved
    agenda = load_dataset(team.alice).summits[SAMPLE_SUMMIT].record.agenda
    assert agenda[0].minutes == 25 and agenda[3].minutes == item.minutes + 5


async def test_a_rebase_stopped_on_a_conflict_goes_on_with_f4(team: Team) -> None:
    """During `git pull --rebase` the title bar said "detached (no remote)", f4 made a
    new commit with a new message and left the rebase stopped, and f5 said to check out
    a branch (found working as two officials): f4 now goes on with the rebase."""
    both_retime_the_welcome(team)
    rebase = subprocess.run(
        ["git", "pull", "--rebase"], cwd=team.alice, capture_output=True, text=True, check=False
    )
    assert rebase.returncode != 0 and "<<<<<<<" in summit_file(team.alice).read_text()
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settling_shown(pilot)
        await settled_with(pilot, "M")  # in a rebase, "mine" is Alice's 20 minutes
        assert "rebase in progress" in app.sub_title and "detached" not in app.sub_title
        await pilot.press("f5")
        await settle(pilot)
        assert "a rebase is in progress: finish it first (f4" in told(app)
        await pilot.press("f4")
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, CommitScreen)
        assert "The rebase is finished" in told(app)
        assert "rebase" not in app.sub_title and "main" in app.sub_title
    log = git(team.alice, "log", "--format=%s", "-3").splitlines()
    assert log[:2] == ["Welcome 20 minutes", "Welcome 25 minutes"]  # her message kept
    assert "minutes = 20" in summit_file(team.alice).read_text()
    assert git(team.alice, "status", "--porcelain", "--branch").startswith("## main...origin/main")


async def test_a_file_settled_in_a_shell_meanwhile_is_left_as_settled(team: Team) -> None:
    """With the settling screen open, `summit resolve --mine` in a shell settled the file;
    saving the screen then said "needs settling by hand: ... title: Field required"."""
    both_retime_the_welcome(team)
    pull_with_conflict(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settling_shown(pilot)
        done = summit_command(team.alice, "resolve", "--theirs")
        assert done.returncode == 0, done.stderr
        settled = summit_file(team.alice).read_text()
        await settled_with(pilot, "M")
        assert "settled elsewhere meanwhile" in told(app)
        assert "needs settling by hand" not in told(app)
        assert summit_file(team.alice).read_text() == settled
        assert app.session.workspace.summits[SAMPLE_SUMMIT].agenda[0].minutes == 25


async def test_a_rebase_that_stops_twice_goes_on_with_f4_each_time(team: Team) -> None:
    """At the rebase's second stop f4 ended on git's raw "Could not apply" (found
    reviewing this stop's changes): it is the rebase going on, and said so."""
    both_retime_the_welcome(team)  # Alice: welcome 20; Bob pushed 25
    path = summit_file(team.bob)
    path.write_text(
        path.read_text().replace('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 30', 1)
    )
    git(team.bob, "commit", "-qam", "Coffee 30 minutes")
    git(team.bob, "push", "-q")
    path = summit_file(team.alice)
    path.write_text(
        path.read_text().replace('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 20', 1)
    )
    git(team.alice, "commit", "-qam", "Coffee 20 minutes")
    rebase = subprocess.run(
        ["git", "pull", "--rebase"], cwd=team.alice, capture_output=True, text=True, check=False
    )
    assert rebase.returncode != 0
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        said: list[str] = []
        notify = app.notify
        app.notify = lambda message, **options: (
            said.append(str(message)) or notify(message, **options)
        )  # type: ignore[method-assign, func-returns-value]
        for _ in range(2):
            await settling_shown(pilot)
            await settled_with(pilot, "M")
            await pilot.press("f4")
            await settle(pilot)
            await settle(pilot)
        assert not [line for line in said if "failed" in line]
        assert "The rebase went on, and stopped again: settle what it asks, then f4" in said
        assert "The rebase is finished: sync (f5) to share it" in said
    log = git(team.alice, "log", "--format=%s", "-4").splitlines()
    assert log[:2] == ["Coffee 20 minutes", "Welcome 20 minutes"]
