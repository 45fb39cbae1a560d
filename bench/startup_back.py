"""Start-up bench, part (d): back to the summits list from a summit, 1,000 summits,
headless with Pilot, against a minimal Textual app popping a screen back to a
1,000-row table (see bench_startup.py)."""

import statistics
import subprocess
import sys
from pathlib import Path

from terminals import REPO, child_env

# Both scripts time one key two ways: until the screen it leads to is first painted
# (the compositor hands a frame for that screen to the driver: what a person sees),
# and until Pilot finds the app idle (every queue drained, and 20 ms with no work:
# Pilot's own floor is about 60 ms for any key, its three idle waits).
PAINTED = """
import statistics, sys, time

class Painted:
    # When the screen in front was first painted after mark() (wraps App._display).

    def __init__(self, app):
        self.app, self.started, self.at = app, 0.0, None
        display = app._display

        def timed(screen, renderable):
            if self.at is None and renderable is not None and screen is app.screen:
                self.at = time.perf_counter()
            display(screen, renderable)

        app._display = timed

    def mark(self):
        self.started, self.at = time.perf_counter(), None

    def took(self):
        return (self.at or time.perf_counter()) - self.started
"""

BACK = (
    PAINTED
    + """
from pathlib import Path
from summit.tui.app import make_app
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.summits import SummitsScreen

async def measure(pilot):
    app = pilot.app
    painted = Painted(app)
    await pilot.pause()
    idle = {"unchanged": [], "edited": []}
    seen = {"unchanged": [], "edited": []}
    for _ in range(int(sys.argv[2])):
        for case, keys in (("unchanged", ()), ("edited", ("+",))):
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SummitScreen), app.screen
            await pilot.press(*keys)
            await pilot.pause()
            painted.mark()
            await pilot.press("escape")
            await pilot.pause()
            idle[case].append(time.perf_counter() - painted.started)
            seen[case].append(painted.took())
            assert isinstance(app.screen, SummitsScreen), app.screen
    print("BACK", *(statistics.median(x[case]) for x in (idle, seen) for case in idle), flush=True)
    app.exit()

make_app(Path(sys.argv[1])).run(headless=True, size=(120, 40), auto_pilot=measure)
"""
)

# The same keys in a minimal Textual app: enter opens a screen of four tabs of
# tables (from the table's RowSelected, as a focused DataTable keeps enter for
# itself), escape pops it back to a 1,000-row table; each step is asserted, so the
# baseline cannot silently time a key that does nothing (it once did: 63 ms).
BACK_BASELINE = (
    PAINTED
    + """
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

class Other(Screen):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def compose(self):
        yield Header()
        with TabbedContent():
            for tab in range(4):
                with TabPane(f"Tab {tab}"):
                    yield DataTable()
        yield Footer()

class Base(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        for column in ("Date", "Title", "Status", "Replies", "Warnings", "Class", "Id"):
            table.add_column(column, width=15)
        for row in range(1000):
            table.add_row(*[f"{column} {row}" for column in range(7)], key=str(row))

    def on_data_table_row_selected(self):
        self.push_screen(Other())

async def measure(pilot):
    app = pilot.app
    painted = Painted(app)
    await pilot.pause()
    idle, seen = [], []
    for _ in range(int(sys.argv[1])):
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Other), app.screen
        painted.mark()
        await pilot.press("escape")
        await pilot.pause()
        idle.append(time.perf_counter() - painted.started)
        seen.append(painted.took())
        assert not isinstance(app.screen, Other), app.screen
    print("BACK", statistics.median(idle), statistics.median(seen), flush=True)
    app.exit()

Base().run(headless=True, size=(120, 40), auto_pilot=measure)
"""
)


def _back(*args: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", *args],
        env=child_env(),
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("BACK"))
    return [float(x) for x in line.split()[1:]]


def back_to_list(repeat: int, root: Path) -> None:
    """Pilot runs the two in turn, three times each; medians of the medians."""
    runs: list[list[float]] = []
    for _ in range(3):
        runs.append(_back(BACK_BASELINE, str(repeat)) + _back(BACK, str(root), str(repeat)))
    base_idle, base_seen, idle, idle_edited, seen, seen_edited = (
        statistics.median(run[i] for run in runs) * 1000 for i in range(6)
    )
    print(
        "(d) back to the summits list, 1,000 summits (target <= 100 ms), painted / idle:\n"
        f"    nothing changed          {seen:5.0f} ms / {idle:4.0f} ms "
        f"({seen / base_seen:.2f}x / {idle / base_idle:.2f}x)\n"
        f"    after +5 min on agenda   {seen_edited:5.0f} ms / {idle_edited:4.0f} ms "
        f"({seen_edited / base_seen:.2f}x / {idle_edited / base_idle:.2f}x)\n"
        f"    minimal Textual app      {base_seen:5.0f} ms / {base_idle:4.0f} ms "
        "(pops a screen of four tabs back to a 1,000-row table)"
    )
