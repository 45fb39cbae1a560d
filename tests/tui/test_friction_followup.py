"""From a follow-up, the earlier summit's open commitments are listed and marked met there.

Issue 19, item 15.
"""

from pathlib import Path

import pytest
from textual.widgets import DataTable

from summit.model import CommitmentStatus
from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.summit import SummitScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_earlier_commitment_is_marked_met_from_the_follow_up(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    follow_up = f"{SAMPLE_SUMMIT}-follow-up"
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")  # copy as follow-up
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert follow_up in app.session.workspace.summits
        app.push_screen(SummitScreen(app.session, follow_up))
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#outputs", DataTable)
        keys = [str(row.key.value) for row in table.ordered_rows]
        # Google's commitment was met in the year; the IWF's is still open.
        assert f"earlier/{SAMPLE_SUMMIT}/commitment/0" not in keys
        iwf = f"earlier/{SAMPLE_SUMMIT}/commitment/1"
        assert iwf in keys
        table.focus()
        table.move_cursor(row=keys.index(iwf))
        await settle(pilot)
        detail = str(app.screen.query_one("#outputs-detail").render())
        assert "Proactively search for imagery" in detail
        await pilot.press("space")
        await settle(pilot)
        earlier = app.session.workspace.summits[SAMPLE_SUMMIT]
        assert earlier.commitments[1].status is CommitmentStatus.MET
        assert iwf not in [str(row.key.value) for row in table.ordered_rows]
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert [c.status for c in saved.commitments] == [CommitmentStatus.MET, CommitmentStatus.MET]
