"""A follow-up summit started from an earlier one: its agenda and invitees, none of its record.

What happened at the earlier summit (who came, what was said and decided, the
actions and commitments, what was sent and answered) belongs to that meeting.
Copied, it would read as this one's: "Came: yes" for people not yet invited, last
year's decisions in the new note, a draft declared as held in the transparency
return. The earlier record stays reachable through `follows`.
"""

from datetime import timedelta
from typing import Any

from summit.model.summit import Rsvp, Summit

# Proposed: the same weekday and time, four weeks on (the form lets it change).
FOLLOW_UP_AFTER = timedelta(weeks=4)
# The earlier meeting's own record, not a plan to copy.
_SUMMIT_RECORD = ("actions", "commitments", "invite", "sent", "status")
_ITEM_RECORD = ("summary", "decisions")
_INVITATION_RECORD = ("replied", "attended")


def follow_up_data(source: Summit, source_id: str, new_id: str) -> dict[str, Any]:
    """The new summit's data: the source's plan, every reply back to needs-action."""
    data = source.to_data()
    for key in _SUMMIT_RECORD:
        data.pop(key, None)
    for item in data.get("agenda", []):
        for key in _ITEM_RECORD:
            item.pop(key, None)
    for invitation in data.get("invitations", {}).values():
        invitation["rsvp"] = dict.fromkeys(invitation.get("rsvp", {}), Rsvp.NEEDS_ACTION.value)
        for key in _INVITATION_RECORD:
            invitation.pop(key, None)
    data["title"] = f"Follow-up: {source.title}"[:200]
    data["follows"] = source_id
    data["id"] = new_id
    for key in ("start", "end"):
        when = getattr(source, key)
        if when is not None:
            data[key] = when + FOLLOW_UP_AFTER
    return data
