"""Pilot fixtures: the real app on a real temporary data directory."""

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from summit.tui.app import SummitApp, make_app

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


async def settle(pilot: object) -> None:
    """Let messages and workers finish before asserting."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


__all__ = ["AsyncIterator", "settle"]
