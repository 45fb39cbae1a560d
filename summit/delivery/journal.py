"""The outbox journal: each message the relay accepted, written down at once.

The summit file records what each organisation was sent, but a save of a big
summit file takes longer than a relay takes to accept a message, so the file
is written in batches (see outbox_send._Recorder). In between, each accepted
message is appended here, one JSON line, before the next goes out: if the
process dies (power cut, kill), the next `summit send` on this machine finds
the lines, records them in the summit file first, and sends nothing twice.

The journal lives in the user's state folder, not in the data repository
(it is this machine's, and short-lived): it is removed once the summit file
holds everything in it.
"""

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from summit.model.sent import Sent


def journal_path(summit_file: Path) -> Path:
    import platformdirs  # noqa: PLC0415 - only when sending

    where = str(summit_file.absolute())
    tag = hashlib.sha256(where.encode("utf-8")).hexdigest()[:12]
    return platformdirs.user_state_path("summit") / "outbox" / f"{summit_file.stem}-{tag}.jsonl"


class Journal:
    """Accepted messages of one summit's meeting (its UID), not yet in the summit file."""

    def __init__(self, path: Path, uid: str) -> None:
        self.path = path
        self.uid = uid
        self._file: IO[str] | None = None

    def pending(self) -> dict[str, Sent]:
        """What the journal holds for this meeting, by organisation, the last line winning.

        A line cut short by a crash, or written for another UID, is passed over.
        """
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {}
        found: dict[str, Sent] = {}
        for line in text.splitlines():
            entry = _entry(line)
            if entry is not None and entry.get("uid") == self.uid:
                try:
                    fields = {k: v for k, v in entry.items() if k not in ("uid", "organisation")}
                    for stamp in ("at", "reminded"):
                        if fields.get(stamp) is not None:
                            fields[stamp] = datetime.fromisoformat(fields[stamp])
                    found[str(entry["organisation"])] = Sent.model_validate(fields)
                except (KeyError, TypeError, ValueError, ValidationError):
                    continue
        return found

    def append(self, organisation_id: str, sent: Sent) -> None:
        """Write one accepted message down before anything else happens (flushed to the OS)."""
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")
        line = {"uid": self.uid, "organisation": organisation_id, **sent.model_dump(mode="json")}
        self._file.write(json.dumps(line) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def clear(self) -> None:
        """Everything here is in the summit file now."""
        self.close()
        self.path.unlink(missing_ok=True)


def _entry(line: str) -> dict[str, Any] | None:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError:
        return None
    return entry if isinstance(entry, dict) else None
