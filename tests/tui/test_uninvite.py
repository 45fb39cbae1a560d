"""Uninviting asks first when replies, attendance or an invitation already sent would be lost."""

from pathlib import Path

from textual.widgets import Static

from summit.model import Rsvp, Summit
from summit.store import load_dataset
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.register import RegisterScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, choose, settle

SENT_TO_FACEBOOK = """
[sent.facebook]
sequence = 0
method = "REQUEST"
at = 2026-11-20T09:00:00Z
details = "aaaaaaaaaaaaaaaa"
agenda = "bbbbbbbbbbbbbbbb"
to = ["oliver.grant@facebook.example.org"]
"""


def summit(app: SummitApp) -> Summit:
    return app.session.workspace.summits[SAMPLE_SUMMIT]


def notices(app: SummitApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def question(app: SummitApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#dialog-message", Static).render())


async def register_on(pilot, words: str, *, delegates: bool = False) -> None:  # type: ignore[no-untyped-def]
    """The summit opened, its register (f2) filtered to `words`, a table focused."""
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RegisterScreen)
    await pilot.press("slash", *words, "tab", *(["tab"] if delegates else []))
    await settle(pilot)


async def space_on_google(pilot) -> None:  # type: ignore[no-untyped-def]
    """Space on Google in the register opened from the summit: the question."""
    await register_on(pilot, "google")
    await pilot.press("space")
    await settle(pilot)


async def test_uninviting_an_organisation_with_replies_asks_and_keeps_by_default(
    app: SummitApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await space_on_google(pilot)
        assert "Google: 2 replies (accepted, tentative) and attendance recorded for 2 people" in (
            question(app)
        )
        await pilot.press("enter")  # Keep invited has the focus
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        google = summit(app).invitations["google"]
        assert google.rsvp == {"google-policy": Rsvp.ACCEPTED, "google-trust-safety": "tentative"}
        assert google.attended == {"google-policy": True, "google-trust-safety": True}
        assert app.session.workspace.dirty_files() == []


async def test_uninviting_after_saying_so_tells_what_was_done_and_undo_brings_it_back(
    app: SummitApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await space_on_google(pilot)
        await pilot.click("#answer-uninvite")
        await settle(pilot)
        assert "google" not in summit(app).invitations
        assert "Uninvited Google: ctrl+z undoes it" in notices(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert summit(app).invitations["google"].attended["google-policy"] is True


async def test_uninviting_one_delegate_with_a_reply_asks_first(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await register_on(pilot, "google", delegates=True)  # Daniel Reyes, accepted and came
        await pilot.press("space")
        await settle(pilot)
        assert "Daniel Reyes (Google): 1 reply (accepted) and attendance recorded" in (
            question(app)
        )
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
    saved = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.invitations["google"]
    assert saved.rsvp["google-policy"] is Rsvp.ACCEPTED
    assert saved.attended["google-policy"] is True


async def test_with_nothing_to_lose_it_uninvites_at_once(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await register_on(pilot, "facebook")  # needs-action, nothing recorded or sent
        await pilot.press("space")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert "facebook" not in summit(app).invitations
        assert "Uninvited Facebook: ctrl+z undoes it" in notices(app)


async def test_x_in_the_invitees_tab_asks_too(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2", "down", "x")  # Google's first delegate, Daniel Reyes
        await settle(pilot)
        assert "Daniel Reyes (Google): 1 reply (accepted)" in question(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "google-policy" in summit(app).invitations["google"].rsvp


async def test_an_organisation_sent_the_invitation_must_be_told(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text() + SENT_TO_FACEBOOK)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#invitees")
        table.move_cursor(row=table.get_row_index("facebook/facebook-policy"))  # type: ignore[attr-defined]
        await pilot.press("x")
        await settle(pilot)
        told = question(app)
        assert "Oliver Grant (Facebook) was sent the invitation on 20 Nov 2026" in told
        assert "the next summit send sends them a cancellation" in told
        await pilot.click("#answer-uninvite")
        await settle(pilot)
        assert "facebook" not in summit(app).invitations
