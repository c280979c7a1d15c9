"""The export benchmark's floor writes what the export writes, so its ratio means something.

``benchmarks/releases_bench.python_docx_alone`` is python-docx alone writing the export's
blocks; if the Word writer starts writing more (or less) into the body, the floor must follow
(no timing here: budgets live in ``benchmarks/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ceopdesk.core import settings
from ceopdesk.core.demo import load_sample
from ceopdesk.core.releases import service as releases
from ceopdesk.documents.docx_writer import default_template, write_docx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from releases_bench import body_shape, export_blocks, python_docx_alone  # noqa: E402


def test_the_export_floor_writes_the_same_body_as_the_export(store, tmp_path: Path) -> None:
    load_sample(store)
    cfg = settings.load(store)
    summaries = releases.list_releases(store)
    assert summaries
    for summary in summaries:
        release = releases.get(store, summary.reference)
        ours, floor = tmp_path / "ours.docx", tmp_path / "floor.docx"
        write_docx(release, cfg, ours, 1)
        python_docx_alone(export_blocks(release, cfg), default_template(), floor)
        shape = body_shape(ours)
        assert shape["w:p"] > 5, summary.reference
        assert body_shape(floor) == shape, summary.reference
