"""The forms of each record: which fields, in which order, and the checks across records."""

from collections.abc import Callable, Collection, Iterable
from enum import StrEnum
from typing import Any

from summit.model import (
    ActionStatus,
    Classification,
    CommitmentStatus,
    ItemKind,
    Register,
    Sector,
    SummitStatus,
)
from summit.model.plain import is_slug
from summit.tui.screens.form import Field
from summit.tui.widgets.picker import organisation_words, register_choices

Check = Callable[[dict[str, Any]], dict[str, str]]


def _choices(kind: type[StrEnum]) -> list[tuple[str, str]]:
    return [(str(member), str(member)) for member in kind]


def new_id_check(taken: Iterable[str], what: str) -> Check:
    existing = set(taken)

    def check(values: dict[str, Any]) -> dict[str, str]:
        new_id = values.get("id")
        if not new_id:
            return {"id": "required"}
        if not is_slug(new_id):
            return {"id": "lower-case letters, digits and single hyphens, like 'google-uk'"}
        if new_id in existing:
            return {"id": f"there is already {what} {new_id!r}"}
        return {}

    return check


def reference_check(**fields: tuple[Iterable[str], str]) -> Check:
    """Each named field must hold one of the given ids (described as `what`)."""
    known = {name: (set(ids), what) for name, (ids, what) in fields.items()}

    def check(values: dict[str, Any]) -> dict[str, str]:
        errors = {}
        for name, (ids, what) in known.items():
            value = values.get(name)
            if value and value not in ids:
                errors[name] = f"no {what} {value!r} in the register"
        return errors

    return check


def both(*checks: Check | None) -> Check:
    def check(values: dict[str, Any]) -> dict[str, str]:
        errors: dict[str, str] = {}
        for one in checks:
            if one is not None:
                for name, message in one(values).items():
                    errors.setdefault(name, message)
        return errors

    return check


CLASSIFICATION_FIELD = Field(
    "classification",
    "Classification (OFFICIAL-SENSITIVE: never sent outside the department)",
    "choice",
    _choices(Classification),
)
"""A record's own marking; not set, the summit's applies."""


def id_field(example: str, proposed_from: str = "") -> Field:
    """A new record's id, with an example of the kind of record it names."""
    label = "Id (used in files; cannot be changed later)"
    if proposed_from:
        label = f"Id (made from the {proposed_from} as you type it; used in files; never changes)"
    placeholder = f"e.g. {example}"
    return Field("id", label, in_model=False, placeholder=placeholder, proposed_from=proposed_from)


def organisation_fields(new: bool) -> list[Field]:
    return [
        *([id_field("google", "name")] if new else []),
        Field("name", "Name"),
        Field("sector", "Sector", "choice", _choices(Sector)),
        Field("website", "Website"),
        Field("notes", "Notes", "multiline"),
    ]


def delegate_fields(new: bool) -> list[Field]:
    return [
        *([id_field("google-policy", "name")] if new else []),
        Field("name", "Name"),
        Field("job_title", "Job title"),
        Field("email", "E-mail"),
        Field("phone", "Phone"),
        Field(
            "access_needs", "Access needs (personal data: never sent in invites)", in_model=False
        ),
        Field(
            "dietary_needs", "Dietary needs (personal data: never sent in invites)", in_model=False
        ),
    ]


def person_field(name: str, label: str, register: Register) -> Field:
    """A delegate chosen by name, organisation or job title; the file keeps the id."""
    choices = register_choices(register)
    return Field(name, label, "ref", choices, refers_to="delegate", offer_add=True)


def organisation_field(
    name: str, label: str, register: Register, *, offer_add: bool = False
) -> Field:
    """An organisation chosen by its name or its people's; `offer_add`: or a person added."""
    choices = register_choices(register, delegates=False, organisations=True)
    words = organisation_words(register)
    return Field(
        name, label, "ref", choices, refers_to="organisation", words=words, offer_add=offer_add
    )


def agenda_item_fields(register: Register) -> list[Field]:
    leads = register_choices(register, organisations=True)
    return [
        Field("title", "Title"),
        Field("kind", "Kind", "choice", _choices(ItemKind)),
        Field("topic", "Topic"),
        Field(
            "lead",
            "Lead (a delegate or an organisation)",
            "ref",
            leads,
            refers_to="delegate or organisation",
            offer_add=True,
        ),
        Field("minutes", "Minutes", "int"),
        Field("objective", "Objective", "multiline"),
        Field("notes", "Notes", "multiline"),
        CLASSIFICATION_FIELD,
        Field("lines_to_take", "Lines to take (chair's briefing only)", "multiline"),
        Field("background", "Background (chair's briefing only)", "multiline"),
        Field("summary", "Summary, after the day: what was said", "multiline"),
        Field("decisions", "Decisions, after the day", "multiline"),
    ]


def lead_check(register: Register) -> Check:
    ids = [*register.delegate_index(), *register.organisations]
    return reference_check(lead=(ids, "delegate or organisation"))


def action_fields(register: Register) -> list[Field]:
    return [
        Field("text", "Action", "multiline"),
        organisation_field("owner", "Owner (organisation)", register, offer_add=True),
        Field("due", "Due", "date", placeholder="YYYY-MM-DD"),
        Field("status", "Status", "choice", _choices(ActionStatus)),
        CLASSIFICATION_FIELD,
    ]


def commitment_fields(register: Register) -> list[Field]:
    return [
        organisation_field("organisation", "Organisation", register),
        Field("text", "Commitment", "multiline"),
        Field("agreed", "Agreed on", "date", placeholder="YYYY-MM-DD"),
        Field("due", "Due", "date", placeholder="YYYY-MM-DD"),
        Field("status", "Status", "choice", _choices(CommitmentStatus)),
        CLASSIFICATION_FIELD,
    ]


def summit_fields(register: Register, new: bool, summits: Iterable[str] = ()) -> list[Field]:
    return [
        *([id_field("online-safety-summit")] if new else []),
        Field("title", "Title"),
        person_field("convener", "Convener (chairs the summit)", register),
        person_field("organiser", "Organiser who sends the invites", register),
        Field("start", "Start (local time)", "datetime", placeholder="YYYY-MM-DD HH:MM"),
        Field("end", "Planned end (local time)", "datetime", placeholder="YYYY-MM-DD HH:MM"),
        Field("reply_by", "Reply by (before the start)", "date", placeholder="YYYY-MM-DD"),
        Field("timezone", "Time zone", suggestions=["Europe/London"]),
        Field("venue", "Venue"),
        Field("status", "Status", "choice", _choices(SummitStatus)),
        Field("classification", "Classification", "choice", _choices(Classification)),
        Field("purpose", "Purpose", "multiline"),
        Field(
            "public_purpose",
            "Public purpose (what invites and published papers say; needed if OFFICIAL-SENSITIVE)",
            "multiline",
        ),
        Field(
            "follows", "Follows (the id of the summit this one follows up)", suggestions=[*summits]
        ),
    ]


def summit_check(
    register: Register, summits: Collection[str] | None = None, own: str | None = None
) -> Check:
    """References into the register; with `summits`, `follows` names another summit."""
    people = list(register.delegate_index())
    people_check = reference_check(convener=(people, "delegate"), organiser=(people, "delegate"))
    if summits is None:
        return people_check

    def follows_check(values: dict[str, Any]) -> dict[str, str]:
        follows = values.get("follows")
        if not follows:
            return {}
        if follows == (own or values.get("id")):
            return {"follows": "a summit cannot follow itself"}
        return {} if follows in summits else {"follows": f"no summit {follows!r}"}

    return both(people_check, follows_check)
