"""The outbox: what each organisation needs to be sent now (outbox_plan), and sending
it through a relay with each message recorded as it is accepted (outbox_send)."""

from summit.delivery.letter import Letter, LetterKind
from summit.delivery.outbox_plan import Outbox, plan_outbox
from summit.delivery.outbox_send import (
    Failed,
    RecordFailed,
    Relay,
    SendReport,
    record_recovered,
    send_outbox,
)
from summit.ical.mail import Unsendable

__all__ = [
    "Failed",
    "Letter",
    "LetterKind",
    "Outbox",
    "RecordFailed",
    "Relay",
    "SendReport",
    "Unsendable",
    "plan_outbox",
    "record_recovered",
    "send_outbox",
]
