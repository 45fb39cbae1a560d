"""What each organisation was last sent: the record `summit send` keeps per organisation.

Calendars match a message to the meeting they hold by UID and SEQUENCE; a
sender must know what every organisation holds to send each one exactly what
has changed since, and nothing twice. The record travels with the summit file
through git, so a colleague sending the next update knows it too.
"""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, Strict, field_validator

from summit.model.base import Record
from summit.model.text import Line


class SentMethod(StrEnum):
    """The iTIP METHOD of the message sent (RFC 5546)."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


class Sent(Record):
    """The last message an organisation was sent, recorded as the relay accepted it."""

    sequence: int = Field(ge=0, description="The invite's SEQUENCE in that message.")
    method: Annotated[SentMethod, Strict(False)]
    at: datetime = Field(description="When the relay accepted it, in UTC.")
    details: Line = Field(
        description="A fingerprint of the details sent (title, times, description, attendees): "
        "a different one means the organisation holds an older version."
    )
    agenda: Line = Field(description="A fingerprint of the agenda sent.")
    refused: list[Line] | None = Field(
        default=None,
        description="Recipients the relay refused (the others got the message): the next "
        "send sends the same message to them alone. Absent when everyone got it.",
    )
    to: list[Line] | None = Field(
        default=None,
        description="The organisation's people who hold the invitation (the relay accepted "
        "it for them, and no cancellation since): uninviting one of them sends them a "
        "cancellation, unless the meeting may still be wanted there (they are invited with "
        "another organisation, or see `not_withdrawn`). Absent in records written before "
        "summit kept it.",
    )
    not_withdrawn: list[Line] | None = Field(
        default=None,
        description="Addresses in `to` that are no longer anyone's in the register while the "
        "organisation is still invited (a corrected address, most likely): they are sent no "
        "cancellation, which could reach the calendar the new address shares and take the "
        "meeting out of it; the official was told once. Absent when there are none.",
    )

    reminded: datetime | None = Field(
        default=None,
        description="When `summit remind` last reminded its people who had not answered, in UTC.",
    )

    @field_validator("at", "reminded")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("write the time in UTC, such as 2026-12-01T10:00:00Z")
        return value
