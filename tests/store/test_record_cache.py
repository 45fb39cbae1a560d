"""Records validated at an earlier start are found again by their bytes (issue 23 item 6).

The cache may only make a load faster: whatever it holds, a load gives what
reading the file gives.
"""

from pathlib import Path

import pytest

from summit.model import Register, Summit
from summit.store import DataError, TomlDocument, load_dataset, record_cache
from summit.store.record_cache import RecordCache, user_record_cache
from tests.conftest import SAMPLE_SUMMIT


def cached(data_dir: Path, cache: RecordCache) -> None:
    load_dataset(data_dir, cache)
    cache.write_pending()


def test_a_second_load_takes_every_record_from_the_cache(
    data_dir: Path, cache: RecordCache, parsed: list[Path]
) -> None:
    first = load_dataset(data_dir, cache)
    cache.write_pending()
    # one entry per file, one for the summits together, one for what checking them found
    assert len(parsed) == 1 + len(first.summits) == len(list(cache.folder.iterdir())) - 2
    parsed.clear()
    again = load_dataset(data_dir, cache)
    assert parsed == []
    assert again.register is not None and first.register is not None
    assert again.register.record == first.register.record
    assert {k: d.record for k, d in again.summits.items()} == {
        k: d.record for k, d in first.summits.items()
    }
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]


def test_a_changed_file_is_read_afresh(data_dir: Path, cache: RecordCache) -> None:
    cached(data_dir, cache)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    path.write_text(text.replace("title = ", 'title = "Changed by hand"\n# was: ', 1))
    assert load_dataset(data_dir, cache).summits[SAMPLE_SUMMIT].record.title == "Changed by hand"


def test_a_file_that_became_invalid_is_refused_though_its_old_record_is_kept(
    data_dir: Path, cache: RecordCache
) -> None:
    cached(data_dir, cache)
    path = data_dir / "invitees.toml"
    path.write_text(path.read_text().replace('email = "', 'email = "not an address ', 1))
    with pytest.raises(DataError) as error:
        TomlDocument.load(path, Register, cache)
    assert "email" in str(error.value)


def test_records_kept_by_other_model_code_are_not_used(
    data_dir: Path, cache: RecordCache, parsed: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached(data_dir, cache)
    parsed.clear()
    monkeypatch.setattr(record_cache, "_fingerprint", "other model code")
    dataset = load_dataset(data_dir, cache)
    assert len(parsed) == 1 + len(dataset.summits)


def test_a_damaged_entry_is_a_miss_and_is_removed(data_dir: Path, cache: RecordCache) -> None:
    cached(data_dir, cache)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    entry = cache._entry(path)
    entry.write_bytes(entry.read_bytes()[:200])
    document = TomlDocument.load(path, Summit, cache)
    assert document.record == TomlDocument.load(path, Summit).record
    assert not entry.exists()


def test_an_entry_others_could_write_is_not_unpickled(
    data_dir: Path, cache: RecordCache, parsed: list[Path]
) -> None:
    cached(data_dir, cache)
    path = data_dir / "invitees.toml"
    parsed.clear()
    TomlDocument.load(path, Register, cache)
    assert parsed == []
    cache._entry(path).chmod(0o666)
    assert TomlDocument.load(path, Register, cache).record.organisations
    assert parsed == [path]


def test_a_save_after_a_cached_load_changes_only_its_line(
    data_dir: Path, cache: RecordCache
) -> None:
    cached(data_dir, cache)
    path = data_dir / "invitees.toml"
    before = path.read_text()
    document = TomlDocument.load(path, Register, cache)
    register = document.record.model_copy(deep=True)
    register.organisations["google"].name = "Alphabet"
    assert document.save(register)
    after = path.read_text()
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [('name = "Google"', 'name = "Alphabet"')]
    assert TomlDocument.load(path, Register).record == register


def test_summit_no_cache_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert user_record_cache() is not None
    monkeypatch.setenv("SUMMIT_NO_CACHE", "1")
    assert user_record_cache() is None


def test_entries_are_private_to_the_user(data_dir: Path, cache: RecordCache) -> None:
    cached(data_dir, cache)
    assert cache.folder.stat().st_mode & 0o077 == 0
    for entry in cache.folder.iterdir():
        assert entry.stat().st_mode & 0o077 == 0


def test_a_load_pickles_nothing_until_its_entries_are_written(
    data_dir: Path, cache: RecordCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pickling a 100,000-delegate register took 0.8 s of the way to the app's screen."""
    pickled: list[object] = []
    dumps = record_cache.pickle.dumps

    def counting(value: object, *args: object, **kwargs: object) -> bytes:
        pickled.append(value)
        return dumps(value, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(record_cache.pickle, "dumps", counting)
    first = load_dataset(data_dir, cache)
    assert pickled == []
    cache.write_pending()
    assert pickled
    assert first.register is not None
    again = load_dataset(data_dir, cache).register
    assert again is not None and again.record == first.register.record


def test_a_cached_load_decodes_and_scans_the_text_only_when_a_save_needs_it(
    data_dir: Path, cache: RecordCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decoding 14 MB and looking for conflict markers in it took 30 ms of every start."""
    from summit.store import document, read_again  # noqa: PLC0415

    cached(data_dir, cache)
    looked: list[Path] = []
    decode, markers = document.decode, document.check_conflict_markers

    def decoding(path: Path, data: bytes) -> str:
        looked.append(path)
        return decode(path, data)

    def scanning(path: Path, text: str) -> None:
        looked.append(path)
        markers(path, text)

    monkeypatch.setattr(document, "decode", decoding)
    monkeypatch.setattr(read_again, "check_conflict_markers", scanning)
    path = data_dir / "invitees.toml"
    loaded = TomlDocument.load(path, Register, cache)
    assert looked == []
    assert loaded.text == path.read_text(encoding="utf-8")
    # A file changed since is decoded and scanned as ever, markers and all.
    path.write_text(f"<<<<<<< ours\n{loaded.text}=======\n>>>>>>> theirs\n", encoding="utf-8")
    with pytest.raises(DataError, match="unresolved merge conflict"):
        TomlDocument.load(path, Register, cache)
    assert looked == [path, path]


def test_the_code_that_decodes_and_parses_a_file_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept record stands for the checks made before validation too: other checks,
    other entries."""
    import shutil  # noqa: PLC0415

    import summit.model  # noqa: PLC0415

    package = Path(summit.model.__file__).parent.parent
    copy = tmp_path / "summit"
    shutil.copytree(package / "model", copy / "model")
    shutil.copytree(package / "store", copy / "store")
    monkeypatch.setattr(summit.model, "__file__", str(copy / "model" / "__init__.py"))

    def fingerprint() -> str:
        monkeypatch.setattr(record_cache, "_fingerprint", None)
        return record_cache.code_fingerprint()

    before = fingerprint()
    assert fingerprint() == before
    for reading in ("parsing.py", "toml_dialect.py"):
        source = copy / "store" / reading
        source.write_text(source.read_text() + "\n# changed\n")
        changed = fingerprint()
        assert changed != before
        before = changed


def test_equal_texts_of_kept_records_come_back_as_one(tmp_path: Path, cache: RecordCache) -> None:
    """A register's thousands of equal job titles were thousands of strings to unpickle."""
    path = tmp_path / "invitees.toml"
    people = "".join(
        f'\n[organisations.org.delegates.d{n}]\nname = "Person {n}"\n'
        f'job_title = "Head of Policy"\nemail = "p{n}@org.example.org"\n'
        for n in range(3)
    )
    path.write_text(f'[organisations.org]\nname = "Org"\nsector = "search"\n{people}')

    def titles(register: Register) -> list[str]:
        return [d.job_title for d in register.organisations["org"].delegates.values()]

    read = TomlDocument.load(path, Register, cache).record
    as_read = [id(title) for title in titles(read)]
    cache.write_pending()
    assert [id(title) for title in titles(read)] == as_read  # pickling changed nothing
    kept = TomlDocument.load(path, Register, cache).record
    assert titles(kept) == ["Head of Policy"] * 3
    assert titles(kept)[0] is titles(kept)[1] is titles(kept)[2]
    assert kept == TomlDocument.load(path, Register).record
