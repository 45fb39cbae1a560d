"""Replies over time: which answer is current, and what becomes history when the time moves.

A reply answers one version of the invite (its SEQUENCE). When the time or
place changes, the answers given so far no longer answer the new invite: they
are kept as each delegate's `replied` record, and the delegate is asked again
(needs-action, RSVP=TRUE in the next invite). A change of status alone
(a draft confirmed, a summit cancelled) asks nobody again.
"""

from collections.abc import Iterator

from summit.model.invite_state import Issued
from summit.model.summit import Invitation, Replied, Rsvp, Summit


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


# What a change did to the replies (for the plain-English history, summit.model.changes).


def sequence_raised(old: Summit, new: Summit) -> bool:
    """An export raised SEQUENCE: every answer became a record and replies were reset."""
    return (
        old.invite is not None
        and new.invite is not None
        and old.invite.uid == new.invite.uid
        and new.invite.sequence > old.invite.sequence
    )


def count_asked_again(old: Summit, new: Summit) -> int:
    return sum(
        1
        for org_id, invitation in new.invitations.items()
        for delegate_id, reply in invitation.rsvp.items()
        if reply == Rsvp.NEEDS_ACTION
        and org_id in old.invitations
        and old.invitations[org_id].rsvp.get(delegate_id, Rsvp.NEEDS_ACTION) != reply
    )


def superseded_replies(old: Invitation, new: Invitation) -> Iterator[tuple[str, Replied]]:
    """Answers recorded and already put into history between the two versions.

    A reply imported and then asked again by a SEQUENCE raise in the same commit
    leaves `rsvp` needs-action on both sides: only its `replied` record shows it
    came. An answer `old` already showed is not new (asking again says enough).
    """
    for delegate_id, record in new.replied.items():
        current = new.rsvp.get(delegate_id)
        if (
            record != old.replied.get(delegate_id)
            and current is Rsvp.NEEDS_ACTION
            and record.reply != old.rsvp.get(delegate_id)
        ):
            yield delegate_id, record


def reply_note(invitation: Invitation, delegate_id: str) -> str:
    """What the delegate wrote with their current answer, and whom they delegated to.

    Empty when nothing was written, or when the record is of an earlier answer.
    """
    record = invitation.replied.get(delegate_id)
    if record is None or record.reply is not invitation.rsvp.get(delegate_id):
        return ""
    said = [f"to {record.delegated_to}"] if record.delegated_to else []
    if record.comment:
        said.append(f"“{record.comment}”")
    return " ".join(said)
