"""Issue 21 item 17: in a summit that is itself OFFICIAL-SENSITIVE, no record is quoted.

An unmarked item of a sensitive summit still goes to the attendees (`shareable`
keeps it: they are told what they are invited to), but a commit message reaches
whoever reads the remote's pages, who were told nothing of the summit.
"""

from summit.model import Classification, Summit
from summit.model.discreet_changes import describe_discreetly
from summit.model.sensitivity import shareable
from summit.store import load_dataset
from tests.conftest import REPO, SAMPLE_SUMMIT

COFFEE = "Coffee"
CIRCULATE = "Circulate a note of the summit"


def sample(*, sensitive: bool) -> Summit:
    summit = load_dataset(REPO).summits[SAMPLE_SUMMIT].record
    if not sensitive:
        return summit
    return summit.model_copy(
        update={
            "classification": Classification.OFFICIAL_SENSITIVE,
            "public_purpose": "Online safety",
        }
    )


def reworded(summit: Summit) -> Summit:
    """Unmarked records reworded: the coffee break, the first action and commitment,
    and the briefing pack's reason and handling."""
    agenda = list(summit.agenda)
    agenda[3] = agenda[3].model_copy(update={"title": "Coffee with Project Nightjar"})
    actions = list(summit.actions)
    actions[0] = actions[0].model_copy(update={"text": "Circulate the Nightjar note."})
    commitments = list(summit.commitments)
    commitments[0] = commitments[0].model_copy(update={"text": "Nightjar warnings on search."})
    return summit.model_copy(
        update={
            "agenda": agenda,
            "actions": actions,
            "commitments": commitments,
            "reason": "Nightjar asked for it",
            "handling": "Nightjar: no press",
        }
    )


def test_a_sensitive_summits_unmarked_records_are_named_by_their_place() -> None:
    old = sample(sensitive=True)
    lines = describe_discreetly(SAMPLE_SUMMIT, old, reworded(old))
    said = "\n".join(lines)
    for secret in ("Nightjar", COFFEE, CIRCULATE, "Show deterrence"):
        assert secret not in said, said
    for place in ("agenda item 4", "action 1", "commitment 1"):
        assert f"{place}, sensitive: changed" in lines, lines
    assert "reason changed" in lines and "handling changed" in lines


def test_marking_the_summit_sensitive_hides_its_records_in_that_very_change() -> None:
    old = sample(sensitive=False)
    new = reworded(sample(sensitive=True))
    said = "\n".join(describe_discreetly(SAMPLE_SUMMIT, old, new))
    assert "Nightjar" not in said and COFFEE not in said, said
    assert "classification now OFFICIAL-SENSITIVE (was OFFICIAL)" in said


def test_an_ordinary_summits_unmarked_records_are_still_quoted() -> None:
    old = sample(sensitive=False)
    said = "\n".join(describe_discreetly(SAMPLE_SUMMIT, old, reworded(old)))
    assert "'Coffee with Project Nightjar'" in said
    assert "Nightjar asked for it" in said


def test_the_attendees_of_a_sensitive_summit_still_get_its_unmarked_items() -> None:
    """The decision above is for history only: invitations carry the shareable agenda."""
    titles = [item.title for item in shareable(sample(sensitive=True)).agenda]
    assert COFFEE in titles and "Agreed actions and next steps" in titles
