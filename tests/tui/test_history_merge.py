"""The history screen (f3) says what a merge brought in, not "No change to the data."."""

from pathlib import Path

from textual.widgets import DataTable, Static

from summit.tui.app import make_app
from summit.tui.screens.history import HistoryScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.git_fixtures import Team, git
from tests.tui.conftest import TODAY, choose, settle


def change(clone: Path, old: str, new: str, message: str) -> None:
    path = clone / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))
    git(clone, "commit", "-qam", message)


async def test_history_of_a_merge_says_what_it_brought_in(team: Team) -> None:
    change(team.alice, 'status = "held"', 'status = "confirmed"', "Confirmed")
    git(team.alice, "push", "-q")
    change(team.bob, 'kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 20', "Coffee")
    git(team.bob, "pull", "-q", "--no-rebase", "--no-edit")
    app = make_app(team.bob, today=TODAY)
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
        assert str(table.get_row_at(0)[2]).startswith("Merge branch")
        shown = str(app.screen.query_one("#history-detail", Static).render())
        assert "No change to the data." not in shown
        assert "a merge: what it brought in" in shown
        assert "status now confirmed (was held)" in shown
        assert "minutes" not in shown  # Bob's own change is his own commit's
