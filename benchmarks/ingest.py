"""Reading + cleaning throughput over ../shared/corpus (one core).

Prints MB/s (UTF-8 bytes on disk per second of CPU time) for the whole pipeline
(``Corpus.from_dir``: decode, clean, normalize) and, as baselines measured in the same
run, for plain ``bytes.decode("utf-8")`` of the same files and for ``normalize`` alone.

Then, per format, ``read_document`` against the extraction library alone, in the same run
(MB/s of file bytes): HTML (the 23 pages of ``html_pages/``; trafilatura's ``extract``),
PDF (PDFs written with reportlab from corpus texts; pdfplumber's ``extract_text`` per page)
and DOCX (the corpus's ``.docx`` files and some written with python-docx; its paragraph texts), plus
the real PDFs and Word files of ``tests/data/reading_dev`` when their repositories are mirrored.
``x library`` is read_document's time over the library's; policytext's overhead should stay under 1.3.

    python benchmarks/ingest.py [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import policytext as pt
from policytext.corpus.clean import clean_text, decode_bytes
from policytext.corpus.text import normalize

MIN_SAMPLE = 0.3  # seconds of CPU per timing sample: small inputs are run several times per sample


def best_of(fn, repeat: int) -> float:
    """CPU seconds of one call of *fn*: the best of *repeat* samples, each long enough to be measured (a call
    that takes less than MIN_SAMPLE is repeated within a sample and the sample divided by the count)."""
    t0 = time.process_time()
    fn()
    once = time.process_time() - t0
    inner = max(1, int(MIN_SAMPLE / once) + 1) if once < MIN_SAMPLE else 1
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        for _ in range(inner):
            fn()
        times.append((time.process_time() - t0) / inner)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    root = Path(args.corpus)
    files = sorted(root.glob("**/*.txt"))
    raw = [f.read_bytes() for f in files]
    mb = sum(map(len, raw)) / 1e6
    texts = [decode_bytes(b)[0] for b in raw]

    t_decode = best_of(lambda: [b.decode("utf-8", errors="replace") for b in raw], args.repeat)
    t_ours_decode = best_of(lambda: [decode_bytes(b) for b in raw], args.repeat)
    t_clean = best_of(lambda: [clean_text(t) for t in texts], args.repeat)
    t_norm = best_of(lambda: [normalize(t) for t in texts], args.repeat)
    t_all = best_of(lambda: pt.Corpus.from_dir(root), args.repeat)

    print(f"corpus: {len(files)} files, {mb:.1f} MB UTF-8")
    print(f"{'step':<34}{'CPU s':>8}{'MB/s':>9}{'x plain decode':>16}")
    for name, t in [
        ("plain bytes.decode (baseline)", t_decode),
        ("decode_bytes (detect + checks)", t_ours_decode),
        ("clean_text", t_clean),
        ("normalize", t_norm),
        ("Corpus.from_dir (everything)", t_all),
    ]:
        print(f"{name:<34}{t:>8.3f}{mb / t:>9.1f}{t / t_decode:>16.1f}")
    print(f"\nreading+cleaning throughput: {mb / t_all:.1f} MB/s on one core (aim: >= 10 MB/s)")
    formats(root, args.repeat)


def formats(root: Path, repeat: int) -> None:
    """HTML, PDF and DOCX: read_document against the extraction library alone."""
    import io
    import logging
    import sys
    import tempfile

    # pdfminer logs a warning per glyph of some fonts; read_document silences them, so the library alone
    # must not pay for printing them either
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import docx
    import pdfplumber
    import trafilatura

    from helpers.make_pdf import write_pdf

    rows = []
    pages = [f.read_bytes() for f in sorted((root / "html_pages").glob("**/*.html"))]
    t_lib = best_of(
        lambda: [trafilatura.extract(p.decode("utf-8"), include_tables=True, favor_recall=True) for p in pages], repeat
    )
    t_ours = best_of(lambda: [pt.read_document(p) for p in pages], repeat)
    rows.append(("HTML", len(pages), sum(map(len, pages)), "trafilatura.extract", t_lib, t_ours))

    sources = ["policy_docs_shandong/shandong_012.txt", "central_documents/zhongyang_yihao_2018_xiangcun_zhenxing.txt"]
    with tempfile.TemporaryDirectory() as tmp:
        pdfs, docxs = [], [f.read_bytes() for f in sorted((root / "word_files").glob("*.docx"))]
        for i, rel in enumerate(sources):
            paragraphs = pt.read_document(root / rel).text.split("\n")
            pdfs.append(write_pdf(Path(tmp) / f"{i}.pdf", paragraphs).read_bytes())
            d = docx.Document()
            for para in paragraphs:
                d.add_paragraph(para)
            buf = io.BytesIO()
            d.save(buf)
            docxs.append(buf.getvalue())

        def plumb() -> None:
            for raw in pdfs:
                with pdfplumber.open(io.BytesIO(raw)) as pdf:
                    "\n".join(page.extract_text() or "" for page in pdf.pages)

        t_lib = best_of(plumb, repeat)
        t_ours = best_of(lambda: [pt.read_document(p) for p in pdfs], repeat)
        rows.append(("PDF", len(pdfs), sum(map(len, pdfs)), "pdfplumber extract_text", t_lib, t_ours))
        t_lib = best_of(
            lambda: ["\n".join(p.text for p in docx.Document(io.BytesIO(raw)).paragraphs) for raw in docxs[2:]], repeat
        )
        t_ours = best_of(lambda: [pt.read_document(raw) for raw in docxs[2:]], repeat)
        rows.append(
            ("DOCX (written)", len(docxs) - 2, sum(map(len, docxs[2:])), "python-docx paragraphs", t_lib, t_ours)
        )
        t_ours = best_of(lambda: [pt.read_document(raw) for raw in docxs[:2]], repeat)
        rows.append(("DOCX (corpus)", 2, sum(map(len, docxs[:2])), "-", float("nan"), t_ours))
    # real published PDFs and Word files of the development set, when their repositories are mirrored
    from helpers.html_scoring import dev_records, mirror_available, record_bytes

    real = [r for r in dev_records("files") if r["kind"] in ("pdf", "docx") and r["id"] != "yunnan_10th_fyp_2001_pdf"]
    if mirror_available(real):
        real_pdfs = [record_bytes(r) for r in real if r["kind"] == "pdf"]
        real_docx = [record_bytes(r) for r in real if r["kind"] == "docx"]

        def plumb_real() -> None:
            for raw in real_pdfs:
                with pdfplumber.open(io.BytesIO(raw)) as pdf:
                    "\n".join(page.extract_text() or "" for page in pdf.pages)

        t_lib = best_of(plumb_real, repeat)
        t_ours = best_of(lambda: [pt.read_document(raw) for raw in real_pdfs], repeat)
        rows.append(("PDF (real)", len(real_pdfs), sum(map(len, real_pdfs)), "pdfplumber extract_text", t_lib, t_ours))

        def opens(raw: bytes) -> bool:
            try:
                docx.Document(io.BytesIO(raw))
            except KeyError:  # a relationship to a part the package lacks (Target="NULL"): python-docx stops
                return False
            return True

        refused = [raw for raw in real_docx if not opens(raw)]
        if refused:
            print(
                f"(python-docx alone cannot open {len(refused)} of the {len(real_docx)} real Word files (a relationship "
                "to a missing part); read_document reads them, and both are timed on the others)"
            )
        real_docx = [raw for raw in real_docx if raw not in refused]

        def docx_with_tables() -> None:
            # these files are tables: the library alone reads paragraphs and every table cell
            for raw in real_docx:
                d = docx.Document(io.BytesIO(raw))
                "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])

        t_lib = best_of(docx_with_tables, repeat)
        t_ours = best_of(lambda: [pt.read_document(raw) for raw in real_docx], repeat)
        rows.append(
            ("DOCX (real)", len(real_docx), sum(map(len, real_docx)), "python-docx paras + cells", t_lib, t_ours)
        )
    else:
        print("(the development set's real PDFs and Word files are not mirrored here: their rows are left out)")
    print(
        f"\n{'format':<16}{'files':>6}{'MB':>7}  {'library alone':<26}{'MB/s':>7}{'read_document MB/s':>20}{'x library':>11}"
    )
    for name, n, size, lib, t_lib, t_ours in rows:
        mb = size / 1e6
        print(f"{name:<16}{n:>6}{mb:>7.2f}  {lib:<26}{mb / t_lib:>7.2f}{mb / t_ours:>20.2f}{t_ours / t_lib:>11.2f}")


if __name__ == "__main__":
    main()
