"""The core, the documents and the CLI must work on a machine without a display.

The import-linter contracts in pyproject.toml (`make lint`) check the imports written in the
source. This checks what actually runs: the command modules load the core lazily by name
(``lazy_module("ceopdesk.core...")``), which no static check follows, and ``build_parser``
builds every command's parser.
"""

import subprocess
import sys


def test_core_documents_and_cli_do_not_import_qt():
    code = (
        "import sys, pkgutil, importlib\n"
        "import ceopdesk.core, ceopdesk.documents, ceopdesk.commands, ceopdesk.cli\n"
        "for pkg in (ceopdesk.core, ceopdesk.documents, ceopdesk.commands):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in m.name:\n"
        "            importlib.import_module(m.name)\n"
        "ceopdesk.cli.build_parser()\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
