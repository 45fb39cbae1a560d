"""Git in the app: setup offered once, commit, sync and settling conflicts, on real clones of
a bare remote."""

import re
import subprocess
from pathlib import Path

from textual.widgets import DataTable, Static, TextArea

from summit.gitrepo.setup import is_set_up
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.commit import CommitScreen
from summit.tui.screens.history import HistoryScreen
from summit.tui.screens.resolve import ResolveScreen
from summit.tui.watching import WATCH_SECONDS
from tests.conftest import SAMPLE_SUMMIT
from tests.git_fixtures import Team, git
from tests.tui.conftest import TODAY, choose, settle


def summit_text(root: Path) -> str:
    return (root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()


async def change_first_item(pilot, app: SummitApp) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("plus")
    await settle(pilot)


async def save_a_first_change(pilot, app: SummitApp) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await change_first_item(pilot, app)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_commit_from_the_app_commits_the_saved_data(team: Team) -> None:
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "main" in app.sub_title
        await change_first_item(pilot, app)
        await pilot.press("f4")
        await settle(pilot)
        assert not isinstance(app.screen, CommitScreen)  # unsaved: save first
        assert any("Save first" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        message = app.screen.query_one("#commit-message", TextArea)
        message.text = "Welcome runs to 20 minutes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "↑1" in app.sub_title
    assert git(team.alice, "log", "-1", "--format=%s").strip() == "Welcome runs to 20 minutes"
    assert git(team.alice, "status", "--porcelain").strip() == ""


async def test_sync_from_the_app_brings_in_a_colleagues_change(team: Team) -> None:
    path = team.bob / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(summit_text(team.bob).replace("Conference Room 1", "Conference Room 2"))
    git(team.bob, "commit", "-qam", "Room 2")
    git(team.bob, "push", "-q")
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        venue = app.session.workspace.summits[SAMPLE_SUMMIT].venue
        assert venue.endswith("Conference Room 2")
        told = " ".join(str(n.message) for n in app._notifications)
        assert "↓ Room 2" in told
        assert f"agendas/{SAMPLE_SUMMIT}.toml: venue now" in told


async def test_outside_git_commit_says_how_to_start(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        assert any("git init" in str(n.message) for n in app._notifications)
        await pilot.press("f5")
        await settle(pilot)
        assert app.is_running


async def test_a_file_a_git_pull_left_conflicted_is_settled_in_the_app(team: Team) -> None:
    """Both colleagues retimed the welcome; the pull conflicts; the app asks, field by field."""
    for clone, minutes in ((team.bob, "25"), (team.alice, "20")):
        path = clone / "agendas" / f"{SAMPLE_SUMMIT}.toml"
        path.write_text(path.read_text().replace("minutes = 15", f"minutes = {minutes}", 1))
        git(clone, "commit", "-qam", f"Welcome {minutes} minutes")
    (team.alice / "agendas" / f"{SAMPLE_SUMMIT}.toml").write_text(
        summit_text(team.alice).replace("Conference Room 1", "Room 9")
    )
    git(team.alice, "commit", "-qam", "Room 9")
    git(team.bob, "push", "-q")
    git(team.alice, "fetch", "-q")
    pull = subprocess.run(
        ["git", "merge", "origin/main"],
        cwd=team.alice,
        capture_output=True,
        text=True,
        check=False,
    )
    assert pull.returncode != 0 and "<<<<<<<" in summit_text(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        await pilot.press("t", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert app.session.workspace.writable
        summit = app.session.workspace.summits[SAMPLE_SUMMIT]
        assert summit.agenda[0].minutes == 25 and summit.venue.endswith("Room 9")
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert git(team.alice, "status", "--porcelain").strip() == ""
    parents = git(team.alice, "log", "-1", "--format=%P").split()
    assert len(parents) == 2  # the merge is committed


def plain_repository(data_dir: Path) -> Path:
    """The sample committed in a repository where nobody has run `summit git setup`."""
    git(data_dir, "init", "--quiet", "--initial-branch=main")
    git(data_dir, "add", "--all")
    git(data_dir, "commit", "--quiet", "-m", "The sample")
    return data_dir


async def test_the_app_offers_git_setup_once_and_sets_it_up(
    data_dir: Path, git_identity: None
) -> None:
    root = plain_repository(data_dir)
    app = make_app(root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#answer-setup")
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
    assert is_set_up(root)
    assert "merge=summit" in (root / ".gitattributes").read_text()


async def test_declining_git_setup_is_remembered(data_dir: Path, git_identity: None) -> None:
    root = plain_repository(data_dir)
    app = make_app(root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.click("#answer-never")
        await settle(pilot)
    again = make_app(root, today=TODAY)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(again.screen, ConfirmScreen)
    assert not is_set_up(root)


async def test_history_of_a_summit_in_plain_english(team: Team) -> None:
    path = team.alice / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(summit_text(team.alice).replace("Conference Room 1", "Lancaster House"))
    git(team.alice, "commit", "-qam", "Move to Lancaster House")
    path.write_text(summit_text(team.alice).replace("minutes = 15", "minutes = 20", 1))
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-commits", DataTable)
        subjects = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert subjects == ["Uncommitted changes", "Move to Lancaster House", "The sample summit"]
        detail = app.screen.query_one("#history-detail", Static)
        assert "Welcome and purpose of the day" in str(detail.render())
        await pilot.press("down")
        await settle(pilot)
        assert "2BQ: Lancaster House' (was" in str(detail.render())
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+s")  # nothing unsaved: the edit was made outside the app
        await pilot.press("f4")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        message = app.screen.query_one("#commit-message", TextArea).text
        assert message.startswith("agenda 'Welcome and purpose of the day'")


async def test_the_bundled_sample_in_summits_own_checkout_is_not_offered_git_setup() -> None:
    """`uv run summit` in a clone of summit itself: that repository is not a team's data."""
    from tests.conftest import REPO  # noqa: PLC0415

    app = make_app(REPO, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)


async def test_a_sync_notice_is_a_few_short_lines_for_a_few_seconds(team: Team) -> None:
    """At 80x24 a notice of sixteen lines for fifteen seconds hid half the screen."""
    path = team.bob / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    for room in range(2, 10):
        text = re.sub(r"Conference Room \d+", f"Conference Room {room}", summit_text(team.bob))
        path.write_text(text)
        git(team.bob, "commit", "-qam", f"Room {room}, as the facilities team has confirmed today")
    git(team.bob, "push", "-q")
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        notice = next(n for n in app._notifications if "Synced" in str(n.message))
        lines = str(notice.message).splitlines()
        assert len(lines) <= 6
        assert "more (f3: history)" in lines[-1]
        assert all(len(line) <= 72 for line in lines)
        assert notice.timeout <= 6


async def test_the_commit_dialogs_buttons_are_on_an_80x24_screen(team: Team) -> None:
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await save_a_first_change(pilot, app)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        for button in ("#commit-run", "#commit-cancel"):
            region = app.screen.query_one(button).region
            assert region.height >= 1 and region.bottom <= 24, button
            assert app.screen.find_widget(app.screen.query_one(button)).region == region


async def test_a_commit_made_in_a_shell_shows_in_the_title_bar(team: Team) -> None:
    """The count of changed files stayed at ✎1 after `git commit` in a shell: only a
    change to a data file made the app look at git again (tried in tmux)."""
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await save_a_first_change(pilot, app)
        assert "✎1" in app.sub_title and "↑" not in app.sub_title
        git(team.alice, "commit", "-qam", "Welcome at 20 minutes, in a shell")
        await pilot.pause(WATCH_SECONDS * 2.5)
        await settle(pilot)
        assert "✎" not in app.sub_title and "↑1" in app.sub_title
