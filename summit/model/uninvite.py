"""What uninviting throws away: replies, attendance, and an invitation already sent.

Uninviting drops a delegate's reply and attendance records with them (they make
no sense without an invitation), and someone who already holds the invitation
is sent a cancellation by the next `summit send` (summit.delivery.withdrawals),
or, where an older record does not say who received it, must be told by hand.
Both are asked about before uninviting; with nothing to lose, it is done at once.
"""

from dataclasses import dataclass, field

from summit.model.register import Register
from summit.model.sent import SentMethod
from summit.model.summit import Rsvp, Summit
from summit.model.wording import counted


@dataclass(frozen=True)
class Loss:
    """What uninviting some of an organisation's delegates would lose."""

    who: str
    """The people or organisation uninvited, as people read it ("Google")."""
    replies: list[str] = field(default_factory=list)
    """Each reply other than needs-action ("accepted", or "tentative to an earlier time")."""
    attended: int = 0
    """How many of them have attendance recorded (came or not)."""
    sent: str | None = None
    """Who holds the invitation already sent, and since when; None when nobody does."""
    cancelled_by_send: bool = False
    """The sent record names who holds it, so the next `summit send` cancels their copy."""

    @property
    def anything(self) -> bool:
        return bool(self.replies or self.attended or self.sent)

    def describe(self) -> str:
        """What would be lost and what to do about it, in plain words; "" when nothing."""
        lost = []
        if self.replies:
            lost.append(
                f"{counted(len(self.replies), 'reply', 'replies')} ({', '.join(self.replies)})"
            )
        if self.attended:
            lost.append(f"attendance recorded for {counted(self.attended, 'person', 'people')}")
        lines = [f"{self.who}: {' and '.join(lost)} will be lost."] if lost else []
        if self.sent is not None and self.cancelled_by_send:
            lines.append(f"{self.sent}: the next summit send sends them a cancellation for it.")
        elif self.sent is not None:
            lines.append(
                f"{self.sent}: summit send sends only to invited people, so tell them yourself."
            )
        return "\n".join(lines)


def uninviting_loses(
    summit: Summit, register: Register, org_id: str, delegate_id: str | None = None
) -> Loss:
    """What uninviting one delegate (or, with None, the whole organisation) would lose."""
    invitation = summit.invitations.get(org_id)
    organisation = register.organisations.get(org_id)
    org_name = organisation.name if organisation is not None else org_id
    if delegate_id is None:
        who, holder, address = org_name, None, None
        people = list(invitation.rsvp) if invitation is not None else []
    else:
        person = organisation.delegates.get(delegate_id) if organisation is not None else None
        holder = person.name if person is not None else delegate_id
        address = person.email.lower() if person is not None else None
        who = f"{holder} ({org_name})"
        people = [delegate_id]
    if invitation is None:
        return Loss(who)
    replies = []
    for person_id in people:
        reply = invitation.rsvp.get(person_id)
        earlier = invitation.replied.get(person_id)
        if reply is not None and reply is not Rsvp.NEEDS_ACTION:
            replies.append(str(reply))
        elif earlier is not None:
            # Asked again after the time moved: the earlier answer is all there is.
            replies.append(f"{earlier.reply} to an earlier time")
    attended = sum(person_id in invitation.attended for person_id in people)
    sent = summit.sent.get(org_id)
    recorded = sent is not None and sent.to is not None
    held = _holds(summit, org_id, org_name, holder, address)
    return Loss(who, replies, attended, held, cancelled_by_send=recorded)


def _holds(
    summit: Summit, org_id: str, org_name: str, person: str | None, address: str | None
) -> str | None:
    """Who holds the invitation `summit send` sent the organisation, or None."""
    sent = summit.sent.get(org_id)
    if sent is None or sent.method is not SentMethod.REQUEST:
        return None  # never sent, or a cancellation last: nothing in their calendars
    day = f"{sent.at.day} {sent.at:%b %Y}"
    if sent.to is not None:
        # The record names who holds it: exactly them, or nobody.
        holders = sent.to if address is None else [a for a in sent.to if a == address]
        if not holders:
            return None
        if person is None:
            return f"{org_name} was sent the invitation on {day} and holds it in their calendars"
        return f"{person} ({org_name}) was sent the invitation on {day} and holds it"
    if person is None:
        return f"{org_name} was sent the invitation on {day} and holds it in their calendars"
    # The record is the organisation's: they may have been invited since it was sent.
    return f"{org_name} was sent the invitation on {day}, so {person} may hold it"
