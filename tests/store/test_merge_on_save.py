"""Merge-on-save: the app's edits and another editor's change to the same file both land."""

from pathlib import Path

import pytest
import tomli

from summit.model import Summit
from summit.store import TomlDocument
from summit.store.problems import DataError, Edited, MergeConflicts
from tests.conftest import SAMPLE_SUMMIT


def loaded(data_dir: Path) -> TomlDocument[Summit]:
    return TomlDocument.load(data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml", Summit)


def someone_else_sets(doc: TomlDocument[Summit], old: str, new: str) -> None:
    text = doc.path.read_text()
    assert text.count(old) == 1
    doc.path.write_text(text.replace(old, new))


def test_another_editors_reply_and_the_apps_edit_both_saved(data_dir: Path) -> None:
    doc = loaded(data_dir)
    someone_else_sets(doc, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')
    mine = doc.record.model_copy(deep=True)
    mine.agenda[3].minutes = 20
    assert doc.save_merging(mine)
    on_disk = Summit.model_validate(tomli.loads(doc.path.read_text()))
    assert on_disk.invitations["facebook"].rsvp["facebook-policy"] == "accepted"
    assert on_disk.agenda[3].minutes == 20
    assert doc.record == on_disk
    assert not list(doc.path.parent.glob("*.mine-*"))
    # The document now holds the merged file: a further save is a plain one.
    mine = doc.record.model_copy(deep=True)
    mine.venue = "Lancaster House"
    assert doc.save(mine)


def test_a_conflict_writes_nothing_until_settled(data_dir: Path) -> None:
    doc = loaded(data_dir)
    someone_else_sets(doc, 'kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 30')
    theirs = doc.path.read_bytes()
    mine = doc.record.model_copy(deep=True)
    mine.agenda[3].minutes = 20
    with pytest.raises(MergeConflicts) as raised:
        doc.save_merging(mine)
    assert [c.describe() for c in raised.value.conflicts] == [
        "agenda 'Coffee'.minutes: base 15, ours 20, theirs 30"
    ]
    assert doc.path.read_bytes() == theirs
    assert doc.save_merging(mine, choices={"agenda 'Coffee'.minutes": "ours"})
    assert Summit.model_validate(tomli.loads(doc.path.read_text())).agenda[3].minutes == 20


def test_unchanged_on_disk_is_a_plain_save(data_dir: Path) -> None:
    doc = loaded(data_dir)
    mine = doc.record.model_copy(deep=True)
    mine.agenda[0].minutes = 10
    assert doc.save_merging(mine)
    assert doc.text == doc.path.read_text()
    assert "minutes = 10" in doc.text


def test_a_typed_value_that_does_not_fit_is_refused_and_nothing_written(data_dir: Path) -> None:
    doc = loaded(data_dir)
    someone_else_sets(doc, 'kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 30')
    theirs = doc.path.read_bytes()
    mine = doc.record.model_copy(deep=True)
    mine.agenda[3].minutes = 20
    with pytest.raises(DataError):
        doc.save_merging(mine, choices={"agenda 'Coffee'.minutes": Edited("half an hour")})
    assert doc.path.read_bytes() == theirs
    assert doc.save_merging(mine, choices={"agenda 'Coffee'.minutes": Edited(25)})
    assert Summit.model_validate(tomli.loads(doc.path.read_text())).agenda[3].minutes == 25
