"""One summit: when and where, who is invited, the agenda and what came of it."""

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import (
    Field,
    Strict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from summit.model.base import Record
from summit.model.dates import LATEST_MOMENT, CalendarDate, CalendarDateTime
from summit.model.foi import FOI_DESCRIPTION, FoiField
from summit.model.invite_state import InviteState
from summit.model.sent import Sent
from summit.model.text import Line, Remark, Slug, Statement, Text
from summit.model.timezone import DEFAULT_TIMEZONE, TimeZoneName

MAX_ITEM_MINUTES = 24 * 60


class SummitStatus(StrEnum):
    DRAFT = "draft"
    INVITED = "invited"
    CONFIRMED = "confirmed"
    HELD = "held"
    CANCELLED = "cancelled"


class Classification(StrEnum):
    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"


class Rsvp(StrEnum):
    """A delegate's reply, named as iCalendar's PARTSTAT names it."""

    NEEDS_ACTION = "needs-action"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    DELEGATED = "delegated"


class Attendance(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"


class ItemKind(StrEnum):
    SESSION = "session"
    BREAK = "break"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class CommitmentStatus(StrEnum):
    OPEN = "open"
    MET = "met"
    MISSED = "missed"
    WITHDRAWN = "withdrawn"


class Replied(Record):
    """A delegate's last answer and what it answered: kept when a new time needs a new one."""

    reply: Annotated[Rsvp, Strict(False)]
    sequence: int = Field(ge=0, description="The invite's SEQUENCE that the reply answered.")
    stamp: datetime | None = Field(
        None,
        description="The reply's DTSTAMP, in UTC; absent for a reply recorded by hand. "
        "An older reply never replaces a newer one.",
    )
    comment: Remark | None = Field(
        None,
        max_length=500,
        description="What the delegate wrote with the reply (COMMENT, or Google's "
        "X-RESPONSE-COMMENT).",
    )
    delegated_to: str | None = Field(
        None,
        description="Whom the delegate's reply delegated to (DELEGATED-TO), when delegated.",
    )

    @field_validator("stamp")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("write the stamp in UTC, such as 2026-12-01T10:00:00Z")
        return value


class Invitation(Record):
    """An invited organisation and the reply of each of its invited delegates."""

    attendance: Annotated[Attendance, Strict(False)] = Attendance.REQUIRED
    rsvp: dict[Slug, Annotated[Rsvp, Strict(False)]] = Field(default_factory=dict)
    replied: dict[Slug, Replied] = Field(
        default_factory=dict,
        description="Written by `summit rsvp import` and when the time or place changes: "
        "each delegate's last answer with the SEQUENCE it answered.",
    )
    attended: dict[Slug, bool] = Field(
        default_factory=dict,
        description="After the day: whether each invited delegate came (whatever they replied).",
    )

    @field_validator("replied")
    @classmethod
    def _replied_by_invitees(
        cls, value: dict[str, Replied], info: ValidationInfo
    ) -> dict[str, Replied]:
        if "rsvp" not in info.data:
            return value  # rsvp itself is wrong: that error says enough
        invited = info.data["rsvp"]
        for delegate_id in value:
            if delegate_id not in invited:
                raise ValueError(f"{delegate_id} has a reply record but is not in rsvp")
        return value

    @field_validator("attended")
    @classmethod
    def _attended_by_invitees(cls, value: dict[str, bool], info: ValidationInfo) -> dict[str, bool]:
        if "rsvp" not in info.data:
            return value
        invited = info.data["rsvp"]
        for delegate_id in value:
            if delegate_id not in invited:
                raise ValueError(
                    f"{delegate_id} is recorded as attending but is not invited (not in rsvp)"
                )
        return value

    def uninvite(self, delegate_id: str) -> None:
        """Drop a delegate with their reply and attendance records, no use without them."""
        self.rsvp.pop(delegate_id, None)
        self.replied.pop(delegate_id, None)
        self.attended.pop(delegate_id, None)


class AgendaItem(Record):
    id: Slug | None = Field(
        None,
        description="Written by summit so that merges and diffs can follow this item when it "
        "is moved or edited. Never needs typing; do not copy it to another item.",
    )
    title: Line
    kind: Annotated[ItemKind, Strict(False)] = ItemKind.SESSION
    topic: Line | None = None
    lead: Slug | None = Field(
        None, description="A delegate id, or an organisation id when the organisation leads."
    )
    minutes: int = Field(gt=0, le=MAX_ITEM_MINUTES)
    objective: Text | None = None
    notes: Text | None = None
    lines_to_take: Text | None = Field(
        None, description="For the chair's briefing pack only: what the chair says."
    )
    background: Text | None = Field(
        None, description="For the chair's briefing pack only: what the chair should know."
    )
    summary: Text | None = Field(None, description="After the day: what was said.")
    decisions: Text | None = Field(None, description="After the day: what was decided.")
    classification: Annotated[Classification, Strict(False)] | None = Field(
        None,
        description="OFFICIAL-SENSITIVE keeps this item (its lines, summary and decisions) "
        "out of everything that leaves the department; without it, the summit's applies.",
    )
    foi: FoiField = Field(None, description=FOI_DESCRIPTION)


class Action(Record):
    id: Slug | None = Field(
        None,
        description="Written by summit so that merges and diffs can follow this item when it "
        "is moved or edited. Never needs typing; do not copy it to another item.",
    )
    text: Statement
    owner: Slug = Field(description="The id of the organisation that owns the action.")
    due: CalendarDate | None = None
    status: Annotated[ActionStatus, Strict(False)] = ActionStatus.OPEN
    classification: Annotated[Classification, Strict(False)] | None = Field(
        None,
        description="OFFICIAL-SENSITIVE keeps this action out of everything that leaves "
        "the department; without it, the summit's applies.",
    )
    foi: FoiField = Field(None, description=FOI_DESCRIPTION)


class Commitment(Record):
    id: Slug | None = Field(
        None,
        description="Written by summit so that merges and diffs can follow this item when it "
        "is moved or edited. Never needs typing; do not copy it to another item.",
    )
    organisation: Slug
    text: Statement
    agreed: CalendarDate
    due: CalendarDate | None = None
    status: Annotated[CommitmentStatus, Strict(False)] = CommitmentStatus.OPEN
    classification: Annotated[Classification, Strict(False)] | None = Field(
        None,
        description="OFFICIAL-SENSITIVE keeps this commitment out of everything that leaves "
        "the department; without it, the summit's applies.",
    )
    foi: FoiField = Field(None, description=FOI_DESCRIPTION)


_Item = TypeVar("_Item", "AgendaItem", "Action", "Commitment")


def _local(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        raise ValueError(
            "write a local time without an offset, such as 2027-03-10T09:30:00; "
            "the summit's `timezone` says where it is"
        )
    return value


class Summit(Record):
    """A summit file. Its id is the file name, so it is not repeated inside."""

    title: Line
    convener: Slug = Field(
        description="The delegate id of the minister or official who chairs the summit."
    )
    organiser: Slug = Field(
        description="The delegate id of the host department's contact who sends the invites."
    )
    start: CalendarDateTime
    end: CalendarDateTime | None = Field(
        None, description="The planned end, in local time; the agenda is checked against it."
    )
    reply_by: CalendarDate | None = Field(
        None,
        description="The day by which invitees are asked to reply, before the start: "
        "the invitation and reminders name it.",
    )
    timezone: TimeZoneName = DEFAULT_TIMEZONE
    venue: Line
    status: Annotated[SummitStatus, Strict(False)] = SummitStatus.DRAFT
    classification: Annotated[Classification, Strict(False)] = Classification.OFFICIAL
    purpose: Text | None = None
    public_purpose: Text | None = Field(
        None,
        description="What readers outside the department are told the summit is for: "
        "required when the summit is OFFICIAL-SENSITIVE, whose purpose never leaves "
        "(invites, e-mails, calendars, the press notice and the transparency return carry this).",
    )
    reason: Text | None = Field(
        None,
        description="For the briefing pack: why the meeting is happening and who asked for it.",
    )
    handling: Text | None = Field(
        None,
        description="For the briefing pack: press handling and sensitivities around the day.",
    )
    foi: FoiField = Field(None, description=FOI_DESCRIPTION)
    follows: Slug | None = Field(
        None,
        description="The id of the summit this one follows up (set by the app's "
        "copy as follow-up), so that the series can be read together.",
    )
    invitations: dict[Slug, Invitation] = Field(default_factory=dict)
    agenda: list[AgendaItem] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    invite: InviteState | None = Field(
        None,
        description="Written by `summit export`: the UID and SEQUENCE attendees' calendars "
        "hold. Do not edit by hand.",
    )
    sent: dict[Slug, Sent] = Field(
        default_factory=dict,
        description="Written by `summit send`, message by message: what each organisation "
        "was last sent. Do not edit by hand.",
    )

    def rsvp_counts(self) -> dict[Rsvp, int]:
        """How many invited delegates gave each reply, every reply listed."""
        counts = dict.fromkeys(Rsvp, 0)
        for invitation in self.invitations.values():
            for reply in invitation.rsvp.values():
                counts[reply] += 1
        return counts

    @field_validator("agenda", "actions", "commitments")
    @classmethod
    def _unique_item_ids(cls, items: list[_Item]) -> list[_Item]:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id is None:
                continue
            if item.id in seen:
                raise ValueError(
                    f"items {seen[item.id] + 1} and {index + 1} have the same id {item.id!r}; "
                    "remove the id from the copy (summit gives it a new one)"
                )
            seen[item.id] = index
        return items

    @model_validator(mode="after")
    def _public_purpose_when_sensitive(self) -> "Summit":
        if self.classification is Classification.OFFICIAL_SENSITIVE and not self.public_purpose:
            # Reported at `classification`, the line that asks for it: the missing key has none.
            why = PydanticCustomError(
                "value_error",
                "an OFFICIAL-SENSITIVE summit needs a public_purpose: what invites, calendars "
                "and published papers say it is for, as its purpose never leaves the department",
            )
            error = InitErrorDetails(type=why, loc=("classification",), input=self.classification)
            raise ValidationError.from_exception_data(type(self).__name__, [error])
        return self

    @field_validator("start", "end")
    @classmethod
    def _local_times(cls, value: datetime | None) -> datetime | None:
        return _local(value)

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        start = info.data.get("start")
        if value is not None and isinstance(start, datetime) and value <= start:
            raise ValueError(f"the planned end {value:%Y-%m-%d %H:%M} is not after the start")
        return value

    @field_validator("reply_by")
    @classmethod
    def _reply_by_before_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if value is not None and isinstance(start, datetime) and value >= start.date():
            raise ValueError(
                f"the reply-by date {value.isoformat()} is not before the start "
                f"{start:%Y-%m-%d}: invitees are asked to reply before the day"
            )
        return value

    @field_validator("agenda")
    @classmethod
    def _agenda_in_range(cls, value: list[AgendaItem], info: ValidationInfo) -> list[AgendaItem]:
        # Schedule arithmetic adds every item's minutes to the start: keep the sum in range.
        start = info.data.get("start")
        minutes = sum(item.minutes for item in value)
        if isinstance(start, datetime) and timedelta(minutes=minutes) > LATEST_MOMENT - start:
            raise ValueError(
                f"the agenda's {minutes} minutes run past {LATEST_MOMENT:%Y-%m-%d}, "
                "the last day summit can schedule"
            )
        return value
