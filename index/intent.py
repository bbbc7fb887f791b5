"""Cheap query-intent signals used by retrieval (no model):

* ``page_intent``: the question is about the book's structure (pages, chapters,
  sections, contents). Table-of-contents rows are relevant only then; otherwise
  their short titles match everything and crowd out the prose.
* ``date_intent``: the question asks for a date; chunks holding a full date
  (``2016年3月15日``) carry a ``__date__`` keyword term that such questions add.
"""

from __future__ import annotations

import re

_PAGE_ZH = re.compile(r"页|目录|第[一二三四五六七八九十百\d]+[章节]|[哪几]章|[哪几]节|章节|标题")
_PAGE_EN = re.compile(r"\b(pages?|chapters?|sections?|contents|toc|headings?|titled?)\b", re.I)
_DATE_ZH = re.compile(r"日期|哪天|哪一天|何时|什么时候|落款|哪年|几月|哪个月|写成|写于|完成于")
_DATE_EN = re.compile(r"\b(when|date|dated|what day|which day|what year|which year|month)\b", re.I)
DATE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
DATE_TERM = "__date__"


def page_intent(query: str) -> bool:
    return bool(_PAGE_ZH.search(query) or _PAGE_EN.search(query))


def date_intent(query: str) -> bool:
    return bool(_DATE_ZH.search(query) or _DATE_EN.search(query))


def has_date(text: str) -> bool:
    return bool(DATE_RE.search(text))
