"""Recording replies: check each against the summits and the register, apply the good ones.

A refused reply never holds up the others: each is named with its reason,
and what passed is recorded (the caller reports both and exits 1).
"""

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from summit.ical.replies import (
    MAX_REPLY_BYTES,
    NotAReply,
    Reply,
    read_reply,
    same_address,
    shown,
)
from summit.model import Register, Replied, Rsvp, Summit, SummitStatus, dates
from summit.model.invite_state import EventStatus
from summit.model.timing import reply_too_late
from summit.store import DataError, Dataset, Problem


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
    notes: list[str] = field(default_factory=list)
    """How a reply was read where a client left something out (no DTSTAMP: ordered by...)."""


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
        return self.reply.sequence, self.reply.stamp or datetime.min.replace(tzinfo=UTC)


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


def _dated(path: Path, reply: Reply, dated: Mapping[Path, datetime], result: ReplyImport) -> Reply:
    """A reply without DTSTAMP ordered by its e-mail's Date, else the file's time (said so)."""
    if reply.stamp is not None:
        return reply
    when, source = dated.get(path), "the e-mail's Date"
    if when is None:
        with suppress(OSError):
            when = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        source = "the file's time"
    if when is None:
        return reply
    when = when.astimezone(UTC)
    result.notes.append(f"{path.name}: no DTSTAMP, ordered by {source} ({when:%Y-%m-%d %H:%M} UTC)")
    return replace(reply, stamp=when)


def _read_all(
    files: list[Path],
    result: ReplyImport,
    read: Sequence[tuple[Path, bytes]] = (),
    dated: Mapping[Path, datetime] | None = None,
) -> list[tuple[Path, Reply]]:
    """The replies in `files`, and in `read` (calendars already taken out of e-mails)."""
    replies: list[tuple[Path, Reply]] = []
    sources: list[tuple[Path, Callable[[], bytes]]] = [
        *((path, partial(_read_file, path)) for path in files),
        *((path, partial(_sized, data)) for path, data in read),
    ]
    for path, data in sources:
        try:
            replies.append((path, _dated(path, read_reply(data()), dated or {}, result)))
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
    # Exchange 2010 and Outlook leave ORGANIZER out: UID and the one ATTENDEE then decide.
    if reply.organizer is None:
        return summit_id
    if organiser is None or not same_address(organiser.email, reply.organizer):
        expected = organiser.email if organiser else summits[summit_id].organiser
        message = f"{shown(reply.organizer)} is not the summit's organiser ({expected})"
        return _problem(path, reply, "ORGANIZER", message)
    return summit_id


def _not_now(summit_id: str, summit: Summit, reply: Reply) -> str | None:
    """Why a genuine reply is not recorded: a cancelled summit, a meeting over before the
    reply was written, or an earlier time answered."""
    assert summit.invite is not None
    cancelled = summit.invite.issued.status is EventStatus.CANCELLED
    if cancelled or summit.status == SummitStatus.CANCELLED:
        return f"{summit_id} is cancelled, so the reply of {reply.email} is not recorded"
    late = reply_too_late(summit_id, summit, reply.stamp, dates.today())
    if late is not None:
        return f"the reply of {reply.email} is not recorded: it is {late}"
    if reply.sequence < summit.invite.sequence:
        return (
            f"{reply.email} replied to SEQUENCE {reply.sequence}, older than "
            f"{summit.invite.sequence}: {_changed_since(summit, reply.sequence)}"
        )
    return None


def _changed_since(summit: Summit, sequence: int) -> str:
    """What changed for attendees after `sequence`, as recorded when each was issued."""
    assert summit.invite is not None
    invite = summit.invite
    words: list[str] = []
    for later in range(sequence + 1, invite.sequence + 1):
        words += [w for w in invite.changed.get(str(later), []) if w not in words]
    if not words or any(
        str(n) not in invite.changed for n in range(sequence + 1, invite.sequence + 1)
    ):
        return "the time, place or status has changed since"
    named = " and ".join(f"the {word}" for word in words)
    return f"{named} {'has' if len(words) == 1 else 'have'} changed since"


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
        reply=reply.reply,
        sequence=reply.sequence,
        stamp=reply.stamp,
        comment=reply.comment,
        delegated_to=", ".join(sorted(reply.delegated_to)) or None,
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
    dated: Mapping[Path, datetime] | None = None,
) -> tuple[ReplyImport, dict[str, Summit]]:
    """Read reply files (and `read`: replies already read, by where they came from;
    `dated`: their e-mails' Date) and apply them to copies of the summits they answer.

    Returns what changed and the changed summits. A refused reply is a problem
    named with its file and reason; it never holds up the others, which are
    returned to apply. Callers save (the CLI) or keep them as edits (the TUI).
    """
    result = ReplyImport()
    answers = [
        answer
        for path, reply in _read_all(files, result, read, dated)
        if (answer := _check(path, reply, summits, register, result)) is not None
    ]
    updated: dict[str, Summit] = {}
    for answer in _newest(answers, result):
        summit = updated.get(answer.summit_id) or summits[answer.summit_id].model_copy(deep=True)
        if _apply(summit, answer, result):
            updated[answer.summit_id] = summit
    return result, updated


def import_replies(
    dataset: Dataset,
    files: list[Path],
    read: Sequence[tuple[Path, bytes]] = (),
    dated: Mapping[Path, datetime] | None = None,
) -> ReplyImport:
    """Record the good replies in the summit files; the refused ones are `problems`."""
    if dataset.register is None:
        raise DataError(dataset.errors)
    records = dataset.summit_records()
    result, updated = collect_replies(records, dataset.register.record, files, read, dated)
    for summit_id, summit in updated.items():
        dataset.save_summit(summit_id, summit, merging=True)
    return result
