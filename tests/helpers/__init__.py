"""Shared test helpers: development-set loaders, scoring, span location (not tests themselves)."""
