"""`summit remind`: the invitation they hold, again, to the delegates who have not answered.

One message per organisation, to those of its invited delegates whose answer
is needs-action (and tentative, if asked), never to anyone who answered. It
carries the very invitation they hold (same UID and SEQUENCE, METHOD:REQUEST),
so they can answer from their calendar. Only an organisation holding the
current version is reminded: one that needs an update is sent it by `summit
send` first. Each reminder is recorded in the organisation's sent record
(`reminded`), so a second run the same day reminds nobody twice.
"""

from datetime import UTC, datetime

from summit.delivery.journal import journal_path
from summit.delivery.letter import Letter, LetterKind
from summit.delivery.outbox_plan import Outbox, plan_outbox, took_place
from summit.ical.audience import audience
from summit.ical.invite import invite_calendar
from summit.ical.mail import invite_email, mailbox
from summit.model import Register, Rsvp, Summit
from summit.model.sent import Sent, SentMethod
from summit.store import Dataset
from summit.workflows.invitations import invited_organisations


def _waiting(
    summit: Summit, register: Register, org_id: str, sent: Sent, answers: set[Rsvp]
) -> list[tuple[str, str]]:
    """(name, address) of the organisation's delegates who hold it and have not answered."""
    organisation = register.organisations[org_id]
    people = []
    for delegate_id, reply in summit.invitations[org_id].rsvp.items():
        person = organisation.delegates.get(delegate_id)
        if person is None or reply not in answers:
            continue
        if sent.to is not None and person.email.lower() not in sent.to:
            continue  # never received it (refused, or invited since): summit send first
        people.append((person.name, person.email))
    return people


def _letter(
    summit: Summit,
    register: Register,
    org_id: str,
    sent: Sent,
    *,
    people: list[tuple[str, str]],
    now: datetime,
) -> Letter:
    assert summit.invite is not None
    to = [mailbox(name, address) for name, address in people]
    calendar = invite_calendar(summit, register, now=now, only=org_id)
    message = invite_email(
        summit, register, calendar, to, now=now,
        audience=audience(summit, register, org_id), sent_before=True, reminder=True,
    )  # fmt: skip
    return Letter(
        org_id,
        register.organisations[org_id].name,
        LetterKind.REMINDER,
        SentMethod.REQUEST,
        summit.invite.sequence,
        tuple(to),
        (),
        message,
        sent.details,
        sent.agenda,
    )


def plan_reminders(
    dataset: Dataset, summit_id: str, *, tentative: bool = False, now: datetime | None = None
) -> Outbox:
    """The reminders `summit remind` would send now; nothing is sent or saved.

    `notes` name who was reminded today already, and who must be sent the
    current version first; `refusal` says why nobody can be reminded at all.
    """
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    sending = plan_outbox(dataset, summit_id, now=stamp)
    box = Outbox(summit_id, sending.summit, sending.sender, raised=False)
    box.journal_file = journal_path(dataset.summit_document(summit_id).path)
    summit, register = sending.summit, dataset.valid_summit(summit_id)[1]
    past = took_place(summit_id, summit)
    if past is not None:
        # "We have not had your reply" about a meeting that has taken place would
        # only embarrass the department.
        box.refusal = f"{past}: there is nobody to remind"
        return box
    if sending.refusal is not None or sending.raised or sending.recovered:
        box.refusal = sending.refusal or f"{summit_id} changed since it was sent: summit send first"
        return box
    assert summit.invite is not None
    if summit.invite.issued.status == "CANCELLED":
        box.refusal = f"{summit_id} is cancelled: there is nobody to remind"
        return box
    answers = {Rsvp.NEEDS_ACTION, *([Rsvp.TENTATIVE] if tentative else [])}
    behind = {letter.organisation_id for letter in sending.letters}
    for org_id in invited_organisations(summit):
        sent = summit.sent.get(org_id)
        name = register.describe(org_id)
        if sent is None or sent.method is not SentMethod.REQUEST or org_id in behind:
            if _waiting(summit, register, org_id, sent or _NOBODY, answers):
                box.notes.append(f"{name} does not hold the current invitation: summit send first")
            continue
        people = _waiting(summit, register, org_id, sent, answers)
        if not people:
            continue
        if sent.reminded is not None and sent.reminded.date() == stamp.date():
            box.up_to_date.append(name)  # reminded today already
            continue
        box.letters.append(_letter(summit, register, org_id, sent, people=people, now=stamp))
    return box


_NOBODY = Sent(
    sequence=0, method=SentMethod.REQUEST, at=datetime(2000, 1, 1, tzinfo=UTC),
    details="-", agenda="-", to=None,
)  # fmt: skip
