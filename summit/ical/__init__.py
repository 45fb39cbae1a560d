"""iCalendar output and input: invites, VTIMEZONE, iMIP e-mails, replies. No file IO."""
