"""A high-contrast theme beside Textual's own light and dark themes."""

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="summit-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFA500",
    error="#FF4040",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
)
