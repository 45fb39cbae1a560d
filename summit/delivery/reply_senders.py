"""Who may send a reply by e-mail, and an e-mail whose calendar parts disagree.

Anyone can write an e-mail carrying a REPLY for someone else. An e-mailed
reply counts only when its sender (From, and Sender when someone sends "on
behalf of") is the replying attendee, or shares a mail domain with the
registered delegates of the attendee's organisation. Free webmail domains
are never shared: one gmail.com delegate does not vouch for all of Gmail.
A bare .ics file has no sender and is read as before.
"""

from dataclasses import dataclass
from email.utils import getaddresses

from summit.ical.replies import NotAReply, Reply, read_reply, shown
from summit.model import Register

_WEBMAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
    }
)


@dataclass(frozen=True, slots=True)
class Senders:
    """The addresses an e-mail names as its sender: From, and Sender if present."""

    addresses: tuple[str, ...]


def senders(from_header: str | None, sender_header: str | None) -> Senders:
    found = [
        address.strip().lower()
        for header in (from_header, sender_header)
        if header
        for _, address in getaddresses([header])
        if "@" in address
    ]
    return Senders(tuple(dict.fromkeys(found)))


def _domain(email: str) -> str:
    return email.rpartition("@")[2].lower()


def _organisation(register: Register, email: str) -> tuple[str, set[str]] | None:
    """The attendee's organisation's name and its delegates' (non-webmail) mail domains."""
    for organisation in register.organisations.values():
        emails = {str(d.email).lower() for d in organisation.delegates.values()}
        if email in emails:
            return organisation.name, {_domain(e) for e in emails} - _WEBMAIL
    return None


def untrusted_sender(reply: Reply, sent: Senders, register: Register) -> str | None:
    """Why the e-mail's sender may not speak for the replying attendee, or None."""
    if not sent.addresses:
        return f"the e-mail names no sender (From); a reply for {shown(reply.email)} is refused"
    found = _organisation(register, reply.email)
    name, domains = found if found else (shown(reply.email), set())
    for address in sent.addresses:
        if address != reply.email and _domain(address) not in domains:
            return (
                f"sent by {shown(address)}, not {name}'s delegate or domain: "
                f"the reply for {shown(reply.email)} is refused"
            )
    return None


def disagreement(calendars: list[bytes]) -> str | None:
    """Why several calendar parts of one e-mail cannot all be recorded, or None.

    Outlook sends the same reply inline and attached; parts that answer for
    different people, meetings or with different answers are refused together.
    """
    read: list[Reply] = []
    for data in calendars:
        try:
            read.append(read_reply(data))
        except NotAReply:
            continue  # the usual checks name what is wrong with it
    said = {(r.uid, r.email, r.reply, r.sequence, r.organizer) for r in read}
    if len(said) <= 1:
        return None
    people = sorted({r.email for r in read})
    if len(people) > 1:
        return f"its calendar parts reply for different people ({', '.join(map(shown, people))})"
    answers = sorted({str(r.reply) for r in read})
    if len(answers) > 1:
        return f"its calendar parts disagree ({' and '.join(answers)}): which is the answer?"
    return "its calendar parts answer different meetings or versions"
