"""Sending a summit: issue its invite, export .ics and e-mails, cancel it, record replies.

These workflows join the data files (through storage) with the invite
builders; the CLI and the TUI both call them and only present the result.
"""

import os
import stat
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from summit.ical.audience import audience
from summit.ical.invite import agenda_calendar, invite_calendar, sender_domain
from summit.ical.mail import Unsendable, invite_email, mailbox
from summit.ical.replies import (
    MAX_REPLY_BYTES,
    NotAReply,
    Reply,
    read_reply,
    same_address,
    shown,
)
from summit.model import Register, Replied, Rsvp, Summit, SummitStatus
from summit.model.invite import issue
from summit.model.invite_state import EventStatus
from summit.store import DataError, Dataset, Problem
from summit.store.outputs import write_together


@dataclass
class Exported:
    """What an export wrote, and the invite state it was written with."""

    paths: list[Path]
    uid: str
    sequence: int
    method: str
    sequence_raised: bool = False
    warnings: list[str] = field(default_factory=list)


def sending_warnings(summit: Summit) -> list[str]:
    """What an official should hear before sending this summit's invites."""
    warnings = []
    if summit.status is SummitStatus.DRAFT:
        warnings.append(
            "this summit is still a draft: once these invites are sent, set its status to invited"
        )
    if not invited_organisations(summit):
        warnings.append("nobody is invited yet: there is no one to send these to")
    return warnings


class ExportError(Exception):
    """An output could not be built as it must be; nothing was written."""


def _issue(dataset: Dataset, summit_id: str) -> tuple[Summit, Register, bool]:
    """The summit with its UID and SEQUENCE brought up to date, not yet saved.

    Returns it, the register, and whether SEQUENCE went up.
    """
    summit, register = dataset.valid_summit(summit_id)
    issued = issue(summit, lambda: f"{uuid.uuid4()}@{sender_domain(summit, register)}")
    assert issued.invite is not None
    before = summit.invite.sequence if summit.invite else None
    return issued, register, before is not None and issued.invite.sequence > before


def issued_summit(dataset: Dataset, summit_id: str) -> tuple[Summit, Register, bool]:
    """The summit ready to send (UID and SEQUENCE up to date, not saved), the register,
    and whether SEQUENCE went up. DataError when either file has errors."""
    return _issue(dataset, summit_id)


def issue_invite(dataset: Dataset, summit_id: str) -> tuple[Summit, bool]:
    """Bring the summit's UID and SEQUENCE up to date, saving them in its file.

    Returns the summit and whether SEQUENCE went up (a change attendees must see).
    """
    summit, _, raised = _issue(dataset, summit_id)
    dataset.save_summit(summit_id, summit, merging=True)
    return summit, raised


def _publish(
    dataset: Dataset, summit_id: str, summit: Summit, out: Path, files: dict[str, bytes]
) -> list[Path]:
    """Write the outputs and save the invite state they carry: all of it, or none.

    Every output is built before this is called; the summit file is saved only
    once every output is on disk beside its place, and they are moved into place
    only once it is saved.
    """
    return write_together(
        out, files, commit=lambda: dataset.save_summit(summit_id, summit, merging=True)
    )


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _exported(summit: Summit, paths: list[Path], raised: bool) -> Exported:
    assert summit.invite is not None
    method = "CANCEL" if summit.invite.issued.status == "CANCELLED" else "REQUEST"
    warnings = sending_warnings(summit)
    return Exported(paths, summit.invite.uid, summit.invite.sequence, method, raised, warnings)


def invited_organisations(summit: Summit) -> list[str]:
    return [org_id for org_id, invitation in summit.invitations.items() if invitation.rsvp]


def export_invites(
    dataset: Dataset,
    summit_id: str,
    out: Path,
    *,
    per_organisation: bool = False,
    now: datetime | None = None,
) -> Exported:
    """The meeting request (or cancellation): one file, or one per invited organisation."""
    summit, register, raised = _issue(dataset, summit_id)
    stamp = _now(now)
    if per_organisation:
        files = {
            f"{summit_id}-{org_id}.ics": invite_calendar(
                summit, register, now=stamp, only=org_id
            ).to_ical()
            for org_id in invited_organisations(summit)
        }
    else:
        files = {f"{summit_id}.ics": invite_calendar(summit, register, now=stamp).to_ical()}
    return _exported(summit, _publish(dataset, summit_id, summit, out, files), raised)


def export_agenda(
    dataset: Dataset, summit_id: str, out: Path, *, now: datetime | None = None
) -> Path:
    dataset.name_agenda_items(summit_id)  # each item's event keeps its UID when others move
    summit, register = dataset.valid_summit(summit_id)
    calendar = agenda_calendar(summit_id, summit, register, now=_now(now))
    return write_together(out, {f"{summit_id}-agenda.ics": calendar.to_ical()})[0]


def _email(summit: Summit, register: Register, org_id: str, now: datetime) -> bytes:
    organisation = register.organisations[org_id]
    recipients = [
        mailbox(organisation.delegates[d].name, organisation.delegates[d].email)
        for d in summit.invitations[org_id].rsvp
        if d in organisation.delegates
    ]
    calendar = invite_calendar(summit, register, now=now, only=org_id)
    readers = audience(summit, register, org_id)
    # Exported files are looked at before anything is sent: an invitation, unless the
    # organisation was sent one (its sent record), whatever the SEQUENCE.
    return invite_email(
        summit,
        register,
        calendar,
        recipients,
        now=now,
        audience=readers,
        sent_before=org_id in summit.sent,
    )


def export_emails(
    dataset: Dataset, summit_id: str, out: Path, *, now: datetime | None = None
) -> Exported:
    """One iMIP e-mail per invited organisation, to its invited delegates only."""
    summit, register, raised = _issue(dataset, summit_id)
    stamp = _now(now)
    files = {}
    for org_id in invited_organisations(summit):
        name = f"{summit_id}-{org_id}.eml"
        try:
            files[name] = _email(summit, register, org_id, stamp)
        except Unsendable as error:
            raise ExportError(f"{name}: {error}; nothing was written") from error
    return _exported(summit, _publish(dataset, summit_id, summit, out, files), raised)


def cancel_summit(dataset: Dataset, summit_id: str) -> Summit:
    """Mark the summit cancelled; the next export sends the cancellation."""
    summit, _ = dataset.valid_summit(summit_id)
    cancelled = summit.model_copy(deep=True)
    cancelled.status = SummitStatus.CANCELLED
    dataset.save_summit(summit_id, cancelled, merging=True)
    return cancelled


@dataclass(frozen=True, slots=True)
class ReplyChange:
    summit_id: str
    organisation_id: str
    delegate_id: str
    before: Rsvp
    after: Rsvp


@dataclass
class ReplyImport:
    changed: list[ReplyChange] = field(default_factory=list)
    """Every reply recorded (an answer repeated by a newer reply too: its stamp is kept)."""
    ignored: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Answer:
    """A reply that passed every check, and the invited delegate it is from."""

    path: Path
    reply: Reply
    summit_id: str
    organisation_id: str
    delegate_id: str

    @property
    def order(self) -> tuple[int, datetime]:
        return self.reply.sequence, self.reply.stamp


def _find_attendee(summit: Summit, register: Register, email: str) -> tuple[str, str] | None:
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations.get(org_id)
        for delegate_id in invitation.rsvp:
            person = organisation.delegates.get(delegate_id) if organisation else None
            if person is not None and same_address(person.email, email):
                return org_id, delegate_id
    return None


def _read_file(path: Path) -> bytes:
    """A reply file's bytes: regular files up to MAX_REPLY_BYTES only.

    Opened without blocking and checked on the open file, so a named pipe or
    a device is refused instead of waited on, and a huge file is never read.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotAReply("not a regular file: a reply is an .ics file", line=0)
        # Read one byte past the limit: a file that grew since fstat is caught too.
        data = b"" if info.st_size > MAX_REPLY_BYTES else file.read(MAX_REPLY_BYTES + 1)
    size = max(info.st_size, len(data))
    if size > MAX_REPLY_BYTES:
        message = f"{size:,} bytes, larger than {MAX_REPLY_BYTES:,}: not a calendar reply"
        raise NotAReply(message, line=0)
    return data


def _read_all(
    files: list[Path], result: ReplyImport, read: Sequence[tuple[Path, bytes]] = ()
) -> list[tuple[Path, Reply]]:
    """The replies in `files`, and in `read` (calendars already taken out of e-mails)."""
    replies: list[tuple[Path, Reply]] = []
    sources: list[tuple[Path, Callable[[], bytes]]] = [
        *((path, partial(_read_file, path)) for path in files),
        *((path, partial(_sized, data)) for path, data in read),
    ]
    for path, data in sources:
        try:
            replies.append((path, read_reply(data())))
        except OSError as error:
            result.problems.append(Problem(path, 0, 0, f"cannot read: {error.strerror}"))
        except NotAReply as error:
            column = 1 if error.line else 0
            result.problems.append(Problem(path, error.line, column, str(error), error.field))
    return replies


def _sized(data: bytes) -> bytes:
    if len(data) > MAX_REPLY_BYTES:
        message = f"{len(data):,} bytes, larger than {MAX_REPLY_BYTES:,}: not a calendar reply"
        raise NotAReply(message, line=0)
    return data


def _problem(path: Path, reply: Reply, name: str, message: str) -> Problem:
    return Problem(path, reply.lines.get(name, 1), 1, message, name)


def _answered_summit(
    path: Path, reply: Reply, summits: Mapping[str, Summit], register: Register
) -> str | Problem:
    """The summit whose invite the reply answers, or why it answers none of ours."""
    summit_id = next(
        (sid for sid, s in summits.items() if s.invite is not None and s.invite.uid == reply.uid),
        None,
    )
    if summit_id is None:
        message = (
            f"{shown(reply.uid)} is not the invite of any summit here: "
            "is it a reply to another summit?"
        )
        return _problem(path, reply, "UID", message)
    organiser = register.delegate(summits[summit_id].organiser)
    if organiser is None or not same_address(organiser.email, reply.organizer):
        expected = organiser.email if organiser else summits[summit_id].organiser
        message = f"{shown(reply.organizer)} is not the summit's organiser ({expected})"
        return _problem(path, reply, "ORGANIZER", message)
    return summit_id


def _not_now(summit_id: str, summit: Summit, reply: Reply) -> str | None:
    """Why a genuine reply is not recorded: a cancelled summit, or an earlier time answered."""
    assert summit.invite is not None
    cancelled = summit.invite.issued.status is EventStatus.CANCELLED
    if cancelled or summit.status == SummitStatus.CANCELLED:
        return f"{summit_id} is cancelled, so the reply of {reply.email} is not recorded"
    if reply.sequence < summit.invite.sequence:
        return (
            f"{reply.email} replied to SEQUENCE {reply.sequence}, older than "
            f"{summit.invite.sequence}: the time or place has changed since"
        )
    return None


def _check(
    path: Path,
    reply: Reply,
    summits: Mapping[str, Summit],
    register: Register,
    result: ReplyImport,
) -> _Answer | None:
    """The reply as an answer to record, or None with a problem or a note saying why not."""
    summit_id = _answered_summit(path, reply, summits, register)
    if isinstance(summit_id, Problem):
        result.problems.append(summit_id)
        return None
    summit = summits[summit_id]
    assert summit.invite is not None
    found = _find_attendee(summit, register, reply.email)
    if found is None and reply.delegated_from:
        # RFC 5546 §3.2.2.3: a delegate replies too. Only invited delegates' replies count.
        result.ignored.append(
            f"{path.name}: {shown(reply.email)} replied as the delegate of "
            f"{shown(', '.join(sorted(reply.delegated_from)))} but is not invited to "
            f"{summit_id}: invite them to record their reply"
        )
        return None
    if found is None:
        message = f"{shown(reply.email)} was never invited to {summit_id}; the reply is refused"
        result.problems.append(_problem(path, reply, "ATTENDEE", message))
        return None
    if reply.sequence > summit.invite.sequence:
        message = (
            f"the reply answers SEQUENCE {reply.sequence}, "
            f"but only {summit.invite.sequence} was issued"
        )
        result.problems.append(_problem(path, reply, "SEQUENCE", message))
        return None
    reason = _not_now(summit_id, summit, reply)
    if reason is not None:
        result.ignored.append(f"{path.name}: {reason}")
        return None
    return _Answer(path, reply, summit_id, *found)


def _newest(answers: list[_Answer], result: ReplyImport) -> list[_Answer]:
    """One answer per delegate and summit: the highest SEQUENCE, then the latest DTSTAMP."""
    best: dict[tuple[str, str], _Answer] = {}
    for answer in answers:
        key = (answer.summit_id, answer.delegate_id)
        kept = best.get(key)
        newer, older = (kept, answer) if kept and kept.order > answer.order else (answer, kept)
        if older is not None:
            result.ignored.append(f"{older.path.name}: superseded by {newer.path.name}")
        best[key] = newer
    return list(best.values())


def _stale(answer: _Answer, record: Replied | None) -> str | None:
    """Why a recorded reply stands against this one, if it does."""
    if record is None or record.stamp is None:
        return None  # nothing recorded, or an answer set by hand: a reply file replaces it
    recorded = (record.sequence, record.stamp)
    if answer.order == recorded and answer.reply.reply is record.reply:
        return "already recorded"
    if answer.order <= recorded:
        return f"older than the reply recorded from {record.stamp:%Y-%m-%d %H:%M} UTC"
    return None


def _apply(summit: Summit, answer: _Answer, result: ReplyImport) -> bool:
    invitation = summit.invitations[answer.organisation_id]
    reason = _stale(answer, invitation.replied.get(answer.delegate_id))
    if reason is not None:
        result.ignored.append(f"{answer.path.name}: {answer.reply.email} {reason}")
        return False
    before = invitation.rsvp[answer.delegate_id]
    reply = answer.reply
    invitation.rsvp[answer.delegate_id] = reply.reply
    invitation.replied[answer.delegate_id] = Replied(
        reply=reply.reply, sequence=reply.sequence, stamp=reply.stamp
    )
    result.changed.append(
        ReplyChange(
            answer.summit_id, answer.organisation_id, answer.delegate_id, before, reply.reply
        )
    )
    return True


def collect_replies(
    summits: Mapping[str, Summit],
    register: Register,
    files: list[Path],
    read: Sequence[tuple[Path, bytes]] = (),
) -> tuple[ReplyImport, dict[str, Summit]]:
    """Read reply files (and `read`: replies already read, by where they came from) and
    apply them to copies of the summits they answer.

    Returns what changed and the changed summits; with any problem, nothing is
    returned to apply. Callers save (the CLI) or keep them as edits (the TUI).
    """
    result = ReplyImport()
    answers = [
        answer
        for path, reply in _read_all(files, result, read)
        if (answer := _check(path, reply, summits, register, result)) is not None
    ]
    if result.problems:
        return result, {}
    updated: dict[str, Summit] = {}
    for answer in _newest(answers, result):
        summit = updated.get(answer.summit_id) or summits[answer.summit_id].model_copy(deep=True)
        if _apply(summit, answer, result):
            updated[answer.summit_id] = summit
    return result, updated


def import_replies(
    dataset: Dataset, files: list[Path], read: Sequence[tuple[Path, bytes]] = ()
) -> ReplyImport:
    """Record the replies in the summit files; if any file is wrong, nothing is written."""
    if dataset.register is None:
        raise DataError(dataset.errors)
    records = dataset.summit_records()
    result, updated = collect_replies(records, dataset.register.record, files, read)
    for summit_id, summit in updated.items():
        dataset.save_summit(summit_id, summit, merging=True)
    return result
