"""ceopdesk: a desktop press-office tool for releases, boilerplate notes and contacts."""

__version__ = "0.1.0"
