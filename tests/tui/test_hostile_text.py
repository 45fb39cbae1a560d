"""The app on data whose names and keys hold escape sequences and markup (issue 7 item 7)."""

import re
from pathlib import Path

from textual.app import App

from summit.tui.app import make_app
from summit.tui.screens.register import RegisterScreen
from summit.tui.screens.summit import SummitScreen
from tests.cli.test_terminal_safety import MARKUP_TITLE, RAW, _evil_data
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, settle


def _drawn(app: App[None]) -> str:
    """The text the app would draw on the terminal now."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_escape_sequences_in_names_and_keys_do_not_break_the_app(data_dir: Path) -> None:
    _evil_data(data_dir)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        # The problems screen, listing the hostile names.
        screen_text = _drawn(app)
        assert "evil\\x1b]0;pwned\\x07\\u202e.toml" in screen_text
        for raw in RAW:
            assert raw not in screen_text


async def test_markup_in_a_title_is_shown_as_written(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r'(?m)^title = ".*"$', f'title = "{MARKUP_TITLE}"', text, count=1),
        encoding="utf-8",
    )
    register = data_dir / "invitees.toml"
    register.write_text(
        register.read_text(encoding="utf-8").replace('name = "Google"', 'name = "Goo[/]gle"'),
        encoding="utf-8",
    )
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert "Summit [bold]x[/bold] [/]" in _drawn(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen)
        await pilot.press("2", "f2")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert "Goo[/]gle" in _drawn(app)
        assert app.is_running
