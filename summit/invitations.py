"""Sending a summit: issue its invite, export .ics and e-mails, cancel it, record replies.

These workflows join the data files (through storage) with the invite
builders; the CLI and the TUI both call them and only present the result.
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from summit.ical.audience import audience
from summit.ical.invite import agenda_calendar, invite_calendar, sender_domain
from summit.ical.mail import Unsendable, invite_email, mailbox
from summit.ical.replies import NotAReply, Reply, read_reply
from summit.model import Register, Rsvp, Summit, SummitStatus
from summit.model.invite import issue
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


def _summit(dataset: Dataset, summit_id: str) -> tuple[Summit, Register]:
    """The summit and the register, refusing when either file has errors."""
    doc = dataset.summit_document(summit_id)
    errors = [p for p in dataset.errors if p.path in (doc.path, dataset.register_path)]
    if errors or dataset.register is None:
        raise DataError(errors)
    return doc.record, dataset.register.record


class ExportError(Exception):
    """An output could not be built as it must be; nothing was written."""


def _issue(dataset: Dataset, summit_id: str) -> tuple[Summit, Register, bool]:
    """The summit with its UID and SEQUENCE brought up to date, not yet saved.

    Returns it, the register, and whether SEQUENCE went up.
    """
    summit, register = _summit(dataset, summit_id)
    issued = issue(summit, lambda: f"{uuid.uuid4()}@{sender_domain(summit, register)}")
    assert issued.invite is not None
    before = summit.invite.sequence if summit.invite else None
    return issued, register, before is not None and issued.invite.sequence > before


def issue_invite(dataset: Dataset, summit_id: str) -> tuple[Summit, bool]:
    """Bring the summit's UID and SEQUENCE up to date, saving them in its file.

    Returns the summit and whether SEQUENCE went up (a change attendees must see).
    """
    summit, _, raised = _issue(dataset, summit_id)
    dataset.save_summit(summit_id, summit)
    return summit, raised


def _publish(
    dataset: Dataset, summit_id: str, summit: Summit, out: Path, files: dict[str, bytes]
) -> list[Path]:
    """Write the outputs and save the invite state they carry: all of it, or none.

    Every output is built before this is called; the summit file is saved only
    once every output is on disk beside its place, and they are moved into place
    only once it is saved.
    """
    return write_together(out, files, commit=lambda: dataset.save_summit(summit_id, summit))


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _exported(summit: Summit, paths: list[Path], raised: bool) -> Exported:
    assert summit.invite is not None
    method = "CANCEL" if summit.invite.issued.status == "CANCELLED" else "REQUEST"
    return Exported(paths, summit.invite.uid, summit.invite.sequence, method, raised)


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
    summit, register = _summit(dataset, summit_id)
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
    return invite_email(summit, register, calendar, recipients, now=now, audience=readers)


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
    summit, _ = _summit(dataset, summit_id)
    cancelled = summit.model_copy(deep=True)
    cancelled.status = SummitStatus.CANCELLED
    dataset.save_summit(summit_id, cancelled)
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
    ignored: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _find_attendee(summit: Summit, register: Register, email: str) -> tuple[str, str] | None:
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations.get(org_id)
        for delegate_id in invitation.rsvp:
            person = organisation.delegates.get(delegate_id) if organisation else None
            if person is not None and person.email.lower() == email:
                return org_id, delegate_id
    return None


def _newest(replies: list[tuple[Path, Reply]]) -> list[tuple[Path, Reply]]:
    """One reply per attendee and meeting: the highest SEQUENCE, then the latest DTSTAMP."""
    best: dict[tuple[str, str], tuple[Path, Reply]] = {}
    floor = datetime.min.replace(tzinfo=UTC)
    for path, reply in replies:
        key = (reply.uid, reply.email)
        kept = best.get(key)
        order = (reply.sequence, reply.stamp or floor)
        if kept is None or order >= (kept[1].sequence, kept[1].stamp or floor):
            best[key] = (path, reply)
    return list(best.values())


def _read_all(files: list[Path], result: ReplyImport) -> list[tuple[Path, Reply]]:
    replies: list[tuple[Path, Reply]] = []
    for path in files:
        try:
            replies.extend((path, reply) for reply in read_reply(path.read_bytes()))
        except OSError as error:
            result.problems.append(Problem(path, 0, 0, f"cannot read: {error.strerror}"))
        except NotAReply as error:
            result.problems.append(Problem(path, 1, 1, str(error)))
    return replies


def collect_replies(
    summits: Mapping[str, Summit], register: Register, files: list[Path]
) -> tuple[ReplyImport, dict[str, Summit]]:
    """Read reply files and apply them to copies of the summits they answer.

    Returns what changed and the changed summits; with any problem, nothing is
    returned to apply. Callers save (the CLI) or keep them as edits (the TUI).
    """
    result = ReplyImport()
    by_uid = {s.invite.uid: sid for sid, s in summits.items() if s.invite is not None}
    updated: dict[str, Summit] = {}
    for path, reply in _newest(_read_all(files, result)):
        summit_id = by_uid.get(reply.uid)
        if summit_id is None:
            message = (
                f"UID {reply.uid} is not the invite of any summit here: "
                "is it a reply to another summit?"
            )
            result.problems.append(Problem(path, 1, 1, message))
            continue
        summit = updated.setdefault(summit_id, summits[summit_id].model_copy(deep=True))
        _apply_reply(summit_id, summit, register=register, path=path, reply=reply, result=result)
    if result.problems:
        result.changed.clear()
        return result, {}
    changed = {change.summit_id for change in result.changed}
    return result, {sid: summit for sid, summit in updated.items() if sid in changed}


def _apply_reply(
    summit_id: str,
    summit: Summit,
    *,
    register: Register,
    path: Path,
    reply: Reply,
    result: ReplyImport,
) -> None:
    assert summit.invite is not None
    found = _find_attendee(summit, register, reply.email)
    if found is None:
        result.problems.append(
            Problem(
                path, 1, 1, f"{reply.email} was never invited to {summit_id}; the reply is refused"
            )
        )
        return
    if reply.sequence < summit.invite.sequence:
        result.ignored.append(
            f"{path.name}: {reply.email} replied to SEQUENCE "
            f"{reply.sequence}, older than {summit.invite.sequence}"
        )
        return
    org_id, delegate_id = found
    before = summit.invitations[org_id].rsvp[delegate_id]
    if before != reply.reply:
        summit.invitations[org_id].rsvp[delegate_id] = reply.reply
        result.changed.append(ReplyChange(summit_id, org_id, delegate_id, before, reply.reply))


def import_replies(dataset: Dataset, files: list[Path]) -> ReplyImport:
    """Record the replies in the summit files; if any file is wrong, nothing is written."""
    if dataset.register is None:
        raise DataError(dataset.errors)
    result, updated = collect_replies(dataset.summit_records(), dataset.register.record, files)
    for summit_id, summit in updated.items():
        dataset.save_summit(summit_id, summit)
    return result
