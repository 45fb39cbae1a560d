"""Launch: the summits list shows before the data has loaded; nothing asked for meanwhile is lost.

The app started as `summit` starts it (`background=True`) loads the data in a
worker. To look at the screen while it loads, these tests hold the real loader
back until they release it (a gate around `read_workspace`, which still runs).
"""

import json
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

import summit.tui.app as app_module
from summit.tui.app import SummitApp, make_app
from summit.tui.loading import WAITING
from summit.tui.screens.problems import ProblemsScreen
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.summits import FIRST_ROWS, GLANCED_WAIT, SummitsScreen
from summit.workflows.workspace import Workspace
from tests.conftest import REPO, SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.git_fixtures import Team
from tests.tui.conftest import TODAY, choose, settle
from tests.tui.test_long_text import on_screen


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Loading waits until the test sets the event (then the real loader runs)."""
    opened = threading.Event()
    real = app_module.read_workspace

    def held(root: Path) -> Workspace:
        opened.wait(timeout=30)
        return real(root)

    monkeypatch.setattr(app_module, "read_workspace", held)
    yield opened
    opened.set()  # a test that failed early must not leave the worker waiting


def rows(app: app_module.SummitApp) -> list[list[str]]:
    table = app.screen_stack[0].query_one("#summits", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_list_shows_titles_dates_and_status_before_the_data_loads(
    data_dir: Path, gate: threading.Event
) -> None:
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.session.loaded
        follow_up, row = rows(app)  # what is coming first: the follow-up, then the held
        assert row[0] == "2026-01-20 09:30"
        assert "child-abuse imagery" in str(row[1])
        assert row[2] == "held"
        assert row[3] == "…"  # replies come with the data
        assert follow_up[0] == "2027-01-20 09:30" and follow_up[2] == "invited"
        assert "one year on" in str(follow_up[1])
        assert "loading…" in app.sub_title
        # The pane under the table reads the same glance: id, status, classification.
        pane = on_screen(app.screen.query_one("#summits-detail"))
        assert "online-safety-follow-up·invited·OFFICIAL" in pane
        gate.set()
        await settle(pilot)
        assert app.session.loaded
        follow_up, row = rows(app)  # in the same order: nothing moved
        assert row[3] == "8/13 accepted" and follow_up[3] == "7/13 accepted"
        assert "loading" not in app.sub_title


async def test_enter_while_loading_opens_the_summit_once_loaded(
    data_dir: Path, gate: threading.Event
) -> None:
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummitsScreen)
        assert any(WAITING in str(n.message) for n in app._notifications)
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen)
        assert app.screen.summit_id == SAMPLE_SUMMIT


async def test_keys_pressed_while_loading_run_in_order(
    data_dir: Path, gate: threading.Event
) -> None:
    """enter then f2: the summit opens, then the register over it, as if typed after loading."""
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "f2")
        await pilot.pause()
        assert len(app.screen_stack) == 1
        gate.set()
        await settle(pilot)
        kinds = [type(screen).__name__ for screen in app.screen_stack]
        assert kinds == ["SummitsScreen", "SummitScreen", "RegisterScreen"]


async def test_bad_data_still_shows_its_problems_and_stays_read_only(
    data_dir: Path, gate: threading.Event
) -> None:
    (data_dir / "invitees.toml").write_text("[organisations.x]\nname = 1\n")
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SummitsScreen)  # painted from the summit files
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert app.sub_title.startswith("READ-ONLY")


async def test_an_unreadable_summit_is_listed_then_explained(
    data_dir: Path, gate: threading.Event
) -> None:
    (data_dir / "agendas" / "broken.toml").write_text('title = "Broken\n')
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert [row[-1] for row in rows(app)] == ["broken", SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT]
        gate.set()
        await settle(pilot)
        broken = next(row for row in rows(app) if row[-1] == "broken")
        assert str(broken[1]).startswith("cannot be read")


async def test_going_back_to_the_list_shows_what_changed_in_the_summit(data_dir: Path) -> None:
    """Three times +5 minutes runs the agenda past its planned end: one more warning."""
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#summits", DataTable)
        before = table.get_row(SAMPLE_SUMMIT)[4]
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("+", "+", "+")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SummitsScreen)
        assert int(str(table.get_row(SAMPLE_SUMMIT)[4]) or 0) == int(str(before) or 0) + 1


FIRST_FRAME = """
import json, sys, threading
from pathlib import Path
import summit.tui.app as app_module

release = threading.Event()
real = app_module.read_workspace
app_module.read_workspace = lambda root: release.wait(30) and real(root)

async def look(pilot):
    await pilot.pause()
    table = pilot.app.screen.query_one("#summits")
    print("SEEN", json.dumps([table.row_count, sorted(m for m in sys.modules if m in
        ("pydantic", "icalendar", "tomlkit", "email_validator", "summit.model.summit"))]))
    release.set()
    pilot.app.exit()

app_module.make_app(Path(sys.argv[1]), background=True).run(
    headless=True, size=(120, 40), auto_pilot=look
)
"""


def test_the_first_frame_needs_no_data_model() -> None:
    """What the first frame shows is read without pydantic: that loads in the worker."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(REPO)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("SEEN")), None)
    assert line is not None, done.stderr[-2000:]
    row_count, heavy = json.loads(line.removeprefix("SEEN"))
    assert row_count == 2  # the sample's two summits
    assert heavy == []


async def test_the_title_bar_shows_the_branch_once_the_list_is_on_screen(team: Team) -> None:
    app = make_app(team.alice, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)  # the git worker starts after the first frame
        assert app.session.loaded
        assert "main" in app.sub_title


def many_summits(data_dir: Path, count: int) -> None:
    """`count` more summits, copies of the sample summit on later days (more than a
    screenful); the follow-up is left out, so every row has the same replies."""
    (data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").unlink()
    text = (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    for n in range(1, count + 1):
        day = f"2026-{2 + n // 28:02}-{1 + n % 28:02}"
        copy = text.replace("2026-01-20", day).replace("Summit on", f"Copy {n:03} on")
        (data_dir / "agendas" / f"copy-{n:03}.toml").write_text(copy)


async def test_a_long_list_is_complete_and_keeps_the_chosen_summit(
    data_dir: Path, gate: threading.Event
) -> None:
    many_summits(data_dir, 99)
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        # The rows below the first screen wait a moment for the data, then are glanced.
        assert len(rows(app)) == FIRST_ROWS
        await pilot.pause(GLANCED_WAIT + 0.2)
        assert len(rows(app)) == 100
        table = app.screen.query_one("#summits", DataTable)
        table.move_cursor(row=98)  # the last but one: copy-001 (past, most recent first)
        gate.set()
        await settle(pilot)
        assert [str(row[3]) for row in rows(app)] == ["8/13 accepted"] * 100
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen)
        assert app.screen.summit_id == "copy-001"


@asynccontextmanager
async def loading_100_summits(data_dir: Path) -> AsyncIterator[tuple[SummitApp, Pilot[None]]]:
    """The app on 100 summits, its first screenful shown and its data still loading."""
    many_summits(data_dir, 99)
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(rows(app)) == FIRST_ROWS
        yield app, pilot


async def test_going_down_the_list_while_loading_brings_the_rows_below(
    data_dir: Path, gate: threading.Event
) -> None:
    """They wait for the data, but not when the cursor comes near them."""
    async with loading_100_summits(data_dir) as (app, pilot):
        await pilot.press("ctrl+end")  # to the last row shown
        await pilot.pause()
        assert len(rows(app)) == 100
        assert not app.session.loaded
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert app.screen.query_one("#summits", DataTable).cursor_row == 99


async def test_rows_below_the_first_screen_come_with_the_data_when_it_is_quick(
    data_dir: Path, gate: threading.Event
) -> None:
    """Glanced, then measured and drawn again once loaded, they held the loader back."""
    async with loading_100_summits(data_dir) as (app, pilot):
        gate.set()
        await settle(pilot)
        assert app.session.loaded
        assert [str(row[3]) for row in rows(app)] == ["8/13 accepted"] * 100


async def test_summits_are_checked_in_the_loader_not_on_the_screen_s_thread(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking 1,000 summits when the data came in held the screen 60 ms."""
    from summit.model import checks as workspace_module  # noqa: PLC0415 - where loading checks

    threads: list[str] = []
    real = workspace_module.check_summit

    def check_summit(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workspace_module, "check_summit", check_summit)
    app = make_app(data_dir, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.session.loaded
        summits = app.screen.query_one("#summits", DataTable)
        assert str(summits.get_row(SAMPLE_SUMMIT)[3]) == "8/13 accepted"  # the loaded data
    assert threads
    assert threading.main_thread().name not in threads
