"""Local times that a clock change makes impossible or ambiguous, in words.

A summit's start is a local time in its time zone. On the day the clocks go
forward an hour of local times never happens, and on the day they go back an
hour happens twice; calendars then pick one, and attendees may arrive an hour
out. These say which time the invite will actually carry.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def _offset_name(moment: datetime) -> str:
    return moment.tzname() or moment.strftime("%z")


def clock_change_warning(local: datetime, zone_name: str) -> str | None:
    """A warning when `local` does not exist, or exists twice, in the zone; else None."""
    zone = ZoneInfo(zone_name)
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    when = f"{local:%H:%M} on {local:%Y-%m-%d}"
    # A round trip through UTC lands where a calendar puts a time that does not exist.
    landed = first.astimezone(UTC).astimezone(zone)
    if landed.replace(tzinfo=None) != local:
        return (
            f"{when} does not exist in {zone_name}: the clocks go forward then; "
            f"calendars will show {landed:%H:%M} {_offset_name(landed)}"
        )
    return (
        f"{when} happens twice in {zone_name}: the clocks go back then; the invite "
        f"carries the first, {_offset_name(first)} ({first:%z}), not the second "
        f"{_offset_name(second)}"
    )
