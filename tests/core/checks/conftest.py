import pytest

from ceopdesk.core.checks import check_release
from ceopdesk.core.checks.rules import defaults
from ceopdesk.core.domain import Release
from tests.check_samples import BEFORE_EMBARGO


@pytest.fixture
def findings():
    """Findings of a release under the shipped rules, before any embargo has passed."""

    def run(r: Release, rules=None, **kwargs):
        kwargs.setdefault("now", BEFORE_EMBARGO)
        kwargs.setdefault("spelling_on", False)
        return check_release(rules or defaults(), r, **kwargs)

    return run
