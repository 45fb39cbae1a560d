"""Invitees and replies, and the outputs tab, driven by keys."""

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from summit.model import Rsvp
from summit.store import load_dataset
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ChoiceScreen
from summit.tui.screens.files import ReplyFilesScreen
from summit.tui.screens.form import FormScreen
from summit.tui.widgets.picker import PickerScreen
from summit.workflows.invitations import cancel_summit, issue_invite
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_SUMMIT, before_it_was_held
from tests.ical.test_replies import reply_file
from tests.tui.conftest import TODAY, choose, settle


def summit(app: SummitApp):  # type: ignore[no-untyped-def]
    return app.session.workspace.summits[SAMPLE_SUMMIT]


async def open_tab(pilot, tab: str) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(tab)
    await settle(pilot)


async def test_setting_a_reply_by_hand(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "down", "down", "down", "down", "r")  # Facebook's delegate
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 0  # needs-action, the current reply
        await pilot.press("down", "enter")
        await settle(pilot)
        assert summit(app).invitations["facebook"].rsvp["facebook-policy"] is Rsvp.ACCEPTED
        summary = str(app.screen.query_one("#invitees-summary", Static).render())
        assert "9 accepted" in summary
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert saved.invitations["facebook"].rsvp["facebook-policy"] is Rsvp.ACCEPTED


async def test_inviting_and_uninviting(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"priya")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await settle(pilot)
        assert summit(app).invitations["dcms"].rsvp == {"summit-lead": Rsvp.NEEDS_ACTION}
        table = app.screen.query_one("#invitees", DataTable)
        rows_before = table.row_count
        await pilot.press("up", "x")  # the first row: the Home Office's only delegate
        await settle(pilot)
        await pilot.click("#answer-uninvite")  # they had accepted: asked first
        await settle(pilot)
        assert "home-office" not in summit(app).invitations
        assert table.row_count == rows_before - 1


@pytest.mark.usefixtures("sample_still_coming")  # a reply before its day
async def test_importing_reply_files(app: SummitApp, data_dir: Path, tmp_path: Path) -> None:
    invite = summit(app).invite
    assert invite is not None
    reply_file(
        tmp_path,
        "reply.ics",
        uid=invite.uid,
        email="sophie.turner@virginmedia.example.org",
        partstat="DECLINED",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("m")
        await pilot.pause()  # not settle: the file tree's loader waits as long as it is shown
        assert isinstance(app.screen, ReplyFilesScreen)
        path = app.screen.query_one("#files-path", Input)
        path.value = str(tmp_path / "reply.ics")  # a typed path still works
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert summit(app).invitations["virgin-media"].rsvp["virgin-policy"] is Rsvp.DECLINED
        assert "●" in app.sub_title


async def test_outputs_mark_overdue_add_and_complete(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    # The first action, done in the sample, as if still open and due on 1 November.
    done = 'due = 2026-01-27\nstatus = "done"'
    path.write_text(path.read_text().replace(done, "due = 2026-11-01"))
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "3")
        table = app.screen.query_one("#outputs", DataTable)
        assert "OVERDUE" in str(table.get_row_at(0)[2])
        assert "OVERDUE" not in str(table.get_row_at(1)[2])
        # With the IWF's commitment, open since 30 June.
        assert "2 overdue" in str(app.screen.query_one("#outputs-summary", Static).render())
        await pilot.press("space")
        await settle(pilot)
        assert str(summit(app).actions[0].status) == "done"
        assert "OVERDUE" not in str(table.get_row_at(0)[2])
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Publish the summary", "tab", *"dcms", "tab", *"2027-02-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert summit(app).actions[-1].text == "Publish the summary"
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert saved.actions[-1].owner == "dcms"
    assert str(saved.actions[0].status) == "done"


async def test_who_has_not_answered_the_new_time(data_dir: Path) -> None:
    """After the summit moves, the earlier answers show as such, with who is still to answer."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 4", 1))
    issue_invite(load_dataset(data_dir), SAMPLE_SUMMIT)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        table = app.screen.query_one("#invitees", DataTable)
        # Styled cells are Text (a str cell is data, shown as written).
        assert str(table.get_cell("google/google-policy", "reply")) == "was accepted"
        assert str(table.get_cell("twitter/twitter-policy", "reply")) == "was declined"
        assert str(table.get_cell("facebook/facebook-policy", "reply")) == "needs-action"
        summary = str(app.screen.query_one("#invitees-summary", Static).render())
        assert "11 not yet answered the new time" in summary
        assert "Daniel Reyes (accepted)" in summary
        # Answering for the new time by hand takes a delegate off that list.
        await pilot.press("down", "r")  # Google's first delegate
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        summary = str(app.screen.query_one("#invitees-summary", Static).render())
        assert "10 not yet answered the new time" in summary
        assert "Daniel Reyes" not in summary


async def test_uninviting_drops_the_reply_record_too(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 4", 1))
    issue_invite(load_dataset(data_dir), SAMPLE_SUMMIT)  # google-policy's answer becomes history
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "x")  # Google's first delegate
        await settle(pilot)
        await pilot.click("#answer-uninvite")  # an earlier answer: asked first
        await pilot.press("ctrl+s")
        await settle(pilot)
    dataset = load_dataset(data_dir)
    assert dataset.errors == []
    google = dataset.summits[SAMPLE_SUMMIT].record.invitations["google"]
    assert "google-policy" not in google.rsvp and "google-policy" not in google.replied


async def test_importing_a_reply_to_a_cancelled_summit_says_why_nothing_was_recorded(
    data_dir: Path, tmp_path: Path
) -> None:
    before_it_was_held(data_dir)  # a summit held is never cancelled
    cancel_summit(load_dataset(data_dir), SAMPLE_SUMMIT, today=BEFORE_SAMPLE_SUMMIT)
    app = make_app(data_dir, today=TODAY)
    invite = summit(app).invite
    assert invite is not None
    reply_file(
        tmp_path,
        "late.ics",
        uid=invite.uid,
        email="sophie.turner@virginmedia.example.org",
        partstat="ACCEPTED",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("m")
        await pilot.pause()  # not settle: the file tree's loader waits as long as it is shown
        path = app.screen.query_one("#files-path", Input)
        path.value = str(tmp_path / "late.ics")
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert summit(app).invitations["virgin-media"].rsvp["virgin-policy"] is Rsvp.NEEDS_ACTION
        messages = [notification.message for notification in app._notifications]
        assert any("is cancelled" in message for message in messages), messages
        assert "●" not in app.sub_title


@pytest.mark.usefixtures("sample_still_coming")  # a reply before its day
async def test_importing_an_outlook_reply_email(
    app: SummitApp, data_dir: Path, tmp_path: Path
) -> None:
    """Outlook's reply has nothing to save but the e-mail: the app reads the .eml itself."""
    from tests.delivery.test_mail_replies import outlook_reply  # noqa: PLC0415

    invite = summit(app).invite
    assert invite is not None
    email = "sophie.turner@virginmedia.example.org"
    calendar = reply_file(tmp_path, "r.ics", uid=invite.uid, email=email, partstat="TENTATIVE")
    mail = tmp_path / "mail"
    mail.mkdir()
    (mail / "reply.eml").write_bytes(outlook_reply(calendar.read_bytes(), email))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("m")
        await pilot.pause()  # the file browser's loader worker runs while it is shown
        await pilot.click("#files-path")
        await pilot.press("ctrl+a", "ctrl+k", *str(mail / "reply.eml"), "enter")
        await settle(pilot)
        assert summit(app).invitations["virgin-media"].rsvp["virgin-policy"] is Rsvp.TENTATIVE
