"""The app's Send is the same team action as `summit send --yes`: a colleague's send is seen."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from summit.tui.app import make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.send import SendScreen
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_SUMMIT
from tests.delivery.conftest import Recorder, SmtpServer, start_relay
from tests.delivery.test_team_send import ORGANISATIONS, per_organisation, send, sent_records
from tests.git_fixtures import Team, git
from tests.tui.conftest import settle
from tests.tui.test_send_screen import open_send


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """The delivery tests' recording relay on 127.0.0.1."""
    recorder = Recorder()
    controller, port = start_relay(recorder)
    yield SmtpServer(recorder, port, f"smtp://127.0.0.1:{port}", [])
    controller.stop()


# Sending the sample's first summit, told before it was held (a summit that took place
# is never sent).
pytestmark = pytest.mark.usefixtures("before_the_sample_summit")


async def send_in_app(root: Path, smtp_server: SmtpServer, *, offline: bool = False) -> str:
    app = make_app(root, today=BEFORE_SAMPLE_SUMMIT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-run")
        await settle(pilot)
        await pilot.click("#answer-send")
        await settle(pilot)
        if offline:
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.click("#answer-offline")
            await settle(pilot)
        assert isinstance(app.screen, SendScreen)
        return str(screen.query_one("#send-result", Static).render())


async def test_the_app_sees_a_colleagues_send_and_sends_nothing_twice(
    team: Team, cli, smtp_server: SmtpServer, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    assert send(cli, team.bob, smtp_server).code == 0  # Bob sent from his clone
    result = await send_in_app(team.alice, smtp_server)  # Alice has not pulled
    assert "A colleague's send came in" in result
    assert set(per_organisation(team.alice, smtp_server).values()) == {1}
    assert len(sent_records(team.alice)) == ORGANISATIONS
    assert git(team.alice, "status", "--porcelain") == ""


async def test_the_app_sends_offline_only_when_asked(
    team: Team, smtp_server: SmtpServer, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    git(team.alice, "remote", "set-url", "origin", str(team.remote.parent / "gone.git"))
    result = await send_in_app(team.alice, smtp_server, offline=True)
    assert "12 messages sent and recorded" in result and "offline" in result
    assert len(smtp_server.recorder.received) == ORGANISATIONS
    assert git(team.alice, "log", "-1", "--format=%s").startswith(f"Sent {SAMPLE_SUMMIT}")
