"""Papers benchmark: every paper of a large summit, and the transparency return.

(a) All papers (briefing pack, both notes, press notice; .docx, .md and the
    pack's .html) for a summit with 500 attendees, 50 agenda items and a series
    of 10 earlier summits, written to a folder. Target <= 1 s.
(b) The transparency return over 1,000 summit files (load, then the return),
    as a ratio to loading them with `load_dataset` in the same run. Target <= 1.3x.

Run: uv run python bench/bench_papers.py [--repeat N]
"""

import argparse
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import cold_caches
from generate import generate
from timing import best_of

from summit.papers.transparency import meetings
from summit.papers.writing import transparency_return, write_papers
from summit.store import load_dataset

ORGANISATIONS = 50
PER_ORGANISATION = 10  # 500 attendees
ITEMS = 50
EARLIER = 10


def _register() -> str:
    parts = ['[organisations.dept]\nname = "Department"\nsector = "government"\n']
    parts.append(
        '[organisations.dept.delegates.minister]\nname = "A Minister"\n'
        'job_title = "Minister"\nemail = "minister@dept.example.org"\n'
        '[organisations.dept.delegates.lead]\nname = "A Lead"\n'
        'job_title = "Lead"\nemail = "lead@dept.example.org"\nphone = "+44 20 7946 0000"\n'
    )
    for o in range(ORGANISATIONS):
        parts.append(f'\n[organisations.org-{o}]\nname = "Organisation {o}"\nsector = "isp"\n')
        for d in range(PER_ORGANISATION):
            parts.append(
                f"[organisations.org-{o}.delegates.d-{o}-{d}]\n"
                f'name = "Delegate {o} {d}"\njob_title = "Head of Policy {d}"\n'
                f'email = "d{d}@org-{o}.example.org"\n'
                f"[organisations.org-{o}.delegates.d-{o}-{d}.personal]\n"
                'dietary_needs = "None"\n'
            )
    return "".join(parts)


def _summit(index: int) -> str:
    start = datetime(2026, 1, 14, 9, 0) + timedelta(weeks=4 * index)
    lines = [
        f'title = "Summit {index}"',
        'convener = "minister"',
        'organiser = "lead"',
        f"start = {start.isoformat()}",
        'venue = "100 Parliament Street"',
        'status = "held"',
        'purpose = "Agree what industry will do next."',
    ]
    if index:
        lines.append(f'follows = "summit-{index - 1}"')
    for o in range(ORGANISATIONS):
        lines.append(f"\n[invitations.org-{o}.rsvp]")
        lines += [f'd-{o}-{d} = "accepted"' for d in range(PER_ORGANISATION)]
        lines.append(f"[invitations.org-{o}.attended]")
        lines += [f"d-{o}-{d} = {str(d != 0).lower()}" for d in range(PER_ORGANISATION)]
    for item in range(ITEMS):
        sensitive = '\nclassification = "OFFICIAL-SENSITIVE"' if item % 10 == 3 else ""
        lines.append(
            f'\n[[agenda]]\ntitle = "Item {item}"\nlead = "d-{item % ORGANISATIONS}-0"\n'
            f'minutes = 5\nobjective = "Agree the next steps on {item}."\n'
            f'lines_to_take = "- We expect progress.\\n- We want a date."\n'
            f'background = "What happened before item {item}."\n'
            f'summary = "What was said on item {item}."\ndecisions = "Decided {item}."'
            f"{sensitive}"
        )
    due = start.date() + timedelta(days=60)
    for n in range(20):
        lines.append(
            f'\n[[actions]]\ntext = "Action {n} of summit {index}."\nowner = "org-{n}"\ndue = {due}'
        )
        lines.append(
            f'\n[[commitments]]\norganisation = "org-{n}"\n'
            f'text = "Commitment {n} of summit {index}."\nagreed = {start.date()}\ndue = {due}'
        )
    return "\n".join(lines) + "\n"


def series_data(root: Path) -> Path:
    (root / "agendas").mkdir(parents=True)
    (root / "invitees.toml").write_text(_register())
    for index in range(EARLIER + 1):
        (root / "agendas" / f"summit-{index}.toml").write_text(_summit(index))
    return root


def held_summits(root: Path) -> Path:
    """The benchmark data directory of 1,000 summits, each held, so each is a row."""
    generate(root)
    for path in (root / "agendas").glob("*.toml"):
        path.write_text(path.read_text().replace('status = "invited"', 'status = "held"'))
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        root = series_data(work / "series")
        dataset = load_dataset(root)
        assert not dataset.errors, dataset.errors[:3]
        newest = f"summit-{EARLIER}"
        out = work / "papers"
        papers = best_of(args.repeat, lambda: write_papers(dataset, newest, out))
        written = sorted(out.iterdir())
        size = sum(p.stat().st_size for p in written)
        print(
            f"(a) all papers of a summit with {ORGANISATIONS * PER_ORGANISATION} invitees, "
            f"{ITEMS} items and {EARLIER} earlier summits: {papers:.3f} s "
            f"({len(written)} files, {size / 1e6:.1f} MB; target <= 1 s)"
        )

        many = held_summits(work / "many")
        start, end = date(2027, 1, 1), date(2029, 12, 31)

        def load() -> None:
            cold_caches()
            load_dataset(many)

        def transparency() -> None:
            cold_caches()
            transparency_return(load_dataset(many), start, end)

        loaded = best_of(args.repeat, load)
        returned = best_of(args.repeat, transparency)
        rows = meetings(
            load_dataset(many).summit_records(),
            load_dataset(many).register.record,  # type: ignore[union-attr]
            start,
            end,
        )
        print(
            f"(b) transparency return over 1,000 summit files ({len(rows)} rows): "
            f"{returned:.3f} s against load_dataset {loaded:.3f} s = "
            f"{returned / loaded:.2f}x (target <= 1.3x)"
        )


if __name__ == "__main__":
    main()
