"""Two summit processes saving one file at once: every save that reports success survives."""

import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT, dated_ahead
from tests.ical.test_replies import reply_file, sample_uid

# Appends actions through the storage API; on a conflict it reloads and tries again,
# as the app does after "reload". Prints the text of every action whose save succeeded.
_APPENDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from summit.model import Action, Summit
    from summit.store import ConflictError, TomlDocument

    path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for n in range(count):
        while True:
            doc = TomlDocument.load(path, Summit)
            summit = doc.record.model_copy(deep=True)
            summit.actions.append(Action(text=f"{tag} {n}", owner="google"))
            try:
                doc.save(summit)
            except ConflictError:
                continue
            print(f"{tag} {n}", flush=True)
            break
    """
)


def _appender(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _APPENDER, str(path), tag, str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_overlapping_saves_from_two_processes_lose_nothing(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    workers = [_appender(path, tag, 60) for tag in ("first", "second")]
    reported: set[str] = set()
    for worker in workers:
        out, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0
        reported |= set(out.splitlines())
    saved = {action.text for action in load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.actions}
    assert len(reported) == 120
    assert reported - saved == set(), "saves reported as successful were lost"
    assert not list(path.parent.glob("*.lock")), "a lock file was left behind"


_REPLIES = [
    ("twitter-policy", "jess.moreno@twitter.example.org"),
    ("facebook-policy", None),
    ("virgin-policy", None),
    ("google-trust-safety", None),
    ("pipcu-detective-inspector", None),
]


def _emails(data_dir: Path) -> dict[str, str]:
    register = load_dataset(data_dir).register
    assert register is not None
    return {
        delegate_id: delegate.email
        for organisation in register.record.organisations.values()
        for delegate_id, delegate in organisation.delegates.items()
    }


def test_cli_saves_racing_an_api_writer_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    """`summit rsvp import` processes against a process saving through the API."""
    dated_ahead(data_dir)  # the replies answer a meeting still to come, by the real clock
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    uid = sample_uid(data_dir)
    emails = _emails(data_dir)
    writers = [_appender(path, tag, 150) for tag in ("api-1", "api-2")]
    recorded: dict[str, str] = {}
    for round_number in range(3):
        for delegate_id, _ in _REPLIES:
            partstat = ("ACCEPTED", "DECLINED", "TENTATIVE")[round_number]
            reply = reply_file(
                tmp_path,
                f"{delegate_id}-{round_number}.ics",
                uid=uid,
                email=emails[delegate_id],
                partstat=partstat,
                sequence=0,
                stamp=datetime(2026, 12, 1 + round_number, 10, tzinfo=UTC),
            )
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "summit",
                    "--data",
                    str(data_dir),
                    "rsvp",
                    "import",
                    str(reply),
                ],
                capture_output=True,
                text=True,
                check=False,
                timeout=60,
            )
            assert "Traceback" not in run.stderr
            # The file changes under it all the time; a reply and an appended action are
            # different records, so the import merges with them and always lands.
            assert run.returncode == 0, run.stderr
            recorded[delegate_id] = partstat.lower()
    reported: set[str] = set()
    for writer in writers:
        out, _ = writer.communicate(timeout=300)
        assert writer.returncode == 0
        reported |= set(out.splitlines())
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert reported - {action.text for action in summit.actions} == set()
    replies = {d: str(r) for inv in summit.invitations.values() for d, r in inv.rsvp.items()}
    assert {d: replies[d] for d in recorded} == recorded
