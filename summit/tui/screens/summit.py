"""One summit: its agenda, invitees and replies, outputs and particulars, in tabs."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from summit.model import SummitStatus
from summit.model.schedule import overrun_minutes
from summit.tui.cancelling import CANCELLED_HOW_TO_TELL, ask_to_cancel, refuse_cancelling
from summit.tui.session import Session
from summit.tui.text import escape
from summit.tui.widgets.agenda import AgendaPart
from summit.tui.widgets.details import DetailsPart
from summit.tui.widgets.footer import SteadyFooter
from summit.tui.widgets.invitees import InviteesPart
from summit.tui.widgets.outputs import OutputsPart
from summit.tui.widgets.summit_part import SummitChanged, SummitPart


class SummitScreen(Screen[None]):
    CSS_PATH = "summit.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="summit.back"),
        Binding("ctrl+e", "export", "Export", id="summit.export"),
        Binding("ctrl+o", "papers", "Papers", id="summit.papers"),
        Binding("ctrl+x", "cancel_summit", "Cancel summit", id="summit.cancel"),
        Binding("ctrl+t", "send", "Send", id="summit.send"),
        Binding("1", "tab('agenda')", "Agenda", show=False, id="summit.tab.agenda"),
        Binding("2", "tab('invitees')", "Invitees", show=False, id="summit.tab.invitees"),
        Binding("3", "tab('outputs')", "Outputs", show=False, id="summit.tab.outputs"),
        Binding("4", "tab('details')", "Details", show=False, id="summit.tab.details"),
    ]

    def __init__(self, session: Session, summit_id: str) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="summit-summary")
        with TabbedContent(id="summit-tabs"):
            with TabPane("1 Agenda", id="tab-agenda"):
                yield AgendaPart(self.session, self.summit_id)
            with TabPane("2 Invitees", id="tab-invitees"):
                yield InviteesPart(self.session, self.summit_id)
            with TabPane("3 Outputs", id="tab-outputs"):
                yield OutputsPart(self.session, self.summit_id)
            with TabPane("4 Details", id="tab-details"):
                yield DetailsPart(self.session, self.summit_id)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.refresh_summary()
        self.query_one(AgendaPart).show()
        self.query_one(AgendaPart).query_one(DataTable).focus()

    def _shown_part(self) -> SummitPart | None:
        pane = self.query_one("#summit-tabs", TabbedContent).active_pane
        return pane.query_one(SummitPart) if pane is not None else None

    @on(TabbedContent.TabActivated)
    def _focus_tab(self, event: TabbedContent.TabActivated) -> None:
        # Only the tab in view is kept drawn: the one coming into view catches up now.
        event.pane.query_one(SummitPart).show()
        # Each part's keys work when its table (or the part itself) has focus.
        tables = event.pane.query(DataTable)
        if tables:
            tables.first().focus()
        else:
            event.pane.query_one(SummitPart).focus()

    def on_screen_resume(self) -> None:
        # Back from a form or another screen: redraw only what changed meanwhile.
        if self.summit_id in self.session.workspace.summits:
            self.refresh_summary()
            shown = self._shown_part()
            if shown is not None:
                shown.show()

    def refresh_summary(self) -> None:
        summit = self.session.workspace.summits[self.summit_id]
        when = f"{summit.start:%a %d %b %Y %H:%M}"
        late = overrun_minutes(summit)
        overrun = f" · [b $text-error]overruns by {late} min[/]" if late else ""
        # One fact per line, each cut to the width (the details tab has them in full),
        # so the header stays three lines high at any width.
        self.query_one("#summit-summary", Static).update(
            f"[b]{escape(summit.title)}[/b]\n{when} · {escape(summit.venue)}\n"
            f"{summit.status} · {summit.classification}{overrun}"
        )
        # The title names where we are; the app's sub-title (unsaved files, branch) stays shown.
        self.title = self.summit_id

    @on(SummitChanged)
    def refresh_all(self) -> None:
        """Redraw the tab in view; the others are redrawn when next shown."""
        self.refresh_summary()
        for part in self.query(SummitPart):
            part.mark_stale()
        shown = self._shown_part()
        if shown is not None:
            shown.show()

    def action_tab(self, tab: str) -> None:
        self.query_one("#summit-tabs", TabbedContent).active = f"tab-{tab}"

    def action_export(self) -> None:
        from summit.tui.screens.export import ExportScreen  # noqa: PLC0415 - loads icalendar

        self.app.push_screen(
            ExportScreen(self.session, self.summit_id), lambda _: self.refresh_all()
        )

    def action_papers(self) -> None:
        # Loads the papers' builders; python-docx and jinja2 load only when writing.
        from summit.tui.screens.papers import PapersScreen  # noqa: PLC0415

        self.app.push_screen(PapersScreen(self.session, self.summit_id))

    def action_send(self) -> None:
        from summit.tui.screens.send import SendScreen  # noqa: PLC0415 - loads the mail layers

        self.app.push_screen(SendScreen(self.session, self.summit_id), lambda _: self.refresh_all())

    def action_remind(self) -> None:
        """The send screen in reminder mode: the dry run listed, sent on confirmation."""
        from summit.tui.screens.send import SendScreen  # noqa: PLC0415 - loads the mail layers

        screen = SendScreen(self.session, self.summit_id, reminding=True)
        self.app.push_screen(screen, lambda _: self.refresh_all())

    def action_cancel_summit(self) -> None:
        summit = self.session.workspace.summits[self.summit_id]
        if summit.status == SummitStatus.CANCELLED:
            self.notify("This summit is already cancelled")
            return
        if refuse_cancelling(self.app, self.summit_id, summit, self.session.today):
            return

        def answered(yes: bool) -> None:
            if yes:
                cancelled = summit.model_copy(deep=True)
                cancelled.status = SummitStatus.CANCELLED
                self.session.workspace.set_summit(self.summit_id, cancelled)
                self.session.changed()
                self.refresh_all()
                self.notify(CANCELLED_HOW_TO_TELL)

        ask_to_cancel(self.app, summit.title, answered)
