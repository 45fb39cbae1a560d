"""Cancellations for people uninvited after they were sent the invitation.

An organisation's sent record names who holds the invitation (`to`). Anyone
there who is no longer invited (their organisation uninvited, or they alone)
is sent a CANCEL for their copy by the next `summit send`: one message per
organisation, to them alone. Once the relay accepts it they leave the record,
so it is never sent twice. Records written before summit kept `to` cannot say
who holds the invitation: for those, the official is told to tell them. No
CANCEL goes where the meeting may still be wanted (see `_Invited.sort_out`).
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
from summit.model.summit import SummitStatus
from summit.workflows.invitations import invited_organisations

Addresses = tuple[str, ...]


@dataclass
class Withdrawals:
    letters: list[Letter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    records: dict[str, tuple[Addresses, Addresses]] = field(default_factory=dict)
    """By organisation: addresses sent no withdrawal (not withdrawn, handed over), for
    its messages in this send to record (see `Letter.not_withdrawn`)."""


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
        message,
        sent.details,
        sent.agenda,
        withdraws=True,
        whole=whole,
    )


@dataclass(frozen=True, slots=True)
class _Invited:
    """Who the summit invites now, and who the register knows, by address."""

    organisations: frozenset[str]
    addresses: frozenset[str]
    known: frozenset[str]

    @classmethod
    def of(cls, summit: Summit, register: Register) -> "_Invited":
        invited = (_invited_addresses(summit, register, o) for o in summit.invitations)
        return cls(
            frozenset(invited_organisations(summit)),
            frozenset().union(*invited),
            frozenset(
                person.email.lower()
                for organisation in register.organisations.values()
                for person in organisation.delegates.values()
            ),
        )

    def sort_out(
        self, org_id: str, gone: list[str], new: list[str], sent: Sent, *, cancelled: bool
    ) -> tuple[list[str], Addresses, Addresses]:
        """The addresses no longer invited at `org_id`: (withdrawn, kept, handed over).

        A CANCEL carries the meeting's UID at a SEQUENCE above the invite's, so any
        calendar it reaches drops the meeting, whatever an update beside it says. So
        none goes where the meeting may still be wanted: to an address invited with
        another organisation (handed over to that one's record), nor to a corrected
        address, whose old and new addresses often reach one calendar (an alias,
        forwarding). An address is taken for corrected while its organisation is still
        invited, no one in the register has it now, and a new address of the
        organisation is being sent the invitation (`new`): no more of them than new
        ones. Someone uninvited, or removed from the register with no one new, is
        withdrawn; and once the summit is cancelled, everyone who holds it is.
        """
        handed = tuple(a for a in gone if a in self.addresses)
        if cancelled or org_id not in self.organisations:
            return [a for a in gone if a not in handed], (), handed
        unknown = [a for a in gone if a not in self.known and a not in handed]
        judged = [a for a in unknown if a in (sent.not_withdrawn or [])]
        fresh = [a for a in unknown if a not in judged][: len(new)]
        kept = (*judged, *fresh)
        return [a for a in gone if a not in (*handed, *kept)], kept, handed


def plan_withdrawals(summit: Summit, register: Register, now: datetime) -> Withdrawals:
    """A CANCEL per organisation for those of its people who hold the invitation but
    are no longer invited (unless the meeting may still be wanted there: see
    `_Invited.sort_out`, the official being told once); notes for older records that
    do not say who holds it."""
    found = Withdrawals()
    invited = _Invited.of(summit, register)
    for org_id, sent in summit.sent.items():
        if sent.to is None:
            if org_id not in invited.organisations and sent.method is SentMethod.REQUEST:
                found.notes.append(
                    f"{register.describe(org_id)} was sent the invitation but is no longer "
                    "invited, and that send did not record who received it: tell them yourself"
                )
            continue
        held_by_others = _invited_addresses(summit, register, org_id)
        gone = [address for address in sent.to if address not in held_by_others]
        new = sorted(held_by_others - set(sent.to))
        cancelled = summit.status is SummitStatus.CANCELLED
        withdrawn, kept, handed = invited.sort_out(org_id, gone, new, sent, cancelled=cancelled)
        if withdrawn:
            found.letters.append(_letter(summit, register, org_id, sent, withdrawn, now=now))
        found.notes += _kept_notes(register, org_id, [a for a in kept if a not in _kept(sent)])
        if handed or kept:
            found.records[org_id] = (kept, handed)
    return found


def _kept(sent: Sent) -> list[str]:
    return sent.not_withdrawn or []


def _kept_notes(register: Register, org_id: str, addresses: list[str]) -> list[str]:
    """Said once: the send that records them (`not_withdrawn`) does not say it again."""
    return [
        f"{register.describe(org_id)}: {address} holds the invitation but is no longer anyone's "
        "address in the register (was it corrected?): it is sent no withdrawal, which could "
        "reach the calendar the new address shares and take the meeting out of it. If it "
        "reaches someone else, tell them yourself"
        for address in addresses
    ]
