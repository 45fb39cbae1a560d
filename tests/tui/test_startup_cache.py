"""The app keeps what it validated for its next start, and a start takes it from there."""

import gc
from pathlib import Path

import pytest
from textual.widgets import DataTable

from summit.store.gc_pause import pause_gc_for_start
from summit.tui.app import SummitApp, make_app
from summit.workflows.workspace import Workspace
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


async def test_the_second_start_glances_at_no_summit_file(
    data_dir: Path, glanced: list[str]
) -> None:
    """The first frame's rows come from the glances the first start kept."""
    shown = []
    for _ in range(2):
        app = make_app(data_dir, TODAY, background=True)
        async with app.run_test(size=(80, 24)) as pilot:
            table = app.screen.query_one("#summits", DataTable)
            shown.append([[str(cell) for cell in table.get_row_at(i)] for i in range(2)])
            await settle(pilot)
        assert len(glanced) == 2  # at the first start only
    assert shown[0] == shown[1]


async def test_the_collector_paused_for_the_start_runs_once_the_data_is_in(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turned on at the first frame, it ran over the model's classes as they were
    imported beside the screen: 30 ms more before a big register could be edited."""
    collecting: list[bool] = []
    loaded = SummitApp._loaded

    def noting(app: SummitApp, workspace: Workspace) -> None:
        collecting.append(gc.isenabled())
        loaded(app, workspace)

    monkeypatch.setattr(SummitApp, "_loaded", noting)
    pause_gc_for_start()  # as `summit app` does before loading Textual
    try:
        assert not gc.isenabled()
        app = make_app(data_dir, TODAY, background=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert collecting == [False]
            assert gc.isenabled()
            assert app.session.loaded
    finally:
        gc.enable()


async def test_what_was_validated_is_kept_once_the_data_is_on_screen(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keeping it pickles the records, which holds the interpreter: on 100,000 delegates
    after a pull, a second the loaded list would otherwise wait to be painted."""
    seen: list[str] = []
    app = make_app(data_dir, TODAY, background=True)
    display, remember = app._display, Workspace.remember_records

    def displaying(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        seen.append("painted loaded" if app.session.loaded else "painted")
        display(screen, renderable)

    def remembering(workspace: Workspace) -> None:
        seen.append("kept")
        remember(workspace)

    monkeypatch.setattr(app, "_display", displaying)
    monkeypatch.setattr(Workspace, "remember_records", remembering)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert "kept" in seen
    assert "painted loaded" in seen[: seen.index("kept")]
