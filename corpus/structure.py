"""Heading kinds of Chinese books, and the depth each kind takes in the section tree.

OCR gives headings at arbitrary ``#`` levels (the 前言's four parts come out as
``##``, ``##``, ``###``, ``####``), so the tree is built from what a heading
*is* -- a chapter, a 节, an enumerated part -- not from how many ``#`` it has.
"""

from __future__ import annotations

import re

NUM = "一二三四五六七八九十百零〇两"

# Front and back matter: top-level parts of a book that are not chapters.
FRONT_MATTER_RE = re.compile(
    r"^(?:图书在版编目.*|基金项目|编委会|总序|序|序言|自序|前言|目录|内容简介|内容提要|摘要|"
    r"作者简介|附录|大事记|参考文献|后记|致谢|索引)$"
)
CHAPTER_LABEL_RE = re.compile(rf"^第[{NUM}\d]+章$")
CHAPTER_RE = re.compile(rf"^第[{NUM}\d]+章(?:\s|$)")
JIE_RE = re.compile(rf"^第[{NUM}\d]+节(?:\s|$)")
ENUM_RE = re.compile(rf"^[{NUM}]+、")
PAREN_ENUM_RE = re.compile(rf"^[（(][{NUM}\d]+[)）]")
CAPTION_RE = re.compile(r"^《[^》]+》$")  # a series title standing above a page heading
SUMMARY_RE = re.compile(r"^(?:综上所述|综上|总而言之|总之|概而言之)")

KNOWN_KINDS = ("front", "chapter", "jie", "enum", "paren")


def heading_kind(title: str) -> str:
    """One of: front, chapter, jie, enum, paren, caption, other."""
    t = title.replace(" ", "")
    if FRONT_MATTER_RE.match(t):
        return "front"
    if CHAPTER_RE.match(title) or CHAPTER_LABEL_RE.match(t):
        return "chapter"
    if JIE_RE.match(title):
        return "jie"
    if ENUM_RE.match(t):
        return "enum"
    if PAREN_ENUM_RE.match(t):
        return "paren"
    if CAPTION_RE.match(t):
        return "caption"
    return "other"


def fixed_depth(kind: str) -> int | None:
    """Depth for kinds whose place does not depend on context."""
    return {"front": 1, "chapter": 1, "jie": 2}.get(kind)
