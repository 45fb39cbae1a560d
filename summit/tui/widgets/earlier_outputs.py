"""The earlier summits' open actions and commitments, listed in a follow-up's outputs tab.

A follow-up is where one asks "did they do what they said?": each open one is a row
(kind "earlier"), and space marks it met (done) in the earlier summit's own file, so
nobody has to go back to last year's summit to record it. Once met it leaves the list;
ctrl+z brings it back.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from summit.model import Action, ActionStatus, Commitment, CommitmentStatus, Register, Summit
from summit.model.series import earlier

PREFIX = "earlier/"


@dataclass(frozen=True)
class EarlierOutput:
    summit_id: str
    kind: str  # "action" or "commitment"
    index: int
    record: Action | Commitment

    @property
    def key(self) -> str:
        return f"{PREFIX}{self.summit_id}/{self.kind}/{self.index}"

    def who(self, register: Register) -> str:
        owner = self.record.owner if isinstance(self.record, Action) else self.record.organisation
        return register.describe(owner)

    def detail(self, register: Register) -> str:
        what = "Action for" if self.kind == "action" else "Commitment by"
        due = f" · due {self.record.due:%d %b %Y}" if self.record.due else ""
        return (
            f"{what} {self.who(register)}, from {self.summit_id}{due} · {self.record.status}"
            f" (space: mark it {'done' if self.kind == 'action' else 'met'})\n{self.record.text}"
        )


def open_earlier(summit_id: str, summits: Mapping[str, Summit]) -> list[EarlierOutput]:
    """The open actions and commitments of the summits this one follows, newest first."""
    found: list[EarlierOutput] = []
    for earlier_id, summit in earlier(summit_id, summits):
        found += [
            EarlierOutput(earlier_id, "action", i, a)
            for i, a in enumerate(summit.actions)
            if a.status is ActionStatus.OPEN
        ]
        found += [
            EarlierOutput(earlier_id, "commitment", i, c)
            for i, c in enumerate(summit.commitments)
            if c.status is CommitmentStatus.OPEN
        ]
    return found


def find(key: str, summit_id: str, summits: Mapping[str, Summit]) -> EarlierOutput | None:
    return next((o for o in open_earlier(summit_id, summits) if o.key == key), None)


def marked_done(output: EarlierOutput, summits: Mapping[str, Summit]) -> Summit:
    """A copy of the earlier summit with this action done, or this commitment met."""
    summit = summits[output.summit_id].model_copy(deep=True)
    if output.kind == "action":
        summit.actions[output.index].status = ActionStatus.DONE
    else:
        summit.commitments[output.index].status = CommitmentStatus.MET
    return summit


def due_text(due: date | None) -> str:
    return f"{due:%d %b %Y}" if due else ""
