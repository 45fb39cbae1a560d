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
    known = register.organisations.get(org_id)
    whole = org_id not in invited_organisations(summit)
    message = invite_email(
        summit, register, calendar, to, now=now,
        audience=audience(summit, register, org_id), withdrawn=True,
        still_invited=None if whole or known is None else known.name,
    )  # fmt: skip
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
        whole=whole,
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
            if org_id in invited:
                found.notes += _unknown_addresses(register, org_id, gone)
    return found


def _unknown_addresses(register: Register, org_id: str, gone: list[str]) -> list[str]:
    """Notes for withdrawn addresses that no one in the register has now: most likely
    a delegate's address was corrected, and the official should know before sending."""
    unknown = set(gone)
    for organisation in register.organisations.values():
        unknown.difference_update(d.email.lower() for d in organisation.delegates.values())
    return [
        f"{register.describe(org_id)}: {address} holds the invitation but is no longer anyone's "
        "address in the register (was it corrected?): it is sent a withdrawal, and the "
        "organisation's current addresses the invitation"
        for address in gone
        if address in unknown
    ]
