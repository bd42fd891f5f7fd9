"""Encodings read back to the same text; binary and undecodable input raise DecodeError."""

from __future__ import annotations

import random
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.corpus.clean import decode_bytes
from policytext.errors import DecodeError

SAMPLE = (
    "来源:新华社 日期:2023年3月5日\n\u3000\u3000坚持稳中求进,推动高质量发展。\n“两个维护”——《中国共产党组织工作条例》\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_same_text_in_every_encoding(tmp_path, encoding):
    path = tmp_path / f"doc_{encoding}.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    doc = pt.read_document(path)
    reference = pt.read_document(SAMPLE.encode("utf-8"))
    assert doc.text == reference.text == "坚持稳中求进，推动高质量发展。\n“两个维护”——《中国共产党组织工作条例》"
    assert doc.meta["source"] == "新华社"
    expected = {"utf-8-sig": "utf-8", "gbk": "gb18030"}.get(encoding, encoding)
    assert doc.meta["encoding"] == expected


def test_seed_in_every_encoding(tmp_path, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    reference = pt.read_document(seed_path)
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        p = tmp_path / f"seed.{enc}.txt"
        p.write_bytes(text.encode(enc))
        doc = pt.read_document(p)
        assert doc.text == reference.text
        assert doc.meta["title"] == reference.meta["title"]


def test_valid_utf8_is_never_decoded_as_gb18030():
    # these bytes are valid in both encodings; UTF-8 must win
    raw = "中文".encode()
    assert raw.decode("gb18030")  # would succeed, giving mojibake
    assert decode_bytes(raw) == ("中文", "utf-8")


def test_random_bytes_raise_decode_error_naming_file(tmp_path):
    rng = random.Random(0)
    path = tmp_path / "random.bin"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    with pytest.raises(pt.DecodeError) as info:
        pt.read_document(path)
    assert str(path) in str(info.value)
    assert info.value.offset is not None and 0 <= info.value.offset < 4096
    assert "offset" in str(info.value)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00\x00\xff\x00\x00" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_png_raises_decode_error(tmp_path):
    path = tmp_path / "figure.txt"  # a misnamed image
    path.write_bytes(_png())
    with pytest.raises(pt.DecodeError, match=r"figure\.txt"):
        pt.read_document(path)


def test_invalid_gb18030_and_utf8_names_offset():
    raw = "正常文本".encode() + b"\xff\xff\xff"
    with pytest.raises(pt.DecodeError) as info:
        decode_bytes(raw, source="bad.txt")
    assert info.value.offset == len("正常文本".encode())
    assert "bad.txt" in str(info.value)


def test_control_characters_are_binary():
    with pytest.raises(pt.DecodeError, match="control byte"):
        decode_bytes("文本\x01\x02".encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=300))
def test_any_bytes_decode_or_raise_cleanly(raw):
    try:
        text, enc = decode_bytes(raw)
    except pt.DecodeError as e:
        assert e.offset is None or 0 <= e.offset <= len(raw)
    else:
        assert enc in {"utf-8", "gb18030", "utf-16", "utf-32"}
        assert isinstance(text, str)


def test_empty_document_is_an_error(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"   \n\n")
    with pytest.raises(pt.InputError, match=r"empty\.txt"):
        pt.read_document(p)


def test_from_dir_skip_reports_problems(tmp_path):
    (tmp_path / "good.txt").write_text("坚持稳中求进。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(_png())
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(pt.DecodeError):
        pt.Corpus.from_dir(tmp_path)
    corpus = pt.Corpus.from_dir(tmp_path, errors="skip")
    assert corpus.doc_ids == ["good"]
    assert sorted(p.rsplit("/", 1)[-1] for p in corpus.problems["path"]) == ["bad.txt", "empty.txt"]
    assert corpus.problems["error"].str.len().min() > 10
    with pytest.raises(pt.InputError, match="errors"):
        pt.Corpus.from_dir(tmp_path, errors="ignore")


@pytest.mark.parametrize("encoding", ["shift_jis", "euc_jp"])
def test_a_japanese_file_is_refused_not_read_as_mojibake(encoding, tmp_path):
    # both decode as GB18030 without an error: 擔杮偺惌嶔… (Shift-JIS), 泣塑の蜡忽矢… (EUC-JP)
    path = tmp_path / "ja.txt"
    path.write_bytes("日本の政策文書では、地方自治体の取り組みが重要であると考えられています。".encode(encoding))
    with pytest.raises(DecodeError, match=rf"ja\.txt: the bytes read as Japanese text \({encoding}\)"):
        pt.read_document(path)


def test_chinese_gbk_with_a_few_kana_is_still_chinese():
    text = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。引用的日文书名为《ニッポン》。" * 3
    assert pt.read_document(text.encode("gb18030")).meta["encoding"] == "gb18030"


TRADITIONAL = "中華民國經濟部今日發布新聞稿，說明產業發展政策與相關措施。行政院會議通過多項法案，推動數位轉型。"


def _big5_page(charset: str) -> str:
    paras = f"<p>{TRADITIONAL}</p><p>立法院三讀通過相關條例，強化區域均衡發展。</p>"
    head = f"<meta charset='{charset}'><title>經濟部新聞稿</title>"
    return f"<html><head>{head}</head><body><h1>經濟部新聞稿</h1>{paras}</body></html>"


@pytest.mark.parametrize("charset", ["big5", "Big5-HKSCS", "cp950"])
def test_a_web_page_that_declares_big5_is_read_as_big5(charset):
    doc = pt.read_document(_big5_page(charset).encode("big5hkscs"))
    assert doc.meta["encoding"] == "big5" and doc.text.startswith(TRADITIONAL)
    assert doc.meta["title"] == "經濟部新聞稿"


def test_a_page_that_declares_big5_but_is_utf8_is_read_as_utf8():
    doc = pt.read_document(_big5_page("big5").encode("utf-8"))
    assert doc.meta["encoding"] == "utf-8" and doc.text.startswith(TRADITIONAL)


def test_a_big5_text_file_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "tw.txt"
    path.write_bytes((TRADITIONAL * 3).encode("big5"))
    with pytest.raises(DecodeError, match=r"tw\.txt: cannot decode.*Big5.*Corpus\.from_texts"):
        pt.read_document(path)


def test_a_big5_page_with_a_stray_byte_is_repaired_as_big5():
    raw = _big5_page("big5").encode("big5hkscs")
    stray = raw.replace(b"<h1>", b"<h1>\x02")  # a control byte in the markup
    i = raw.index("說明".encode("big5hkscs"))
    broken = raw[: i + 1] + b"<br>" + raw[i + 2 :]  # a character an old CMS cut in two
    for bad in (stray, broken):
        with pytest.warns(UserWarning, match=r"read as big5hkscs"):
            doc = pt.read_document(bad)
        assert doc.meta["encoding"] == "big5hkscs" and "立法院三讀通過相關條例" in doc.text
