"""Compact VTIMEZONE components that every client reads the same way.

icalendar's `add_missing_timezones()` writes long RDATE lists that ical.js and
vobject read an hour off in winter. Outlook and Google write one STANDARD and
one DAYLIGHT component, each with a yearly RRULE; so do we. The rule is derived
from the tz database itself: find the zone's transitions in the event's year,
describe each as "the nth (or last) weekday of a month at a local time", and
check that the description reproduces the tz database for years around the
event. Zones whose rules do not fit that shape get one component per
transition instead, which is always right for the years written.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_DAY_NAMES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CHECK_YEARS = 5


@dataclass(frozen=True, slots=True)
class Transition:
    """A change of UTC offset: the instant, and the offsets before and after."""

    at: datetime  # UTC
    before: timedelta
    after: timedelta
    name: str

    @property
    def starts_summer_time(self) -> bool:
        # Clients expect DAYLIGHT to be the larger offset, as Outlook and Google write it;
        # the tz database's own flag is inverted for Europe/Dublin.
        return self.after > self.before

    @property
    def local(self) -> datetime:
        """Wall-clock time of the change, as read on clocks before it (what DTSTART holds)."""
        return (self.at + self.before).replace(tzinfo=None)


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    return offset if offset is not None else timedelta(0)


def _refine(zone: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The first minute in (low, high] with high's offset (the offset changes once between)."""
    target = _offset(zone, high)
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        middle = middle.replace(second=0, microsecond=0)
        if middle <= low:
            break
        if _offset(zone, middle) == target:
            high = middle
        else:
            low = middle
    return high


@lru_cache(maxsize=256)
def transitions(zone: ZoneInfo, year: int) -> tuple[Transition, ...]:
    """Every offset change whose local time falls in a calendar year, in order."""
    found = []
    step = timedelta(hours=6)
    instant = datetime(year, 1, 1, tzinfo=UTC) - timedelta(days=1)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    previous = _offset(zone, instant)
    while instant < end:
        following = instant + step
        offset = _offset(zone, following)
        if offset != previous:
            at = _refine(zone, instant, following)
            if (at + previous).year == year:
                found.append(Transition(at, previous, offset, at.astimezone(zone).tzname() or ""))
            previous = offset
        instant = following
    return tuple(found)


def _nth_weekday(day: date) -> int:
    """1..4 counting from the start of the month, or -1 for the last such weekday."""
    if (day + timedelta(days=7)).month != day.month:
        return -1
    return (day.day - 1) // 7 + 1


def _rule(transition: Transition) -> str:
    local = transition.local
    nth = _nth_weekday(local.date())
    return f"FREQ=YEARLY;BYMONTH={local.month};BYDAY={nth}{_DAY_NAMES[local.weekday()]}"


def _occurs(rule_from: Transition, year: int) -> datetime:
    """The local time at which `rule_from`'s yearly rule falls in another year."""
    local = rule_from.local
    nth = _nth_weekday(local.date())
    first = date(year, local.month, 1)
    shift = (local.weekday() - first.weekday()) % 7
    day = first + timedelta(days=shift)
    if nth == -1:
        while (day + timedelta(days=7)).month == local.month:
            day += timedelta(days=7)
    else:
        day += timedelta(days=7 * (nth - 1))
    return datetime.combine(day, local.time())


def _rules_hold(zone: ZoneInfo, year: int, pair: tuple[Transition, ...]) -> bool:
    for other in range(year - _CHECK_YEARS, year + _CHECK_YEARS + 1):
        actual = transitions(zone, other)
        if len(actual) != len(pair):
            return False
        for rule_from, seen in zip(pair, actual, strict=True):
            same_offsets = (rule_from.before, rule_from.after) == (seen.before, seen.after)
            if not same_offsets or _occurs(rule_from, other) != seen.local:
                return False
    return True


def _component(
    transition: Transition, rule: str | None, since: datetime | None = None
) -> TimezoneStandard | TimezoneDaylight:
    part = TimezoneDaylight() if transition.starts_summer_time else TimezoneStandard()
    part.add("tzname", transition.name)
    part.add("tzoffsetfrom", transition.before)
    part.add("tzoffsetto", transition.after)
    part.add("dtstart", since or transition.local)
    if rule is not None:
        part["rrule"] = _parsed_rule(rule)
    return part


def _parsed_rule(rule: str) -> object:
    from icalendar.prop import vRecur  # noqa: PLC0415

    return vRecur.from_ical(rule)


def _fixed(zone: ZoneInfo, year: int) -> TimezoneStandard:
    instant = datetime(year, 1, 1, tzinfo=UTC)
    offset = _offset(zone, instant)
    part = TimezoneStandard()
    part.add("tzname", instant.astimezone(zone).tzname() or "")
    part.add("tzoffsetfrom", offset)
    part.add("tzoffsetto", offset)
    part.add("dtstart", datetime(1970, 1, 1))
    return part


def _in_force(zone: ZoneInfo, year: int) -> TimezoneStandard | TimezoneDaylight:
    """The offset in force as a year opens, so that no date in the years after is left out."""
    instant = datetime(year, 1, 1, tzinfo=UTC)
    offset = _offset(zone, instant)
    name = instant.astimezone(zone).tzname() or ""
    return _component(Transition(instant, offset, offset, name), None)


def _windows(first: int, last: int) -> list[range]:
    """The years to describe: around the first and the last date, not every year between.

    Clients look a VTIMEZONE up only at the event's own times, so a summit that
    runs from one year into a far later one needs its two ends described; this
    keeps the work (and the file) the same size however far apart they are.
    """
    if last - first <= _CHECK_YEARS:
        return [range(first - 1, last + 2)]
    return [range(first - 1, first + 2), range(last - 1, last + 2)]


def _fixed_offset(zone: ZoneInfo, windows: list[range]) -> bool:
    years = [year for window in windows for year in window]
    offsets = {_offset(zone, datetime(year, 1, 1, tzinfo=UTC)) for year in years}
    return len(offsets) == 1 and not any(transitions(zone, year) for year in years)


def _yearly_pair(zone: ZoneInfo, first: int, last: int) -> tuple[Transition, ...] | None:
    """The two changes of `first`, if one yearly rule each reproduces both ends' years."""
    pair = transitions(zone, first)
    if len(pair) != 2:  # into summer time and out of it
        return None
    if all(_rules_hold(zone, year, pair) for year in {first, last}):
        return pair
    return None


def _components(
    zone: ZoneInfo, first: int, last: int
) -> Iterator[TimezoneStandard | TimezoneDaylight]:
    windows = _windows(first, last)
    if _fixed_offset(zone, windows):
        yield _fixed(zone, first)
        return
    pair = _yearly_pair(zone, first, last)
    if pair is not None:
        # Start the rules a year early so that a date before this year's first change
        # (a January meeting) is covered too.
        for transition in pair:
            yield _component(transition, _rule(transition), _occurs(transition, first - 1))
        return
    # Irregular rules: the offset as each window opens, then each change within it.
    for window in windows:
        yield _in_force(zone, window[0])
        for year in window:
            for transition in transitions(zone, year):
                yield _component(transition, None)


def vtimezone(name: str, first: date, last: date | None = None) -> Timezone:
    """A VTIMEZONE for the zone, right at `first`, at `last` and around them."""
    zone = ZoneInfo(name)
    timezone = Timezone()
    timezone.add("tzid", name)
    for part in _components(zone, first.year, (last or first).year):
        timezone.add_component(part)
    return timezone
