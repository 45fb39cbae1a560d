"""The app keeps up with the files on disk (a CLI import, a pull in a shell), in place:
the screen, tab and highlighted row stay, and unsaved changes are never dropped."""

from pathlib import Path

from textual.widgets import DataTable, TabbedContent

from summit.store.watch import file_stamps
from summit.tui.app import SummitApp
from summit.tui.screens.summit import SummitScreen
from summit.tui.watching import WATCH_SECONDS
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def another_program_writes(root: Path, old: str, new: str) -> None:
    path = summit_file(root)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


async def open_invitees_at_row(pilot, app: SummitApp, row: int) -> DataTable:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    table = app.screen.query_one("#invitees", DataTable)
    table.move_cursor(row=row)
    await settle(pilot)
    return table


async def wait_for_the_watch(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(WATCH_SECONDS * 1.6)
    await settle(pilot)


def assert_still_at(app: SummitApp, row: int) -> None:
    screen = app.screen
    assert isinstance(screen, SummitScreen)
    assert screen.query_one("#summit-tabs", TabbedContent).active == "tab-invitees"
    assert screen.query_one("#invitees", DataTable).cursor_row == row


async def test_ctrl_r_keeps_the_screen_tab_and_row(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_invitees_at_row(pilot, app, 3)
        another_program_writes(data_dir, "Conference Room 1", "Lancaster House")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert_still_at(app, 3)
        assert app.session.workspace.summits[SAMPLE_SUMMIT].venue.endswith("Lancaster House")
        assert "Lancaster House" in str(app.screen.query_one("#summit-summary").render())


async def test_a_change_on_disk_is_loaded_in_place(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_invitees_at_row(pilot, app, 2)
        another_program_writes(data_dir, "Conference Room 1", "Lancaster House")
        await wait_for_the_watch(pilot)
        assert app.session.workspace.summits[SAMPLE_SUMMIT].venue.endswith("Lancaster House")
        assert_still_at(app, 2)
        assert "Lancaster House" in str(app.screen.query_one("#summit-summary").render())
        notices = " ".join(str(n.message) for n in app._notifications)
        assert f"agendas/{SAMPLE_SUMMIT}.toml changed on disk" in notices


async def test_unsaved_changes_are_kept_and_merged_with_a_change_on_disk(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("plus")  # the welcome: 15 -> 20 minutes, unsaved
        await settle(pilot)
        another_program_writes(data_dir, "Conference Room 1", "Lancaster House")
        await wait_for_the_watch(pilot)
        summit = app.session.workspace.summits[SAMPLE_SUMMIT]
        assert summit.agenda[0].minutes == 20  # ours, kept
        notices = " ".join(str(n.message) for n in app._notifications)
        assert "Your unsaved changes" in notices and "are kept" in notices
        await pilot.press("ctrl+s")
        await settle(pilot)
        notices = " ".join(str(n.message) for n in app._notifications)
        assert "are kept" not in notices and "Saved" in notices  # no longer so: gone
        await wait_for_the_watch(pilot)
        summit = app.session.workspace.summits[SAMPLE_SUMMIT]
        assert summit.agenda[0].minutes == 20 and summit.venue.endswith("Lancaster House")
        assert app.session.workspace.dirty_files() == []
        assert isinstance(app.screen, SummitScreen)
    text = summit_file(data_dir).read_text()
    assert "Lancaster House" in text and "minutes = 20" in text


async def test_an_open_form_is_not_pulled_from_under_the_user(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")  # the first agenda item's form
        await settle(pilot)
        form = app.screen
        another_program_writes(data_dir, "Conference Room 1", "Lancaster House")
        await wait_for_the_watch(pilot)
        assert app.screen is form
        assert not app.session.workspace.summits[SAMPLE_SUMMIT].venue.endswith("House")
        await pilot.press("escape")
        await wait_for_the_watch(pilot)
        assert isinstance(app.screen, SummitScreen)
        assert app.session.workspace.summits[SAMPLE_SUMMIT].venue.endswith("Lancaster House")


async def test_a_change_seen_while_the_app_closes_is_left_for_the_next_start(
    app: SummitApp, data_dir: Path
) -> None:
    """The file watch's answer comes from a thread: it can arrive after the last screen went."""
    async with app.run_test() as pilot:
        await settle(pilot)
        stamps = file_stamps(data_dir)
    another_program_writes(data_dir, "Conference Room 1", "Lancaster House")
    assert not app.screen_stack
    app._compare(stamps | {summit_file(data_dir): file_stamps(data_dir)[summit_file(data_dir)]})
