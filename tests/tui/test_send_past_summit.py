"""The app's send screen for a summit whose day has passed: it says so and offers no send."""

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Static

from summit.tui.app import SummitApp
from summit.tui.screens.send import SendScreen
from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.delivery.conftest import SmtpServer
from tests.tui.conftest import settle
from tests.tui.test_send_screen import smtp_server  # noqa: F401 - the recording relay

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_send_screen_of_a_summit_that_took_place_sends_nothing(
    app: SummitApp,
    data_dir: Path,
    smtp_server: SmtpServer,  # noqa: F811 - the fixture imported above
    monkeypatch,
    size: tuple[int, int],
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    before = snapshot(data_dir)
    async with app.run_test(size=size) as pilot:
        table = app.screen.query_one("#summits", DataTable)
        table.move_cursor(row=table.get_row_index(SAMPLE_SUMMIT))  # held on 20 January 2026
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SendScreen)
        outbox = screen.query_one("#send-outbox", Static)
        shown = str(outbox.render())
        assert shown.startswith(f"Not sent: {SAMPLE_SUMMIT} took place on 20 January 2026: ")
        assert "invitations, updates and cancellations are not sent after the day" in shown
        assert "messages to send" not in shown
        assert outbox.region.height > 0 and screen.region.contains_region(outbox.region)
        send = screen.query_one("#send-run", Button)
        assert send.disabled
        await pilot.click("#send-run")
        await settle(pilot)
        assert app.screen is screen  # no question asked: there is nothing to confirm
    assert smtp_server.recorder.received == []
    assert snapshot(data_dir) == before
