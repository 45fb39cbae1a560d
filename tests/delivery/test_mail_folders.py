"""Maildir and mbox folders: only regular files are opened, and no message over the cap is read."""

import mailbox
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

from summit.delivery.mailbox import gather_replies
from summit.delivery.mailfolder import MAX_MESSAGE_BYTES

BIG = MAX_MESSAGE_BYTES + (8 << 20)


def test_a_fifo_in_a_maildir_is_passed_over_not_waited_for(tmp_path: Path) -> None:
    folder = mailbox.Maildir(tmp_path / "Replies", create=True)
    folder.add(b"From: someone@example.org\n\nhello\n")
    os.mkfifo(tmp_path / "Replies" / "new" / "1700000000.fifo.host")
    # In a child with a timeout: a regression hangs there, and fails here.
    script = (
        "import sys; from pathlib import Path; from summit.delivery.mailbox import gather_replies;"
        "found = gather_replies([Path(sys.argv[1])]); print(found.unread, found.skipped)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "Replies")],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1700000000.fifo.host: not a regular file" in done.stdout
    assert "no calendar reply in this message" in done.stdout


def test_an_oversized_maildir_message_is_not_read(tmp_path: Path) -> None:
    mailbox.Maildir(tmp_path / "Replies", create=True)
    with (tmp_path / "Replies" / "new" / "1700000000.big.host").open("wb") as file:
        file.truncate(BIG)  # sparse: nothing on disk, but a read would fill memory
    tracemalloc.start()
    found = gather_replies([tmp_path / "Replies"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [note.split(": ", 1)[1] for note in found.unread] == [
        f"{BIG:,} bytes, over the 32 MiB limit: not read"
    ]
    assert peak < 4 << 20
    assert found.read == [] and found.problems == []


def test_an_oversized_mbox_message_is_not_read_and_the_others_are(tmp_path: Path) -> None:
    path = tmp_path / "replies.mbox"
    with path.open("wb") as file:
        file.write(b"From a@example.org Sat Dec  5 10:00:00 2026\nFrom: a@example.org\n\nbig\n")
        file.seek(BIG)
        file.write(b"\nFrom b@example.org Sat Dec  5 10:00:00 2026\nFrom: b@example.org\n\nhi\n")
    tracemalloc.start()
    found = gather_replies([path])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(found.unread) == 1 and found.unread[0].startswith(f"{path}#1: ")
    assert "over the 32 MiB limit" in found.unread[0]
    assert found.skipped == ["replies.mbox#2: no calendar reply in this message"]
    assert peak < 4 << 20


def test_the_cli_names_what_it_did_not_read(data_dir: Path, tmp_path: Path, cli) -> None:
    mailbox.Maildir(tmp_path / "Replies", create=True)
    with (tmp_path / "Replies" / "cur" / "1700000001.big.host:2,S").open("wb") as file:
        file.truncate(BIG)
    result = cli("rsvp", "import", tmp_path / "Replies", "--data", data_dir)
    assert "not read: " in result.err and "1700000001.big.host: " in result.err
    assert "over the 32 MiB limit" in result.err
    assert "Traceback" not in result.err
