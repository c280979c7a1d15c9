"""The boilerplate library screen: notes to editors, their versions and where they are used."""

from .editor import BoilerplateEditor
from .history import BoilerplateHistoryDialog
from .view import BoilerplateView

__all__ = ["BoilerplateEditor", "BoilerplateHistoryDialog", "BoilerplateView"]
