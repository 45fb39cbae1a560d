"""After a register change the workspace checks again only the summits it can alter
(summit.model.check_scope), and finds exactly what checking everything finds."""

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit.model import Organisation
from summit.model.checks import check_dataset
from summit.workflows.workspace import Workspace
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.register_edits import edits, with_edit
from tests.spying import spy

ORGS = ["dcms", "google", "iwf", "three", "pipcu", "new-org"]
PEOPLE = ["secretary-of-state", "iwf-chief-executive", "pipcu-detective-inspector", "new-person"]


def full_findings(workspace: Workspace) -> list[Any]:
    return check_dataset(
        workspace.register,
        workspace.summits,
        workspace.dataset.broken_ids,
        frozenset(workspace.dataset.unreadable),
    )


def edited(workspace: Workspace, edit: tuple[str, str, str]) -> None:
    """One change to one organisation, made as set_organisation makes it (but kept
    even when it adds an error, so that errors come and go too)."""
    workspace.register = with_edit(workspace.register, edit)


EDITS = edits(ORGS, PEOPLE)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil  # noqa: PLC0415

    from tests.conftest import REPO  # noqa: PLC0415

    root = tmp_path_factory.mktemp("data")
    shutil.copy(REPO / "invitees.toml", root / "invitees.toml")
    shutil.copytree(REPO / "agendas", root / "agendas")
    return root


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=6), st.booleans(), st.booleans())
def test_findings_after_register_changes_are_those_of_checking_everything(
    sample: Path, edits: list[tuple[str, str, str]], missing_lead: bool, lead_alone: bool
) -> None:
    workspace = Workspace.open(sample)
    summit = workspace.summits[SAMPLE_FOLLOW_UP].model_copy(deep=True)
    if missing_lead:  # an error whose hint names the closest known id: it moves with them
        summit.agenda[0].lead = "new-persn"
    if lead_alone:  # named by the summit only as a lead: "... leads ... but is not invited"
        summit.invitations.pop("pipcu", None)
        summit.agenda[1].lead = "pipcu-detective-inspector"
    workspace.set_summit(SAMPLE_FOLLOW_UP, summit)
    assert workspace.findings() == full_findings(workspace)
    for edit in edits:
        edited(workspace, edit)
        assert workspace.findings() == full_findings(workspace)


def test_a_register_change_checks_only_the_summits_naming_what_changed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every register edit checked all 1,000 summits again: 55 ms an edit."""
    from summit.workflows import working_copies  # noqa: PLC0415

    workspace = Workspace.open(data_dir)
    workspace.findings()
    calls = spy(monkeypatch, working_copies, "check_summit")
    ofcom = Organisation.model_validate(
        {
            "name": "Ofcom",
            "sector": "regulator",
            "delegates": {"ofcom-ceo": {"name": "A", "job_title": "B", "email": "a@ofcom.org.uk"}},
        }
    )
    assert workspace.set_organisation("ofcom", ofcom) == []
    assert workspace.findings() == full_findings(workspace)
    assert calls == []  # no summit names Ofcom or its people
    renamed = workspace.register.organisations["google"].model_copy(update={"name": "Alphabet"})
    assert workspace.set_organisation("google", renamed) == []
    assert workspace.findings() == full_findings(workspace)
    assert sorted(call[0] for call in calls) == sorted([SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP])


def test_the_register_is_checked_again_only_when_an_id_came_went_or_moved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its check, of delegate ids used twice, went over every delegate at each edit:
    43 ms on 100,000 delegates, after a pull that renamed one organisation."""
    from summit.model import check_scope  # noqa: PLC0415
    from summit.workflows import working_copies  # noqa: PLC0415

    workspace = Workspace.open(data_dir)
    workspace.findings()
    spied = [spy(monkeypatch, module, "check_register") for module in (check_scope, working_copies)]
    renamed = workspace.register.organisations["google"].model_copy(update={"name": "Alphabet"})
    workspace.register = workspace.register.with_organisation("google", renamed)
    assert workspace.findings() == full_findings(workspace)
    assert spied == [[], []]
    edited(workspace, ("add-person", "google", "secretary-of-state"))  # DCMS's too
    assert workspace.findings() == full_findings(workspace)
    assert sum(map(len, spied)) == 1
    assert any("already used" in finding.message for finding in workspace.findings())
