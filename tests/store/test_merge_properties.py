"""Property tests: two people's random edits of the sample summit, saved by summit, merged.

When the two sides touch different fields (or different records), the merge is
clean, validates, and holds every change of both sides. When they touch the
same field, the merge either resolves (the same value) or reports a conflict,
and the conflicted file still holds both values.
"""

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit.model import ActionStatus, Rsvp, Summit, SummitStatus
from summit.store import TomlDocument
from summit.store.merge import conflict_text, merge_texts
from tests.conftest import REPO, SAMPLE_SUMMIT

SAMPLE_PATH = REPO / "agendas" / f"{SAMPLE_SUMMIT}.toml"
BASE_TEXT = SAMPLE_PATH.read_text()
BASE = Summit.model_validate(tomli.loads(BASE_TEXT))
TITLES = [item.title for item in BASE.agenda]
REPLIES = [(org, d) for org, inv in BASE.invitations.items() for d in inv.rsvp]
ACTIONS = [action.text for action in BASE.actions]
words = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=20).filter(str.strip)


@dataclass(frozen=True)
class Change:
    key: tuple[Any, ...]
    """What the change touches; two changes with different keys never conflict."""
    apply: Callable[[Summit], None]
    holds: Callable[[Summit], bool]


def _item(summit: Summit, title: str) -> Any:
    return next(item for item in summit.agenda if item.title == title)


@st.composite
def change(draw: st.DrawFn) -> Change:
    kind = draw(st.sampled_from(["reply", "minutes", "notes", "venue", "status", "move", "action"]))
    if kind == "reply":
        org, delegate = draw(st.sampled_from(REPLIES))
        value = draw(st.sampled_from(list(Rsvp)))
        return Change(
            ("rsvp", org, delegate),
            lambda s: s.invitations[org].rsvp.__setitem__(delegate, value),
            lambda s: s.invitations[org].rsvp[delegate] == value,
        )
    if kind in ("minutes", "notes"):
        title = draw(st.sampled_from(TITLES))
        value: Any = draw(st.integers(5, 90)) if kind == "minutes" else draw(words)
        return Change(
            ("item", title, kind),
            lambda s: setattr(_item(s, title), kind, value),
            lambda s: getattr(_item(s, title), kind) == value,
        )
    if kind in ("venue", "status"):
        value = draw(words) if kind == "venue" else draw(st.sampled_from(list(SummitStatus)))
        return Change(
            (kind,), lambda s: setattr(s, kind, value), lambda s: getattr(s, kind) == value
        )
    if kind == "action":
        text = draw(st.sampled_from(ACTIONS))
        status = draw(st.sampled_from(list(ActionStatus)))
        return Change(
            ("action", text),
            lambda s: setattr(next(a for a in s.actions if a.text == text), "status", status),
            lambda s: next(a for a in s.actions if a.text == text).status == status,
        )
    order = draw(st.permutations(TITLES))

    def reorder(summit: Summit) -> None:
        summit.agenda.sort(key=lambda item: order.index(item.title))

    return Change(("order",), reorder, lambda s: [i.title for i in s.agenda] == order)


def saved(folder: Path, changes: list[Change]) -> str:
    """The sample summit with these changes, saved by summit's own writer."""
    path = folder / "x.toml"
    shutil.copy(SAMPLE_PATH, path)
    doc = TomlDocument.load(path, Summit)
    summit = doc.record.model_copy(deep=True)
    for one in changes:
        one.apply(summit)
    doc.save(summit)
    return path.read_text()


def last_per_key(changes: list[Change]) -> list[Change]:
    return list({one.key: one for one in changes}.values())


side = st.lists(change(), min_size=1, max_size=4).map(last_per_key)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ours=side, theirs=side)
def test_random_edit_pairs_merge(ours: list[Change], theirs: list[Change]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ours_text = saved(Path(folder), ours)
        theirs_text = saved(Path(folder), theirs)
    where = Path("agendas/x.toml")
    result = merge_texts(BASE_TEXT, ours_text, theirs_text, model=Summit, path=where)
    disjoint = not {c.key for c in ours} & {c.key for c in theirs}
    if disjoint:
        assert result.text is not None, result.report(str(where))
    if result.text is not None:
        merged = Summit.model_validate(tomli.loads(result.text))
        if disjoint:
            assert all(one.holds(merged) for one in [*ours, *theirs])
        return
    assert result.conflicts
    text = conflict_text(BASE_TEXT, ours_text, theirs_text, model=Summit, path=where, result=result)
    for conflict in result.conflicts:
        assert text.count("<<<<<<< ours") >= 1
        assert conflict.where.split(".")[-1].split(" ")[0] in text
