"""The invite state a summit file records: its UID, SEQUENCE and what was last issued."""

from enum import StrEnum
from typing import Annotated

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


class InviteState(Record):
    uid: Line = Field(description="The meeting's identity in every calendar; never changes.")
    sequence: int = Field(ge=0)
    issued: Issued
