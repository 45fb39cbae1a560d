"""The edits of a summit's invitees that the app's invitees tab and the CLI both make.

Each takes a summit and returns a changed copy, never changing its argument,
so that the caller can describe the change and save it (or not).
"""

from summit.model.people import Found
from summit.model.register import Register
from summit.model.summit import Invitation, Rsvp, Summit


def invited(summit: Summit, found: Found) -> list[str]:
    """The delegates `found` names who are invited (all of an organisation's)."""
    invitation = summit.invitations.get(found.org_id)
    if invitation is None:
        return []
    if found.delegate_id is None:
        return list(invitation.rsvp)
    return [found.delegate_id] if found.delegate_id in invitation.rsvp else []


def invite(summit: Summit, register: Register, found: Found) -> Summit:
    """Invite a delegate, or every delegate of an organisation; the invited stay as they are."""
    changed = summit.model_copy(deep=True)
    invitation = changed.invitations.setdefault(found.org_id, Invitation())
    people = register.organisations[found.org_id].delegates
    for person in [found.delegate_id] if found.delegate_id else people:
        invitation.rsvp.setdefault(person, Rsvp.NEEDS_ACTION)
    return changed


def uninvite(summit: Summit, found: Found) -> Summit:
    """Uninvite a delegate, or the organisation; it goes when nobody of it is left."""
    changed = summit.model_copy(deep=True)
    invitation = changed.invitations.get(found.org_id)
    if invitation is None:
        return changed
    if found.delegate_id:
        invitation.uninvite(found.delegate_id)
    if not found.delegate_id or not invitation.rsvp:
        del changed.invitations[found.org_id]
    return changed


def set_reply(summit: Summit, found: Found, reply: Rsvp) -> Summit:
    """Record the reply of an invited delegate (of every invited one of an organisation)."""
    changed = summit.model_copy(deep=True)
    for person in invited(summit, found):
        changed.invitations[found.org_id].rsvp[person] = reply
    return changed


def set_attended(summit: Summit, found: Found, came: bool | None) -> Summit:
    """Record whether invited delegates came; None forgets it."""
    changed = summit.model_copy(deep=True)
    attended = changed.invitations[found.org_id].attended if invited(summit, found) else {}
    for person in invited(summit, found):
        if came is None:
            attended.pop(person, None)
        else:
            attended[person] = came
    return changed
