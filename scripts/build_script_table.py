"""Build lexicons/traditional_to_simplified.tsv, the character table of :func:`policytext.corpus.text.to_simplified`.

Source: OpenCC (https://github.com/BYVoid/OpenCC, Apache-2.0), its ``t2s`` conversion applied to every
single character of the CJK Unified Ideographs blocks (basic, extension A, compatibility). A character
is kept when OpenCC turns it into one *other* character. OpenCC's phrase tables are not used: the table
is character by character, so the conversion never changes a text's length and offsets stay valid.

Left out, because they are also standard simplified characters with a meaning of their own (通用规范汉字表):
乾 (乾坤, 乾隆), 於 (a surname), 徵 (zhǐ, 宫商角徵羽), 昇 (in names), 拚 (拚命), 夥 (获益甚夥). They
stay as they are, which makes 乾 = 干 "dry" and 於 = 于 unconverted in traditional text.

    pip install opencc==1.4.2 && python scripts/build_script_table.py

OpenCC's licence text, copied from the opencc 1.4.2 wheel, ships beside the table as
``lexicons/LICENSE-OpenCC.txt``.
"""

from __future__ import annotations

from pathlib import Path

import opencc

KEEP_AS_IS = "乾於徵昇拚夥"
BLOCKS = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]
OUT = Path(__file__).resolve().parents[1] / "lexicons" / "traditional_to_simplified.tsv"

HEADER = """\
# policytext traditional-to-simplified character table: 'traditional<TAB>simplified', one character each, UTF-8.
# Made by scripts/build_script_table.py from OpenCC {version} (https://github.com/BYVoid/OpenCC, Apache-2.0):
# its t2s conversion of every single CJK ideograph that turns into one other character. Character by
# character (no phrase tables), so a text keeps its length; chains are followed to their end. Left out
# because they are also standard simplified characters: {keep}. Used by policytext.corpus.text.to_simplified.
# OpenCC licence: LICENSE-OpenCC.txt.
"""


def main() -> None:
    t2s = opencc.OpenCC("t2s")
    table = {}
    for lo, hi in BLOCKS:
        for cp in range(lo, hi):
            c = chr(cp)
            s = t2s.convert(c)
            if s != c and len(s) == 1 and c not in KEEP_AS_IS:
                table[c] = s
    rows = []
    for c, s in table.items():
        seen = {c}
        while s in table and s not in seen:  # a chain A -> B -> C ends at C, so converting twice changes nothing
            seen.add(s)
            s = table[s]
        if s != c:
            rows.append(f"{c}\t{s}")
    version = getattr(opencc, "__version__", "1.4.2")
    OUT.write_text(HEADER.format(version=version, keep=" ".join(KEEP_AS_IS)) + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} characters -> {OUT}")


if __name__ == "__main__":
    main()
