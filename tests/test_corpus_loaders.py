"""Loaders: Markdown/text/PDF give the same Report type; bad files give a clear error naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import (
    Report,
    ReportLoadError,
    bundled_report_path,
    load_report,
    read_source_text,
)
from corpus.clean import strip_ws

PAGES = [
    ["京津冀测试报告", "前言", "这是前言的第一段，说明本报告的目的。"],
    ["第一章 总体情况", "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%。",
     "这是一个跨页的句子，它的前半部分在第二页，"],
    ["后半部分在第三页结束。", "第一节 细节", "最后一段也在第三页。"],
]


def _make_pdf(path: Path, pages=PAGES, encrypt: str | None = None) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(60, 780 - 24 * i, line)
        c.showPage()
    c.save()
    if encrypt:
        from pypdf import PdfReader, PdfWriter

        w = PdfWriter()
        for pg in PdfReader(str(path)).pages:
            w.add_page(pg)
        w.encrypt(user_password=encrypt, owner_password=encrypt, algorithm="RC4-128")
        with path.open("wb") as f:
            w.write(f)
    return path


@pytest.fixture(scope="module")
def pdf_report(tmp_path_factory):
    path = _make_pdf(tmp_path_factory.mktemp("pdf") / "test-report.pdf")
    return path, load_report(path)


def test_pdf_loads_as_a_report_with_pdf_page_numbers(pdf_report):
    _, r = pdf_report
    assert isinstance(r, Report) and r.source_id == "test-report"
    pages = {p.text: p.page for p in r.paragraphs}
    assert pages.get("这是前言的第一段，说明本报告的目的。") == 1, pages
    assert pages.get("北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%。") == 2, pages
    joined = "这是一个跨页的句子，它的前半部分在第二页，后半部分在第三页结束。"
    assert pages.get(joined) == 2, f"sentence across the page break should be one paragraph starting on p.2: {pages}"
    assert pages.get("最后一段也在第三页。") == 3, pages


def test_pdf_sections_and_their_pages(pdf_report):
    _, r = pdf_report
    tree = [(s.path, s.page) for s in r.sections() if s.path]
    assert (("前言",), 1) in tree, tree
    assert (("第一章 总体情况",), 2) in tree, tree
    assert (("第一章 总体情况", "第一节 细节"), 3) in tree, tree
    p = next(p for p in r.paragraphs if p.text.startswith("最后一段"))
    assert p.section_path == ("第一章 总体情况", "第一节 细节"), p.section_path


def test_pdf_offsets_point_into_the_extracted_text(pdf_report):
    path, r = pdf_report
    text = read_source_text(path)
    for p in r.paragraphs:
        assert strip_ws("".join(text[a:b] for a, b in p.spans)) == strip_ws(p.text), p.id


def test_pdf_gets_the_same_tables(pdf_report):
    _, r = pdf_report
    facts = {(f.fields["region"], f.fields["value"], f.fields["unit"]) for f in r.tables["indicators"]}
    assert {("北京市", "6.08", "%"), ("天津市", "3.0", "%"), ("河北省", "1.12", "%")} <= facts, facts
    row = r.tables["indicators"][0]
    assert row.page == 2, row


def test_markdown_with_bom_and_crlf_loads(tmp_path):
    src = bundled_report_path().read_text(encoding="utf-8")
    p = tmp_path / "copy.md"
    p.write_bytes(b"\xef\xbb\xbf" + src.replace("\n", "\r\n").encode("utf-8"))
    r = load_report(p)
    assert len(r.paragraphs) == len(load_report(bundled_report_path()).paragraphs)


def test_txt_without_headings_gives_root_paragraphs(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("第一段文字，没有标题。\n\n第二段文字。\n", encoding="utf-8")
    r = load_report(p)
    assert [x.text for x in r.paragraphs] == ["第一段文字，没有标题。", "第二段文字。"]
    assert all(x.section_path == () for x in r.paragraphs)
    assert r.root.paragraph_ids == [x.id for x in r.paragraphs]


def test_gb18030_text_is_accepted_when_it_is_clean_cjk(tmp_path):
    p = tmp_path / "gb.txt"
    p.write_bytes("# 前言\n\n北京市2013年第三产业比重为76.9%。\n".encode("gb18030"))
    r = load_report(p)
    assert r.paragraphs[0].text == "北京市2013年第三产业比重为76.9%。"


def _bad(tmp_path: Path, name: str, data: bytes | None) -> Path:
    p = tmp_path / name
    if data is not None:
        p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    "name,data,words",
    [
        ("missing.md", None, "not found"),
        ("empty.md", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "empty"),
        ("nul.md", b"# title\n\x00\x01\x02binary\x00" * 20, "binary"),
        ("ctrl.txt", bytes(range(1, 9)) * 200, "binary"),
        ("latin1.md", "café naïve résumé déjà vu\n".encode("latin-1") * 20, "UTF-8"),
        ("utf16.txt", "前言\n正文".encode("utf-16"), "UTF-16"),
        ("garbage.pdf", b"%PDF-1.4\nthis is not really a pdf\n", "PDF"),
        ("notes.docx", b"PK\x03\x04 some zip", "unsupported"),
    ],
)
def test_bad_input_gives_report_load_error_naming_the_file(tmp_path, name, data, words):
    p = _bad(tmp_path, name, data)
    with pytest.raises(ReportLoadError) as ei:
        load_report(p)
    msg = str(ei.value)
    assert str(p) in msg, f"error should name the file: {msg}"
    assert words.lower() in msg.lower(), f"error should say {words!r}: {msg}"


def test_directory_gives_error(tmp_path):
    d = tmp_path / "reports.md"
    d.mkdir()
    with pytest.raises(ReportLoadError, match="directory") as ei:
        load_report(d)
    assert str(d) in str(ei.value)


def test_truncated_pdf_gives_error(tmp_path, pdf_report):
    path, _ = pdf_report
    data = path.read_bytes()
    for cut in (len(data) // 2, 300):
        p = tmp_path / f"cut{cut}.pdf"
        p.write_bytes(data[:cut])
        with pytest.raises(ReportLoadError) as ei:
            load_report(p)
        assert str(p) in str(ei.value)


def test_encrypted_pdf_gives_error(tmp_path):
    p = _make_pdf(tmp_path / "locked.pdf", encrypt="secret")
    with pytest.raises(ReportLoadError, match="encrypted") as ei:
        load_report(p)
    assert str(p) in str(ei.value)


def test_pdf_without_text_gives_error(tmp_path):
    p = _make_pdf(tmp_path / "blank.pdf", pages=[[], []])
    with pytest.raises(ReportLoadError, match="no extractable text") as ei:
        load_report(p)
    assert str(p) in str(ei.value)
