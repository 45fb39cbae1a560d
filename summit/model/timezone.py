"""IANA time zone names, validated against the tz database."""

import zoneinfo
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, Strict

from summit.model.suggest import did_you_mean

DEFAULT_TIMEZONE = "Europe/London"


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _zone(value: str) -> str:
    if value in _known_zones():
        return value
    raise ValueError(f"unknown IANA time zone {value!r}{did_you_mean(value, _known_zones())}")


TimeZoneName = Annotated[str, Strict(), AfterValidator(_zone)]
