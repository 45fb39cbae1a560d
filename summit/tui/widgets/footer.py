"""The key bar at the bottom of every screen."""

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

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
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # A key starts compact (Textual's default) and is then bound to the
                # footer's width: each restyled twice, a third of the footer's cost.
                # (Textual leaves ctrl+p compact, unbound: so does this.)
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        current = self.is_attached and screen is self.screen
        keys = self._keys_shown() if current else None
        if self._composed is not None and current and keys == self._composed:
            return
        super().bindings_changed(screen)
        if current and screen.app.app_focus:
            # Rebuilt after the next refresh: a second change before then showing the
            # same keys (there are two as the first screen starts) is not another rebuild.
            self._composed = keys
