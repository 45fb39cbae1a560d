"""The domain core: pydantic models, schedule arithmetic and checks.

Nothing here reads or writes files, prints, or knows about Textual.
"""

from summit.model.checks import Finding, Severity, check_dataset, check_summit
from summit.model.register import Delegate, Organisation, PersonalData, Register, Sector
from summit.model.schedule import Slot, schedule
from summit.model.summit import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Classification,
    Commitment,
    CommitmentStatus,
    Invitation,
    ItemKind,
    Replied,
    Rsvp,
    Summit,
    SummitStatus,
)

__all__ = [
    "Action",
    "ActionStatus",
    "AgendaItem",
    "Attendance",
    "Classification",
    "Commitment",
    "CommitmentStatus",
    "Delegate",
    "Finding",
    "Invitation",
    "ItemKind",
    "Organisation",
    "PersonalData",
    "Register",
    "Replied",
    "Rsvp",
    "Sector",
    "Severity",
    "Slot",
    "Summit",
    "SummitStatus",
    "check_dataset",
    "check_summit",
    "schedule",
]
