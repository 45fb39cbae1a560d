"""A series of summits: each may follow an earlier one (`follows`); papers read them together."""

from collections.abc import Iterator, Mapping

from summit.model.summit import Summit


def earlier(summit_id: str, summits: Mapping[str, Summit]) -> list[tuple[str, Summit]]:
    """The summits this one follows, newest first, stopping at a gap or a loop."""
    found: list[tuple[str, Summit]] = []
    seen = {summit_id}
    current = summits.get(summit_id)
    while current is not None and current.follows is not None and current.follows not in seen:
        seen.add(current.follows)
        previous = summits.get(current.follows)
        if previous is None:
            break
        found.append((current.follows, previous))
        current = previous
    return found


def follows_problem(summit_id: str, summits: Mapping[str, Summit]) -> str | None:
    """Why this summit's `follows` cannot be read as a series, or None when it can."""
    target = summits[summit_id].follows
    if target is None:
        return None
    if target == summit_id:
        return f"{summit_id!r} cannot follow itself"
    if target not in summits:
        return None  # said by the caller, who knows the close names and broken files
    chain = [summit_id, *_chain(target, summits, summit_id)]
    if chain[-1] == summit_id:
        return "follows makes a loop: " + " -> ".join(chain)
    return None


def _chain(start: str, summits: Mapping[str, Summit], stop: str) -> Iterator[str]:
    """Ids from `start` along `follows` until `stop` comes round again or the series ends."""
    seen: set[str] = set()
    current: str | None = start
    while current is not None and current in summits and current not in seen:
        yield current
        if current == stop:
            return
        seen.add(current)
        current = summits[current].follows
