"""What a summit's time allows: what is true of a meeting depends on whether it has happened.

What goes public (the transparency return, the press notice) is read from these
records, so each is refused when the meeting's time makes it untrue, for the
command line and the app alike: cancelling a meeting that took place (it would
leave the return), a calendar reply written after the meeting ended (its
acceptance would stand in for attendance), a reply to a cancelled summit, and
attendance before the day. Days are the computer's (`dates.today()`), as
everywhere else: a summit today is still coming.
"""

from datetime import UTC, date, datetime

from summit.model.attendance_checks import organisations_that_came
from summit.model.invite_state import EventStatus
from summit.model.schedule import meeting_end
from summit.model.sent import SentMethod
from summit.model.summit import Summit, SummitStatus
from summit.model.wording import counted


def _day(summit: Summit) -> str:
    return f"{summit.start:%-d %B %Y}"


_TOOK_PLACE = (
    "a meeting that took place is not cancelled: a cancelled one is left out of the "
    "transparency return"
)


def cancel_refused(summit_id: str, summit: Summit, today: date) -> str | None:
    """Why the summit may not be cancelled now, or None: it was held, someone is recorded
    as having come, or its day has passed (nobody is told of a cancellation after the day)."""
    attended = organisations_that_came(summit)
    if summit.status is SummitStatus.HELD:
        return f"{summit_id} is marked held (it took place on {_day(summit)}); {_TOOK_PLACE}"
    if attended:
        who = counted(len(attended), "organisation")
        return (
            f"{summit_id} took place on {_day(summit)}: who came is recorded ({who}); {_TOOK_PLACE}"
        )
    if summit.start.date() < today:
        # Refused too: it may have taken place with nothing recorded yet. Marking it
        # cancelled is then a deliberate edit of its file, never a slip of a command.
        return (
            f"the day of {summit_id} ({_day(summit)}) has passed; {_TOOK_PLACE}. If it did "
            f"not take place, set its status to cancelled in agendas/{summit_id}.toml"
        )
    return None


def cancellation_sent(summit: Summit) -> bool:
    """Whether every organisation that was sent the invitation has been sent its
    cancellation (at the SEQUENCE now issued, accepted for everyone)."""
    invite = summit.invite
    if invite is None or not summit.sent or invite.issued.status is not EventStatus.CANCELLED:
        return False
    return all(
        sent.method is SentMethod.CANCEL and sent.sequence >= invite.sequence and not sent.refused
        for sent in summit.sent.values()
    )


def what_to_tell(summit_id: str, summit: Summit, today: date, *, already: bool) -> str:
    """What to do about telling the invitees of a cancellation (`already`: the summit
    was cancelled before this cancel)."""
    done = f"{summit_id} was already cancelled" if already else f"{summit_id} is cancelled"
    if cancellation_sent(summit):
        return f"{done}, and its cancellation was sent: nothing more to do"
    if summit.invite is None and not summit.sent:
        return f"{done}; no invitation was sent or exported, so there is no cancellation to send"
    if summit.start.date() < today:
        return f"{done}; its day has passed, so no cancellation is sent now"
    return (
        f"{done}; run `summit send {summit_id}` to send the cancellation "
        f"(or `summit export ics {summit_id}` / `summit export eml`)"
    )


def reply_refused(summit_id: str, summit: Summit) -> str | None:
    """Why no reply is recorded for the summit, typed or imported: it is cancelled."""
    if summit.status is SummitStatus.CANCELLED:
        return f"{summit_id} is cancelled, so no reply is recorded for it"
    return None


def reply_too_late(
    summit_id: str, summit: Summit, stamp: datetime | None, today: date
) -> str | None:
    """Why a calendar reply dated after the meeting ended (or undated, and read after it
    ended) is not recorded: it no longer answers the invitation, and an acceptance
    recorded then would stand in for attendance in the transparency return."""
    end = meeting_end(summit)
    ended = f"after {summit_id} ended ({end:%-d %B %Y %H:%M} {end.tzname()})"
    if stamp is not None and stamp > end:
        when = f"dated {stamp.astimezone(UTC):%Y-%m-%d %H:%M} UTC, {ended}"
    elif stamp is None and today > end.date():
        when = f"undated, and read {ended}"
    else:
        return None
    return f"{when}: record who came with `summit attend` instead"


def attendance_refused(summit_id: str, summit: Summit, today: date) -> str | None:
    """Why who came may not be recorded now: the summit has not started (its day is to
    come), or it is cancelled. Recorded ahead, attendance would declare a meeting not yet
    held, and stand in for the replies in the papers of one still to come."""
    if summit.status is SummitStatus.CANCELLED:
        return f"{summit_id} is cancelled: nobody's attendance is recorded for it"
    if summit.start.date() > today:
        return (
            f"{summit_id} has not started (it is on {_day(summit)}): record who came on "
            "the day or after it"
        )
    return None
