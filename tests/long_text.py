"""Long real-world text in the sample data: what cuts a table cell or a box."""

from pathlib import Path

SAMPLE_SUMMIT = "online-safety-summit"

# Sixty characters: the name of the Internet Watch Foundation's unit, as a user typed it.
ORGANISATION = "Internet Watch Foundation UK Hotline and Takedown Operations"
# Its delegate's address, longer than the register's e-mail column.
EMAIL = "helen.marsh-whitfield@internet-watch-foundation-hotline.example.org"
# Three hundred characters: an action as agreed at the table.
ACTION = (
    "Circulate a note of the summit and the agreed commitments to all attendees, with the "
    "figures on reports received and removal times, the companies that agreed to show "
    "deterrence warnings and the date each commitment is due, and ask every company to "
    "confirm all its own entries by the end of the month."
)
assert len(ORGANISATION) == 60
assert len(ACTION) == 300, len(ACTION)


def lengthen(root: Path) -> None:
    """The sample data in `root` with the long organisation name, e-mail and action."""
    register = root / "invitees.toml"
    text = register.read_text(encoding="utf-8")
    text = text.replace('name = "Internet Watch Foundation"', f'name = "{ORGANISATION}"')
    register.write_text(text.replace("helen.marsh@iwf.example.org", EMAIL), encoding="utf-8")
    summit = root / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = summit.read_text(encoding="utf-8")
    old = "Circulate a note of the summit and the agreed commitments to all attendees."
    assert old in text
    summit.write_text(text.replace(old, ACTION), encoding="utf-8")
