"""The Send action: the outbox as a dry run, sent on confirmation, and the replies that came in."""

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Static

from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.send import SendScreen
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, snapshot
from tests.delivery.conftest import Recorder, SmtpServer, start_relay
from tests.tui.conftest import TODAY, choose, settle


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """The delivery tests' recording relay on 127.0.0.1."""
    recorder = Recorder()
    controller, port = start_relay(recorder)
    yield SmtpServer(recorder, port, f"smtp://127.0.0.1:{port}", [])
    controller.stop()


def sent_records(root: Path) -> dict[str, object]:
    text = (root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    return tomllib.loads(text).get("sent", {})


async def open_send(pilot) -> SendScreen:  # type: ignore[no-untyped-def]
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("ctrl+t")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SendScreen)
    return screen


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
async def test_the_outbox_is_shown_and_enter_sends_nothing(
    app: SummitApp,
    data_dir: Path,
    smtp_server,
    monkeypatch,
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    before = snapshot(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_send(pilot)
        outbox = str(screen.query_one("#send-outbox", Static).render())
        assert "12 messages to send" in outbox and "Google: new invitation, SEQUENCE 0" in outbox
        assert screen.query_one("#send-relay", Input).value == smtp_server.url
        assert app.focused is screen.query_one("#send-relay", Input)  # enter there sends nothing
        await pilot.click("#send-run")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.focused is app.screen.query_one("#answer-keep", Button)  # the safe answer
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SendScreen)
    assert smtp_server.recorder.received == []
    assert snapshot(data_dir) == before


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
async def test_confirming_sends_and_records(
    app: SummitApp,
    data_dir: Path,
    smtp_server,
    monkeypatch,
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-run")
        await settle(pilot)
        await pilot.click("#answer-send")
        await settle(pilot)
        result = str(screen.query_one("#send-result", Static).render())
        assert "12 messages sent and recorded" in result
        outbox = str(screen.query_one("#send-outbox", Static).render())
        assert "Nothing to send" in outbox
        assert screen.query_one("#send-run", Button).disabled
        assert app.session.workspace.dirty_files() == []
    assert len(smtp_server.recorder.received) == 12
    assert len(sent_records(data_dir)) == 12


async def test_unsaved_changes_are_saved_first(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("plus")  # an unsaved change to the agenda
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SendScreen)
        assert "Save first" in str(screen.query_one("#send-outbox", Static).render())
        assert screen.query_one("#send-run", Button).disabled


async def test_the_replies_that_came_in(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace(
        '[invitations.twitter.rsvp]\ntwitter-policy = "declined"\n',
        '[invitations.twitter.rsvp]\ntwitter-policy = "declined"\n\n'
        "[invitations.twitter.replied.twitter-policy]\n"
        'reply = "declined"\nsequence = 0\nstamp = 2026-12-01T10:00:00Z\n',
    )
    assert "stamp = 2026-12-01T10:00:00Z" in text
    path.write_text(text)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_send(pilot)
        replies = str(screen.query_one("#send-replies", Static).render())
        assert "2026-12-01 10:00  Jess Moreno (Twitter) declined" in replies


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
async def test_a_relay_with_a_user_asks_for_the_password(
    app: SummitApp, data_dir: Path, smtp_server, monkeypatch
) -> None:
    monkeypatch.delenv("SUMMIT_SMTP_PASSWORD", raising=False)
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url.replace("//", "//summit-lead@"))
    before = snapshot(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-run")
        await settle(pilot)
        await pilot.click("#answer-send")
        await settle(pilot)
        result = str(screen.query_one("#send-result", Static).render())
        assert "type the password for summit-lead" in result
    assert smtp_server.recorder.received == []
    assert snapshot(data_dir) == before


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
async def test_recipients_the_relay_refused_last_time_are_listed_as_retried(
    data_dir: Path, smtp_server, cli, monkeypatch
) -> None:
    refused = "meilin.carter@google.example.org"
    smtp_server.recorder.refuse = {refused}
    sent = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--smtp", smtp_server.url, "--yes")
    assert sent.code == 1, sent.err
    smtp_server.recorder.refuse = set()
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    app = make_app(
        data_dir, today=BEFORE_SAMPLE_SUMMIT
    )  # opened after the send, as the official would
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        outbox = str(screen.query_one("#send-outbox", Static).render())
        assert "Refused by the relay last time, retried now:" in outbox, outbox
        assert f"Google: {refused}" in outbox, outbox


async def test_shift_r_in_the_invitees_tab_reminds_who_has_not_answered(
    app: SummitApp, data_dir: Path, smtp_server, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("#summits", DataTable)
        table.move_cursor(row=table.get_row_index(SAMPLE_FOLLOW_UP))  # sent, answers awaited
        await pilot.press("enter", "2")
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SendScreen) and screen.reminding
        outbox = str(screen.query_one("#send-outbox", Static).render())
        assert "Facebook: reminder" in outbox
        await pilot.click("#send-run")
        await settle(pilot)
        asked = str(app.screen.query_one("#dialog-message", Static).render())
        assert "reminding who has not answered" in asked
        await pilot.click("#answer-send")
        await settle(pilot)
        assert "sent and recorded" in str(screen.query_one("#send-result", Static).render())
    reminders = smtp_server.recorder.received
    assert reminders and all(str(r.message["Subject"]).startswith("Reminder: ") for r in reminders)
    sent = tomllib.loads((data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").read_text())["sent"]
    assert "reminded" in sent["facebook"]


async def test_shift_r_on_a_meeting_that_took_place_reminds_nobody(
    app: SummitApp, smtp_server, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2")  # the sample's first summit, held in January
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        shown = str(app.screen.query_one("#send-outbox", Static).render())
        assert "took place on 20 January 2026: there is nobody to remind" in shown, shown
        assert app.screen.query_one("#send-run", Button).disabled
    assert smtp_server.recorder.received == []


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
async def test_every_recipient_can_be_read_before_sending_at_80x24(
    app: SummitApp, smtp_server, monkeypatch
) -> None:
    """At 80x24 the outbox said "3 messages" and showed two, with no way to scroll to the
    third from the keyboard (found working keyboard-only)."""
    from textual.containers import VerticalScroll  # noqa: PLC0415

    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        scroll = screen.query_one("#send-outbox-scroll", VerticalScroll)
        assert scroll.max_scroll_y > 0  # taller than the dialog: it scrolls
        for _ in range(12):  # reached with tab, as every control
            if app.focused is scroll:
                break
            await pilot.press("tab")
        assert app.focused is scroll
        await pilot.press("end")
        await settle(pilot)
        assert scroll.scroll_y == scroll.max_scroll_y
        last = "City of London Police Intellectual Property Crime Unit: new invitation"
        assert last in str(screen.query_one("#send-outbox", Static).render())
