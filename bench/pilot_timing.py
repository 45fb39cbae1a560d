"""Headless timing with Pilot, for bench_interact: a baseline app, and a key's full cost.

A row's time runs from the key until every message queue is drained, animations
are finished and the app is idle (`drained`), not Pilot's own idle sleeps.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

# The baseline: a minimal Textual app with one DataTable of the same visible size.

BASELINE_ROWS = 40


def baseline_app() -> Any:
    from textual.app import App, ComposeResult  # noqa: PLC0415
    from textual.coordinate import Coordinate  # noqa: PLC0415
    from textual.screen import Screen  # noqa: PLC0415
    from textual.widgets import DataTable, Footer, Header, TabbedContent, TabPane  # noqa: PLC0415

    def table() -> DataTable[str]:
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        for label, width in (("A", 26), ("B", 18), ("C", 13), ("D", 30)):
            table.add_column(label, key=label, width=width)
        for row in range(BASELINE_ROWS):
            table.add_row(f"Organisation {row}", f"Delegate {row}", "accepted", "Head of Policy")
        return table

    class TableScreen(Screen[None]):
        BINDINGS: ClassVar = [("plus", "bump", "")]

        def compose(self) -> ComposeResult:
            yield Header()
            with TabbedContent():
                for tab in range(4):
                    with TabPane(f"{tab + 1} Tab", id=f"tab-{tab + 1}"):
                        yield table()
            yield Footer()

        def action_bump(self) -> None:
            shown = self.query_one(TabbedContent).active_pane
            assert shown is not None
            shown.query_one(DataTable).update_cell_at(Coordinate(0, 2), f"{time.perf_counter_ns()}")

        def key_1(self) -> None:
            self.show("tab-1")

        def key_2(self) -> None:
            self.show("tab-2")

        def show(self, tab: str) -> None:
            # As summit's screen does: the table of the tab shown takes the focus.
            tabs = self.query_one(TabbedContent)
            tabs.active = tab
            tabs.get_pane(tab).query_one(DataTable).focus()

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Footer()

    return Minimal, TableScreen


async def drained(pilot: Any) -> None:
    """Every widget's queue empty and every animation over: the user sees the result.

    Pilot's `pause()` and `press()` wait for the process to look idle, which
    sleeps 20 ms at a time and would bury a 50 ms goal; instead every widget of
    the screen is asked to run a callback after what is queued before it (Pilot's
    own `_wait_for_screen`), until that takes no time, so that work queued
    meanwhile (DataTable measures new rows when idle) is counted too.
    """
    app = pilot.app
    for _ in range(3):
        await pilot._wait_for_screen()
        await app.animator.wait_until_complete()
        await app.workers.wait_for_complete()
    await pilot._wait_for_screen()


async def press(pilot: Any, key: str) -> None:
    """Send one key as the terminal would (what `Pilot.press` does, less its idle sleeps)."""
    from textual import events  # noqa: PLC0415
    from textual.keys import _character_to_key  # noqa: PLC0415

    app = pilot.app
    name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
    event = events.Key(name, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)
    await asyncio.sleep(0)


async def timed(pilot: Any, action: Callable[[], Awaitable[object] | object]) -> float:
    started = time.perf_counter()
    result = action()
    if asyncio.iscoroutine(result):
        await result
    await drained(pilot)
    return time.perf_counter() - started
