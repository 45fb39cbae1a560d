"""The invitees tab records no reply for a cancelled summit (`r`), as `summit reply` and
`summit rsvp import` record none."""

from pathlib import Path

from summit.model import Rsvp
from summit.tui.app import make_app
from summit.tui.screens.choice import ChoiceScreen
from tests.conftest import SAMPLE_FOLLOW_UP
from tests.tui.conftest import TODAY, choose, settle


async def test_r_on_a_cancelled_summit_says_why_and_records_nothing(data_dir: Path, cli) -> None:
    assert cli("cancel", SAMPLE_FOLLOW_UP, "--data", data_dir).code == 0
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, SAMPLE_FOLLOW_UP)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2", "down", "down", "r")  # Google's second delegate, not yet answered
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        told = [str(notice.message) for notice in app._notifications]
        assert f"Not recorded: {SAMPLE_FOLLOW_UP} is cancelled, so no reply is recorded for it" in (
            told
        )
        google = app.session.workspace.summits[SAMPLE_FOLLOW_UP].invitations["google"]
        assert google.rsvp["google-trust-safety"] is Rsvp.NEEDS_ACTION
        assert not app.session.workspace.dirty_files()
