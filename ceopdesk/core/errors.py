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
