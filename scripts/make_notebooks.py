"""Write the teaching and research notebooks in ``notebooks/`` from the cells below.

The notebooks are kept as code here so that they are reviewed like code; ``make
notebooks`` (or ``python scripts/make_notebooks.py``) regenerates them, runs them and stores
them with their outputs (so they read as results on a code host); the tests execute them
again (``tests/test_notebooks.py``) so they never rot. They need only the
bundled sample corpus, except ``coding_instruments``, which codes the digital-economy documents of
``../shared/corpus`` (``POLICYTEXT_SHARED``) and falls back to the sample's work reports without it.
``--only NAME`` writes one notebook.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

OUT = Path(__file__).resolve().parents[1] / "notebooks"

READING_A_SPEECH = [
    (
        "md",
        """# Reading a speech with policytext

The seed document of policytext is an article by a county organization department (刘亚然, 孟村县委组织部, 2022),
scraped from a web page with its breadcrumbs, font-size controls and print links. This notebook reads it the way a
careful scholar does: metadata, sentences, words, slot templates, parallel structures, numbered formulas, meetings,
quoted slogans and cited documents, and finally an HTML report with everything highlighted.""",
    ),
    (
        "code",
        """import pandas as pd
import policytext as pt
from policytext.corpus.datasets import load_seed

pd.set_option("display.max_colwidth", 60)
doc = load_seed()
doc.meta""",
    ),
    (
        "md",
        """The page chrome is gone; the raw page is kept in `doc.raw`. Every offset policytext reports points into
`doc.text`.""",
    ),
    (
        "code",
        """print(doc.raw[:120])
print("…")
print(doc.text[:120])""",
    ),
    (
        "code",
        """sentences = pt.split_sentences(doc.text)
len(sentences), [s.text for s in sentences[:4]]""",
    ),
    ("md", "## Words\n\nThe Segmenter has its own jieba tokenizer and a policy lexicon, so formulations stay whole."),
    (
        "code",
        """seg = pt.Segmenter()
print(seg.cut("深入学习习近平新时代中国特色社会主义思想，把伟大建党精神落实到组织工作实践"))
[(t.word, t.start, t.end, t.pos) for t in seg.tokenize("推动组织工作守正创新", pos=True)]""",
    ),
    ("md", "## Slot templates\n\n`抓{X}党建促{Y}` and the other frames of the bundled template library:"),
    (
        "code",
        """from policytext.extract.templates import find_templates

templates = find_templates(doc)
templates[["template", "match", "slots", "elided"]].head(15)""",
    ),
    (
        "code",
        """assert all(doc.text[r.start:r.end] == r.match for r in templates.itertuples())
templates[templates.template == "抓{X}党建促{Y}"]["slots"].apply(pd.Series)""",
    ),
    ("md", "Frames nobody named are found by mining recurring skeletons:"),
    (
        "code",
        """from policytext.extract.templates.mining import mine_templates

mine_templates(doc, min_support=3).head(10)""",
    ),
    ("md", "## Parallel structures (排比, 对仗)"),
    (
        "code",
        """from policytext.extract.parallels import find_parallels, format_for_terminal

parallels = find_parallels(doc)
parallels[["kind", "frame", "items", "n_items"]].head(12)""",
    ),
    ("code", "print(format_for_terminal(parallels.head(6)))"),
    ("md", "## Numbered formulas, meetings, quoted terms, cited documents"),
    ("code", """pt.find_formulas(doc)[["formula", "canonical", "expansion", "start", "end"]]"""),
    ("code", """pt.find_meetings(doc)[["match", "body", "congress", "plenum"]]"""),
    ("code", """pt.find_quoted_terms(doc)[["match", "head_noun"]]"""),
    ("code", """pt.find_references(doc)[["title", "kind"]]"""),
    (
        "md",
        "## The report\n\nOne self-contained HTML page: template instances underlined, "
        "each parallel group in its own colour (hover for its frame), formulas and meetings marked.",
    ),
    (
        "code",
        """page = pt.report(doc)  # the whole page, with a table per kind, to open in a browser
open("seed_report.html", "w", encoding="utf-8").write(page)
pt.highlight(doc)  # the highlighted text, here in the notebook""",
    ),
]

REPORTS = [
    (
        "md",
        """# Government Work Reports 1954–2025

The bundled sample corpus holds the national Government Work Reports (state documents). This notebook follows
formulations across seven decades: numbered formulas by year, when a term first appears, what distinguishes the 2023
report from the 2013 one, what the reports talk about over time, and every occurrence of a phrase in context.""",
    ),
    (
        "code",
        """import pandas as pd
import policytext as pt
from policytext.corpus.datasets import load_sample

corpus = load_sample().filter(collection="gov_work_reports_national")
seg = pt.Segmenter()
_ = corpus.tokens(seg)          # segment once; every statistic below reuses the cached tokens
corpus""",
    ),
    ("md", "## Numbered formulas by year"),
    (
        "code",
        """formulas = pt.find_formulas(corpus)
formulas["year"] = formulas["doc_id"].map({d.doc_id: d.meta["year"] for d in corpus})
by_year = formulas.groupby(["year", "canonical"]).size().unstack(fill_value=0)
by_year[by_year.sum().sort_values(ascending=False).index[:8]].tail(12)""",
    ),
    (
        "code",
        """trends = pt.term_trends(corpus, ["改革开放", "高质量发展", "乡村振兴", "新质生产力"], \
by="year", unit="per_10k")
from policytext.reporting.plots import plot_term_trends
plot_term_trends(trends, title="per 10,000 characters");""",
    ),
    (
        "code",
        """pt.first_seen(corpus, ["人民公社", "改革开放", "社会主义市场经济", "科学发展观", "供给侧结构性改革",
                         "高质量发展", "中国式现代化", "新质生产力"])[["term", "year", "doc_id", "count"]]""",
    ),
    ("md", "## Keyness: the 2023 report against the 2013 report"),
    (
        "code",
        """kn = pt.keyness(corpus["gwr_2023"], corpus["gwr_2013"], segmenter=seg)
pd.concat([kn.head(12), kn.tail(8)])[["term", "n_target", "n_reference", "statistic", "log_ratio"]]""",
    ),
    ("md", "## Topics over time"),
    (
        "code",
        """from policytext.topics import TopicModel

# TopicModel segments with its own default (jieba's dictionary, no policy lexicon: more coherent topics)
model = TopicModel(n_topics=12, method="nmf", random_state=0).fit(corpus, unit="paragraph")
coherence = model.coherence("npmi")
print("mean NPMI:", round(coherence.attrs["mean"], 3))
coherence""",
    ),
    ("code", "model.plot_trends();"),
    ("md", "## Every occurrence, in context"),
    (
        "code",
        """import tempfile, os
db = os.path.join(tempfile.mkdtemp(), "reports.db")
index = pt.Index(db)
index.add(corpus)
index.kwic("新质生产力", window=15).head(10)""",
    ),
    ("code", """index.count("改革开放", by="year").query("occurrences > 0").tail(10)"""),
]

CLASSROOM = [
    (
        "md",
        """# Fifteen minutes with policytext

For a class that has never used Python: run each cell with **Shift+Enter** and read what comes out.
We look at one short article by a county organization department and at seventy years of Government Work Reports.""",
    ),
    ("md", "**Step 1.** Load the example article. The first line loads the library; the second loads the text."),
    (
        "code",
        """import policytext as pt
doc = pt.load_seed()
print(doc.meta["title"], "—", doc.meta["author"], doc.meta["date"])""",
    ),
    ("md", "**Step 2.** Cut the text into words. Official formulations such as 守正创新 stay whole."),
    (
        "code",
        """seg = pt.Segmenter()
print(seg.cut("推动组织工作守正创新，坚持稳中求进工作总基调"))""",
    ),
    ("md", "**Step 3.** Find the slogan frame 抓…党建促…: one frame, many fillings."),
    (
        "code",
        """from policytext.extract.templates import find_templates
found = find_templates(doc, templates=["抓{X}党建促{Y}"])
for row in found.itertuples():
    print(row.match, "→", row.slots)""",
    ),
    ("md", "**Step 4.** Parallel structures (排比): three or more phrases of the same shape."),
    (
        "code",
        """from policytext.extract.parallels import find_parallels
for row in find_parallels(doc).head(8).itertuples():
    print(row.frame, "：", "、".join(row.items))""",
    ),
    ("md", "**Step 5.** Numbered formulas such as “两个维护”: what do they stand for?"),
    (
        "code",
        """for row in pt.find_formulas(doc).itertuples():
    print(row.formula, "=", row.expansion)""",
    ),
    ("md", "**Step 6.** Seventy years of Government Work Reports: how often does 改革 appear, decade by decade?"),
    (
        "code",
        """reports = pt.load_sample().filter(collection="gov_work_reports_national")
counts = pt.term_trends(reports, ["改革", "阶级斗争", "创新"], by="year", unit="per_10k")
counts.groupby(counts.index // 10 * 10).mean().round(1)""",
    ),
    (
        "md",
        "**Questions for discussion.** When does 阶级斗争 disappear? When does 创新 overtake 改革? "
        "What else would you count?",
    ),
]


CODING = [
    (
        "md",
        """# Coding policy instruments: the digital economy, central vs Shandong, 2013–2024

Quantitative policy-text research codes each clause of a policy into the instrument it uses: supply-side
(人才培养, 资金投入, 技术支持, 公共服务), environment-side (目标规划, 金融支持, 税收优惠, 法规管制, 策略性措施) and
demand-side (政府采购, 服务外包, 贸易管制, 示范工程), after Rothwell & Zegveld (1981) and its Chinese adaptation
(赵筱媛、苏竣 2007; 黄萃、苏竣 et al. 2011). This notebook pre-codes the digital-economy documents of the central
government and of Shandong province with the rules of policytext's bundled codebook, compares the two by year,
and shows how human coders take over: a coding sheet, and the agreement of two coders.

The rules are lexical pre-codes: they find the words an instrument is usually written with. Instrument coding is
an interpretation, and published work reports the human coding and its reliability.""",
    ),
    (
        "code",
        """import os, pathlib
import pandas as pd
import policytext
from policytext import Corpus
from policytext.coding import (agreement, bundled_codebook, code_shares, code_units, disagreements,
                               export_for_coding, machine_vs_human, plot_code_shares, primary_codes, read_coding)

pd.set_option("display.max_colwidth", 50)
here = pathlib.Path(policytext.__file__).resolve().parents[2]          # the source checkout
shared = pathlib.Path(os.environ.get("POLICYTEXT_SHARED", here.parent / "shared")) / "corpus"
if (shared / "policy_docs_central").is_dir():
    corpus = Corpus.from_dir(shared, pattern="policy_docs_*/*.txt")  # manifest.jsonl: year, issuer
    for d in corpus:
        d.meta["level"] = "central" if d.doc_id.startswith("policy_docs_central") else "Shandong"
else:  # without ../shared: the Government Work Reports of the sample corpus since 2013
    corpus = policytext.load_sample().filter(collection="gov_work_reports_national")
    corpus = corpus.filter(lambda d: (d.meta.get("year") or 0) >= 2013)
    for d in corpus:
        d.meta["level"] = "central"
print(len(corpus), "documents,", f"{corpus.n_chars:,}", "characters")""",
    ),
    ("md", "## The codebook\\n\\nCategories, groups and definitions in Chinese and English:"),
    (
        "code",
        """codebook = bundled_codebook()
print(codebook.source)
codebook.to_frame()[["group", "category", "label_en", "definition_zh", "rules"]]""",
    ),
    (
        "md",
        """## Pre-coding every clause

A clause ends at 。！？； or a line break. Every rule that fires gives a row: which rule, and the text it matched.""",
    ),
    (
        "code",
        """coded = code_units(corpus, codebook, unit="clause")
coded[coded["category"].notna()][["doc_id", "text", "category", "rule", "matched"]].head(8)""",
    ),
    (
        "md",
        """One primary code per clause: the category with the most rules fired (ties: the more specific instrument).
Clauses no rule fired in are `none` — background, results, headings.""",
    ),
    (
        "code",
        """primary = primary_codes(coded, codebook)
table = pd.crosstab(primary["category"], primary["level"], normalize="columns").round(3)
table.loc[[c for c in [*codebook.codes, "none"] if c in table.index]]""",
    ),
    ("md", "Supply, environment and demand side, central vs Shandong (shares of coded clauses):"),
    (
        "code",
        """group_of = {c.id: c.group for c in codebook.categories}
primary["group"] = primary["category"].map(group_of)
pd.crosstab(primary["group"], primary["level"], normalize="columns").round(3)""",
    ),
    (
        "md",
        """## Human coding

The pre-codes go to coders in a sheet (CSV or Excel): text, the neighbouring clauses, the rule codes and an
empty column per coder. `read_coding` refuses a sheet whose clauses were edited or re-sorted, or with a code
that is not in the codebook, and names the row.""",
    ),
    (
        "code",
        """sheet = pathlib.Path("to_code.csv")
sample = coded[coded["unit_id"].isin(primary["unit_id"].sample(20, random_state=0))]
export_for_coding(sample, sheet, coders=["coder_a", "coder_b"], codebook=codebook, overwrite=True)
pd.read_csv(sheet, encoding="utf-8-sig").columns.tolist()""",
    ),
    (
        "md",
        """policytext's own development set: 320 clauses of these documents and of the 2026 provincial work reports,
coded independently by two coders (`tests/data/coding_dev`). Their agreement, and the rules' agreement with
each of them:""",
    ),
    (
        "code",
        """dev = here / "tests" / "data" / "coding_dev"
if (dev / "coder_b.csv").is_file():
    humans = pd.concat([read_coding(dev / f"coder_{c}.csv", codebook) for c in "ab"], ignore_index=True)
    print(agreement(humans, n_boot=200, categories=False)[["alpha", "alpha_low", "alpha_high", "kappa",
                                                          "percent_agreement"]].round(2).to_string(index=False))
    units = pd.read_csv(dev / "units.csv")
    machine = primary_codes(code_units([policytext.Document(u, t) for u, t in zip(units.unit_id, units.text)],
                                       codebook, unit="paragraph"), codebook)
    machine["unit_id"] = machine["doc_id"]
    scores = machine_vs_human(machine, humans)
    display(scores[scores["category"] == "(micro)"].round(2))
    display(disagreements(humans).iloc[:6, :6])
else:
    print("the development set is not in this installation")""",
    ),
    (
        "md",
        """## Instrument × innovation-chain stage

The bundled codebook has a second dimension, the stage of the innovation chain a clause addresses (基础研究,
技术研发, 成果转化, 产业化应用): the two-dimensional table of instrument studies, for both levels together.""",
    ),
    (
        "code",
        """from policytext.coding import code_matrix, plot_code_matrix

matrix = code_matrix(coded, order=codebook.codes)   # clauses coded with an instrument and a stage
plot_code_matrix(matrix, title="instrument × innovation-chain stage (clauses)");""",
    ),
    (
        "md",
        """## Instruments by year

Shares of each instrument among the coded clauses of a year; central documents above, Shandong below.""",
    ),
    (
        "code",
        """import matplotlib.pyplot as plt
from policytext.reporting.plots import setup_matplotlib

setup_matplotlib()
levels = [lv for lv in ("central", "Shandong") if lv in set(primary["level"])]
fig, axes = plt.subplots(len(levels), 1, figsize=(10, 4.2 * len(levels)), squeeze=False)
for ax, level in zip(axes[:, 0], levels):
    part = primary[(primary["level"] == level) & primary["year"].notna()].copy()
    part["year"] = part["year"].astype(int)
    shares = code_shares(part, by="year")
    plot_code_shares(shares, by="year", order=codebook.codes, ax=ax, title=f"policy instruments by year — {level}")
fig.tight_layout()""",
    ),
    (
        "md",
        "**Questions.** Which instruments grow after 2020? Does Shandong lean more on supply-side instruments than "
        "the centre? Which clauses would you code differently from the rules — and what would that do to the plot?",
    ),
]


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: regenerating changes only what changed
    return nb


def execute(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell (in a scratch folder, so files the cells write stay out of the repository)."""
    import tempfile

    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
    return nb


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--no-execute", action="store_true", help="write the cells without running them (no stored outputs)"
    )
    ap.add_argument("--only", metavar="NAME", action="append", help="write only this notebook (repeatable)")
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    for name, cells in (
        ("01_reading_a_speech", READING_A_SPEECH),
        ("02_government_work_reports_1954_2025", REPORTS),
        ("03_classroom_demo", CLASSROOM),
        ("coding_instruments", CODING),
    ):
        if args.only and name not in args.only:
            continue
        nb = build(cells)
        if not args.no_execute:  # stored with their outputs, so they read as results on a code host
            nb = execute(nb)
        nbformat.write(nb, OUT / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb" + ("" if args.no_execute else " with its outputs"))


if __name__ == "__main__":
    main()
