"""Sending a summit: issue its invite, export .ics and e-mails, cancel it, record replies.

These workflows join the data files (through storage) with the invite
builders; the CLI and the TUI both call them and only present the result.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from summit.ical.audience import audience
from summit.ical.invite import agenda_calendar, invite_calendar, sender_domain
from summit.ical.mail import Unsendable, invite_email, mailbox
from summit.model import Register, Summit, SummitStatus, dates
from summit.model.invite import issue
from summit.model.timing import cancel_refused, what_to_tell
from summit.store import Dataset
from summit.store.outputs import write_together
from summit.workflows.replies_import import (
    ReplyChange,
    ReplyImport,
    collect_replies,
    import_replies,
)


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


class CancelRefused(Exception):
    """The summit may not be cancelled (it took place, or its day has passed); nothing was
    written."""


@dataclass(frozen=True)
class Cancelled:
    summit: Summit
    already: bool
    """It was cancelled before: nothing was written."""
    next_step: str
    """What to do about telling the invitees, in words."""


def cancel_summit(dataset: Dataset, summit_id: str, *, today: date | None = None) -> Cancelled:
    """Mark the summit cancelled; the next send (or export) sends the cancellation.
    CancelRefused for a summit that took place or whose day has passed."""
    summit, _ = dataset.valid_summit(summit_id)
    today = today or dates.today()
    already = summit.status is SummitStatus.CANCELLED
    if not already:
        refused = cancel_refused(summit_id, summit, today)
        if refused is not None:
            raise CancelRefused(f"{refused}; nothing was changed")
        summit = summit.model_copy(deep=True)
        summit.status = SummitStatus.CANCELLED
        dataset.save_summit(summit_id, summit, merging=True)
    return Cancelled(summit, already, what_to_tell(summit_id, summit, today, already=already))


__all__ = ["ReplyChange", "ReplyImport", "collect_replies", "import_replies"]
