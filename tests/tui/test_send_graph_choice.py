"""The send screen's Microsoft Graph choice: ticked, the messages go to /me/sendMail, no relay."""

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Static

from summit.tui.app import SummitApp
from tests.delivery.test_graph import Graph, graph  # noqa: F401 - the local Graph fixture
from tests.tui.conftest import settle
from tests.tui.test_send_screen import open_send


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
async def test_ticking_graph_sends_through_graph(
    app: SummitApp,
    data_dir: Path,
    graph: Graph,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.delenv("SUMMIT_SMTP_URL", raising=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_send(pilot)
        screen.query_one("#send-graph", Checkbox).value = True
        await pilot.click("#send-run")
        await settle(pilot)
        await pilot.click("#answer-send")
        await settle(pilot)
        for _ in range(20):
            result = str(screen.query_one("#send-result", Static).render())
            if "sent" in result:
                break
            await pilot.pause(0.2)
        assert "12 messages sent and recorded" in result
    posts = [r for r in graph.requests if r["method"] == "POST"]
    assert len(posts) == 12 and all(r["type"] == "text/plain" for r in posts)
