"""The app's summits list in the order a person looks for them, as `summit overview` lists
them: what is coming first, soonest first, then what is past, most recent first."""

from pathlib import Path

import pytest
from textual.widgets import DataTable

from summit.tui.app import make_app
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.summits import SummitsScreen
from summit.tui.session import Session
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, TODAY
from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]
# By the story's TODAY (5 December 2026): today's counts as coming; then the follow-up
# in January and a spring summit; then the first summit (January 2026), then 2025's.
LOOKED_FOR = ["today-summit", SAMPLE_FOLLOW_UP, "spring-summit", SAMPLE_SUMMIT, "old-summit"]


def add_summit(root: Path, summit_id: str, day: str) -> None:
    """The follow-up's plan on another day, never sent."""
    text = (root / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").read_text()
    text = text[: text.index("[invite]")].replace("2027-01-20T", f"{day}T")
    (root / "agendas" / f"{summit_id}.toml").write_text(text)


@pytest.fixture
def many(data_dir: Path, cli) -> Path:
    add_summit(data_dir, "old-summit", "2025-03-11")
    add_summit(data_dir, "spring-summit", "2027-04-14")
    add_summit(data_dir, "today-summit", TODAY.isoformat())
    assert cli("validate", "--data", data_dir).code == 0
    return data_dir


def listed(table: DataTable[object]) -> list[str]:
    return [str(row.key.value) for row in table.ordered_rows]


@pytest.mark.parametrize("size", SIZES)
async def test_coming_summits_come_first_then_past_ones_most_recent_first(
    many: Path, cli, size: tuple[int, int]
) -> None:
    overview = cli("--plain", "overview", "--data", many).out
    assert sorted(LOOKED_FOR, key=overview.index) == LOOKED_FOR  # the same order as the CLI
    app = make_app(many, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#summits", DataTable)
        assert listed(table) == LOOKED_FOR
        assert table.cursor_row == 0  # the cursor starts on the next summit to come
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen) and app.screen.summit_id == "today-summit"


async def test_the_first_frame_lists_them_in_the_same_order(many: Path) -> None:
    """Before the data has loaded the rows come from the files' heads: they must not
    move once it has."""
    screen = SummitsScreen(Session.starting(many, TODAY))
    assert [key for key, _ in screen._glanced_rows()] == LOOKED_FOR
