"""After a pull that changed only the register, a load checks again only the summits
naming what changed (summit.model.check_scope), and finds what checking all finds."""

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summit.model import Register, Summit
from summit.store import TomlDocument, load_dataset
from summit.store import dataset as dataset_module
from summit.store.record_cache import RecordCache
from tests.conftest import REPO, SAMPLE_FOLLOW_UP
from tests.register_edits import edits, with_edit
from tests.spying import spy

# Every organisation of the sample is named by its summits but for Ofcom (added by an
# edit) and, with `lead_alone`, pipcu: the cases that tell narrowed checks apart.
EDITS = edits(
    ["dcms", "google", "pipcu", "pipcu", "ofcom", "ofcom"],
    ["secretary-of-state", "pipcu-detective-inspector", "new-person"],
)


def pulled(path: Path, edit: tuple[str, str, str]) -> None:
    """The register on disk changed as a colleague's commit would change it."""
    document = TomlDocument.load(path, Register)
    document.save(with_edit(document.record, edit))


def shown(root: Path, cache: RecordCache | None) -> list[str]:
    dataset = load_dataset(root, cache)
    if cache is not None:
        cache.write_pending()
    return [str(problem) for problem in dataset.problems]


@settings(max_examples=60, deadline=None)
@example(edits=[("add-person", "ofcom", "new-person")], missing_lead=True, lead_alone=False)
@example(edits=[("rename", "pipcu", "")], missing_lead=False, lead_alone=True)
@example(
    edits=[("rename-person", "pipcu", "pipcu-detective-inspector")],
    missing_lead=False,
    lead_alone=True,
)
@example(
    edits=[("drop-person", "pipcu", "pipcu-detective-inspector")],
    missing_lead=False,
    lead_alone=True,
)
@given(st.lists(EDITS, min_size=1, max_size=4), st.booleans(), st.booleans())
def test_what_a_load_after_a_pull_finds_is_what_checking_all_finds(
    edits: list[tuple[str, str, str]], missing_lead: bool, lead_alone: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        root.mkdir()
        shutil.copy(REPO / "invitees.toml", root / "invitees.toml")
        shutil.copytree(REPO / "agendas", root / "agendas")
        follow_up = root / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
        summit = TomlDocument.load(follow_up, Summit)
        changed = summit.record.model_copy(deep=True)
        if missing_lead:  # an error, whose hint names the closest id: it moves with them
            changed.agenda[0].lead = "new-persn"
        if lead_alone:  # pipcu named by the summit only as a lead
            changed.invitations.pop("pipcu", None)
            changed.agenda[1].lead = "pipcu-detective-inspector"
        summit.save(changed)
        cache = RecordCache(Path(folder) / "cache")
        assert shown(root, cache) == shown(root, None)
        for edit in edits:
            pulled(root / "invitees.toml", edit)
            assert shown(root, cache) == shown(root, None)


def test_a_renamed_organisation_no_summit_names_checks_no_summit(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a pull, 1,000 summits were all checked again: 55 ms of the start."""
    from summit.model import check_scope  # noqa: PLC0415

    cache = RecordCache(tmp_path / "cache")
    pulled(data_dir / "invitees.toml", ("add-person", "ofcom", "new-person"))
    shown(data_dir, cache)
    narrowed = spy(monkeypatch, dataset_module, "checks_after_change")
    calls = spy(monkeypatch, check_scope, "check_summit")
    pulled(data_dir / "invitees.toml", ("rename", "ofcom", ""))
    assert shown(data_dir, cache) == shown(data_dir, None)
    assert (len(narrowed), calls) == (1, [])  # no summit names Ofcom or its people
    pulled(data_dir / "invitees.toml", ("retitle-person", "dcms", "secretary-of-state"))
    assert shown(data_dir, cache) == shown(data_dir, None)
    assert (len(narrowed), calls) == (2, [])  # a job title shows in no finding
    pulled(data_dir / "invitees.toml", ("rename", "google", ""))
    after = shown(data_dir, cache)
    assert len(narrowed) == 3
    checked = sorted(call[0] for call in calls)
    assert checked == sorted(load_dataset(data_dir).summits)  # both invite Google
    assert after == shown(data_dir, None)
