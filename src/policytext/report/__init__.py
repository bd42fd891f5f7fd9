"""What people look at: the HTML report, figures, and the demo.

>>> from policytext.report import highlight_html
>>> highlight_html("抓党建", [])
'抓党建'
"""

from __future__ import annotations

from .html import document_html, highlight_html, report

__all__ = ["report", "document_html", "highlight_html"]
