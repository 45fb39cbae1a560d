"""`a` on the invitees tab records who came on the summit's day or after it, never before:
it says why and records nothing, as `summit attend` refuses; what was typed into the
file too early, `a` forgets."""

from pathlib import Path

from textual.widgets import DataTable

from summit.tui.app import SummitApp, make_app
from tests.conftest import SAMPLE_FOLLOW_UP
from tests.model.test_attendance_ahead import attended_by_hand
from tests.tui.conftest import TODAY, choose, settle


async def _on_the_row(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot, SAMPLE_FOLLOW_UP)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    table = pilot.app.screen.query_one("#invitees", DataTable)
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()


def _attended(app: SummitApp, org_id: str) -> dict[str, bool]:
    return dict(app.session.workspace.summits[SAMPLE_FOLLOW_UP].invitations[org_id].attended)


async def test_a_before_the_day_says_why_and_records_nothing(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _on_the_row(pilot, "google/google-policy")
        await pilot.press("a")
        await settle(pilot)
        told = [str(notice.message) for notice in app._notifications]
        assert (
            f"Not recorded: {SAMPLE_FOLLOW_UP} has not started (it is on 20 January 2027): "
            "record who came on the day or after it"
        ) in told
        assert _attended(app, "google") == {}
        assert not app.session.workspace.dirty_files()


async def test_a_forgets_attendance_typed_in_too_early(data_dir: Path) -> None:
    attended_by_hand(data_dir, "iwf", "iwf-chief-executive")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await _on_the_row(pilot, "iwf/iwf-chief-executive")
        await pilot.press("a")  # would go on to "did not come": forgotten instead
        await settle(pilot)
        assert _attended(app, "iwf") == {}
