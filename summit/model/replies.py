"""Replies over time: which answer is current, and what becomes history when the time moves.

A reply answers one version of the invite (its SEQUENCE). When the time or
place changes, the answers given so far no longer answer the new invite: they
are kept as each delegate's `replied` record, and the delegate is asked again
(needs-action, RSVP=TRUE in the next invite). A change of status alone
(a draft confirmed, a summit cancelled) asks nobody again.
"""

from summit.model.invite_state import Issued
from summit.model.summit import Replied, Rsvp, Summit


def time_or_place_changed(before: Issued, after: Issued) -> bool:
    return (before.start, before.end, before.timezone, before.venue) != (
        after.start,
        after.end,
        after.timezone,
        after.venue,
    )


def ask_again(summit: Summit, answered: int) -> Summit:
    """The summit with every answer to SEQUENCE `answered` moved into history.

    An answer imported from a reply file keeps its record (and DTSTAMP); one
    set by hand gets a record without a stamp, as it was given for that time too.
    """
    updated = summit.model_copy(deep=True)
    for invitation in updated.invitations.values():
        for delegate_id, reply in invitation.rsvp.items():
            if reply is Rsvp.NEEDS_ACTION:
                continue
            record = invitation.replied.get(delegate_id)
            if record is None or (record.reply, record.sequence) != (reply, answered):
                invitation.replied[delegate_id] = Replied(reply=reply, sequence=answered)
            invitation.rsvp[delegate_id] = Rsvp.NEEDS_ACTION
    return updated


def earlier_answer(summit: Summit, org_id: str, delegate_id: str) -> Replied | None:
    """The answer a delegate gave to an earlier time, while they have not answered this one."""
    invitation = summit.invitations.get(org_id)
    if invitation is None or summit.invite is None:
        return None
    record = invitation.replied.get(delegate_id)
    current = invitation.rsvp.get(delegate_id)
    if record is None or current is not Rsvp.NEEDS_ACTION:
        return None
    return record if record.sequence < summit.invite.sequence else None


def awaiting_new_answer(summit: Summit) -> list[tuple[str, str, Replied]]:
    """Everyone who answered an earlier time but not this one: organisation, delegate, answer."""
    found = []
    for org_id, invitation in summit.invitations.items():
        for delegate_id in invitation.rsvp:
            record = earlier_answer(summit, org_id, delegate_id)
            if record is not None:
                found.append((org_id, delegate_id, record))
    return found
