"""OAuth, Exchange and Graph refusals in words: what happened and what to do about it.

The codes are Microsoft's and Google's own (AADSTS errors, Exchange Online's
enhanced SMTP status codes, OAuth 2.0 error names); each is matched in the
server's text so the advice follows whatever wording surrounds it.
"""

_ADVICE: tuple[tuple[str, str], ...] = (
    (
        "AADSTS65001",
        "the organisation has not consented to summit's app registration for this "
        "permission: an administrator must grant consent (see docs/mail-sign-in.md)",
    ),
    (
        "5.7.139",
        "SMTP AUTH is disabled for this tenant or mailbox: use --graph to send through "
        "Microsoft Graph instead",
    ),
    (
        "5.7.30",
        "SMTP AUTH (basic authentication) is disabled for this tenant: use --graph to send "
        "through Microsoft Graph instead",
    ),
    (
        "AADSTS70000",
        "the sign-in was refused for the scopes asked (wrong scope or not granted): "
        "sign in again with `summit login`",
    ),
    (
        "invalid_scope",
        "the token was asked for the wrong scope: SMTP and IMAP need the Outlook scopes "
        "(SMTP.Send, IMAP.AccessAsUser.All), Graph needs Mail.Send and Mail.ReadWrite, "
        "Google needs https://mail.google.com/",
    ),
    (
        "insufficient_scope",
        "the token does not carry the scope this needs: SMTP and IMAP need the Outlook scopes "
        "(SMTP.Send, IMAP.AccessAsUser.All), Graph needs Mail.Send and Mail.ReadWrite, "
        "Google needs https://mail.google.com/",
    ),
    (
        "ErrorAccessDenied",
        "the token does not carry the Graph permission this needs (Mail.Send to send, "
        "Mail.ReadWrite to read and mark replies)",
    ),
    ("invalid_grant", "the sign-in has expired or was revoked: sign in again with `summit login`"),
    ("AADSTS50173", "the sign-in has expired or was revoked: sign in again with `summit login`"),
    ("AADSTS700082", "the sign-in has expired: sign in again with `summit login`"),
)


def advice(text: str) -> str | None:
    """What to do about a refusal whose text names a known cause, or None."""
    lowered = text.lower()
    for code, words in _ADVICE:
        if code.lower() in lowered:
            return words
    return None


def explained(text: str) -> str:
    """The server's own words, followed by what they mean when the cause is known."""
    found = advice(text)
    return f"{text} ({found})" if found else text
