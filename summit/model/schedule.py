"""Schedule arithmetic: when each agenda item starts and ends.

Times are computed in elapsed time (through UTC) so that an agenda running
across a clock change still adds up to the minutes it lists.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from summit.model.summit import AgendaItem, Summit


@dataclass(frozen=True, slots=True)
class Slot:
    """An agenda item placed in time (aware datetimes in the summit's zone)."""

    index: int
    item: AgendaItem
    start: datetime
    end: datetime


def localise(summit: Summit, moment: datetime) -> datetime:
    """A summit's local wall-clock time as an aware datetime."""
    return moment.replace(tzinfo=ZoneInfo(summit.timezone))


def _after(moment: datetime, minutes: int) -> datetime:
    zone = moment.tzinfo
    return (moment.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(zone)


def _slots(summit: Summit) -> Iterator[Slot]:
    start = localise(summit, summit.start)
    for index, item in enumerate(summit.agenda):
        end = _after(start, item.minutes)
        yield Slot(index, item, start, end)
        start = end


def schedule(summit: Summit) -> list[Slot]:
    """Every agenda item with its start and end, in agenda order."""
    return list(_slots(summit))


def agenda_end(summit: Summit) -> datetime:
    """When the agenda as written finishes."""
    return _after(localise(summit, summit.start), total_minutes(summit))


def meeting_end(summit: Summit) -> datetime:
    """When the meeting is over, in its zone: the planned end, else when the agenda as
    written finishes, else (nothing says) the end of its day."""
    if summit.end is not None:
        return localise(summit, summit.end)
    if summit.agenda:
        return agenda_end(summit)
    return localise(summit, datetime.combine(summit.start.date(), time.max))


def total_minutes(summit: Summit) -> int:
    return sum(item.minutes for item in summit.agenda)


def planned_end(summit: Summit) -> datetime | None:
    return None if summit.end is None else localise(summit, summit.end)


def overrun_minutes(summit: Summit) -> int:
    """Minutes by which the agenda runs past the planned end (0 when it fits)."""
    end = planned_end(summit)
    if end is None:
        return 0
    late = agenda_end(summit) - end
    return max(0, int(late.total_seconds() // 60))
