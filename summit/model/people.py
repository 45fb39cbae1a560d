"""People and organisations found by what a person types: an id, a name, part of one.

`summit invite online-safety-summit Google "Helen Marsh"` must find Google
and Helen Marsh without ids. A reference is, in this order: an id; a whole name
(any case, any spacing); or words that each begin a word of one person's name,
job title or organisation ("aisha", "mobile policy"). Two or more matches are
refused with the list, so that nobody is invited by a guess.
"""

from collections.abc import Callable
from dataclasses import dataclass

from summit.model.register import Register


@dataclass(frozen=True)
class Found:
    org_id: str
    delegate_id: str | None
    """None when the reference named the organisation itself."""


class NotFound(ValueError):
    """Nobody, or more than one, answers to a reference; the message says which."""


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def _candidates(register: Register) -> list[tuple[Found, str, str]]:
    """Every organisation and delegate, with its name and the text its words come from."""
    found: list[tuple[Found, str, str]] = []
    for org_id, organisation in register.organisations.items():
        found.append((Found(org_id, None), organisation.name, organisation.name))
        for delegate_id, person in organisation.delegates.items():
            text = f"{person.name} {person.job_title} {organisation.name}"
            found.append((Found(org_id, delegate_id), person.name, text))
    return found


def describe(register: Register, found: Found) -> str:
    ref = found.delegate_id or found.org_id
    return f"{register.describe(ref)} [{ref}]"


def _organisations_first(named: list[Found]) -> list[Found]:
    """Words that name an organisation also match its people (by their organisation):
    then the organisation is meant."""
    organisations = {f.org_id for f in named if f.delegate_id is None}
    if organisations and all(f.org_id in organisations for f in named):
        return [f for f in named if f.delegate_id is None]
    return named


def find(register: Register, reference: str, among: Callable[[Found], bool] | None = None) -> Found:
    """The one organisation or delegate `reference` names; NotFound otherwise. When it
    names several, `among` (the summit's invitees, say) may tell which one is meant."""
    if reference in register.organisations:
        return Found(reference, None)
    delegate = register.find_delegate(reference)
    if delegate is not None:
        return Found(delegate[0], reference)
    candidates = _candidates(register)
    wanted = " ".join(_words(reference))
    named = [f for f, name, _ in candidates if " ".join(_words(name)) == wanted]
    if not named:
        typed = _words(reference)
        named = [
            f
            for f, _, text in candidates
            if typed and all(any(w.startswith(t) for w in _words(text)) for t in typed)
        ]
    named = _organisations_first(named)
    if len(named) > 1 and among is not None:
        meant = [f for f in named if among(f)]
        named = meant if len(meant) == 1 else named
    if len(named) == 1:
        return named[0]
    if not named:
        raise NotFound(f"nobody in the register answers to {reference!r}")
    listed = "; ".join(describe(register, f) for f in named[:10])
    more = f" and {len(named) - 10} more" if len(named) > 10 else ""
    raise NotFound(f"{reference!r} could be any of: {listed}{more}; say which (an id will do)")
