"""Cheap query-intent signals used by retrieval (no model):

* ``page_intent``: the question is about the book's structure (pages, chapters,
  sections, contents) and not for a person. Table-of-contents rows are relevant only then; otherwise
  their short titles match everything and crowd out the prose.
* ``date_intent`` / ``month_intent``: the question asks for a date (a day) or a
  year and month; chunks holding a full date (``2016年3月15日``) carry a
  ``__date__`` keyword term, chunks with a year and month (``2016年5月第1版``) a
  ``__month__`` term, and such questions add the term.
"""

from __future__ import annotations

import re

_PAGE_ZH = re.compile(r"页|目录|第[一二三四五六七八九十百\d]+[章节]|[哪几]章|[哪几]节|章节|标题")
_PAGE_EN = re.compile(r"\b(pages?|chapters?|sections?|contents|toc|headings?|titled?)\b", re.I)
_DATE_ZH = re.compile(r"日期|哪天|哪一天|何时|什么时候|落款|写成|写于|完成于|几号")
_DATE_EN = re.compile(r"\b(when|date|dated|what day|which day|signed)\b", re.I)
_MONTH_ZH = re.compile(r"哪年哪月|几月|哪个月|何时|什么时候|年月|出版时间|哪一年")
_MONTH_EN = re.compile(r"\b(when|month|what year|which year)\b", re.I)
DATE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
MONTH_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*日)")
DATE_TERM = "__date__"  # a full date (year, month, day): signatures of prefaces
MONTH_TERM = "__month__"  # year and month only: editions, printings


_WHO = re.compile(r"谁|哪位|\bwho(m|se)?\b", re.I)


def page_intent(query: str) -> bool:
    """About the book's structure; "谁写了第二章？" / "who drafted chapter 2?" asks for a person,
    which no contents line names."""
    return bool(_PAGE_ZH.search(query) or _PAGE_EN.search(query)) and not _WHO.search(query)


def date_intent(query: str) -> bool:
    return bool(_DATE_ZH.search(query) or _DATE_EN.search(query))


def month_intent(query: str) -> bool:
    return bool(_MONTH_ZH.search(query) or _MONTH_EN.search(query))


def has_date(text: str) -> bool:
    return bool(DATE_RE.search(text))


def has_month(text: str) -> bool:
    return bool(MONTH_RE.search(text))
