"""The outbox: what each organisation needs to be sent now, and sending it through a relay.

Each invited organisation gets its own message, to its own invited delegates
with the host department's invited people in Cc, never one message to
competitors together. What an organisation was last sent is recorded in the
summit file (`[sent.<organisation>]`) as each message is accepted, so that
sending again sends only what changed since, and a batch cut short by the
relay is finished by sending again, with nothing sent twice.
"""

import hashlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from icalendar import Calendar

from summit.delivery.changed import asked_again_for, moved_lines
from summit.delivery.journal import Journal, journal_path
from summit.ical.audience import Audience, audience, host_organisation
from summit.ical.invite import invite_calendar
from summit.ical.mail import Unsendable, invite_email, mailbox
from summit.model import Register, Summit, SummitStatus
from summit.model.invite_state import EventStatus, InviteState
from summit.model.schedule import schedule
from summit.model.sent import Sent, SentMethod
from summit.store import Dataset
from summit.workflows.invitations import invited_organisations, issued_summit


class LetterKind(StrEnum):
    INVITATION = "new invitation"
    UPDATE = "update"
    CANCELLATION = "cancellation"


@dataclass(frozen=True, slots=True)
class Letter:
    """One message for one organisation, built and ready to send."""

    organisation_id: str
    organisation: str
    kind: LetterKind
    method: SentMethod
    sequence: int
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    changes: tuple[str, ...]
    message: bytes
    details: str
    agenda: str
    only: tuple[str, ...] = ()
    """A retry: only these recipients (refused last time) are sent the message."""

    @property
    def recipients(self) -> list[str]:
        everyone = [person.addr_spec for person in (*self.to, *self.cc)]
        if not self.only:
            return everyone
        return [address for address in everyone if address.lower() in self.only]


@dataclass
class Outbox:
    """What `summit send` would send now, and why anything else is not sent."""

    summit_id: str
    summit: Summit
    """The summit as sent: its invite state brought up to date (saved before the first send)."""
    sender: str
    raised: bool
    letters: list[Letter] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    refusal: str | None = None
    """Why nothing may be sent at all (a draft, nobody invited), or None."""
    journal_file: Path | None = None
    recovered: list[str] = field(default_factory=list)
    """Organisations whose message went out before an interruption, found in the journal."""


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _details(calendar: Calendar) -> str:
    """A fingerprint of what the organisation reads, leaving out the stamp and replies.

    Replies change PARTSTAT in the next message but are no reason to send one.
    """
    event = calendar.walk("VEVENT")[0]
    names = ("SUMMARY", "DTSTART", "DTEND", "LOCATION", "DESCRIPTION", "STATUS", "CLASS")
    parts = [f"{name}:{event[name].to_ical()!r}" for name in names if name in event]
    attendees = event.get("ATTENDEE", [])
    people = attendees if isinstance(attendees, list) else [attendees]
    parts += sorted(str(person).lower() for person in people)
    return _digest(parts)


def _agenda(summit: Summit, readers: Audience) -> str:
    """A fingerprint of the agenda as read, without clock times (a new start is said apart)."""
    return _digest(
        f"{s.item.title}|{s.item.kind}|{s.item.minutes}|"
        f"{readers.describe(s.item.lead) if s.item.lead else ''}|{s.item.objective or ''}"
        for s in schedule(summit)
    )


def _people(register: Register, org_id: str, delegate_ids: Iterable[str]) -> list[Address]:
    organisation = register.organisations.get(org_id)
    if organisation is None:
        return []
    return [
        mailbox(organisation.delegates[d].name, organisation.delegates[d].email)
        for d in delegate_ids
        if d in organisation.delegates
    ]


def _host_people(summit: Summit, register: Register, exclude: str) -> list[Address]:
    """The host department's invited people, copied into every organisation's message."""
    host = host_organisation(summit, register)
    if host is None or host == exclude or host not in summit.invitations:
        return []
    return _people(register, host, summit.invitations[host].rsvp)


def _changes(
    summit: Summit, before: InviteState | None, sent: Sent, details: str, agenda: str
) -> list[str]:
    assert summit.invite is not None
    lines = moved_lines(summit, before, sent) if sent.sequence < summit.invite.sequence else []
    if sent.method is SentMethod.CANCEL:
        lines.insert(0, "the meeting is going ahead after all (it was cancelled)")
    if agenda != sent.agenda:
        lines.append("the agenda changed: the agenda below replaces the one you hold")
    if not lines and details != sent.details:
        lines.append("details changed (such as the title, purpose or who is invited)")
    return lines


def _kind(summit: Summit, sent: Sent | None, details: str, agenda: str) -> LetterKind | None:
    """What the organisation needs now, or None when it holds the latest version."""
    assert summit.invite is not None
    sequence = summit.invite.sequence
    if summit.invite.issued.status is EventStatus.CANCELLED:
        if sent is None or (sent.method is SentMethod.CANCEL and sent.sequence >= sequence):
            return None
        return LetterKind.CANCELLATION
    if sent is None:
        return LetterKind.INVITATION
    if (
        sent.method is SentMethod.CANCEL
        or sent.sequence < sequence
        or (sent.details, sent.agenda) != (details, agenda)
    ):
        return LetterKind.UPDATE
    return None


def _letter(
    summit: Summit,
    register: Register,
    org_id: str,
    before: InviteState | None,
    now: datetime,
) -> Letter | None:
    calendar = invite_calendar(summit, register, now=now, only=org_id)
    readers = audience(summit, register, org_id)
    details, agenda = _details(calendar), _agenda(summit, readers)
    sent = summit.sent.get(org_id)
    kind = _kind(summit, sent, details, agenda)
    only: tuple[str, ...] = ()
    if kind is None and sent is not None and sent.refused:
        # The same message again (same UID and SEQUENCE), to those the relay refused.
        kind, only = LetterKind.INVITATION, tuple(a.lower() for a in sent.refused)
        if sent.method is SentMethod.CANCEL:
            kind = LetterKind.CANCELLATION
    if kind is None:
        return None
    update = kind is LetterKind.UPDATE and sent is not None
    changes = _changes(summit, before, sent, details, agenda) if update and sent else None
    again = asked_again_for(summit, before, sent) if update and sent else None
    to = _people(register, org_id, summit.invitations[org_id].rsvp)
    cc = _host_people(summit, register, org_id)
    message = invite_email(
        summit, register, calendar, to, now=now, audience=readers, copied=cc, changes=changes,
        sent_before=sent is not None, asked_again_for=again,
    )  # fmt: skip
    method = SentMethod(str(calendar["method"]))
    assert summit.invite is not None
    return Letter(
        org_id,
        register.organisations[org_id].name,
        kind,
        method,
        summit.invite.sequence,
        tuple(to),
        tuple(cc),
        tuple(changes or ()),
        message,
        details,
        agenda,
        only,
    )


def _recovered(summit: Summit, journal: Path) -> tuple[Summit, list[str]]:
    """The summit with what the journal says went out after the file's last record."""
    assert summit.invite is not None
    newer = {
        org_id: sent
        for org_id, sent in Journal(journal, summit.invite.uid).pending().items()
        if org_id not in summit.sent or sent.at >= summit.sent[org_id].at
    }
    newer = {k: v for k, v in newer.items() if summit.sent.get(k) != v}
    if not newer:
        return summit, []
    return summit.model_copy(update={"sent": {**summit.sent, **newer}}), list(newer)


def _refusal(summit_id: str, summit: Summit, register: Register) -> str | None:
    if summit.status is SummitStatus.DRAFT:
        return (
            f"{summit_id} is still a draft: set its status to invited before sending "
            "(nothing was sent)"
        )
    if not invited_organisations(summit) and not summit.sent:
        return f"nobody is invited to {summit_id} yet: there is no one to send to"
    if register.delegate(summit.organiser) is None:
        return f"the organiser {summit.organiser!r} is not in the register: no one to send from"
    return None


def plan_outbox(dataset: Dataset, summit_id: str, *, now: datetime | None = None) -> Outbox:
    """Every message `summit send` would send now; nothing is sent or saved.

    DataError when the summit or the register has errors; Unsendable (from the
    e-mail builder) when a message would not reach exactly the people meant.
    """
    document = dataset.summit_document(summit_id)
    before = document.record.invite
    summit, register, raised = issued_summit(dataset, summit_id)
    summit, recovered = _recovered(summit, journal_path(document.path))
    organiser = register.delegate(summit.organiser)
    outbox = Outbox(summit_id, summit, organiser.email if organiser else "", raised)
    outbox.journal_file = journal_path(document.path)
    outbox.recovered = [register.describe(org_id) for org_id in recovered]
    outbox.refusal = _refusal(summit_id, summit, register)
    if outbox.refusal is not None:
        return outbox
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    for org_id in invited_organisations(summit):
        if not _people(register, org_id, summit.invitations[org_id].rsvp):
            continue  # nobody of theirs with an address in the register: nothing to send
        letter = _letter(summit, register, org_id, before, stamp)
        if letter is None:
            outbox.up_to_date.append(register.organisations[org_id].name)
        else:
            outbox.letters.append(letter)
    for org_id in summit.sent:
        if org_id not in summit.invitations:
            known = register.organisations.get(org_id)
            name = known.name if known else org_id
            outbox.notes.append(
                f"{name} was sent the invitation but is no longer invited: "
                "tell them yourself (summit sends only to invited delegates)"
            )
    return outbox


# ── Sending ─────────────────────────────────────────────────────────────────


class Relay(Protocol):
    """What sending needs of a relay connection (summit.delivery.smtp.SmtpRelay)."""

    def send(self, sender: str, recipients: list[str], message: bytes) -> dict[str, str]: ...


@dataclass
class Failed:
    letter: Letter
    reason: str


@dataclass
class SendReport:
    sent: list[Letter] = field(default_factory=list)
    refused_recipients: dict[str, dict[str, str]] = field(default_factory=dict)
    """By organisation id: recipients the relay refused while delivering to the others."""
    failed: list[Failed] = field(default_factory=list)
    not_sent: list[Letter] = field(default_factory=list)
    """Not attempted: the relay failed before their turn."""
    stopped: str | None = None

    @property
    def complete(self) -> bool:
        return not (self.failed or self.not_sent or self.stopped or self.refused_recipients)


MAX_UNWRITTEN = 500
"""Records queued (each already in the journal) before the sender waits for the file."""
REST_FACTOR = 3.0
"""After a save, the recorder rests this many times as long as the save took: the
journal has every record meanwhile, and each save of a big file costs the sender time."""


class _Recorder:
    """Writes sent records into the summit file, in a thread, while the next message goes out.

    A save of a large summit file (merge-on-save, read back, fsync) takes
    longer than handing a message to a relay; saving in line would make
    sending many times slower than the relay itself. So each record goes into
    the journal at once (see summit.delivery.journal) and into a queue, and
    the thread saves whatever is queued, one save for all of it; `close`
    returns only once everything accepted is written.
    """

    def __init__(self, dataset: Dataset, summit_id: str, journal: Journal) -> None:
        self._dataset, self._summit_id = dataset, summit_id
        self._journal = journal
        self._pending: dict[str, Sent] = {}
        self._closed = False
        self._ready = threading.Condition()
        self.error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="summit-send-record", daemon=True)
        self._thread.start()

    def add(self, letter: Letter, at: datetime, refused: list[str] | None = None) -> None:
        """Queue a record; waits while too many are unwritten (a failing disk stops sending)."""
        sent = Sent(
            sequence=letter.sequence,
            method=letter.method,
            at=at,
            details=letter.details,
            agenda=letter.agenda,
            refused=sorted(refused) if refused else None,
        )
        self._journal.append(letter.organisation_id, sent)
        with self._ready:
            self._ready.wait_for(lambda: len(self._pending) < MAX_UNWRITTEN or self._stopped)
            self._pending[letter.organisation_id] = sent
            self._ready.notify_all()

    @property
    def _stopped(self) -> bool:
        return self.error is not None or self._closed

    def close(self) -> None:
        """Wait until every record queued is written (or writing failed: see `error`)."""
        with self._ready:
            self._closed = True
            self._ready.notify()
        self._thread.join()

    def _run(self) -> None:
        pause = 0.0
        while True:
            with self._ready:
                # Rest as long as the last save took (unless closing): half the
                # time is left to the sending thread, and each save takes more.
                self._ready.wait_for(lambda: self._closed, timeout=pause)
                while not self._pending and not self._closed:
                    self._ready.wait()
                batch, self._pending = self._pending, {}
                self._ready.notify_all()  # a sender waiting for room may go on
                if not batch and self._closed:
                    return
            started = time.perf_counter()
            try:
                self._save(batch)
            except Exception as error:  # reported by the sender, never lost in the thread
                with self._ready:
                    self.error = error
                    self._ready.notify_all()
                return
            pause = REST_FACTOR * (time.perf_counter() - started)

    def _save(self, batch: dict[str, Sent]) -> None:
        """Write the records through the merge-on-save, keeping what others saved meanwhile."""
        current = self._dataset.summit_document(self._summit_id).record
        updated = current.model_copy(update={"sent": {**current.sent, **batch}})
        self._dataset.save_summit(self._summit_id, updated, merging=True)


def send_outbox(
    dataset: Dataset,
    outbox: Outbox,
    relay: Relay,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    on_sent: Callable[[Letter], None] | None = None,
) -> SendReport:
    """Send every letter through `relay`, recording each in the summit file once accepted.

    The invite state (UID, SEQUENCE) is saved first, so the file never holds
    a record of a SEQUENCE it has not issued. A message the relay refuses is
    reported and the batch goes on; a relay that fails, or a record that
    cannot be written, stops the batch, and what was not sent is reported for
    a retry. The records are all written when this returns.
    """
    report = SendReport()
    if outbox.refusal is not None or not outbox.letters:
        return report
    # The invite state, and anything the journal recovered, before the first message.
    journal = record_recovered(dataset, outbox)
    recorder = _Recorder(dataset, outbox.summit_id, journal)
    try:
        _send_each(outbox, relay, recorder, report, clock=clock, on_sent=on_sent)
    finally:
        recorder.close()
        journal.close()
    if recorder.error is not None:
        raise RecordFailed(recorder.error, report)
    journal.clear()
    return report


def record_recovered(dataset: Dataset, outbox: Outbox) -> Journal:
    """Save the summit as the outbox holds it (its invite state, and the messages the
    journal says went out before an interruption); the journal is then empty."""
    assert outbox.summit.invite is not None and outbox.journal_file is not None
    dataset.save_summit(outbox.summit_id, outbox.summit, merging=True)
    journal = Journal(outbox.journal_file, outbox.summit.invite.uid)
    journal.clear()
    return journal


class RecordFailed(Exception):
    """Messages went out but their record could not be written (the file changed, a full disk).

    `report` says what was sent; `error` is the storage layer's exception.
    The journal keeps them: the next `summit send` records them first.
    """

    def __init__(self, error: Exception, report: SendReport) -> None:
        super().__init__(str(error))
        self.error, self.report = error, report


def _send_each(
    outbox: Outbox,
    relay: Relay,
    recorder: _Recorder,
    report: SendReport,
    *,
    clock: Callable[[], datetime],
    on_sent: Callable[[Letter], None] | None,
) -> None:
    from summit.delivery.smtp import MessageRefused, RelayFailed  # noqa: PLC0415

    for index, letter in enumerate(outbox.letters):
        if recorder.error is not None:
            report.not_sent = outbox.letters[index:]
            return
        try:
            refused = relay.send(outbox.sender, letter.recipients, letter.message)
        except MessageRefused as error:
            report.failed.append(Failed(letter, str(error)))
            continue
        except RelayFailed as error:
            report.stopped = str(error)
            report.not_sent = outbox.letters[index:]
            return
        recorder.add(letter, clock().replace(microsecond=0), list(refused))
        report.sent.append(letter)
        if refused:
            report.refused_recipients[letter.organisation_id] = refused
        if on_sent is not None:
            on_sent(letter)


__all__ = [
    "Letter",
    "LetterKind",
    "Outbox",
    "RecordFailed",
    "SendReport",
    "Unsendable",
    "plan_outbox",
    "record_recovered",
    "send_outbox",
]
