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

from summit.model import ActionStatus, AgendaItem, Delegate, Register, Rsvp, Summit, SummitStatus
from summit.model.identity import new_item_id
from summit.store import TomlDocument
from summit.store.merge import Side, conflict_text, merge_data, merge_texts
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
    kind = draw(
        st.sampled_from(
            ["reply", "minutes", "notes", "venue", "status", "move", "action", "insert", "delete"]
        )
    )
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
    if kind in ("insert", "delete"):
        return draw(insert_or_delete(kind))
    order = draw(st.permutations(TITLES))

    def reorder(summit: Summit) -> None:
        summit.agenda.sort(key=lambda item: order.index(item.title) if item.title in order else 99)

    def kept_order(summit: Summit) -> bool:
        titles = [item.title for item in summit.agenda]
        return [t for t in titles if t in order] == [t for t in order if t in titles]

    return Change(("order",), reorder, kept_order)


@st.composite
def insert_or_delete(draw: st.DrawFn, kind: str) -> Change:
    if kind == "delete":
        title = draw(st.sampled_from(TITLES))
        return Change(
            ("item", title),
            lambda s: s.agenda.remove(_item(s, title)),
            lambda s: title not in [item.title for item in s.agenda],
        )
    title = "New: " + draw(words)
    where = draw(st.integers(0, len(TITLES)))
    # As the app makes them: with an id. Odd minutes, so that no new item looks like a
    # sample item retitled (items without ids are paired by what they share).
    minutes = draw(st.sampled_from([7, 11, 13, 17]))
    new_item = AgendaItem(id=new_item_id(()), title=title, minutes=minutes)
    return Change(
        ("new", title),
        lambda s: s.agenda.insert(where, new_item.model_copy()),
        lambda s: [item for item in s.agenda if item.title == title] == [new_item],
    )


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
    """One change per field; an item deleted is changed in no other way."""
    kept = {one.key: one for one in changes}
    deleted = {key[1] for key in kept if key[0] == "item" and len(key) == 2}
    return [
        one
        for key, one in kept.items()
        if not (key[0] == "item" and len(key) == 3 and key[1] in deleted)
    ]


side = st.lists(change(), min_size=1, max_size=4).map(last_per_key)


@st.composite
def split(draw: st.DrawFn) -> tuple[list[Change], list[Change]]:
    """Changes to different things, each made by ours, by theirs, or the same on both."""
    changes = last_per_key(draw(st.lists(change(), min_size=2, max_size=8)))
    ours: list[Change] = []
    theirs: list[Change] = []
    for one in changes:
        who = draw(st.sampled_from(["ours", "theirs", "both"]))
        if who != "theirs":
            ours.append(one)
        if who != "ours":
            theirs.append(one)
    return ours, theirs


def merged_texts(ours: list[Change], theirs: list[Change]) -> tuple[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        return saved(Path(folder), ours), saved(Path(folder), theirs)


WHERE = Path("agendas/x.toml")
SIDES: tuple[Side, Side] = ("ours", "theirs")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides=split())
def test_changes_to_different_fields_all_survive(sides: tuple[list[Change], list[Change]]) -> None:
    ours, theirs = sides
    ours_text, theirs_text = merged_texts(ours, theirs)
    result = merge_texts(BASE_TEXT, ours_text, theirs_text, model=Summit, path=WHERE)
    assert result.text is not None, result.report(str(WHERE))
    merged = Summit.model_validate(tomli.loads(result.text))
    assert all(one.holds(merged) for one in [*ours, *theirs])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ours=side, theirs=side)
def test_any_edit_pair_merges_or_keeps_both_values(
    ours: list[Change], theirs: list[Change]
) -> None:
    ours_text, theirs_text = merged_texts(ours, theirs)
    result = merge_texts(BASE_TEXT, ours_text, theirs_text, model=Summit, path=WHERE)
    if result.text is not None:
        Summit.model_validate(tomli.loads(result.text))
        return
    assert result.conflicts or result.errors
    text = conflict_text(BASE_TEXT, ours_text, theirs_text, model=Summit, path=WHERE, result=result)
    # Nothing is lost: taking every ours (theirs) passage gives the merge settled ours'
    # (theirs') way, or, when the sides could not be merged at all, ours' (theirs') own file.
    versions = [tomli.loads(t) for t in (BASE_TEXT, ours_text, theirs_text)]
    for name, part in zip(SIDES, _sides_of(text), strict=True):
        if result.conflicts:
            expected, _, _ = merge_data(*versions, Summit, prefer=name)
        else:
            expected = versions[1 if name == "ours" else 2]
        assert tomli.loads(part) == expected


def _sides_of(text: str) -> tuple[str, str]:
    """The conflicted file resolved all ours' way, then all theirs' way."""
    keep: dict[Side, list[str]] = {"ours": [], "theirs": []}
    state = "both"
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<<"):
            state = "ours"
        elif line.startswith("=======") and state == "ours":
            state = "theirs"
        elif line.startswith(">>>>>>>") and state == "theirs":
            state = "both"
        else:
            for name, kept in keep.items():
                if state in ("both", name):
                    kept.append(line)
    return "".join(keep["ours"]), "".join(keep["theirs"])


# ── the register ──────────────────────────────────────────────────────────

REGISTER_PATH = REPO / "invitees.toml"
REGISTER_TEXT = REGISTER_PATH.read_text()
REGISTER = Register.model_validate(tomli.loads(REGISTER_TEXT))
DELEGATES = [(o, d) for o, org in REGISTER.organisations.items() for d in org.delegates]
new_ids = st.from_regex(r"new-[a-z]{1,6}", fullmatch=True)


@dataclass(frozen=True)
class RegisterChange:
    key: tuple[Any, ...]
    apply: Callable[[Register], None]
    holds: Callable[[Register], bool]


def _delegate(register: Register, org: str, delegate: str) -> Delegate:
    return register.organisations[org].delegates[delegate]


@st.composite
def register_change(draw: st.DrawFn) -> RegisterChange:
    org, delegate = draw(st.sampled_from(DELEGATES))
    kind = draw(st.sampled_from(["job_title", "phone", "name", "notes", "add", "remove"]))
    if kind in ("job_title", "phone"):
        value = (
            draw(words) if kind == "job_title" else f"+44 20 7946 {draw(st.integers(1000, 9999))}"
        )
        return RegisterChange(
            ("d", delegate, kind),
            lambda r: setattr(_delegate(r, org, delegate), kind, value),
            lambda r: getattr(_delegate(r, org, delegate), kind) == value,
        )
    if kind in ("name", "notes"):
        value = draw(words)
        return RegisterChange(
            ("o", org, kind),
            lambda r: setattr(r.organisations[org], kind, value),
            lambda r: getattr(r.organisations[org], kind) == value,
        )
    if kind == "add":
        new_id = draw(new_ids)
        person = Delegate(name=draw(words), job_title="Adviser", email=f"{new_id}@example.org")
        return RegisterChange(
            ("d", new_id),
            lambda r: r.organisations[org].delegates.__setitem__(new_id, person),
            lambda r: r.organisations[org].delegates.get(new_id) == person,
        )
    return RegisterChange(
        ("d", delegate),
        lambda r: r.organisations[org].delegates.pop(delegate),
        lambda r: delegate not in r.organisations[org].delegates,
    )


def distinct_register_changes(changes: list[RegisterChange]) -> list[RegisterChange]:
    """One change per field; a delegate removed is changed in no other way."""
    kept = {one.key: one for one in changes}
    removed = {key[1] for key in kept if key[0] == "d" and len(key) == 2}
    return [one for key, one in kept.items() if len(key) == 2 or key[1] not in removed]


@st.composite
def register_split(draw: st.DrawFn) -> tuple[list[RegisterChange], list[RegisterChange]]:
    changes = distinct_register_changes(draw(st.lists(register_change(), min_size=2, max_size=8)))
    ours: list[RegisterChange] = []
    theirs: list[RegisterChange] = []
    for one in changes:
        who = draw(st.sampled_from(["ours", "theirs", "both"]))
        if who != "theirs":
            ours.append(one)
        if who != "ours":
            theirs.append(one)
    return ours, theirs


def saved_register(folder: Path, changes: list[RegisterChange]) -> str:
    path = folder / "invitees.toml"
    shutil.copy(REGISTER_PATH, path)
    doc = TomlDocument.load(path, Register)
    register = doc.record.model_copy(deep=True)
    for one in changes:
        one.apply(register)
    doc.save(register)
    return path.read_text()


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides=register_split())
def test_register_changes_to_different_records_all_survive_with_comments(
    sides: tuple[list[RegisterChange], list[RegisterChange]],
) -> None:
    ours, theirs = sides
    with tempfile.TemporaryDirectory() as folder:
        ours_text = saved_register(Path(folder), ours)
        theirs_text = saved_register(Path(folder), theirs)
    where = Path("invitees.toml")
    result = merge_texts(REGISTER_TEXT, ours_text, theirs_text, model=Register, path=where)
    assert result.text is not None, result.report(str(where))
    merged = Register.model_validate(tomli.loads(result.text))
    assert all(one.holds(merged) for one in [*ours, *theirs])
    assert comments(result.text) == comments(ours_text)
