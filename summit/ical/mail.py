"""iMIP (RFC 6047): a meeting request as an e-mail that mail clients show with Accept/Decline.

The message is multipart/mixed holding a multipart/alternative (a readable
plain-text body, then the text/calendar part whose `method` parameter matches
the METHOD inside) and the same calendar attached as invite.ics, which is what
Outlook and Gmail send and what every client we know of accepts.

Each person is the email library's `Address`; From and To are written from
those, one mailbox a line, with any name that is not plain ASCII encoded as
RFC 2047 words. Every message is then read back with the library's parser
before it is returned: its From and To must name exactly the people meant.
"""

import email
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Literal

from icalendar import Calendar

from summit.ical.agenda_text import invite_text
from summit.ical.audience import Audience
from summit.ical.invite import sender_domain
from summit.model import Classification, Register, Summit, dates
from summit.model.sensitivity import shareable

# A header line the library has not folded itself is written as it is (see _set_raw).
_SMTP = policy.SMTP.clone(refold_source="none")
# RFC 6531: an address with a non-ASCII local part or domain needs an SMTPUTF8 message.
_SMTPUTF8 = policy.SMTPUTF8.clone(refold_source="none")
_ENCODED_WORD = "=?"
_SPACE = re.compile(r"\s+")


class Unsendable(ValueError):
    """A message whose headers would not read back as the people they were written for."""


def mailbox(name: str, address: str) -> Address:
    """A person as the email library's Address (which accepts internationalised addresses)."""
    local, _, domain = address.rpartition("@")
    return Address(display_name=name, username=local, domain=domain)


def _subject(summit: Summit, method: str, wording: "_Wording") -> str:
    when = f"{summit.start:%d %B %Y %H:%M}"
    changes, sent_before = wording.changes, wording.sent_before
    verb = (
        "Reminder"
        if wording.reminder
        else "Invitation withdrawn"
        if wording.withdrawn
        else "Cancelled"
        if method == "CANCEL"
        else "Updated"
        if changes is not None
        else "Updated invitation"
        if sent_before
        else "Invitation"
    )
    subject = f"{verb}: {summit.title} ({when})"
    if summit.classification is Classification.OFFICIAL_SENSITIVE:
        subject = f"{summit.classification}: {subject}"
    return subject


Answered = Literal["all", "none", "some"]

_NO_NEW_ANSWER: dict[Answered, str] = {
    "all": "Your reply stands: there is no need to answer again.",
    "none": "We have not had your reply yet: please reply{by} using your calendar's "
    "Accept, Tentative or Decline buttons.",
    "some": "A reply already given stands. If you have not replied yet, please reply{by} "
    "using your calendar's Accept, Tentative or Decline buttons.",
}


@dataclass(frozen=True, slots=True)
class _Wording:
    """What the reader holds: `changes` listed for an update, `sent_before` (an earlier
    version was sent to them), `asked_again_for` what moved ("the venue"), if anything."""

    changes: Sequence[str] | None = None
    sent_before: bool = False
    asked_again_for: str | None = None
    withdrawn: bool = False
    """A CANCEL to people no longer invited: the meeting itself goes ahead."""
    still_invited: str | None = None
    """With `withdrawn`, the organisation's name when it is still invited (at other
    addresses): the address may only have changed, so it is not told it is uninvited."""
    reminder: bool = False
    """The invitation they hold, again, to people who have not answered it."""
    answered: Answered = "all"
    """Whether the recipients have answered the invitation they hold: an update that
    asks for no new answer still asks those who have not given one."""


def _by(summit: Summit, today: date) -> str:
    """The words ' by Friday 8 January' when the summit asks for replies by a day to come.

    A day gone by is not named: a late reminder asks for a reply without a deadline."""
    day = summit.reply_by
    if day is None or day < today:
        return ""
    return f" by {day:%A} {day.day} {day:%B}" + (f" {day.year}" if day.year != today.year else "")


def _body(
    summit: Summit,
    register: Register,
    method: str,
    audience: Audience | None,
    wording: _Wording,
    *,
    today: date,
) -> str:
    by = _by(summit, today)
    if wording.reminder:
        opening = (
            f"A reminder: we have not had your reply to this invitation. Please reply{by} "
            "using your calendar's Accept, Tentative or Decline buttons."
        )
    elif wording.withdrawn and wording.still_invited:
        opening = (
            "This invitation is withdrawn from this address, which is no longer one that "
            f"{wording.still_invited} is invited at: this message takes it out of your "
            "calendar. If you expect to attend, please check with the organiser. "
            "There is no need to reply."
        )
    elif wording.withdrawn:
        opening = (
            "You are no longer invited to this meeting: this message takes the invitation "
            "you hold out of your calendar. There is no need to reply."
        )
    elif method == "CANCEL":
        opening = "This meeting has been cancelled."
    elif wording.changes is not None:
        listed = "".join(f"\n- {line}" for line in wording.changes)
        again = wording.asked_again_for
        opening = (
            "The details of this meeting have changed since the invitation you hold; the "
            f"version below replaces it.\n\nWhat changed:{listed}"
        ) + (
            f"\n\nAs {again} changed, please reply again{by} using your calendar's Accept, "
            "Tentative or Decline buttons."
            if again
            else "\n\n" + _NO_NEW_ANSWER[wording.answered].format(by=by)
        )
    elif wording.sent_before:
        opening = (
            "The details of this meeting have changed: the version below replaces the one "
            f"in your calendar. Please reply again{by} using your calendar's Accept, "
            "Tentative or Decline buttons."
        )
    else:
        opening = (
            f"You are invited to the meeting below. Please reply{by} using your calendar's "
            "Accept, Tentative or Decline buttons."
        )
    return f"{opening}\n\n{invite_text(summit, register, audience)}\n"


def _encoded(text: str, header: str | None = None) -> str:
    return Header(text, "utf-8", header_name=header).encode()


def _mailbox_text(person: Address) -> str:
    name = person.display_name
    if name.isascii() and _ENCODED_WORD not in name:
        return str(person)  # the library quotes a name with specials, such as "Reyes, Dan"
    return f"{_encoded(name)} <{person.addr_spec}>"


def _set_addresses(message: EmailMessage, header: str, people: Sequence[Address]) -> None:
    """The people as header text, one mailbox a line, any name beyond plain ASCII encoded.

    The library's own folder cannot be trusted with this on Python 3.11: it can
    fold the comma between two non-ASCII names into an encoded word, so that a
    reader sees one address where two were meant, and it writes a name such as
    "=?utf-8?q?x?=" unencoded, which every reader then decodes to "x".
    """
    _set_raw(message, header, ",\n ".join(_mailbox_text(person) for person in people))


def _set_text(message: EmailMessage, header: str, text: str) -> None:
    if _ENCODED_WORD in text:
        _set_raw(message, header, _encoded(text, header))
    else:
        message[header] = text


def _set_raw(message: EmailMessage, header: str, value: str) -> None:
    """Store a header already encoded and folded; `refold_source="none"` writes it as it is."""
    message.set_raw(header, value)


def _same(written: Sequence[Address], read: Sequence[Address]) -> bool:
    # Whitespace is left out of the comparison: Python's parser keeps the fold
    # between two encoded words of one long name, which RFC 2047 §6.2 drops.
    def key(people: Sequence[Address]) -> list[tuple[str, str]]:
        return [(_SPACE.sub("", p.display_name), p.addr_spec) for p in people]

    return key(written) == key(read)


def read_message(data: bytes) -> EmailMessage:
    """A message as a mail client reads it, with the email library's own parser."""
    if data.isascii():
        return email.message_from_bytes(data, policy=policy.default)
    # RFC 6532: an SMTPUTF8 message's headers are UTF-8, which the bytes parser
    # would leave as surrogate escapes.
    return email.message_from_string(data.decode("utf-8"), policy=policy.default)


def _header_section(data: bytes) -> bytes:
    """The headers and the blank line that ends them (CRLF, as on the wire; LF if so written)."""
    for blank in (b"\r\n\r\n", b"\n\n"):
        end = data.find(blank)
        if end >= 0:
            return data[: end + len(blank)]
    return data


def check_addresses(data: bytes, sender: Address | None, recipients: Sequence[Address]) -> None:
    """Raise Unsendable unless the message's From and To read back as written (and it
    has no Cc: nobody is copied, see summit.delivery.outbox_plan).

    Only the header section is parsed: the parts below cannot change who a
    relay or a client reads as the recipients, and parsing them was most of
    the time `summit send` took.
    """
    parsed = read_message(_header_section(data))
    for header, people in (
        ("From", [sender] if sender else []),
        ("To", recipients),
        ("Cc", []),
    ):
        value = parsed[header]
        read = list(getattr(value, "addresses", ()))
        if not _same(people, read):
            meant = ", ".join(p.addr_spec for p in people)
            raise Unsendable(
                f"the {header} header would reach {[p.addr_spec for p in read]} instead of {meant}"
            )


def _policy(people: Sequence[Address]) -> "policy.EmailPolicy[EmailMessage]":
    return _SMTP if all(p.addr_spec.isascii() for p in people) else _SMTPUTF8


def _message_id_domain(summit: Summit, register: Register) -> str:
    # A Message-ID is ASCII: an internationalised domain goes in as its A-label.
    domain = sender_domain(summit, register)
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return "summit.invalid"


def invite_email(
    summit: Summit,
    register: Register,
    calendar: Calendar,
    recipients: Sequence[Address],
    *,
    now: datetime,
    audience: Audience | None = None,
    changes: Sequence[str] | None = None,
    sent_before: bool = False,
    asked_again_for: str | None = None,
    withdrawn: bool = False,
    reminder: bool = False,
    answered: Answered = "all",
    still_invited: str | None = None,
) -> bytes:
    """One iMIP message to `recipients` carrying `calendar`, as bytes.

    The body names people as `audience` may read them (by default, everyone).
    `changes` (for an update sent by `summit send`) makes the subject `Updated:`
    and lists what changed, asking for new answers when `asked_again_for` names what moved
    ("the venue"). Without `changes`, it is an invitation unless `sent_before` (the
    organisation was sent an earlier version: see its sent record), whatever the
    SEQUENCE: the first message anyone receives is an invitation. `withdrawn` words a
    CANCEL to people no longer invited (the meeting goes ahead), `reminder` the same
    invitation to people who have not answered; `still_invited` names the organisation
    of a withdrawn address when it is still invited; `answered` says whether the
    recipients have answered (all, none or some). CRLF line ends, as on the wire.
    The calendar part is quoted-printable and the attachment base64, as
    Outlook and Google send them: iCalendar folds long lines after any character,
    so a line may end in a space, which relays are free to strip. Sensitive
    records are withheld from the body, as from the calendar.
    """
    summit = shareable(summit)
    method = str(calendar["method"])
    organiser = register.delegate(summit.organiser)
    sender = mailbox(organiser.name, organiser.email) if organiser else None
    chosen = _policy([*recipients, *([sender] if sender else [])])
    message = EmailMessage(policy=chosen)
    if sender is not None:
        _set_addresses(message, "From", [sender])
    _set_addresses(message, "To", recipients)
    wording = _Wording(
        changes=changes,
        sent_before=sent_before,
        asked_again_for=asked_again_for,
        withdrawn=withdrawn,
        still_invited=still_invited,
        reminder=reminder,
        answered=answered,
    )
    _set_text(message, "Subject", _subject(summit, method, wording))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=_message_id_domain(summit, register))
    # Whether the reply-by day is still to come: by the clock tests pin, as checks do.
    message.set_content(_body(summit, register, method, audience, wording, today=dates.today()))
    ics = calendar.to_ical()
    message.add_alternative(
        ics.decode("utf-8"),
        subtype="calendar",
        params={"method": method},
        cte="quoted-printable",
    )
    message.add_attachment(
        ics,
        maintype="application",
        subtype="ics",
        filename="invite.ics",
        params={"name": "invite.ics"},
    )
    data = message.as_bytes(policy=chosen)
    check_addresses(data, sender, recipients)
    return data
