"""summit: plan a ministerial stakeholder summit and send its invitations."""

__version__ = "0.1.0"
