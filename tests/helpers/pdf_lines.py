"""Text lines as pdfplumber's ``extract_text_lines(return_chars=True)`` gives them, made by hand: for testing the
column reading of ``policytext.corpus.office`` without a PDF."""

from __future__ import annotations


def text_line(parts: list[tuple[float, str]], top: float = 0.0, size: float = 10.0) -> dict:
    """A line of runs ``(x0, text)``, each character *size* points wide.

    >>> [c["x0"] for c in text_line([(60.0, "左栏"), (320.0, "右")])["chars"]]
    [60.0, 70.0, 320.0]
    """
    chars = [
        {"text": ch, "x0": x0 + k * size, "x1": x0 + (k + 1) * size, "top": top, "size": size}
        for x0, text in parts
        for k, ch in enumerate(text)
    ]
    return {"text": " ".join(t for _, t in parts), "x0": chars[0]["x0"], "x1": chars[-1]["x1"], "chars": chars}
