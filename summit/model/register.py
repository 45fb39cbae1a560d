"""The invitee register: organisations and the delegates who speak for them."""

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

from pydantic import Field, Strict

from summit.model.base import Record
from summit.model.text import Email, Line, Phone, Slug, Text


class Sector(StrEnum):
    SEARCH = "search"
    SOCIAL_MEDIA = "social-media"
    SOFTWARE = "software"
    ISP = "isp"
    MOBILE_OPERATOR = "mobile-operator"
    CHARITY = "charity"
    LAW_ENFORCEMENT = "law-enforcement"
    GOVERNMENT = "government"
    REGULATOR = "regulator"
    TRADE_BODY = "trade-body"
    ACADEMIC = "academic"
    OTHER = "other"


class PersonalData(Record):
    """Personal data the department holds only to run the day.

    Kept in its own table so that it is plain to see, easy to redact, and never
    copied into an invite or an e-mail.
    """

    access_needs: Text | None = None
    dietary_needs: Text | None = None


class Delegate(Record):
    name: Line = Field(description="The role holder's name as it should appear on an invite.")
    job_title: Line
    email: Email
    phone: Phone | None = None
    note: Text | None = Field(
        None, description="For the briefing pack's who's who: what the chair should know."
    )
    personal: PersonalData | None = None
    minister: bool = Field(
        False,
        description="A minister: the transparency return declares the meetings they convene "
        "(an official's meeting is not a minister's, whatever the job title says).",
    )


class Organisation(Record):
    name: Line
    sector: Annotated[Sector, Strict(False)]
    website: Line | None = None
    notes: Text | None = None
    delegates: dict[Slug, Delegate] = Field(default_factory=dict)


class Register(Record):
    """Everyone the department might invite, keyed by stable ids."""

    organisations: dict[Slug, Organisation] = Field(default_factory=dict)

    def find_delegate(self, delegate_id: str) -> tuple[str, Delegate] | None:
        """The organisation id and delegate for a delegate id, if registered."""
        for org_id, organisation in self.organisations.items():
            delegate = organisation.delegates.get(delegate_id)
            if delegate is not None:
                return org_id, delegate
        return None

    def delegate(self, delegate_id: str) -> Delegate | None:
        found = self.find_delegate(delegate_id)
        return found[1] if found else None

    def describe(self, ref: str) -> str:
        """A person or organisation id as people read it: `Name (Organisation)`."""
        found = self.find_delegate(ref)
        if found is not None:
            org_id, delegate = found
            return f"{delegate.name} ({self.organisations[org_id].name})"
        organisation = self.organisations.get(ref)
        return organisation.name if organisation is not None else ref

    def describer(self) -> Callable[[str], str]:
        """`describe` for many references: the delegates are indexed once, where `describe`
        searches every organisation each time (30,000 agenda leads: quadratic)."""
        index: dict[str, str] = {}
        for org_id, organisation in self.organisations.items():
            for delegate_id in organisation.delegates:
                index.setdefault(delegate_id, org_id)  # the first, as find_delegate finds

        def describe(ref: str) -> str:
            org_id = index.get(ref)
            if org_id is None:
                organisation = self.organisations.get(ref)
                return organisation.name if organisation is not None else ref
            organisation = self.organisations[org_id]
            return f"{organisation.delegates[ref].name} ({organisation.name})"

        return describe

    def with_organisation(self, org_id: str, organisation: Organisation | None) -> "Register":
        """This register with one organisation added, replaced or (None) removed.

        Only that organisation is validated, with its id: the others are shared, as
        records are replaced and never changed in place. Validating all of them again
        took seconds on a register of 100,000 delegates.
        """
        organisations = dict(self.organisations)
        if organisation is None:
            organisations.pop(org_id, None)
        else:
            one = Register.model_validate({"organisations": {org_id: organisation.to_data()}})
            organisations[org_id] = one.organisations[org_id]
        return self.model_copy(update={"organisations": organisations})

    def delegate_index(self) -> dict[str, str]:
        """Every delegate id mapped to its organisation id."""
        return {
            delegate_id: org_id
            for org_id, organisation in self.organisations.items()
            for delegate_id in organisation.delegates
        }
