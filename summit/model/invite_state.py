"""The invite state a summit file records: its UID, SEQUENCE and what was last issued."""

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, Strict

from summit.model.base import Record
from summit.model.dates import CalendarDateTime
from summit.model.text import Line
from summit.model.timezone import TimeZoneName


class EventStatus(StrEnum):
    """iCalendar's STATUS of a meeting."""

    TENTATIVE = "TENTATIVE"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


class Issued(Record):
    """What attendees last received; a difference from the summit now needs a new SEQUENCE."""

    start: CalendarDateTime
    end: CalendarDateTime
    timezone: TimeZoneName
    venue: Line
    status: Annotated[EventStatus, Strict(False)]


Changed = Literal["time", "place", "status"]


def what_changed(before: Issued, after: Issued) -> list[Changed]:
    """What attendees see changed between two issued versions of the meeting."""
    found: list[Changed] = []
    if (before.start, before.end, before.timezone) != (after.start, after.end, after.timezone):
        found.append("time")
    if before.venue != after.venue:
        found.append("place")
    if before.status != after.status:
        found.append("status")
    return found


class InviteState(Record):
    uid: Line = Field(description="The meeting's identity in every calendar; never changes.")
    sequence: int = Field(ge=0)
    issued: Issued
    changed: dict[Annotated[str, Field(pattern=r"^[0-9]+$")], list[Changed]] = Field(
        default_factory=dict,
        description="What each SEQUENCE changed for attendees, by SEQUENCE, so that a late "
        "reply to an earlier one is told what changed since.",
    )
