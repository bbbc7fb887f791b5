"""Publication record (CIP data, imprint, title page, editorial board) and funding
projects, read from the front matter by pattern.

One publication row per field: ``field`` (stable English key), ``label`` (the
book's own label, e.g. 责任编辑) and ``value`` (typesetting spaces removed).
"""

from __future__ import annotations

import re

from .clean import strip_ws
from .model import Paragraph, Report, TableRow

CJK = r"\u4e00-\u9fff"

# Imprint labels (spaces removed) -> field key.
LABELS = {
    "组稿编辑": "acquisitions_editor",
    "策划编辑": "acquisitions_editor",
    "责任编辑": "responsible_editor",
    "责任印制": "production_supervisor",
    "责任校对": "proofreader",
    "出版发行": "publisher",
    "出版": "publisher",
    "网址": "website",
    "电话": "phone",
    "印刷": "printer",
    "经销": "distributor",
    "开本": "format",
    "印张": "sheets",
    "字数": "word_count",
    "版次": "edition",
    "书号": "isbn",
    "定价": "price",
    "联系地址": "contact_address",
    "邮编": "postcode",
}
# "责任编辑：许 兵", "电话：(010) 68022974 邮编：100836": label (maybe spaced out) + colon + value.
_PAIR_RE = re.compile(rf"(?:(?<=^)|(?<=\s))((?:[{CJK}] ?){{2,4}})[：:]\s*(.+?)(?=\s+(?:[{CJK}] ?){{2,4}}[：:]|$)")
_CIP_RE = re.compile(
    r"^(?P<title>[^—/]+?)\s*——\s*(?P<subtitle>[^/]+?)\s*/\s*(?P<authors>[^.。]+?)(?P<role>编著|主编|编|著)\s*[.。]\s*"
    r"[—-]+\s*(?P<place>[^:：]+?)\s*[:：]\s*(?P<publisher>[^,，]+?)\s*[,，]\s*(?P<date>\d{4}(?:\.\d{1,2})?)"
)
_ISBN_RE = re.compile(r"ISBN\s*([\dXx][\dXx-]{9,})")
_CLC_RE = re.compile(r"IV\.\s*①?\s*([A-Z]{1,2}\d+(?:\.\d+)?)")
_SUBJECTS_RE = re.compile(r"III\.\s*①\s*(.+?)\s*(?=IV\.|$)")  # the CIP subject headings ("信息服务业—区域经济发展—…")
_CIPNO_RE = re.compile(r"CIP\s*数据核字\s*([(（]\d{4}[)）]\s*第\s*\d+\s*号)")
_EDITION_RE = re.compile(r"(\d{4}\s*年\s*\d{1,2}\s*月\s*第\s*\d+\s*版)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*第\s*\d+\s*次印刷)?")
_SERIES_EDITOR_RE = re.compile(r"总\s*主\s*编\s*[◎:：]?\s*([" + CJK + r"]{2,4})")


def squeeze(value: str) -> str:
    """Remove typesetting spaces next to CJK characters: ``"许 兵"`` -> ``"许兵"``."""
    value = re.sub(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])", "", value.strip())
    return re.sub(r"\s*([(（])\s*", r"\1", value).strip()


def _names(spaced: str) -> list[str]:
    """``"陈 倩 郭 斌 李 凡 刘林艳"`` -> ``["陈倩", "郭斌", "李凡", "刘林艳"]`` (single characters pair up)."""
    out, single = [], ""
    for tok in spaced.split():
        if len(tok) == 1:
            single += tok
            if len(single) == 2:
                out.append(single)
                single = ""
        else:
            if single:
                out.append(single)
                single = ""
            out.append(tok)
    if single:
        out.append(single)
    return out


def _sections(report: Report, pred) -> list[Paragraph]:
    return [p for p in report.paragraphs if p.section_path and pred(strip_ws(p.section_path[0]))]


_SIGNED_SECTIONS = ("总序", "序", "序言", "前言", "后记", "跋")
_DATE_LINE = re.compile(r"\d{4}年\d{1,2}月(\d{1,2}日)?")


class _Rows:
    def __init__(self):
        self.rows: list[TableRow] = []
        self.seen: set[str] = set()

    def add(self, field: str, label: str, value: str, p: Paragraph, quote: str, note: str = "") -> None:
        """``note``: what the field is for, when the page says so (the reader-service block)."""
        from .tables import row_for

        if not value or field in self.seen:
            return
        self.seen.add(field)
        self.rows.append(row_for("publication", {"field": field, "label": label, "value": value, "note": note}, p, quote))


def publication_rows(report: Report) -> list[TableRow]:
    rows = _Rows()
    cip = _sections(report, lambda t: t.startswith("图书在版编目"))
    service = ""  # "凡购本社图书，如有印装错误，由本社读者服务部负责调换。": the contacts below it are for that
    for p in cip:
        t = p.text
        if "读者服务部" in t and not _PAIR_RE.search(t):
            service = t
            continue
        m = _CIP_RE.search(t)
        if m:
            q = m.group(0)
            rows.add("title", "书名", squeeze(m.group("title")), p, q)
            rows.add("subtitle", "副书名", squeeze(m.group("subtitle")), p, q)
            rows.add("authors", m.group("role"), "、".join(squeeze(a) for a in re.split(r"[,，、]", m.group("authors"))), p, q)
            rows.add("place", "出版地", squeeze(m.group("place")), p, q)
            rows.add("publisher", "出版者", squeeze(m.group("publisher")), p, q)
            rows.add("publication_date", "出版时间", m.group("date"), p, q)
        if (m := _ISBN_RE.search(t)) and "书" not in t[: m.start()]:
            rows.add("isbn", "ISBN", m.group(1), p, m.group(0))
        if m := _SUBJECTS_RE.search(t):
            rows.add("subject_headings", "主题词", squeeze(m.group(1)), p, m.group(0))
        if m := _CLC_RE.search(t):
            rows.add("classification", "中图分类号", m.group(1), p, m.group(0))
        if m := _CIPNO_RE.search(t):
            rows.add("cip_number", "CIP数据核字", squeeze(m.group(1)), p, m.group(0))
        if re.fullmatch(r"[(（].+[)）]", t) and "publisher" in rows.seen:
            rows.add("publisher_address", "出版社地址", squeeze(t[1:-1]), p, t)
            if code := re.search(r"(?<!\d)(\d{6})\s*[)）]$", t):
                # "(北京市海淀区…11 层 100038)": the publisher's postcode, beside the reader service's own (100836)
                rows.add("publisher_postcode", "出版社邮编", code.group(1), p, t)
        for m in _PAIR_RE.finditer(t):
            label, value = strip_ws(m.group(1)), m.group(2).strip()
            field = LABELS.get(label)
            if field is None:
                continue
            if field == "edition" and (e := _EDITION_RE.search(value)):
                rows.add("edition", "版次", squeeze(e.group(1)), p, m.group(0))
                if e.group(2):
                    rows.add("printing", "印次", squeeze(e.group(2)), p, m.group(0))
                continue
            if field == "isbn":
                value = (_ISBN_RE.search(value) or re.match(r"(.*)", value)).group(1)
            if field in rows.seen and field in ("phone",):
                field, label = "service_phone", "读者服务电话"
            rows.add(field, label, squeeze(value), p, m.group(0), note=service)

    for p in _sections(report, lambda t: t == "封面"):
        t = p.text
        if m := _SERIES_EDITOR_RE.search(t):
            rows.add("series_editor", "总主编", m.group(1), p, m.group(0))
        elif t.endswith("丛书") and len(t) < 40:
            rows.add("series", "丛书", squeeze(t), p, t)
        elif re.fullmatch(r"[A-Z0-9 ,:()&'.\-]{20,}", t):
            rows.add("english_title", "英文书名", t, p, t)

    # a preface is signed at its end: a short name line ("王成慧", "编者") and a date line
    for name in _SIGNED_SECTIONS:
        paras = _sections(report, lambda t, name=name: t == name)
        if len(paras) >= 2 and _DATE_LINE.fullmatch(strip_ws(paras[-1].text)) and len(strip_ws(paras[-2].text)) <= 10:
            signer, date = paras[-2], paras[-1]
            rows.add(f"signed_by:{name}", f"{name}署名", strip_ws(signer.text), signer, signer.text)
            rows.add(f"signed_on:{name}", f"{name}落款日期", strip_ws(date.text), date, date.text)

    board = _sections(report, lambda t: t == "编委会")
    for i, p in enumerate(board):
        t = p.text
        if m := re.fullmatch(r"《(.+)》", t):
            rows.add("series", "丛书", m.group(1), p, t)
        elif m := _SERIES_EDITOR_RE.search(t):
            rows.add("series_editor", "总主编", m.group(1), p, m.group(0))
        elif t.startswith("编委会成员") and i + 1 < len(board):
            nxt = board[i + 1]
            rows.add("editorial_board", "编委会成员", "、".join(_names(nxt.text)), nxt, nxt.text)
    return rows.rows


_FUND_ITEM_RE = re.compile(r"^(?P<programme>.+?)[“\"](?P<title>.+?)[”\"]\s*[(（](?P<number>[A-Za-z0-9\-]+)[)）]")


def funding_rows(report: Report) -> list[TableRow]:
    from .tables import row_for

    out = []
    for p in _sections(report, lambda t: t == "基金项目"):
        for item in re.split(r"[；;]", p.text):
            item = item.strip().rstrip("。.")
            m = _FUND_ITEM_RE.match(item)
            if not m:
                continue
            fields = {"programme": m.group("programme").strip(), "project_title": m.group("title").strip(),
                      "number": m.group("number")}
            out.append(row_for("funding", fields, p, item))
    return out
