"""The state of a summit's invitation as attendees last received it.

Calendar clients match an update to the meeting they hold by UID, and accept it
only if its SEQUENCE is not lower than the one they have. RFC 5545 §3.8.7.4
asks for SEQUENCE to go up when the organiser changes the start, end, place or
status, and only then, so we record what was last issued and compare.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from summit.model.invite_state import EventStatus, InviteState, Issued, what_changed
from summit.model.replies import ask_again, time_or_place_changed
from summit.model.schedule import total_minutes
from summit.model.summit import Summit, SummitStatus

DEFAULT_MINUTES = 60


def event_status(summit: Summit) -> EventStatus:
    if summit.status == SummitStatus.CANCELLED:
        return EventStatus.CANCELLED
    if summit.status == SummitStatus.DRAFT:
        return EventStatus.TENTATIVE
    return EventStatus.CONFIRMED


def event_end(summit: Summit) -> datetime:
    """The meeting's end in local time: the planned end, else the agenda's, else an hour."""
    if summit.end is not None:
        return summit.end
    minutes = total_minutes(summit) or DEFAULT_MINUTES
    return summit.start + timedelta(minutes=minutes)


def what_attendees_see(summit: Summit) -> Issued:
    return Issued(
        start=summit.start,
        end=event_end(summit),
        timezone=summit.timezone,
        venue=summit.venue,
        status=event_status(summit),
    )


def issue(summit: Summit, new_uid: Callable[[], str]) -> Summit:
    """The summit with its invite state brought up to date for sending.

    The first issue gets a UID and SEQUENCE 0; a change attendees must see
    raises SEQUENCE by one (and a new time or place asks everyone to answer
    again); otherwise the summit is returned unchanged.
    """
    now = what_attendees_see(summit)
    state = summit.invite
    if state is None:
        state = InviteState(uid=new_uid(), sequence=0, issued=now)
    elif state.issued.to_data() != now.to_data():
        if time_or_place_changed(state.issued, now):
            summit = ask_again(summit, state.sequence)
        changed = {**state.changed, str(state.sequence + 1): what_changed(state.issued, now)}
        state = InviteState(uid=state.uid, sequence=state.sequence + 1, issued=now, changed=changed)
    else:
        return summit
    return summit.model_copy(update={"invite": state})
