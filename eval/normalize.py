"""Text canonicalisation shared by the dataset checks and the metrics.

Two strengths:

* ``canon`` -- for matching report text against report text (gold quotes vs.
  chunks, cited quotes vs. gold quotes): Unicode NFKC (full-width -> half-width)
  and all whitespace removed. The corpus cleaner rejoins page breaks and
  collapses OCR spacing ("978 - 7 - 5096" -> "978-7-5096", "郭 斌" may become
  "郭斌"); dropping whitespace on both sides makes a quote match either form. So are a
  contents line's dot leaders: the parser writes "三、麦谷产业园 ..... 107" for the raw
  "三、麦谷产业园	107", and a quote of either form names the same line.
* ``canon_answer`` -- for "does the answer contain the expected string": also
  case-folded, traditional -> simplified (OpenCC) and without thousands
  separators ("3,038" == "3038").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")
_LEADERS = re.compile(r"\.{3,}|…{2,}|·{3,}")  # a contents line's dot leaders
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def canon(text: str) -> str:
    return _LEADERS.sub("", _WS.sub("", unicodedata.normalize("NFKC", text or "")))


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC  # opencc-python-reimplemented; pure data, no model

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text) if text else text


def canon_answer(text: str) -> str:
    s = canon(to_simplified(text or "")).casefold()
    return _THOUSANDS.sub("", s)


def contains(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` modulo whitespace and width (report-vs-report matching)."""
    n = canon(needle)
    return bool(n) and n in canon(haystack)
