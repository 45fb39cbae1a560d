"""IANA time zone names, validated against the tz database."""

import difflib
import zoneinfo
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, Strict

DEFAULT_TIMEZONE = "Europe/London"


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _zone(value: str) -> str:
    if value in _known_zones():
        return value
    close = difflib.get_close_matches(value, _known_zones(), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ValueError(f"unknown IANA time zone {value!r}{hint}")


TimeZoneName = Annotated[str, Strict(), AfterValidator(_zone)]
