"""The key bar at the bottom of every screen."""

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

KeysShown = tuple[tuple[str, str, str, bool, str], ...]


class SteadyFooter(Footer):
    """Textual's footer, rebuilt only when the keys it shows change.

    Textual's footer rebuilds a widget per key whenever the screen's bindings may
    have changed, which it signals on every focus change and every return to a
    screen; rebuilding and restyling a dozen keys was a third of going back to
    a list of 1,000 summits. The keys are the same almost always, so it keeps them.
    """

    _composed: KeysShown | None = None

    NARROW = 100
    """Below this width keys go closer together and ctrl+p (in help, f1) leaves room for them."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < self.NARROW
        self.compact = narrow
        self.show_command_palette = not narrow

    def _keys_shown(self) -> KeysShown:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        self._composed = self._keys_shown() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        unchanged = (
            self._composed is not None
            and self.is_attached
            and screen is self.screen
            and self._keys_shown() == self._composed
        )
        if not unchanged:
            super().bindings_changed(screen)
