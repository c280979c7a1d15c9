"""Checks at "Submit for approval": a blocking finding stops the submission; a legal or
guidance warning goes through only with a reason, which the version and the audit
trail keep."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain import Release
from ..errors import UserError
from ..store import Store
from . import check_release
from .finding import Finding

ALL_LEGAL = "*"  # a reason given once for every legal warning (the command line's --legal-reason)


def finding_key(finding: Finding) -> str:
    """Names one finding across two runs of the checks on the same text."""
    return f"{finding.rule}|{finding.part}|{finding.excerpt}"


@dataclass
class Gate:
    findings: list[Finding]
    overridden: list[tuple[Finding, str]] = field(default_factory=list)

    def version_note(self) -> str:
        if not self.overridden:
            return ""
        reasons = " | ".join(dict.fromkeys(reason for _f, reason in self.overridden))
        count = len(self.overridden)
        return f"; {count} legal warning{'s' if count != 1 else ''} overridden: {reasons}"

    def audit_detail(self) -> str:
        return "".join(
            f"\noverridden {f.rule} at {f.part} ({f.excerpt}): {reason}"
            for f, reason in self.overridden
        )


def gate(store: Store, release: Release, reasons: Mapping[str, str] | None = None) -> Gate:
    """The findings of ``release``; raises UserError when it cannot be submitted."""
    reasons = reasons or {}
    findings = check_release(store, release)
    blocking = [f for f in findings if f.severity == "block"]
    if blocking:
        first = blocking[0]
        more = f" (and {len(blocking) - 1} more)" if len(blocking) > 1 else ""
        raise UserError(
            f"{release.reference} cannot be submitted for approval: {first.message} "
            f"[{first.part}]{more}. Run the checks to see every finding."
        )
    result = Gate(findings)
    for f in findings:
        if not f.is_legal:
            continue
        reason = (reasons.get(finding_key(f)) or reasons.get(ALL_LEGAL) or "").strip()
        if not reason:
            raise UserError(
                f"{release.reference} has a legal warning at {f.part} "
                f'("{f.excerpt}"): {f.message} Give a reason to submit it anyway.'
            )
        result.overridden.append((f, reason))
    return result
