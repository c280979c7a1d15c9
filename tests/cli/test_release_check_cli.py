"""`ceopdesk release check REF [--json]` (DESIGN §5)."""

import json

ISSUE_EXAMPLE = {
    "format": "ceopdesk.release/1",
    "headline": "Childern were safegaurded by the the Centre .",
    "standfirst": "The NCA said so.",
    "contact": {
        "name": "CEOP Press Office",
        "phone": None,
        "out_of_hours": None,
        "email": None,
        "web": "www.ceop.police.uk",
    },
}


def test_check_json_lists_every_finding_with_the_documented_keys(run, write_json):
    code, ref, _ = run("release", "import", str(write_json("r.json", ISSUE_EXAMPLE)))
    code, out, err = run("release", "check", ref.strip(), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["findings"]
    assert all(
        list(f) == ["rule", "part", "excerpt", "message", "severity"] for f in data["findings"]
    )
    got = {(f["rule"], f["part"], f["excerpt"], f["severity"]) for f in data["findings"]}
    assert {
        ("spelling", "headline", "Childern", "warning"),
        ("spelling", "headline", "safegaurded", "warning"),
        ("form.doubled-word", "headline", "the the", "warning"),
        ("acronyms.first-use", "standfirst", "NCA", "warning"),
        ("sense.no-release-date", "release_date", "", "block"),
        ("sense.contact-incomplete", "contact", "", "block"),
    } <= got


def test_check_prints_each_finding_and_exits_0_even_with_findings(run, write_json):
    _, ref, _ = run("release", "import", str(write_json("r.json", ISSUE_EXAMPLE)))
    code, out, _ = run("release", "check", ref.strip())
    assert code == 0
    assert "2 blocking submission" in out
    assert 'headline: "Childern"' in out and "[spelling]" in out


def test_a_clean_sample_has_no_findings_but_an_unknown_reference_is_a_user_error(run):
    run("demo")
    code, out, _ = run("release", "check", "CEOP-2026-002")  # issued-style, no embargo
    assert (code, out) == (0, "CEOP-2026-002: no findings.\n")
    code, out, err = run("release", "check", "CEOP-2099-999")
    assert code == 1 and "CEOP-2099-999" in err and "Traceback" not in err
