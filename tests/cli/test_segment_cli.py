"""``policytext segment`` and ``policytext lexicon mine`` on the command line."""

from __future__ import annotations

import json

from policytext.cli import main


def test_segment_txt_and_jsonl(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("坚持守正创新，推动高质量发展。\n", encoding="utf-8")
    assert main(["segment", str(f), "--backend", "jieba"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.split() == ["坚持", "守正创新", "，", "推动", "高质量发展", "。"]
    assert main(["segment", str(f), "--format", "jsonl", "--pos", "--backend", "jieba"]) == 0
    rec = json.loads(capsys.readouterr().out)
    text = "坚持守正创新，推动高质量发展。"
    assert rec["doc_id"] == "a"
    assert all(text[s:e] == w and pos for w, s, e, pos in rec["tokens"])


def test_segment_user_dict_and_bad_line(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("甲乙丙丁戊己。", encoding="utf-8")
    ud = tmp_path / "u.txt"
    ud.write_text("甲乙丙丁戊己 10 n\n", encoding="utf-8")
    assert main(["segment", str(f), "--user-dict", str(ud), "--backend", "jieba"]) == 0
    assert capsys.readouterr().out.split() == ["甲乙丙丁戊己", "。"]
    ud.write_text("好 1 n\n甲 乙 丙 丁\n", encoding="utf-8")
    assert main(["segment", str(f), "--user-dict", str(ud), "--backend", "jieba"]) != 0
    err = capsys.readouterr().err
    assert "line 2" in err and str(ud) in err


def test_lexicon_mine_on_files(tmp_path, capsys):
    d = tmp_path / "docs"
    d.mkdir()
    for i, extra in enumerate(["各地", "依托", "走进", "建好", "推进"]):
        (d / f"{i}.txt").write_text(f"{extra}一窗通办开展服务。一窗通办很好。\n", encoding="utf-8")
    out = tmp_path / "lex.txt"
    assert (
        main(
            [
                "lexicon",
                "mine",
                str(d),
                "--min-count",
                "3",
                "--min-entropy",
                "0.5",
                "--min-docs",
                "2",
                "--min-pmi",
                "1",
                "--backend",
                "jieba",
                "--write",
                str(out),
                "-o",
                str(tmp_path / "c.csv"),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# policytext policy lexicon")
    words = {line.split()[0] for line in text.splitlines() if not line.startswith("#")}
    assert "一窗通办" in words
