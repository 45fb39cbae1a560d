"""What an accepted message makes of an organisation's sent record (`[sent.<organisation>]`).

The record says what the organisation holds: the version (SEQUENCE, METHOD,
fingerprints), who the relay refused, and who holds the invitation (`to`), so
that a person uninvited later is sent a cancellation for their copy, once. Of
those, `not_withdrawn` names addresses sent no cancellation although they are no
one's now (see summit.delivery.withdrawals), so that the official is told once.
"""

from datetime import datetime

from summit.delivery.letter import Letter, LetterKind
from summit.model.sent import Sent, SentMethod


def _accepted(letter: Letter, refused: list[str]) -> set[str]:
    """The organisation's people the relay took it for."""
    sent_to = {address.lower() for address in letter.recipients}
    turned_away = {address.lower() for address in refused}
    return {
        person.addr_spec.lower()
        for person in letter.to
        if person.addr_spec.lower() in sent_to - turned_away
    }


def recorded(letter: Letter, prior: Sent | None, at: datetime, refused: list[str]) -> Sent:
    """The organisation's record once `letter` was accepted (refusing `refused`)."""
    if letter.kind is LetterKind.REMINDER:
        assert prior is not None  # only those holding the invitation are reminded
        return prior.model_copy(update={"reminded": at})
    accepted = _accepted(letter, refused)
    held = set(prior.to or []) - set(letter.handed_over) if prior is not None else set()
    if letter.withdraws:
        assert prior is not None  # only those holding an invitation are sent a withdrawal
        left = held - accepted
        if letter.whole and not left:
            # Nobody there holds it any more: they hold a cancellation, at its SEQUENCE.
            return prior.model_copy(
                update={
                    "to": [],
                    "method": SentMethod.CANCEL,
                    "sequence": letter.sequence,
                    "not_withdrawn": None,
                }
            )
        return prior.model_copy(
            update={"to": sorted(left), "not_withdrawn": _not_withdrawn(letter, prior, left)}
        )
    holders = held - accepted if letter.method is SentMethod.CANCEL else held | accepted
    return Sent(
        sequence=letter.sequence,
        method=letter.method,
        at=at,
        details=letter.details,
        agenda=letter.agenda,
        refused=sorted(refused) if refused else None,
        to=sorted(holders),
        not_withdrawn=_not_withdrawn(letter, prior, holders),
    )


def _not_withdrawn(letter: Letter, prior: Sent | None, holders: set[str]) -> list[str] | None:
    """The addresses left holding the invitation without a withdrawal, among `holders`."""
    earlier = set(prior.not_withdrawn or []) if prior is not None else set()
    kept = sorted((earlier | set(letter.not_withdrawn)) & holders)
    return kept or None
