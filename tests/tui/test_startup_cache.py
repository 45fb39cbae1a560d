"""The app keeps what it validated for its next start, and a start takes it from there."""

from pathlib import Path

from summit.tui.app import make_app
from tests.tui.conftest import TODAY, settle
from tests.tui.test_form_editing import edit_daniel_reyes


async def test_the_second_start_reads_no_toml_and_edits_save_right(
    data_dir: Path, parsed: list[Path]
) -> None:
    app = make_app(data_dir, TODAY, background=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.session.loaded and data_dir / "invitees.toml" in parsed
    parsed.clear()
    register = data_dir / "invitees.toml"
    before = register.read_text()
    app = make_app(data_dir, TODAY, background=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.session.loaded and parsed == []
        await edit_daniel_reyes(pilot)
        await pilot.press("tab", *" (acting)", "ctrl+s")  # from Name into Job title
        await settle(pilot)
        await pilot.press("ctrl+s")  # the register saved
        await settle(pilot)
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), register.read_text().splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        (
            'job_title = "Director of Public Policy, UK"',
            'job_title = "Director of Public Policy, UK (acting)"',
        )
    ]
