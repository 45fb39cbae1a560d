"""The app's accessible mode, for screen readers, braille displays and magnifiers.

Textual hides the terminal's cursor and draws its own highlight, so assistive
technology that follows the cursor loses its place. In this mode the cursor is
shown and kept on the focused row or field; what happens ("Saved", "3 replies
imported") is also said in the title bar's status line, which stays until the
next message, not only in a notice that fades; animations are off; and the
high-contrast theme is one key away (f6); the screen's text reads naturally
(spoken.py). Started with `summit app --accessible`,
SUMMIT_ACCESSIBLE=1, or `accessible = true` in the preferences file.
"""

import os
from typing import TYPE_CHECKING

from rich.control import Control
from textual.app import App
from textual.geometry import Offset
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import DataTable

from summit.tui.spoken import Spoken
from summit.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:  # tabs load with the first screen that has them, not the first frame
    from textual.widgets import TabbedContent

FOLLOW_SECONDS = 0.05
_SHOW_CURSOR = "\x1b[?25h"
SHOWN = " (shown)"
"""Marks the tab in view in words: its underline is blank in this mode (spoken.py)."""


def accessible_wanted(preferences: dict[str, object]) -> bool:
    wanted = os.environ.get("SUMMIT_ACCESSIBLE", "").strip().lower()
    return wanted not in ("", "0", "no", "false") or preferences.get("accessible") is True


def focus_point(widget: Widget) -> Offset:
    """Where the cursor goes for a focused widget: a table's cursor row, else its corner."""
    region = widget.content_region
    if isinstance(widget, DataTable) and widget.row_count:
        header = widget.header_height if widget.show_header else 0
        row = widget.cursor_coordinate.row
        top = sum(r.height for r in list(widget.rows.values())[:row]) if row < 200 else row
        y = region.y + header + top - round(widget.scroll_y)
        return Offset(region.x, max(region.y, min(y, region.bottom - 1)))
    return region.offset


class AccessibleMode(App[None]):
    """Mixed into the app; `accessible` is set before it runs."""

    accessible = False
    said = ""
    """The last thing said, shown in the status line in accessible mode."""

    def start_accessible(self) -> None:
        if not self.accessible:
            return
        self.animation_level = "none"
        self.add_class("accessible")  # for what only this mode shows (form.tcss)
        self._filters.append(Spoken())  # separators read as commas (spoken.py)
        self.set_interval(FOLLOW_SECONDS, self.follow_focus)

    def follow_focus(self) -> None:
        """Keep the terminal's cursor on the focused row or field, and visible."""
        if not self.screen_stack:
            return  # the timer can fire once more while the app closes
        focused = self.focused
        if focused is None:
            return
        if focused.__class__.__name__ == "Input":
            return  # an Input places the cursor at its caret itself
        point = focus_point(focused)
        if point == self.cursor_position:
            return
        self.cursor_position = point
        self._place_cursor(point)

    def _place_cursor(self, point: Offset) -> None:
        driver = self._driver
        if driver is None or self.is_headless:
            return
        driver.write(_SHOW_CURSOR + Control.move_to(point.x, point.y).segment.text)
        driver.flush()

    def on_tabbed_content_tab_activated(self, event: "TabbedContent.TabActivated") -> None:
        if not self.accessible:
            return
        from textual.widgets import Tab  # noqa: PLC0415 - loaded by now, with the tabs

        for tab in event.tabbed_content.query(Tab):
            label = tab.label_text.removesuffix(SHOWN)
            tab.label = label + SHOWN if tab is event.tab else label

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        if self.accessible:
            word = {"warning": "Warning: ", "error": "Error: "}.get(severity, "")
            self.said = f"{word}{title + ': ' if title else ''}{message}"
            self.on_said()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_said(self) -> None:
        """Show `said` in the status line (the app redraws its title bar)."""

    def action_contrast(self) -> None:
        """Switch between the high-contrast theme and the theme before it."""
        if self.theme == HIGH_CONTRAST.name:
            self.theme = getattr(self, "_theme_before_contrast", "textual-dark")
        else:
            self._theme_before_contrast = self.theme
            self.theme = HIGH_CONTRAST.name
