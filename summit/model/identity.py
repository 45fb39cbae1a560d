"""Which item of a list is which, across two versions of a summit.

Agenda items, actions and commitments are ordered lists that people reorder,
insert into, retitle and delete from, on different clones at once. To merge
such lists, or to say in plain English what changed, each item of one version
must be paired with the same item in the other:

1. by `id`, which summit writes on items it creates (people never type it);
2. for items without an id (files written before ids, or by hand), by what
   the item is about: an agenda item's title, an action's text, a
   commitment's organisation and text, when that is unique on both sides;
3. what is left is paired in order when two items are about the same thing
   (two coffee breaks) or still share a field (a retitled agenda item keeps
   its lead and minutes).

Everything unpaired was removed (old side) or added (new side).
"""

import secrets
from collections import Counter
from collections.abc import Collection, Hashable, Sequence
from typing import TypeVar

from summit.model.summit import Action, AgendaItem, Commitment, Summit

Item = TypeVar("Item", AgendaItem, Action, Commitment)

Pair = tuple[int | None, int | None]
"""Index in the old list and index in the new list; None where the item is absent."""


def content_key(item: AgendaItem | Action | Commitment) -> Hashable:
    """What an item is about, for pairing items that carry no id."""
    if isinstance(item, AgendaItem):
        return _normal(item.title)
    if isinstance(item, Action):
        return _normal(item.text)
    return (item.organisation, _normal(item.text))


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def new_item_id(taken: Collection[str]) -> str:
    """A short id no item in `taken` has; random, so two clones never pick the same."""
    while True:
        candidate = secrets.token_hex(4)
        if candidate not in taken and not candidate.isdigit():
            return candidate


def agenda_with_ids(summit: Summit) -> Summit:
    """The summit with an id on every agenda item; the same object when all had one."""
    if all(item.id for item in summit.agenda):
        return summit
    taken = {item.id for item in summit.agenda if item.id}
    agenda = []
    for item in summit.agenda:
        named = item
        if not item.id:
            fresh = new_item_id(taken)
            named = item.model_copy(update={"id": fresh})
            taken.add(fresh)
        agenda.append(named)
    return summit.model_copy(update={"agenda": agenda})


def match_items(old: Sequence[Item], new: Sequence[Item]) -> list[Pair]:
    """Pairs of the same item in `old` and `new`: every index of each side exactly once.

    Returned in the new list's order, then the removed items in the old order.
    """
    paired: dict[int, int] = {}  # new index -> old index
    _pair_by_id(old, new, paired)
    _pair_by_content(old, new, paired)
    _pair_leftovers_in_order(old, new, paired)
    used = set(paired.values())
    pairs: list[Pair] = [(paired.get(j), j) for j in range(len(new))]
    pairs += [(i, None) for i in range(len(old)) if i not in used]
    return pairs


def _pair_by_id(old: Sequence[Item], new: Sequence[Item], paired: dict[int, int]) -> None:
    old_ids = {item.id: i for i, item in enumerate(old) if item.id is not None}
    for j, item in enumerate(new):
        if item.id is not None and item.id in old_ids:
            paired[j] = old_ids.pop(item.id)


def _pair_by_content(old: Sequence[Item], new: Sequence[Item], paired: dict[int, int]) -> None:
    used = set(paired.values())
    # Only items without an id on at least one side: two different ids are two items.
    old_free = [i for i in range(len(old)) if i not in used]
    new_free = [j for j in range(len(new)) if j not in paired]
    old_keys = Counter(content_key(old[i]) for i in old_free)
    new_keys = Counter(content_key(new[j]) for j in new_free)
    by_key = {content_key(old[i]): i for i in old_free}
    for j in new_free:
        key = content_key(new[j])
        if old_keys[key] != 1 or new_keys[key] != 1:
            continue
        i = by_key[key]
        if old[i].id is not None and new[j].id is not None:
            continue
        paired[j] = i


def _pair_leftovers_in_order(
    old: Sequence[Item], new: Sequence[Item], paired: dict[int, int]
) -> None:
    used = set(paired.values())
    old_free = [i for i in range(len(old)) if i not in used]
    last = -1
    for j in range(len(new)):
        if j in paired:
            continue
        for i in old_free:
            both_have_ids = old[i].id is not None and new[j].id is not None
            if i > last and not both_have_ids and _resemble(old[i], new[j]):
                paired[j], last = i, i
                old_free.remove(i)
                break


def _resemble(a: Item, b: Item) -> bool:
    """Two items are about the same thing, or share a meaningful field besides."""
    if type(a) is not type(b):
        return False
    if content_key(a) == content_key(b):
        return True  # two of one name (a morning and an afternoon coffee): paired in order
    if isinstance(a, AgendaItem) and isinstance(b, AgendaItem):
        shared = [(a.lead, b.lead), (a.topic, b.topic), (a.objective, b.objective)]
        return any(x is not None and x == y for x, y in shared) or (
            a.minutes == b.minutes and a.kind == b.kind
        )
    if isinstance(a, Action) and isinstance(b, Action):
        return a.owner == b.owner
    if isinstance(a, Commitment) and isinstance(b, Commitment):
        return a.organisation == b.organisation
    return False


def with_new_id(item: Item, siblings: Sequence[Item]) -> Item:
    """A newly created item with an id none of its list has: what the app writes on creation."""
    taken = {sibling.id for sibling in siblings if sibling.id is not None}
    return item.model_copy(update={"id": new_item_id(taken)})
