"""Every rule the checks apply, with the words Settings shows for it."""

from __future__ import annotations

RULES: dict[str, str] = {
    "terms.avoid": "Terms to avoid",
    "acronyms.first-use": "Acronyms spelled out on first use",
    "lengths.headline-chars": "Headline length in characters",
    "lengths.headline-words": "Headline length in words",
    "lengths.standfirst-chars": "Standfirst length",
    "lengths.sentence-words": "Long sentences",
    "form.ise-ize": "-ise / -ize spelling",
    "form.doubled-word": "The same word twice",
    "form.double-space": "Double spaces",
    "form.space-before-punctuation": "A space before punctuation",
    "spelling": "Spelling (British English)",
    "sense.no-release-date": "No release date",
    "sense.embargo-before-date": "Embargo lifts before the release date",
    "sense.embargo-past": "Embargo already passed",
    "sense.contact-incomplete": "Contact block without phone or e-mail",
    "sense.quote-no-speaker": "Quote without a speaker",
    "sense.quote-no-role": "Quote without the speaker's role",
    "sense.empty-section": "Empty section",
    "sense.link-not-https": "Link not https",
    "sense.link-retired-domain": "Link to a retired domain",
    "legal.complainant-named": "Complainant of a sexual offence possibly named",
    "legal.uncharged-named": "Arrested person named before charge",
    "legal.child-named-court": "Child named near court proceedings",
    "legal.pre-verdict": "Pre-verdict words about a charged person",
}
