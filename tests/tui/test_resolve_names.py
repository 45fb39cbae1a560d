"""The settling screen names what conflicts as the rest of the app does, and shows the
values whole under the table (found working as two officials: raw key paths, values cut
at 57 characters so that two that differ late looked the same)."""

from pathlib import Path

from textual.widgets import DataTable, Static

from summit.model.changes import Names
from summit.store.merge import FieldConflict
from summit.tui.app import SummitApp
from summit.tui.screens.resolve import ResolveScreen
from tests.tui.conftest import settle

WHERE = "organisations.iwf.delegates.iwf-chief-executive.email"
LONG = "helen.marsh.chief.executive.office.of.the.chief.executive@iwf.example.org"


async def test_a_register_conflict_is_named_and_shown_whole(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        names = Names(app.session.workspace.register)
        conflict = FieldConflict(WHERE, "helen@iwf.example.org", LONG, LONG + ".uk")
        app.push_screen(ResolveScreen("invitees.toml", [conflict], names=names))
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#resolve-table", DataTable)
        assert str(table.get_row_at(0)[0]) == "Helen Marsh (Internet Watch Foundation): email"
        detail = str(screen.query_one("#resolve-detail", Static).render())
        assert f'mine "{LONG}"' in detail and f'theirs "{LONG}.uk"' in detail


async def test_notices_said_before_do_not_cover_the_settling_screen(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify("agendas/x.toml changed on disk (another program, or a git pull)", timeout=15)
        conflict = FieldConflict(
            WHERE, "a@iwf.example.org", "b@iwf.example.org", "c@iwf.example.org"
        )
        app.push_screen(ResolveScreen("invitees.toml", [conflict]))
        await settle(pilot)
        assert not app._notifications
