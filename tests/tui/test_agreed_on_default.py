"""Issue 19, item 5: a commitment added in the app was agreed at the summit, not today."""

from datetime import date

from textual.widgets import Input

from summit.tui.app import SummitApp
from summit.tui.screens.form import FormScreen
from tests.tui.conftest import TODAY
from tests.tui.test_papers_app import open_tab, summit


async def test_a_new_commitment_is_agreed_on_the_summits_date(app: SummitApp) -> None:
    day = summit(app).start.date()
    assert day != TODAY and day == date(2026, 1, 20)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "3")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-agreed", Input).value == "2026-01-20"
