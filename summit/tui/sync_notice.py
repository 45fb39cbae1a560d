"""What a sync says: a few lines for a few seconds, so an 80x24 screen stays usable.

The whole of what came in is in the history (f3); the notice only says that it came.
"""

SYNC_NOTICE_LINES = 5
SYNC_NOTICE_SECONDS = 6
SYNC_NOTICE_WIDTH = 72
"""Longer lines are cut: wrapped in a narrow notice, one line would take three."""


def sync_notice(lines: list[str]) -> str:
    """ "Synced:" and the first lines of what came in and went out, then how many more."""
    shown = lines[:SYNC_NOTICE_LINES]
    if len(lines) > len(shown):
        shown = lines[: SYNC_NOTICE_LINES - 1]
        shown.append(f"…and {len(lines) - len(shown)} more (f3: history)")
    cut = [
        line if len(line) <= SYNC_NOTICE_WIDTH else line[: SYNC_NOTICE_WIDTH - 1] + "…"
        for line in shown
    ]
    return "\n".join(["Synced:", *cut])
