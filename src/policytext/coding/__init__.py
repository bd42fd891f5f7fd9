"""Content coding of policy documents: codebooks, unit coding, human coding round trips, reliability.

The workflow of quantitative policy-text research (政策文本量化): a codebook of categories with definitions and
rules (:class:`Codebook`, the bundled policy-instrument codebook after Rothwell & Zegveld 1981), rule-based
pre-coding of clauses, sentences, articles or sections (:func:`code_units`), shares and matrices
(:func:`code_shares`, :func:`code_matrix`), a spreadsheet round trip for human coders
(:func:`export_for_coding`, :func:`read_coding`) and inter-coder reliability (:func:`agreement`,
:func:`machine_vs_human`, :func:`disagreements`).

>>> from policytext.coding import code_units, primary_codes
>>> coded = code_units("对符合条件的企业给予最高50万元补贴。")
>>> primary_codes(coded)["category"].tolist()
['资金投入']
"""

from __future__ import annotations

from .agreement import (
    AGREEMENT_COLUMNS,
    agreement,
    alpha_nominal,
    cohen_kappa,
    disagreements,
    fleiss_kappa,
    machine_vs_human,
    percent_agreement,
    reliability_matrix,
)
from .codebook import Category, Codebook, Pattern, Rule, bundled_codebook, bundled_codebook_path, compile_glob
from .coding import CODED_COLUMNS, code_units, primary_codes, resolve_codebook
from .roundtrip import CODING_COLUMNS, export_for_coding, read_coding, unit_hash
from .summaries import code_matrix, code_shares, plot_code_matrix, plot_code_shares
from .units import UNITS, unit_spans

__all__ = [
    "AGREEMENT_COLUMNS",
    "CODED_COLUMNS",
    "CODING_COLUMNS",
    "UNITS",
    "Category",
    "Codebook",
    "Pattern",
    "Rule",
    "agreement",
    "alpha_nominal",
    "bundled_codebook",
    "bundled_codebook_path",
    "code_matrix",
    "code_shares",
    "code_units",
    "cohen_kappa",
    "compile_glob",
    "disagreements",
    "export_for_coding",
    "fleiss_kappa",
    "machine_vs_human",
    "percent_agreement",
    "plot_code_matrix",
    "plot_code_shares",
    "primary_codes",
    "read_coding",
    "reliability_matrix",
    "resolve_codebook",
    "unit_hash",
    "unit_spans",
]
