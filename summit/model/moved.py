"""What moved between two issued versions of a meeting, in the words an invitee reads.

An update asks attendees to answer again only because the time or the venue
changed; it says which ("the venue changed"), not "the time or place".
"""

from summit.model.invite_state import Issued

_UNKNOWN = "the time or the venue"


def what_moved(was: Issued | None, now: Issued) -> str:
    """ "the venue", "the time", "the time and the venue"; when the version the reader holds
    is not known, "the time or the venue"; "the details" when neither moved."""
    if was is None:
        return _UNKNOWN
    parts = []
    if (was.start, was.end, was.timezone) != (now.start, now.end, now.timezone):
        parts.append("the time")
    if was.venue != now.venue:
        parts.append("the venue")
    return " and ".join(parts) or "the details"
