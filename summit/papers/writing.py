"""Writing the papers into a folder, and the transparency return: the data folder joined to them.

Every paper is built and rendered in memory first, then all are written
together, or none (a refusal, a folder that cannot be written).
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from summit.model import Classification, Register, Summit, SummitStatus
from summit.model.series import earlier
from summit.model.suggest import did_you_mean
from summit.papers.brief import briefing_pack
from summit.papers.content import meeting_note, press_notice
from summit.papers.document import DEFAULT_KINDS, Paper, PaperKind
from summit.papers.foi_bundle import foi_bundle
from summit.papers.html import render_html
from summit.papers.markdown import render_markdown
from summit.papers.transparency import COLUMNS, DateFormat, declared, notes, transparency_csv
from summit.papers.word import render_docx
from summit.store import DataError, Dataset
from summit.store.outputs import write_together


class PapersError(Exception):
    """The papers cannot be made as asked (an unknown minister, dates the wrong way round)."""


class NoMinisters(PapersError):
    """The register marks nobody as a minister: no meeting can be told to be a minister's."""


@dataclass(frozen=True)
class TransparencyReturn:
    data: bytes
    """The CSV, as it is published."""
    notes: list[str]
    """What the official should check first (a row read from replies, not attendance)."""


@dataclass
class Written:
    paths: list[Path]
    warnings: list[str] = field(default_factory=list)


def _series_warnings(dataset: Dataset, summit_id: str, summit: Summit) -> list[str]:
    series = earlier(summit_id, dataset.summit_records())
    last = series[-1][1] if series else summit
    if last.follows is not None and last.follows in dataset.unreadable:
        return [f"the series stops at {last.follows}: its file does not load"]
    return []


def papers_for(
    summit_id: str,
    summits: Mapping[str, Summit],
    register: Register,
    kinds: Collection[PaperKind] = DEFAULT_KINDS,
    today: date | None = None,
) -> list[Paper]:
    """The papers of one summit (of the kinds asked for), each paper's variants together;
    the press notice in the future tense while `today` is before the summit."""
    summit = summits[summit_id]
    series = earlier(summit_id, summits)
    made: list[Paper] = []
    if PaperKind.BRIEF in kinds:
        made.append(briefing_pack(summit_id, summit, register, series))
    if PaperKind.NOTE in kinds:
        made.append(meeting_note(summit_id, summit, register, series, internal=False))
        made.append(meeting_note(summit_id, summit, register, series, internal=True))
    if PaperKind.PRESS in kinds:
        made.append(press_notice(summit_id, summit, register, series, today=today))
    if PaperKind.FOI in kinds:
        made.append(foi_bundle(summit_id, summit, register, series))
    return made


def rendered(papers: list[Paper], stamp: datetime) -> dict[str, bytes]:
    """Every paper as .docx and .md, and the briefing pack as .html too, by file name."""
    files: dict[str, bytes] = {}
    for paper in papers:
        files[f"{paper.name}.docx"] = render_docx(paper, stamp)
        files[f"{paper.name}.md"] = render_markdown(paper)
        if paper.kind is PaperKind.BRIEF:
            files[f"{paper.name}.html"] = render_html(paper)
    return files


def write_papers(
    dataset: Dataset,
    summit_id: str,
    out: Path,
    *,
    kinds: Collection[PaperKind] = DEFAULT_KINDS,
    now: datetime | None = None,
) -> Written:
    """Every paper of the kinds asked for, all written or none."""
    _, register = dataset.valid_summit(summit_id)
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    papers = papers_for(summit_id, dataset.summit_records(), register, kinds, today)
    files = rendered(papers, now)
    summit = dataset.summits[summit_id].record
    warnings = _series_warnings(dataset, summit_id, summit)
    if PaperKind.PRESS in kinds and summit.status is SummitStatus.DRAFT:
        warnings.append(
            "the summit is a draft: its press notice tells of a meeting not yet arranged; "
            "do not publish it until the summit is confirmed"
        )
    if PaperKind.PRESS in kinds and summit.classification is Classification.OFFICIAL_SENSITIVE:
        warnings.append(
            "the summit is OFFICIAL-SENSITIVE: have the press notice cleared before it is published"
        )
    return Written(write_together(out, files), warnings)


def transparency_return(
    dataset: Dataset,
    start: date,
    end: date,
    minister: str | None = None,
    *,
    headings: tuple[str, ...] = COLUMNS,
    date_format: DateFormat = "dmy",
    today: date | None = None,
) -> TransparencyReturn:
    """The return as CSV, and what to check before publishing it; refused while any data
    file has errors (a meeting could be missed)."""
    if dataset.errors or dataset.register is None:
        raise DataError(dataset.errors)
    register = dataset.register.record
    if end < start:
        raise PapersError(f"--to {end} is before --from {start}")
    _check_minister(register, minister)
    found = declared(dataset.summit_records(), register, start, end, minister, today=today)
    return TransparencyReturn(transparency_csv(found.meetings, headings, date_format), notes(found))


def _check_minister(register: Register, minister: str | None) -> None:
    """`--minister` names a minister; without it, someone in the register is one (else
    every meeting would be left out, and the return would say "Nil return" untruly)."""
    if not any(d.minister for o in register.organisations.values() for d in o.delegates.values()):
        raise NoMinisters(
            "no delegate in the register is marked as a minister, so no meeting can be told "
            "to be a minister's: add `minister = true` to each minister in invitees.toml"
        )
    if minister is None:
        return
    chair = register.delegate(minister)
    if chair is None:
        hint = did_you_mean(minister, register.delegate_index())
        raise PapersError(f"no delegate {minister!r} in the register{hint}")
    if not chair.minister:
        raise PapersError(
            f"{chair.name} ({minister}) is not a minister (`minister = true` in the register): "
            "the return declares ministers' meetings only"
        )
