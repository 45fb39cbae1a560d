"""What an update tells an organisation that holds an earlier version: the lines saying what
changed, and what it is asked to answer again for (the venue, the time, or both)."""

from datetime import datetime

from summit.model import Summit
from summit.model.changes import describe_summit_changes
from summit.model.invite_state import InviteState, Issued
from summit.model.moved import what_moved
from summit.model.sent import Sent


def _held(before: InviteState | None, sent: Sent) -> Issued | None:
    """What the organisation holds, when the file still records it (the last issue)."""
    return before.issued if before is not None and before.sequence == sent.sequence else None


def moved_lines(summit: Summit, before: InviteState | None, sent: Sent) -> list[str]:
    """The new time or venue in plain English, when the organisation held the previous one."""
    assert summit.invite is not None
    now = summit.invite.issued
    was = _held(before, sent)
    if was is None:
        return [
            f"{what_moved(None, now)} changed since the version you hold: now "
            f"{now.start:%A %d %B %Y}, {now.start:%H:%M}–{now.end:%H:%M} ({now.timezone}), "
            f"at {now.venue}"
        ]

    def as_at(start: datetime, end: datetime, zone: str, venue: str) -> Summit:
        return summit.model_copy(
            update={
                "start": start,
                "end": end,
                "timezone": zone,
                "venue": venue,
                "agenda": [],
                "invite": None,
            }
        )

    return describe_summit_changes(
        as_at(was.start, was.end, was.timezone, was.venue),
        as_at(now.start, now.end, now.timezone, now.venue),
    )


def asked_again_for(summit: Summit, before: InviteState | None, sent: Sent) -> str | None:
    """What moved since the version the organisation holds ("the venue"), or None when its
    answers still stand (the same SEQUENCE: only the agenda or details changed)."""
    assert summit.invite is not None
    if sent.sequence >= summit.invite.sequence:
        return None
    return what_moved(_held(before, sent), summit.invite.issued)
