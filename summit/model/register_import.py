"""A register brought up to date from a spreadsheet's rows (people sent as a list).

Each row is one delegate: `organisation`, `name`, `job_title`, `email` and
optionally `sector` and `phone`. An organisation is found by its id or name
(any case), else added; a delegate by e-mail address, else by name within the
organisation, else added with an id made from the name. Importing the same rows
again changes nothing. A bad row is named by its line and field; the caller
decides whether good rows go ahead without it.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from summit.model.naming import id_from_name
from summit.model.register import Delegate, Organisation, Register, Sector

COLUMNS = ("organisation", "name", "job_title", "email", "sector", "phone")
REQUIRED = ("organisation", "name", "job_title", "email")
ALIASES = {
    "e_mail": "email",
    "email_address": "email",
    "e_mail_address": "email",
    "organization": "organisation",
    "company": "organisation",
    "role": "job_title",
    "position": "job_title",
    "telephone": "phone",
    "phone_number": "phone",
    "business_phone": "phone",
}
"""Other headings people give these columns (as the spreadsheet reader writes them)."""


def column_for(heading: str) -> str:
    """The column a heading names: "E-mail" and "Email address" are `email`."""
    return ALIASES.get(heading, heading)


def missing_columns(headings: Iterable[str]) -> list[str]:
    """The required columns that no heading names."""
    named = {column_for(heading) for heading in headings}
    return [column for column in REQUIRED if column not in named]


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class BadRow:
    line: int
    field: str
    why: str


@dataclass
class Imported:
    register: Register
    added_organisations: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    defaulted_sector: list[str] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=dict)
    """For each updated delegate, what the row changed: `job title 'A' -> 'B'`."""

    @property
    def changed(self) -> bool:
        return bool(self.added_organisations or self.added or self.updated)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _find_organisation(register: Register, text: str) -> str | None:
    if text in register.organisations:
        return text
    wanted = _key(text)
    for org_id, organisation in register.organisations.items():
        if _key(organisation.name) == wanted:
            return org_id
    return None


def _find_delegate(
    organisation: Organisation, values: dict[str, str], added: Collection[str] = ()
) -> str | None:
    """The delegate a row names: by address, else by name (an address corrected), but
    never by name alone someone this file added: two rows of one name and two
    addresses are two people."""
    email, name = values["email"].casefold(), _key(values["name"])
    for delegate_id, delegate in organisation.delegates.items():
        if delegate.email.casefold() == email:
            return delegate_id
    for delegate_id, delegate in organisation.delegates.items():
        if _key(delegate.name) == name and delegate_id not in added:
            return delegate_id
    return None


def _bad_rows(row: Row, error: ValidationError) -> list[BadRow]:
    bad = []
    for problem in error.errors():
        where = str(problem["loc"][-1]) if problem["loc"] else "row"
        bad.append(BadRow(row.line, where, problem["msg"].removeprefix("Value error, ")))
    return bad


def _missing(row: Row) -> list[BadRow]:
    return [
        BadRow(row.line, column, "is empty")
        for column in REQUIRED
        if not row.values.get(column, "").strip()
    ]


def _delegate_fields(values: dict[str, str]) -> dict[str, str]:
    return {key: values[key] for key in ("name", "job_title", "email", "phone") if key in values}


class _Importer:
    def __init__(self, register: Register) -> None:
        self.result = Imported(register)
        self.seen: dict[tuple[str, str], Row] = {}
        """The file's rows so far, by organisation and address."""

    def _repeated(self, row: Row, values: dict[str, str]) -> BadRow | None:
        """A row for an address an earlier row of the file gave (in one organisation):
        skipped when it says the same; refused when it differs, since one would silently
        replace the other ("Lars Okonkwo" and "LARS Okonkwo", say)."""
        key = (_key(values["organisation"]), values["email"].casefold())
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = row
            return None
        before = {k: " ".join(v.split()) for k, v in earlier.values.items() if v}
        if _delegate_fields(before) == _delegate_fields(values):
            return BadRow(row.line, "", "")  # the same row again: nothing to do
        return BadRow(
            row.line,
            "email",
            f"line {earlier.line} gives this address too, differently: keep one row per person",
        )

    def row(self, row: Row) -> None:
        missing = _missing(row)
        if missing:
            self.result.bad.extend(missing)
            return
        values = {key: " ".join(value.split()) for key, value in row.values.items() if value}
        repeated = self._repeated(row, values)
        if repeated is not None:
            if repeated.why:
                self.result.bad.append(repeated)
            return
        # Each part is checked on its own, so that one look at the file finds every problem.
        bad: list[BadRow] = []
        try:
            Delegate.model_validate(_delegate_fields(values))
        except ValidationError as error:
            bad.extend(_bad_rows(row, error))
        try:
            org_id, organisation, new = self._organisation(values)
        except ValidationError as error:
            bad.extend(_bad_rows(row, error))
        if bad:
            self.result.bad.extend(bad)
            return
        self._delegate(org_id, organisation, values)
        if new:
            self.result.added_organisations.append(org_id)
            if "sector" not in values:
                self.result.defaulted_sector.append(org_id)

    def _taken(self) -> set[str]:
        """Ids in use: people and organisations share one namespace (a lead is either)."""
        register = self.result.register
        return {*register.organisations, *register.delegate_index()}

    def _organisation(self, values: dict[str, str]) -> tuple[str, Organisation, bool]:
        register = self.result.register
        org_id = _find_organisation(register, values["organisation"])
        if org_id is not None:
            return org_id, register.organisations[org_id], False
        org_id = id_from_name(values["organisation"], self._taken())
        sector = values.get("sector", "").lower().replace(" ", "-")
        organisation = Organisation.model_validate(
            {"name": values["organisation"], "sector": sector or Sector.OTHER}
        )
        return org_id, organisation, True

    def _delegate(self, org_id: str, organisation: Organisation, values: dict[str, str]) -> None:
        fields = {
            key: values[key] for key in ("name", "job_title", "email", "phone") if key in values
        }
        delegate_id = _find_delegate(organisation, values, set(self.result.added))
        if delegate_id is None:
            delegate_id = id_from_name(values["name"], self._taken() | {org_id})
            delegate = Delegate.model_validate(fields)
            self.result.added.append(delegate_id)
        else:
            old = organisation.delegates[delegate_id]
            if fields.get("email", "").lower() == old.email.lower():
                fields["email"] = old.email  # the same address: its case is not a change
            delegate = Delegate.model_validate({**old.to_data(), **fields})
            if delegate == old:
                self.result.unchanged += 1
                return
            self.result.updated.append(delegate_id)
            self.result.changes[delegate_id] = [
                f"{key.replace('_', ' ')} {getattr(old, key)!r} -> {getattr(delegate, key)!r}"
                for key in fields
                if getattr(old, key) != getattr(delegate, key)
            ]
        delegates = {**organisation.delegates, delegate_id: delegate}
        changed = organisation.model_copy(update={"delegates": delegates})
        self.result.register = self.result.register.with_organisation(org_id, changed)


def import_rows(register: Register, rows: Iterable[Row]) -> Imported:
    """The register with every good row applied, and what each row did."""
    importer = _Importer(register)
    for row in rows:
        importer.row(row)
    return importer.result
