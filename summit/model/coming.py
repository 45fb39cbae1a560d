"""What is coming and what is past: summits in the order a person looks for them.

No pydantic here: the app's first frame orders the summit files' heads with it
before the model has loaded, so that the rows do not move once it has.
"""

from datetime import date, datetime


def coming_and_past(starts: dict[str, datetime], today: date) -> tuple[list[str], list[str]]:
    """Ids as a person looks for them: what is coming in date order, then what is
    past, most recent first. Starts are local times; a summit today counts as coming."""
    coming = sorted((start, key) for key, start in starts.items() if start.date() >= today)
    past = sorted(
        ((start, key) for key, start in starts.items() if start.date() < today), reverse=True
    )
    return [key for _, key in coming], [key for _, key in past]


def looking_order(starts: dict[str, datetime], today: date) -> list[str]:
    """The coming summits in date order, then the past ones, most recent first
    (`summit overview`'s order, without its rule between the two)."""
    coming, past = coming_and_past(starts, today)
    return [*coming, *past]
