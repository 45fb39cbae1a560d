"""Undo says what it took back in one notice, replaced at each press, never a stack of them."""

from summit.tui.app import SummitApp
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle


async def test_pressing_ctrl_z_again_and_again_shows_one_notice(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*["plus"] * 5)  # five changes to the first item's minutes
        await settle(pilot)
        for _ in range(8):  # five undone, then "nothing to undo" three times
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert len(app._notifications) == 1
        assert app.session.workspace.summits[SAMPLE_SUMMIT].agenda[0].minutes == 15
        assert "Nothing to undo" in str(next(iter(app._notifications)).message)
