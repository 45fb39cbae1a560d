"""Attendance is a record of a meeting that has started: recorded ahead of the day, it is
a mistake (or a copy of another meeting's), and it would declare a meeting not yet held;
recorded for a cancelled meeting, either the attendance or the cancellation is untrue."""

from collections.abc import Callable, Iterator
from datetime import date

from summit.model.severity import Severity
from summit.model.summit import Summit, SummitStatus
from summit.model.wording import counted


def organisations_that_came(summit: Summit) -> list[str]:
    """Ids of the organisations someone of which is recorded as having come."""
    return [o for o, invitation in summit.invitations.items() if any(invitation.attended.values())]


def attendance_ahead(
    summit: Summit, today: date, where: Callable[..., object]
) -> Iterator[tuple[Severity, object, str]]:
    """One warning, at the first attendance table, when attendance is recorded before the day."""
    if summit.start.date() <= today:
        return
    recorded = [org_id for org_id, invitation in summit.invitations.items() if invitation.attended]
    if recorded:
        yield (
            Severity.WARNING,
            where("invitations", recorded[0], "attended"),
            f"attendance recorded ({counted(len(recorded), 'organisation')}) for a meeting "
            f"that has not started (it is on {summit.start:%d %b %Y}): record who came after "
            "the day",
        )


def attendance_when_cancelled(
    summit: Summit, where: Callable[..., object]
) -> Iterator[tuple[Severity, object, str]]:
    """An error, at `status`, when a cancelled summit records that someone came: one of
    the two is untrue, and the transparency return, which leaves cancelled meetings
    out, is refused until it is settled."""
    if summit.status is not SummitStatus.CANCELLED:
        return
    came = organisations_that_came(summit)
    if came:
        yield (
            Severity.ERROR,
            where("status"),
            f"the summit is cancelled, but {counted(len(came), 'organisation')} came "
            "(attendance recorded): set the status to held if it took place, or remove "
            "the attendance if it did not",
        )
