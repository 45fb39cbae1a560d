"""A follow-up summit started from an earlier one: its agenda and invitees, none of its record.

What happened at the earlier summit (who came, what was said and decided, the
actions and commitments, what was sent and answered) belongs to that meeting.
Copied, it would read as this one's: "Came: yes" for people not yet invited, last
year's decisions in the new note, a draft declared as held in the transparency
return. The earlier record stays reachable through `follows`.
"""

from datetime import date, datetime, timedelta
from typing import Any

from summit.model.summit import Rsvp, Summit

# "One year on", kept to the same weekday and time: 52 weeks, a day or two short of a year.
A_YEAR_ON = timedelta(weeks=52)
# The earlier meeting's own record, not a plan to copy.
_SUMMIT_RECORD = ("actions", "commitments", "invite", "sent", "status")
_ITEM_RECORD = ("summary", "decisions")
_INVITATION_RECORD = ("replied", "attended")


def proposed_start(earlier: datetime, today: date) -> datetime:
    """When a follow-up to a summit starting `earlier` is first proposed to start.

    A year on, on the same weekday and at the same time, as a yearly summit is held;
    if that is already past (copying an old summit), the same weekday and time in
    the first week after today, so the form never proposes a date gone by. The form
    lets either change.
    """
    year_on = earlier + A_YEAR_ON
    if year_on.date() > today:
        return year_on
    days_ahead = (earlier.weekday() - today.weekday() - 1) % 7 + 1  # 1 to 7: after today
    return datetime.combine(today + timedelta(days=days_ahead), earlier.timetz())


def follow_up_data(source: Summit, source_id: str, new_id: str, today: date) -> dict[str, Any]:
    """The new summit's data: the source's plan, every reply back to needs-action,
    dated as `proposed_start` says (the end moves with the start)."""
    data = source.to_data()
    for key in _SUMMIT_RECORD:
        data.pop(key, None)
    data.pop("reply_by", None)  # the earlier summit's deadline: the new one sets its own
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
    moved_by = proposed_start(source.start, today) - source.start
    for key in ("start", "end"):
        when = getattr(source, key)
        if when is not None:
            data[key] = when + moved_by
    return data
