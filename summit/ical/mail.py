"""iMIP (RFC 6047): a meeting request as an e-mail that mail clients show with Accept/Decline.

The message is multipart/mixed holding a multipart/alternative (a readable
plain-text body, then the text/calendar part whose `method` parameter matches
the METHOD inside) and the same calendar attached as invite.ics, which is what
Outlook and Gmail send and what every client we know of accepts.
"""

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from icalendar import Calendar

from summit.ical.agenda_text import invite_text
from summit.ical.invite import sender_domain
from summit.model import Classification, Register, Summit


def _subject(summit: Summit, method: str) -> str:
    when = f"{summit.start:%d %B %Y %H:%M}"
    verb = "Cancelled" if method == "CANCEL" else "Invitation"
    subject = f"{verb}: {summit.title} ({when})"
    if summit.classification is Classification.OFFICIAL_SENSITIVE:
        subject = f"{summit.classification}: {subject}"
    return subject


def _body(summit: Summit, register: Register, method: str) -> str:
    opening = (
        "This meeting has been cancelled."
        if method == "CANCEL"
        else "You are invited to the meeting below. Please reply using your calendar's "
        "Accept, Tentative or Decline buttons."
    )
    return f"{opening}\n\n{invite_text(summit, register)}\n"


def invite_email(
    summit: Summit,
    register: Register,
    calendar: Calendar,
    recipients: list[tuple[str, str]],
    *,
    now: datetime,
) -> EmailMessage:
    """One iMIP message to `recipients` (name, address) carrying `calendar`."""
    method = str(calendar["method"])
    organiser = register.delegate(summit.organiser)
    sender = formataddr((organiser.name, organiser.email)) if organiser else ""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(formataddr(person) for person in recipients)
    message["Subject"] = _subject(summit, method)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=sender_domain(summit, register))
    message.set_content(_body(summit, register, method))
    ics = calendar.to_ical()
    message.add_alternative(ics.decode("utf-8"), subtype="calendar", params={"method": method})
    message.add_attachment(ics, maintype="application", subtype="ics", filename="invite.ics")
    return message
