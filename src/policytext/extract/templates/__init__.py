"""Slot templates: the template language, matching (:func:`find_templates`) and mining.

>>> from policytext.extract.templates import find_templates
>>> find_templates("抓党建促发展。", ["抓{X}促{Y}"])[["match"]].values.tolist()
[['抓党建促发展']]
"""

from __future__ import annotations

from ...errors import TemplateSyntaxError
from .language import Template, parse_template
from .matching import (
    COLUMNS,
    GROUPS,
    TemplateEntry,
    bundled_templates,
    find_templates,
    format_for_terminal,
    iter_templates,
    load_templates,
    template_groups,
)
from .mining import mine_templates

__all__ = [
    "COLUMNS",
    "GROUPS",
    "Template",
    "TemplateEntry",
    "TemplateSyntaxError",
    "bundled_templates",
    "find_templates",
    "format_for_terminal",
    "iter_templates",
    "load_templates",
    "mine_templates",
    "parse_template",
    "template_groups",
]
