"""Network failures in words, the same for the SMTP relay and the IMAP mailbox.

The standard library reports a refused port as `[Errno 111] Connection
refused`, and imaplib as a bare `111`; an untrusted certificate as
`[SSL: CERTIFICATE_VERIFY_FAILED] ...`. A person needs to know what happened
and where: the certificate is not trusted, nothing listens on that port, the
name is not found, there was no answer.
"""

import errno
import socket
import ssl


def _where(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _refused(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno == errno.ECONNREFUSED


def network_failure(error: BaseException, host: str, port: int) -> str | None:
    """What went wrong reaching `host`, in a sentence; None when it is not a network error."""
    where = _where(host, port)
    if isinstance(error, ssl.SSLCertVerificationError):
        why = error.verify_message or error.reason or "not verified"
        return (
            f"the certificate of {host} is not trusted ({why}); "
            "a private CA can be named with SSL_CERT_FILE"
        )
    said = {
        ssl.SSLError: f"TLS failed with {host}: {getattr(error, 'reason', None) or error}",
        socket.gaierror: f"the name {host} was not found",
        TimeoutError: f"no answer from {where} (timed out)",
        ConnectionResetError: f"{host} closed the connection",
        BrokenPipeError: f"{host} closed the connection",
        EOFError: f"{host} closed the connection",
    }
    if _refused(error):
        return f"connection refused at {where}: is the server running on that port?"
    for kind, text in said.items():
        if isinstance(error, kind):
            return text
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror} ({where})"
    return None
