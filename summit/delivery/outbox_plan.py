"""Planning the outbox: which message each organisation needs now, and to whom.

Each invited organisation gets its own message, to its own invited delegates,
never one message to competitors together; the host department's invited
people get theirs, one copy each, which names everyone (summit.ical.audience).
What an organisation was last sent is recorded in the summit file
(`[sent.<organisation>]`), so that a plan holds only what changed since.
Nothing here sends or saves: summit.delivery.outbox_send does.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.headerregistry import Address
from pathlib import Path

from icalendar import Calendar

from summit.delivery.changed import asked_again_for, moved_lines
from summit.delivery.journal import Journal, journal_path
from summit.delivery.letter import Letter, LetterKind
from summit.delivery.withdrawals import Withdrawals, plan_withdrawals
from summit.ical.audience import Audience, audience, host_organisation
from summit.ical.invite import invite_calendar
from summit.ical.mail import Answered, invite_email, mailbox
from summit.model import Register, Rsvp, Summit, SummitStatus, dates
from summit.model.invite_state import EventStatus, InviteState
from summit.model.schedule import schedule
from summit.model.sent import Sent, SentMethod
from summit.store import Dataset
from summit.workflows.invitations import invited_organisations, issued_summit


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


def _details(calendar: Calendar, leaving_out: frozenset[str] = frozenset()) -> str:
    """A fingerprint of what the organisation reads, leaving out the stamp, replies and
    the attendees `leaving_out` (addresses in lower case).

    Replies change PARTSTAT in the next message but are no reason to send one.
    """
    event = calendar.walk("VEVENT")[0]
    names = ("SUMMARY", "DTSTART", "DTEND", "LOCATION", "DESCRIPTION", "STATUS", "CLASS")
    parts = [f"{name}:{event[name].to_ical()!r}" for name in names if name in event]
    attendees = event.get("ATTENDEE", [])
    people = attendees if isinstance(attendees, list) else [attendees]
    addresses = (str(person).lower() for person in people)
    parts += sorted(a for a in addresses if a.removeprefix("mailto:") not in leaving_out)
    return _digest(parts)


def _host_staff(summit: Summit, register: Register, org_id: str) -> frozenset[str]:
    """The host's invited people (the chair aside) that another organisation's copy lists.

    A change among them alone is no reason to send that organisation an update:
    its meeting is the same, and calendars send an added or removed attendee
    their own message, not everyone an update (Outlook's default, "send updates
    only to added or deleted attendees"; Google asks about new guests only). The
    copy they hold lists the host's people as they were until their next update.
    The chair stays counted: a new chair is news (and changes the description).
    """
    host = host_organisation(summit, register)
    if host is None or host == org_id or host not in summit.invitations:
        return frozenset()
    staff = [d for d in summit.invitations[host].rsvp if d != summit.convener]
    return frozenset(person.addr_spec.lower() for person in _people(register, host, staff))


def _as_written_now(sent: Sent | None, details: str, counting_everyone: str) -> Sent | None:
    """The record with today's fingerprint, when it was written counting the host's people
    (before they were left out) and describes the very copy the organisation would be
    sent now: no update goes for a fingerprint's change alone."""
    if sent is None or sent.details != counting_everyone:
        return sent
    return sent.model_copy(update={"details": details})


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
    details = _details(calendar, _host_staff(summit, register, org_id))
    agenda = _agenda(summit, readers)
    sent = _as_written_now(summit.sent.get(org_id), details, _details(calendar))
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
    message = invite_email(
        summit, register, calendar, to, now=now, audience=readers, changes=changes,
        sent_before=sent is not None, asked_again_for=again,
        answered=_answered(summit.invitations[org_id].rsvp.values()),
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
        tuple(changes or ()),
        message,
        details,
        agenda,
        only,
    )


def _answered(replies: Iterable[Rsvp]) -> Answered:
    """Whether an organisation's invited people have all answered, none or some."""
    waiting = [reply is Rsvp.NEEDS_ACTION for reply in replies]
    return "none" if all(waiting) else "some" if any(waiting) else "all"


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


def took_place(summit_id: str, summit: Summit) -> str | None:
    """`online-safety-summit took place on 20 January 2026`, or None while it is coming
    (a summit today is still coming: a late change may yet need to go out)."""
    if summit.start.date() >= dates.today():
        return None
    day = f"{summit.start:%-d %B %Y}"
    if summit.status is SummitStatus.CANCELLED:
        return f"{summit_id} was cancelled, and its day ({day}) has passed"
    return f"{summit_id} took place on {day}"


def _refusal(summit_id: str, summit: Summit, register: Register) -> str | None:
    past = took_place(summit_id, summit)
    if past is not None:
        # An invitation, update or cancellation for a meeting that has taken place
        # lands in diaries as a fresh request (or a cancellation nobody needs): it
        # only confuses the invitees. A wrong date is corrected first, then sent.
        return (
            f"{past}: invitations, updates and cancellations are not sent after the day "
            "(nothing was sent)"
        )
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
    withdrawn = plan_withdrawals(summit, register, stamp)
    outbox.letters[:0] = withdrawn.letters  # before any update to the same organisation
    outbox.letters = [_recording(letter, withdrawn) for letter in outbox.letters]
    outbox.notes += withdrawn.notes
    return outbox


def _recording(letter: Letter, withdrawn: Withdrawals) -> Letter:
    """The letter with the addresses of its organisation sent no withdrawal, for its
    record (a corrected address is then noted once, not at every send)."""
    if letter.organisation_id not in withdrawn.records:
        return letter
    kept, handed = withdrawn.records[letter.organisation_id]
    return replace(letter, not_withdrawn=kept, handed_over=handed)
