"""What people look at: the HTML report, figures, and the demo.

>>> from policytext.reporting import highlight_html
>>> highlight_html("抓党建", [])
'抓党建'
"""

from __future__ import annotations

from .html import (
    Highlighted,
    default_kinds,
    document_html,
    highlight,
    highlight_html,
    report,
)

__all__ = ["Highlighted", "default_kinds", "document_html", "highlight", "highlight_html", "report"]
