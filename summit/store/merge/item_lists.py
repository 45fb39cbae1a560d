"""Ordered lists of items (`[[agenda]]`, `[[actions]]`, `[[commitments]]`) merged three-way.

Items are paired across versions with `match_items` and merged field by field;
their ORDER is merged too: when only one side reordered, its order wins and
the other side's insertions follow the item they followed there; when both
reordered differently, ours' order is kept and a note says so.
"""

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summit.model.identity import match_items, new_item_id
from summit.model.summit import Action, AgendaItem, Commitment
from summit.store.layout import KeyPath
from summit.store.merge.results import ABSENT, FieldConflict
from summit.store.problems import Side

if TYPE_CHECKING:
    from summit.store.merge.records import Merger

ITEM_LISTS: dict[str, tuple[str, type[AgendaItem] | type[Action] | type[Commitment]]] = {
    "agenda": ("agenda", AgendaItem),
    "actions": ("action", Action),
    "commitments": ("commitment", Commitment),
}
_LABEL_LENGTH = 40


Token = tuple[str, int]
"""An item of a merged list: ("b", base index), ("o", ours-only index) or ("t", theirs-only)."""


class ListMerge:
    """One ordered list of items ([[agenda]], [[actions]] or [[commitments]]) merged."""

    def __init__(
        self,
        merger: "Merger",
        key: str,
        base: list[dict[str, Any]],
        ours: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
    ) -> None:
        self.merger, self.key = merger, key
        self.noun, model = ITEM_LISTS[key]
        self.data = {"b": base, "o": ours, "t": theirs}
        objects: dict[str, Any] = {
            side: [model.model_validate(item) for item in items]
            for side, items in self.data.items()
        }
        self.b_to_o = _pairing(match_items(objects["b"], objects["o"]))
        self.b_to_t = _pairing(match_items(objects["b"], objects["t"]))
        self.labels: dict[str, list[str]] = {}
        self.t_to_o = self._same_additions()
        self.o_to_t = {j: k for k, j in self.t_to_o.items()}

    def _same_additions(self) -> dict[int, int]:
        """Items both sides added: the same id, or exactly the same item, is one item.

        Each of theirs takes the first of ours' additions not taken yet that has its
        id or equals it; only ours' additions of that id or name can, so only those
        are compared (comparing every pair is quadratic in thousands of additions).
        """
        in_ours, in_theirs = set(self.b_to_o.values()), set(self.b_to_t.values())
        by_id: dict[Any, list[int]] = {}
        by_name: dict[str, list[int]] = {}
        for j, ours_item in enumerate(self.data["o"]):
            if j not in in_ours:
                if ours_item.get("id") is not None:
                    by_id.setdefault(ours_item["id"], []).append(j)
                by_name.setdefault(self.name(ours_item), []).append(j)
        paired: dict[int, int] = {}
        taken: set[int] = set()
        for k, item in enumerate(self.data["t"]):
            if k in in_theirs:
                continue
            same_id = by_id.get(item["id"], []) if item.get("id") is not None else []
            for j in sorted({*same_id, *by_name.get(self.name(item), [])}):
                if j not in taken and (j in same_id or item == self.data["o"][j]):
                    paired[k] = j
                    taken.add(j)
                    break
        return paired

    def run(self) -> list[dict[str, Any]]:
        order = self.order()
        for i in range(len(self.data["b"])):
            # Deleted on one side and edited on the other: a conflict whichever is kept.
            pair = self.b_to_o.get(i), self.b_to_t.get(i)
            if None in pair and pair != (None, None) and self.edited_by_other(i):
                token: Token = ("b", i)
                path = (self.key, order.index(token)) if token in order else (self.key,)
                self.merger.conflicts.append(
                    FieldConflict(self.label(token), self.data["b"][i], *self.sides(i), path)
                )
        merged = [self.item(token, (self.key, index)) for index, token in enumerate(order)]
        return self.distinct_ids(merged)

    def sides(self, i: int) -> tuple[Any, Any]:
        j, k = self.b_to_o.get(i), self.b_to_t.get(i)
        ours = self.data["o"][j] if j is not None else ABSENT
        theirs = self.data["t"][k] if k is not None else ABSENT
        return ours, theirs

    def edited_by_other(self, i: int) -> bool:
        """Whether the side that kept base item i changed it."""
        ours, theirs = self.sides(i)
        kept = theirs if ours is ABSENT else ours
        return bool(kept is not ABSENT and kept != self.data["b"][i])

    def sequences(self) -> tuple[list[Token], list[Token], list[Token]]:
        o_to_b = {j: i for i, j in self.b_to_o.items()}
        t_to_b = {k: i for i, k in self.b_to_t.items()}
        base: list[Token] = [("b", i) for i in range(len(self.data["b"]))]
        ours: list[Token] = [
            ("b", o_to_b[j]) if j in o_to_b else ("o", j) for j in range(len(self.data["o"]))
        ]
        theirs: list[Token] = []
        for k in range(len(self.data["t"])):
            if k in t_to_b:
                theirs.append(("b", t_to_b[k]))
            else:
                theirs.append(("o", self.t_to_o[k]) if k in self.t_to_o else ("t", k))
        return base, ours, theirs

    def survives(self, token: Token) -> bool:
        if token[0] != "b":
            return True
        i = token[1]
        j, k = self.b_to_o.get(i), self.b_to_t.get(i)
        if j is not None and k is not None:
            return True
        if j is None and k is None:
            return False
        if not self.edited_by_other(i):
            return False  # deleted on one side, untouched on the other
        keeper: Side = "ours" if j is not None else "theirs"
        return self.merger.choices.get(self.label(token), self.merger.prefer) == keeper

    def order(self) -> list[Token]:
        base, ours, theirs = self.sequences()
        common = set(ours) & set(theirs) & set(base)
        base_rel = [x for x in base if x in common]
        ours_rel = [x for x in ours if x in common]
        theirs_rel = [x for x in theirs if x in common]
        primary, secondary = ours, theirs
        if ours_rel == base_rel != theirs_rel:
            primary, secondary = theirs, ours  # only theirs reordered: its order wins
        elif base_rel != theirs_rel != ours_rel:
            self.merger.notes.append(
                f"{self.key}: both sides changed the order differently; ours' order is kept"
            )
        kept = [x for x in primary if self.survives(x)]
        placed = set(kept)
        # The other side's insertions, by the kept item they follow there (None: the start).
        after: dict[Token | None, list[Token]] = {}
        anchor: Token | None = None
        for token in secondary:
            if token in placed:
                anchor = token
            elif self.survives(token):
                after.setdefault(anchor, []).append(token)
        result = list(after.get(None, []))
        for token in kept:
            result += [token, *after.get(token, [])]
        return result

    def label(self, token: Token) -> str:
        """`agenda 'Coffee'`; a second item of the same name is `agenda 'Coffee' (2)`."""
        side, index = token
        if side not in self.labels:  # all of a side's at once: counting names is linear then
            self.labels[side] = self._labels_of(self.data[side])
        return self.labels[side][index]

    def _labels_of(self, items: list[dict[str, Any]]) -> list[str]:
        before: Counter[str] = Counter()
        labels = []
        for item in items:
            name = self.name(item)
            same = before[name]
            before[name] += 1
            labels.append(f"{self.noun} '{name}'" + (f" ({same + 1})" if same else ""))
        return labels

    def name(self, item: dict[str, Any]) -> str:
        if self.key == "agenda":
            name = item.get("title", "")
        elif self.key == "actions":
            name = item.get("text", "")
        else:
            name = f"{item.get('organisation', '')}: {item.get('text', '')}"
        name = " ".join(str(name).split())
        return name if len(name) <= _LABEL_LENGTH else name[: _LABEL_LENGTH - 3] + "..."

    def item(self, token: Token, path: KeyPath) -> dict[str, Any]:
        side, index = token
        where = self.label(token)
        if side == "t":
            return self.data["t"][index]
        if side == "o":
            k = self.o_to_t.get(index)
            if k is None:
                return self.data["o"][index]
            return self.merger.table(where, path, {}, self.data["o"][index], self.data["t"][k])
        ours, theirs = self.sides(index)
        if ours is ABSENT or theirs is ABSENT:
            # Deleted on one side, edited on the other (its conflict is recorded in run).
            kept: dict[str, Any] = theirs if ours is ABSENT else ours
            return kept
        merged: dict[str, Any] = self.merger.value(where, path, self.data["b"][index], ours, theirs)
        return merged

    @staticmethod
    def distinct_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Two different items that came in with one id (a copy): the later gets a new id."""
        seen: set[str] = set()
        taken = {str(item["id"]) for item in items if "id" in item}
        result = []
        for item in items:
            item_id = item.get("id")
            if item_id is not None and item_id in seen:
                fresh = new_item_id(taken)
                taken.add(fresh)
                result.append({**item, "id": fresh})
                continue
            if item_id is not None:
                seen.add(str(item_id))
            result.append(item)
        return result


def _pairing(pairs: Sequence[tuple[int | None, int | None]]) -> dict[int, int]:
    return {old: new for old, new in pairs if old is not None and new is not None}


def pair_items(key: str, items: list[Any], targets: list[Any]) -> dict[int, int] | None:
    """Which item of `items` is which of `targets`, for the summit's lists of items."""
    if key not in ITEM_LISTS:
        return None
    if items == targets:
        return {i: i for i in range(len(items))}
    model = ITEM_LISTS[key][1]
    try:
        old: list[Any] = [model.model_validate(item) for item in items]
        new: list[Any] = [model.model_validate(item) for item in targets]
    except ValidationError:
        return {}
    return {i: j for i, j in match_items(old, new) if i is not None and j is not None}
