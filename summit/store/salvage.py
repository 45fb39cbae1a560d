"""What can still be used of a register that does not validate.

One misspelt key in one delegate must not hide the other ten thousand: the
app shows the valid records (read-only until the file is fixed) and checks
summits against them, and a reference to a broken record is not reported
again, since the record's own error already is, where it is.
"""

from typing import Any

import tomli
from pydantic import ValidationError

from summit.model import Register

_PASSES = 3


def salvage_register(text: str) -> tuple[Register, frozenset[str]] | None:
    """The register without its invalid organisations and delegates, and their ids.

    None when the file does not parse, or its problems are not in records
    (the top level itself is wrong).
    """
    try:
        raw = tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError):
        return None
    broken: set[str] = set()
    for _ in range(_PASSES):
        try:
            return Register.model_validate(raw), frozenset(broken)
        except ValidationError as error:
            if not all(_prune(raw, detail["loc"], broken) for detail in error.errors()):
                return None
    return None


def _prune(raw: dict[str, Any], loc: tuple[int | str, ...], broken: set[str]) -> bool:
    """Remove the record an error is in; False if the error is not inside a record."""
    organisations = raw.get("organisations")
    if len(loc) < 2 or loc[0] != "organisations" or not isinstance(organisations, dict):
        return False
    org_id = str(loc[1])
    organisation = organisations.get(org_id)
    delegates = organisation.get("delegates") if isinstance(organisation, dict) else None
    if len(loc) >= 4 and loc[2] == "delegates" and isinstance(delegates, dict):
        delegates.pop(str(loc[3]), None)
        broken.add(str(loc[3]))
        return True
    organisations.pop(org_id, None)
    broken.add(org_id)
    if isinstance(delegates, dict):
        broken.update(str(key) for key in delegates)
    return True
