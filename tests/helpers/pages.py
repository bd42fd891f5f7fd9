"""Handmade web pages for the reading tests."""

from __future__ import annotations


def html_page(head: str, body: str) -> bytes:
    """A minimal UTF-8 page with *head* and *body* markup.

    >>> html_page("<title>标题</title>", "<p>正文。</p>")[:19]
    b'<html><head><title>'
    """
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()
