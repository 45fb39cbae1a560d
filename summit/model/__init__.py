"""The domain core: pydantic models, schedule arithmetic and checks.

Nothing here reads or writes files, prints, or knows about Textual.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Loaded on first use (PEP 562): a submodule such as summit.model.plain is then
# importable without pydantic, which the app's first frame and `summit --version`
# must not wait for. Add a new export to both the TYPE_CHECKING imports and here.
_EXPORTS = {
    "Action": "summit.model.summit",
    "ActionStatus": "summit.model.summit",
    "AgendaItem": "summit.model.summit",
    "Attendance": "summit.model.summit",
    "Classification": "summit.model.summit",
    "Commitment": "summit.model.summit",
    "CommitmentStatus": "summit.model.summit",
    "Delegate": "summit.model.register",
    "Finding": "summit.model.checks",
    "Invitation": "summit.model.summit",
    "ItemKind": "summit.model.summit",
    "Organisation": "summit.model.register",
    "PersonalData": "summit.model.register",
    "Register": "summit.model.register",
    "Replied": "summit.model.summit",
    "Rsvp": "summit.model.summit",
    "Sector": "summit.model.register",
    "Severity": "summit.model.checks",
    "Slot": "summit.model.schedule",
    "Summit": "summit.model.summit",
    "SummitStatus": "summit.model.summit",
    "check_dataset": "summit.model.checks",
    "check_summit": "summit.model.checks",
    "schedule": "summit.model.schedule",
}

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


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value  # looked up once
    return value
