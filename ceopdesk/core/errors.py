"""Errors a user can cause. Their message is one plain sentence fit to show as it is."""


class UserError(Exception):
    """Bad input or a refused action: shown to the user, never as a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class StoreError(UserError):
    """The store cannot be opened or used as it is (newer version, damaged file)."""


class StoreBusy(UserError):
    """Another writer holds the store; the same action can simply be tried again."""


class StaleWrite(UserError):
    """A write based on a version of a record that has since moved on: refused, not applied.

    ``read`` is the version the writer had read, ``current`` the one stored now (None when
    the record has gone); ``by`` and ``at`` say who changed it last and when, if known.
    """

    def __init__(
        self,
        what: str,
        read: int | None,
        current: int | None,
        by: str | None = None,
        at: str | None = None,
    ) -> None:
        who = f" by {by}" if by else ""
        when = f" at {at}" if at else ""
        if current is None:
            message = f"{what} was deleted elsewhere{who}{when}; nothing was saved."
        elif read is None or current < 0:
            message = (
                f"{what} was changed elsewhere{who}{when} while this was being saved; "
                "nothing was saved."
            )
        else:
            message = (
                f"{what} was changed elsewhere{who}{when} (now version {current}; you had "
                f"version {read}); nothing was saved."
            )
        super().__init__(message)
        self.what = what
        self.read = read
        self.current = current
        self.by = by
        self.at = at
