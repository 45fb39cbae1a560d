"""A file validated again after a small change reuses what did not change (issue 23).

A pull that changed one delegate of a 100,000-delegate register made the next
start validate them all. Only the organisations whose data changed are validated
now; the record must be exactly what a full validation gives, errors included.
"""

from pathlib import Path

import pytest

from summit.model import Register
from summit.store import DataError, TomlDocument, record_cache
from summit.store.parsing import parse, validate
from summit.store.record_cache import RecordCache
from summit.store.reuse import validate_reusing


@pytest.fixture
def register(data_dir: Path) -> Path:
    return data_dir / "invitees.toml"


def kept(path: Path, cache: RecordCache) -> None:
    TomlDocument.load(path, Register, cache)
    cache.write_pending()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_only_the_changed_organisation_is_validated_again(register: Path) -> None:
    text = register.read_text()
    old_data = parse(register, text)
    old = validate(Register, register, text, old_data)
    edit(register, 'name = "Google"', 'name = "Alphabet"')
    text = register.read_text()
    data = parse(register, text)
    reused = validate_reusing(Register, register, text, data, (old_data, old))
    assert reused == validate(Register, register, text, data)
    assert reused.to_data() == validate(Register, register, text, data).to_data()
    assert reused.organisations["google"].name == "Alphabet"
    assert reused.organisations["google"] is not old.organisations["google"]
    others = [key for key in old.organisations if key != "google"]
    assert others and all(reused.organisations[k] is old.organisations[k] for k in others)
    assert data == parse(register, text), "the parser's data is left as it was"


def test_a_later_load_after_a_change_gives_what_a_fresh_load_gives(
    register: Path, cache: RecordCache
) -> None:
    kept(register, cache)
    edit(register, 'name = "Google"', 'name = "Alphabet"')
    again = TomlDocument.load(register, Register, cache)
    fresh = TomlDocument.load(register, Register)
    assert again.record == fresh.record
    assert again.record.to_data() == fresh.record.to_data()


def test_an_organisation_removed_and_one_added_are_seen(register: Path, cache: RecordCache) -> None:
    kept(register, cache)
    text = register.read_text()
    register.write_text(
        text.replace("[organisations.google]", "[organisations.alphabet]", 1).replace(
            "[organisations.google.", "[organisations.alphabet."
        )
    )
    again = TomlDocument.load(register, Register, cache).record
    assert "google" not in again.organisations and "alphabet" in again.organisations
    assert again == TomlDocument.load(register, Register).record


def test_a_change_that_breaks_an_organisation_is_refused_at_its_line(
    register: Path, cache: RecordCache
) -> None:
    kept(register, cache)
    edit(register, 'email = "', 'email = "not an address ')
    with pytest.raises(DataError) as reusing:
        TomlDocument.load(register, Register, cache)
    with pytest.raises(DataError) as fresh:
        TomlDocument.load(register, Register)
    assert [str(p) for p in reusing.value.problems] == [str(p) for p in fresh.value.problems]
    assert "email" in str(reusing.value)


def test_records_kept_by_other_model_code_are_not_reused(
    register: Path, cache: RecordCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept(register, cache)
    edit(register, 'name = "Google"', 'name = "Alphabet"')
    assert cache.previous(register, Register) is not None
    monkeypatch.setattr(record_cache, "_fingerprint", "other model code")
    assert cache.previous(register, Register) is None
