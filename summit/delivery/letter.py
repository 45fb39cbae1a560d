"""One message of the outbox: for one organisation, built and ready to send."""

from dataclasses import dataclass
from email.headerregistry import Address
from enum import StrEnum

from summit.model.sent import SentMethod


class LetterKind(StrEnum):
    INVITATION = "new invitation"
    UPDATE = "update"
    CANCELLATION = "cancellation"
    WITHDRAWAL = "cancellation for the uninvited"
    REMINDER = "reminder"


@dataclass(frozen=True, slots=True)
class Letter:
    """One message for one organisation, built and ready to send."""

    organisation_id: str
    organisation: str
    kind: LetterKind
    method: SentMethod
    sequence: int
    to: tuple[Address, ...]
    changes: tuple[str, ...]
    message: bytes
    details: str
    agenda: str
    only: tuple[str, ...] = ()
    """A retry: only these recipients (refused last time) are sent the message."""
    withdraws: bool = False
    """A CANCEL to people uninvited since they were sent the invitation (see withdrawals)."""
    whole: bool = False
    """With `withdraws`: the whole organisation is uninvited."""
    not_withdrawn: tuple[str, ...] = ()
    """Addresses of the organisation that keep the invitation, sent no withdrawal (see
    withdrawals): recorded with this message, so that the official is told once."""
    handed_over: tuple[str, ...] = ()
    """Addresses that leave the organisation's record without a withdrawal: they are
    invited with another organisation now, whose record follows them."""

    @property
    def recipients(self) -> list[str]:
        everyone = [person.addr_spec for person in self.to]
        if not self.only:
            return everyone
        return [address for address in everyone if address.lower() in self.only]
