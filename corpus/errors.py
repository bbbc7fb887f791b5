"""Domain errors. Each carries a plain message meant for the user; the CLI and
the web app turn them into that message (and a non-zero exit), never a traceback.

The base class lives in the lowest layer so every layer can subclass it without
reaching upward.
"""


class JJJError(Exception):
    """Base of every error the user should see as a plain message."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message + (f"\n{self.hint}" if self.hint else "")


class ReportLoadError(JJJError):
    """A report file could not be read: missing, empty, binary, wrong encoding, unreadable PDF."""

    exit_code = 3
