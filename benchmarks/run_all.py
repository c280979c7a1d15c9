"""Run every budget script in this folder; exit non-zero if any is over budget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
failed = []
for script in sorted(here.glob("*_bench.py")):
    print(f"== {script.name}", flush=True)
    if subprocess.run([sys.executable, str(script)]).returncode != 0:
        failed.append(script.name)
print("all within budget" if not failed else f"over budget: {', '.join(failed)}")
sys.exit(1 if failed else 0)
