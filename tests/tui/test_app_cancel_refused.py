"""The app never cancels a summit that took place (ctrl+x, or "cancelled" in the details
form): it would leave the transparency return, as `summit cancel` refuses too."""

from pathlib import Path

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.choice import ConfirmScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle
from tests.tui.test_friction_forms import choose_cancelled_in_the_details_form

REFUSED = f"Not cancelled: {SAMPLE_SUMMIT} is marked held (it took place on 20 January 2026)"


def _told(app: SummitApp) -> str:
    return "\n".join(str(notice.message) for notice in app._notifications)


async def test_ctrl_x_on_a_summit_held_says_why_and_asks_nothing(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit, held
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert REFUSED in _told(app)
        assert str(app.session.workspace.summits[SAMPLE_SUMMIT].status) == "held"


async def test_cancelled_chosen_in_the_details_form_of_a_summit_held_is_refused(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose_cancelled_in_the_details_form(pilot, SAMPLE_SUMMIT)
        assert not isinstance(app.screen, ConfirmScreen)
        assert REFUSED in _told(app)
        assert str(app.session.workspace.summits[SAMPLE_SUMMIT].status) == "held"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert str(load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.status) == "held"
