"""Cancellations for people uninvited after they were sent the invitation.

An organisation's sent record names who holds the invitation (`to`). Anyone
there who is no longer invited (their organisation uninvited, or they alone)
is sent a CANCEL for their copy by the next `summit send`: one message per
organisation, to them alone. Once the relay accepts it they leave the record,
so it is never sent twice. Records written before summit kept `to` cannot say
who holds the invitation: for those, the official is told to tell them.
"""

from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address

from summit.delivery.letter import Letter, LetterKind
from summit.ical.audience import audience
from summit.ical.mail import invite_email, mailbox
from summit.ical.withdrawal import withdrawal_calendar
from summit.model import Register, Summit
from summit.model.sent import Sent, SentMethod
from summit.workflows.invitations import invited_organisations


@dataclass
class Withdrawals:
    letters: list[Letter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _invited_addresses(summit: Summit, register: Register, org_id: str) -> set[str]:
    organisation = register.organisations.get(org_id)
    invitation = summit.invitations.get(org_id)
    if organisation is None or invitation is None:
        return set()
    return {
        organisation.delegates[d].email.lower()
        for d in invitation.rsvp
        if d in organisation.delegates
    }


def _person(register: Register, org_id: str, address: str) -> Address:
    organisation = register.organisations.get(org_id)
    people = organisation.delegates.values() if organisation is not None else []
    name = next((p.name for p in people if p.email.lower() == address), "")
    return mailbox(name, address)


def _letter(
    summit: Summit, register: Register, org_id: str, sent: Sent, gone: list[str], *, now: datetime
) -> Letter:
    assert summit.invite is not None
    # Above what they hold, so a calendar takes the cancellation as the newer version.
    sequence = max(summit.invite.sequence, sent.sequence) + 1
    to = [_person(register, org_id, address) for address in gone]
    calendar = withdrawal_calendar(
        summit, register, [(p.display_name, p.addr_spec) for p in to], sequence=sequence, now=now
    )
    message = invite_email(
        summit, register, calendar, to, now=now,
        audience=audience(summit, register, org_id), withdrawn=True,
    )  # fmt: skip
    known = register.organisations.get(org_id)
    return Letter(
        org_id,
        known.name if known else org_id,
        LetterKind.WITHDRAWAL,
        SentMethod.CANCEL,
        sequence,
        tuple(to),
        (),
        (),
        message,
        sent.details,
        sent.agenda,
        withdraws=True,
        whole=org_id not in invited_organisations(summit),
    )


def plan_withdrawals(summit: Summit, register: Register, now: datetime) -> Withdrawals:
    """A CANCEL per organisation for those of its people who hold the invitation but
    are no longer invited; notes for older records that do not say who holds it."""
    found = Withdrawals()
    invited = set(invited_organisations(summit))
    for org_id, sent in summit.sent.items():
        if sent.to is None:
            if org_id not in invited and sent.method is SentMethod.REQUEST:
                found.notes.append(
                    f"{register.describe(org_id)} was sent the invitation but is no longer "
                    "invited, and that send did not record who received it: tell them yourself"
                )
            continue
        held_by_others = _invited_addresses(summit, register, org_id)
        gone = [address for address in sent.to if address not in held_by_others]
        if gone:
            found.letters.append(_letter(summit, register, org_id, sent, gone, now=now))
    return found
