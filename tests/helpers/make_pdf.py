"""Writing a PDF of a Chinese text for reader tests (reportlab, with its built-in CID font STSong-Light,
so no font file is embedded): wrapped paragraphs with a first-line indent, a running header, page
numbers ``— n —`` and page breaks that fall inside sentences, as a printed official document has."""

from __future__ import annotations

from pathlib import Path


def write_pdf(
    path: Path,
    paragraphs: list[str],
    *,
    header: str = "某某省人民政府文件",
    font_size: float = 14,
    chars_per_line: int = 28,
    lines_per_page: int = 22,
) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    left = (width - chars_per_line * font_size) / 2
    top = height - 100
    lines: list[tuple[str, float]] = []  # (text, x)
    for para in paragraphs:
        heading = len(para) <= chars_per_line - 2 and not para.endswith("。")
        indent = 0 if heading else 2
        first = True
        rest = para
        while rest:
            # as a typesetter does: as many characters as the measured width allows
            room = (chars_per_line - (indent if first else 0)) * font_size
            k = 1
            while k < len(rest) and pdfmetrics.stringWidth(rest[: k + 1], "STSong-Light", font_size) <= room:
                k += 1
            lines.append((rest[:k], left + (indent * font_size if first else 0)))
            rest = rest[k:]
            first = False
    page = 1
    for i in range(0, len(lines), lines_per_page):
        c.setFont("STSong-Light", 10)
        c.drawCentredString(width / 2, height - 50, header)
        c.setFont("STSong-Light", font_size)
        y = top
        for text, x in lines[i : i + lines_per_page]:
            c.drawString(x, y, text)
            y -= font_size * 1.8
        c.setFont("STSong-Light", 12)
        c.drawCentredString(width / 2, 40, f"— {page} —")
        c.showPage()
        page += 1
    c.save()
    return path
