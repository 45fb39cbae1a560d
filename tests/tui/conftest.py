"""Pilot fixtures: the real app on a real temporary data directory."""

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from summit.tui.app import SummitApp, make_app
from tests.conftest import SAMPLE_SUMMIT

TODAY = date(2026, 11, 29)


@pytest.fixture
def app(data_dir: Path, request: pytest.FixtureRequest) -> SummitApp:
    # A test that sends the sample's first summit is told on a day before it was held
    # (tests.conftest.before_the_sample_summit): the app's day is that day too.
    if "before_the_sample_summit" in request.fixturenames:
        return make_app(data_dir, today=request.getfixturevalue("before_the_sample_summit"))
    return make_app(data_dir, today=TODAY)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screens differ from one moment to the next."""
    from textual.widgets import Input  # noqa: PLC0415

    monkeypatch.setattr(Input, "cursor_blink", False)


async def choose(pilot: object, summit_id: str = SAMPLE_SUMMIT) -> None:
    """Put the summits list's cursor on this summit. What is coming is listed first: by
    TODAY the sample's first summit, held in January, is below its follow-up."""
    from textual.widgets import DataTable  # noqa: PLC0415

    table = pilot.app.screen.query_one("#summits", DataTable)  # type: ignore[attr-defined]
    table.move_cursor(row=table.get_row_index(summit_id))
    await pilot.pause()  # type: ignore[attr-defined]


async def open_chosen(pilot: object, summit_id: str = SAMPLE_SUMMIT) -> None:
    """Open this summit from the summits list."""
    await choose(pilot, summit_id)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)


async def settle(pilot: object) -> None:
    """Let messages and workers finish before asserting."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    # A worker may start another once the screen is painted (the record cache is
    # written once the loaded data shows): wait for that one too.
    await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]


__all__ = ["AsyncIterator", "settle"]
