"""Attendance is a record of a meeting that has started: recorded ahead of the day, it is
a mistake (or a copy of another meeting's), and it would declare a meeting not yet held."""

from collections.abc import Callable, Iterator
from datetime import date

from summit.model.severity import Severity
from summit.model.summit import Summit
from summit.model.wording import counted


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
