"""Edits of a summit's ordered lists (agenda, actions, commitments) by reference.

An item is named as a person would: its number in the list ("3"), its id, its
title or text, or words that begin words of it ("coffee", "blocking search").
A reference that fits several items is refused with the list. New items get an
id (summit.model.identity), so merges and published calendars follow them.
"""

from collections.abc import Sequence
from typing import Literal

from summit.model.identity import new_item_id
from summit.model.summit import Action, AgendaItem, Commitment, Summit

ListName = Literal["agenda", "actions", "commitments"]
Item = AgendaItem | Action | Commitment


class ItemNotFound(ValueError):
    """No item, or several, answer to a reference; the message says which."""


def label(item: Item) -> str:
    return item.title if isinstance(item, AgendaItem) else item.text


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def _listed(items: Sequence[Item], indexes: list[int]) -> str:
    return "; ".join(f"{i + 1}. {' '.join(label(items[i]).split())[:60]}" for i in indexes[:10])


def find_item(items: Sequence[Item], reference: str, what: str = "item") -> int:
    """The index of the one item `reference` names; ItemNotFound otherwise."""
    if reference.isdigit():
        number = int(reference)
        if 1 <= number <= len(items):
            return number - 1
        raise ItemNotFound(f"there is no {what} {number}: the list has {len(items)}")
    by_id = [i for i, item in enumerate(items) if item.id == reference]
    wanted = _words(reference)
    whole = [i for i, item in enumerate(items) if _words(label(item)) == wanted]
    begun = [
        i
        for i, item in enumerate(items)
        if wanted and all(any(w.startswith(t) for w in _words(label(item))) for t in wanted)
    ]
    for found in (by_id, whole, begun):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = _listed(items, found)
            raise ItemNotFound(f"{reference!r} could be any of: {listed}; say which (a number)")
    raise ItemNotFound(f"no {what} answers to {reference!r}")


def _items(summit: Summit, name: ListName) -> list[Item]:
    return list(getattr(summit, name))


def _with(summit: Summit, name: ListName, items: list[Item]) -> Summit:
    return summit.model_copy(update={name: items})


def add_item(summit: Summit, name: ListName, item: Item, after: int | None = None) -> Summit:
    """The summit with `item` after the item at index `after` (-1: first; None: last)."""
    items = _items(summit, name)
    if item.id is None:
        item = item.model_copy(update={"id": new_item_id({i.id for i in items if i.id})})
    items.insert(len(items) if after is None else after + 1, item)
    return _with(summit, name, items)


def replace_item(summit: Summit, name: ListName, index: int, item: Item) -> Summit:
    items = _items(summit, name)
    items[index] = item
    return _with(summit, name, items)


def move_item(summit: Summit, name: ListName, index: int, after: int) -> Summit:
    """The item at `index` moved to just after the item at `after` (-1: first)."""
    items = _items(summit, name)
    moving = items.pop(index)
    if after > index:
        after -= 1  # the anchor moved up one when the item left
    items.insert(after + 1, moving)
    return _with(summit, name, items)


def remove_item(summit: Summit, name: ListName, index: int) -> Summit:
    items = _items(summit, name)
    del items[index]
    return _with(summit, name, items)
