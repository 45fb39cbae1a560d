"""Saving, quitting, conflicts, bad data, export, cancellation, help, palette and themes."""

from pathlib import Path

import icalendar
from textual.command import CommandPalette
from textual.widgets import Button, Checkbox, Input, Static

from summit.store import load_dataset
from summit.store.kept_copies import kept_copies_dir
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.export import ExportScreen
from summit.tui.screens.help import HelpScreen
from summit.tui.screens.problems import ProblemsScreen
from summit.tui.screens.resolve import ResolveScreen
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, snapshot
from tests.tui.conftest import TODAY, choose, settle


def summit_path(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


async def make_a_change(pilot) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("plus")
    await settle(pilot)


async def test_quitting_with_unsaved_changes_asks_first(app: SummitApp, data_dir: Path) -> None:
    before = snapshot(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        message = app.screen.query_one("#dialog-message", Static)
        assert "agendas/online-safety-summit.toml" in str(message.render())
        await pilot.click("#answer-cancel")
        await settle(pilot)
        assert app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#answer-discard")
        await settle(pilot)
    assert not app.is_running
    assert snapshot(data_dir) == before


async def test_save_and_quit_writes_the_change(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#answer-save")
        await settle(pilot)
    assert load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.agenda[0].minutes == 20


async def test_changes_saved_meanwhile_are_merged_not_overwritten(
    app: SummitApp, data_dir: Path
) -> None:
    """Another program changed the venue while the app changed a duration: both survive."""
    path = summit_path(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 2"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        told = " ".join(str(n.message) for n in app._notifications)
        assert "merged with yours. Came in:" in told and "Conference Room 2" in told
        assert app.session.workspace.summits[SAMPLE_SUMMIT].venue.endswith("Room 2")
        assert app.session.workspace.dirty_files() == []
    text = path.read_text()
    assert "Conference Room 2" in text and "minutes = 20" in text
    assert text.startswith("#:schema")  # comments and layout kept
    assert not list(kept_copies_dir(path).glob("*"))


async def test_both_changing_one_field_asks_which_to_keep(app: SummitApp, data_dir: Path) -> None:
    path = summit_path(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)  # Welcome: 15 -> 20 minutes here
        theirs = path.read_text().replace("minutes = 15", "minutes = 25", 1)
        theirs = theirs.replace("Conference Room 1", "Conference Room 2")
        path.write_text(theirs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        assert path.read_text() == theirs  # nothing written until settled
        await pilot.press("ctrl+s")  # not yet: a choice is missing
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        await pilot.press("m", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ResolveScreen)
    text = path.read_text()
    assert "minutes = 20" in text and "minutes = 25" not in text
    assert "Conference Room 2" in text


async def test_keeping_theirs_takes_their_value(app: SummitApp, data_dir: Path) -> None:
    path = summit_path(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        path.write_text(path.read_text().replace("minutes = 15", "minutes = 25", 1))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("t", "ctrl+s")
        await settle(pilot)
        assert app.session.workspace.summits[SAMPLE_SUMMIT].agenda[0].minutes == 25
        assert app.session.workspace.dirty_files() == []
    assert "minutes = 25" in path.read_text()


async def test_a_file_left_broken_on_disk_is_never_overwritten_silently(
    app: SummitApp, data_dir: Path
) -> None:
    path = summit_path(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        broken = path.read_text() + "\n[[agenda]\n"  # another program leaves it broken
        path.write_text(broken)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert path.read_text() == broken
        kept = list(kept_copies_dir(path).glob(f"{path.name}.mine-*"))
        assert len(kept) == 1 and "minutes = 20" in kept[0].read_text()
        assert not list(path.parent.glob("*.mine-*"))
        await pilot.click("#answer-overwrite")
        await settle(pilot)
        assert app.is_running
    text = path.read_text()
    assert "minutes = 20" in text  # our version, chosen knowingly
    assert load_dataset(data_dir).errors == []


async def test_reload_after_a_broken_file_shows_its_problems(
    app: SummitApp, data_dir: Path
) -> None:
    path = summit_path(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        path.write_text(path.read_text() + "\n[[agenda]\n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#answer-reload")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert not app.session.workspace.writable


async def test_bad_data_opens_read_only_with_every_problem(data_dir: Path) -> None:
    register = data_dir / "invitees.toml"
    register.write_text(register.read_text().replace('sector = "search"', 'sektor = "search"', 1))
    before = snapshot(data_dir)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(".problem"))
        assert "invitees.toml:47:1" in shown
        assert "did you mean 'sector'" in shown
        assert "READ-ONLY" in app.sub_title
        await pilot.press("escape")
        await make_a_change(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert snapshot(data_dir) == before


async def test_export_writes_every_kind_of_file_and_lists_them(
    app: SummitApp, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "invites"
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        folder = app.screen.query_one("#export-folder", Input)
        assert folder.value == str(data_dir / "exports")  # the CLI's default too
        emails = app.screen.query_one("#emails", Checkbox)
        assert emails.value and "✓" in str(emails.render())  # on, and its mark says so
        await pilot.click("#per-organisation")
        assert "✓" not in str(app.screen.query_one("#per-organisation", Checkbox).render())
        await pilot.click("#per-organisation")
        folder.value = str(out)
        await pilot.click("#export-run")
        await settle(pilot)
        result = str(app.screen.query_one("#export-result", Static).render())
        assert "Wrote 26 files (SEQUENCE 0)" in result
        assert app.screen.query_one("#export-run", Button).disabled is False
    names = {p.name for p in out.iterdir()}
    assert {
        f"{SAMPLE_SUMMIT}.ics",
        f"{SAMPLE_SUMMIT}-agenda.ics",
        f"{SAMPLE_SUMMIT}-bt.eml",
        f"{SAMPLE_SUMMIT}-google.ics",
    } <= names
    calendar = icalendar.Calendar.from_ical((out / f"{SAMPLE_SUMMIT}.ics").read_bytes())
    assert str(calendar["method"]) == "REQUEST"
    # Exporting saved the change first.
    assert load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.agenda[0].minutes == 20


async def test_cancelling_asks_then_marks_the_summit(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, SAMPLE_FOLLOW_UP)  # coming: it may be cancelled
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#answer-cancel-summit")
        await settle(pilot)
        assert str(app.session.workspace.summits[SAMPLE_FOLLOW_UP].status) == "cancelled"


async def test_help_and_the_command_palette_list_the_actions(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Add item", "Move up", "Export", "Cancel summit", "Save"} <= set(titles)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"add item", "enter")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "FormScreen"


async def test_themes_include_high_contrast(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for theme in ("textual-light", "textual-dark", "summit-high-contrast"):
            app.theme = theme
            await settle(pilot)
            assert app.current_theme.name == theme


async def test_the_chosen_theme_is_kept_for_next_time(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "summit-high-contrast"
        await settle(pilot)
    again = make_app(data_dir, today=TODAY)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "summit-high-contrast"


async def test_a_typed_value_settles_a_conflict(app: SummitApp, data_dir: Path) -> None:
    path = summit_path(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)  # 20 minutes here
        path.write_text(path.read_text().replace("minutes = 15", "minutes = 25", 1))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        await pilot.press("e")
        await settle(pilot)
        typed = app.screen.query_one(Input)
        assert typed.value == "20"
        typed.value = "22"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.session.workspace.summits[SAMPLE_SUMMIT].agenda[0].minutes == 22
    assert "minutes = 22" in path.read_text()


async def test_ctrl_z_undoes_unsaved_edits_one_by_one(app: SummitApp, data_dir: Path) -> None:
    """Issue 8, item 9: uninviting, retiming: each undone in turn, until everything is saved."""
    before = snapshot(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await make_a_change(pilot)  # Welcome 15 -> 20
        await pilot.press("plus")  # 25
        await settle(pilot)
        await pilot.press("2", "up", "x")  # uninvite the Home Office's only delegate
        await settle(pilot)
        await pilot.click("#answer-uninvite")  # they had accepted: asked first
        await settle(pilot)
        summit = app.session.workspace.summits
        assert "home-office" not in summit[SAMPLE_SUMMIT].invitations
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "home-office" in summit[SAMPLE_SUMMIT].invitations
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert summit[SAMPLE_SUMMIT].agenda[0].minutes == 20
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert summit[SAMPLE_SUMMIT].agenda[0].minutes == 15
        assert app.session.workspace.dirty_files() == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)
    assert snapshot(data_dir) == before


async def test_cancelling_a_summit_asks_and_enter_keeps_it(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, SAMPLE_FOLLOW_UP)  # coming: it may be cancelled
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.workspace.summits[SAMPLE_FOLLOW_UP].status != "cancelled"
