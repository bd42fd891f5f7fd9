"""Reading + cleaning throughput over ../shared/corpus (one core).

Prints MB/s (UTF-8 bytes on disk per second of CPU time) for the whole pipeline
(``Corpus.from_dir``: decode, clean, normalize) and, as baselines measured in the same
run, for plain ``bytes.decode("utf-8")`` of the same files and for ``normalize`` alone.

    python benchmarks/ingest.py [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import policytext as pt
from policytext.corpus.clean import clean_text, decode_bytes
from policytext.corpus.text import normalize


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
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


if __name__ == "__main__":
    main()
