"""Ids made from names, as a person would type them, unique where they are used.

`Internet Watch Foundation` becomes `internet-watch-foundation`, `Helen Marsh`
`helen-marsh`, `Café Société` `cafe-societe`; a second `Helen Marsh` is
`helen-marsh-2`. Letters outside ASCII are folded to their base letter, since
ids are typed in file names, TOML keys and command lines.
"""

import re
import unicodedata
from collections.abc import Collection

from summit.model.plain import SLUG_MAX

_NOT_ID = re.compile(r"[^a-z0-9]+")


def id_from_name(name: str, taken: Collection[str] = ()) -> str:
    """A valid id made from `name`, not in `taken`."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _NOT_ID.sub("-", folded.lower()).strip("-") or "unnamed"
    base = base[: SLUG_MAX - 4].rstrip("-")  # room for a "-999" suffix
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
