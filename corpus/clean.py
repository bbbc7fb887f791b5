"""Inline cleaning rules for OCR'd report text.

Every rule here maps a piece of *source* text to *clean* text and only removes
markup, debris or whitespace (or normalises digits), so a paragraph's clean text
is always recoverable from its source spans: ``clean_fragment(source[a:b])``
for each span, joined with :func:`join_fragments`.

Rules:
- footnote markers ``<sup>①</sup>`` are removed from the sentence (the footnote
  is kept separately and linked to the paragraph);
- HTML tags (``<b>``, ``<i>``, ``<sup>`` around non-markers, ``<br>``...) are
  dropped, their content kept; markdown emphasis ``**``/``__`` dropped;
- markdown links ``[t](url)`` become ``t``; images ``![..](..)`` are dropped;
- spaced digit groups ``978 - 7 - 5096`` become ``978-7-5096``, and ``F719. 9``
  becomes ``F719.9``;
- full-width spaces become ordinary spaces, runs of spaces collapse;
- hard-wrapped lines are joined without a space between two CJK characters and
  with one space otherwise.
"""

from __future__ import annotations

import re

# Characters a sentence may legitimately end with.
TERMINAL = set("。！？；：」』”’）)】》…!?;:.")

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FOOTNOTE_MARK_RE = re.compile(r"<sup>\s*([" + CIRCLED + r"]|\d{1,2}|\*)\s*</sup>")
# A footnote block: marker at the start of the block followed by the note text.
FOOTNOTE_BLOCK_RE = re.compile(
    r"^\s*(?:<sup>\s*([" + CIRCLED + r"]|\d{1,2})\s*</sup>|([" + CIRCLED + r"]))\s*(\S.*)$", re.DOTALL
)
IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>", re.IGNORECASE)
LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)\)")
TAG_RE = re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span|font|div|p|br|center|small|big)\b[^>]*>", re.IGNORECASE)
EMPH_RE = re.compile(r"\*\*|__")
SPACED_HYPHEN_RE = re.compile(r"(?<=\d)(?:\s+-\s*|\s*-\s+)(?=\d)")
SPACED_DOT_RE = re.compile(r"(?<=\d)\.[ \t]+(?=\d)")
MULTISPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F  # CJK punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x2000 <= o <= 0x206F  # general punctuation: — “ ” …
        or 0x2460 <= o <= 0x24FF  # circled numbers
        or 0xF900 <= o <= 0xFAFF
    )


def is_debris(line: str) -> bool:
    """Lines that carry no text: images, horizontal rules, lone markup."""
    s = IMAGE_RE.sub("", line)
    s = TAG_RE.sub("", s).strip()
    if not s:
        return True
    return bool(re.fullmatch(r"[-*_=]{3,}|[·•\s]+", s))


def clean_inline(s: str) -> str:
    """Clean one line of source text (no newlines expected)."""
    s = IMAGE_RE.sub("", s)
    s = FOOTNOTE_MARK_RE.sub("", s)
    s = LINK_RE.sub(r"\1", s)
    s = TAG_RE.sub("", s)
    s = EMPH_RE.sub("", s)
    s = s.replace("\u3000", " ").replace("\u00a0", " ")
    s = SPACED_HYPHEN_RE.sub("-", s)
    s = SPACED_DOT_RE.sub(".", s)
    s = MULTISPACE_RE.sub(" ", s)
    return s.strip()


def join_fragments(parts: list[str]) -> str:
    """Join cleaned pieces: no space between two CJK characters, one space otherwise."""
    out = ""
    for p in parts:
        if not p:
            continue
        if not out:
            out = p
        elif _tight(out[-1], p[0]):
            out += p
        else:
            out += " " + p
    return out


def _tight(a: str, b: str) -> bool:
    """True when two pieces join without a space (CJK next to CJK or to a digit)."""
    return (is_cjk(a) and (is_cjk(b) or b.isdigit())) or (a.isdigit() and is_cjk(b))


def clean_fragment(raw: str) -> str:
    """Clean a source span that may contain hard line breaks."""
    return join_fragments([clean_inline(line) for line in raw.split("\n")])


def normalise_numbers(s: str) -> str:
    s = SPACED_HYPHEN_RE.sub("-", s)
    return SPACED_DOT_RE.sub(".", s)


_SINGLE_CJK_TOKENS_RE = re.compile(r"^[\u4e00-\u9fff](?: [\u4e00-\u9fff])+$")


def collapse_spaced_cjk(s: str) -> str:
    """``"总 序"`` -> ``"总序"``: a run of single CJK characters spaced out for typesetting."""
    s = MULTISPACE_RE.sub(" ", s.replace("\u3000", " ")).strip()
    if _SINGLE_CJK_TOKENS_RE.match(s):
        return s.replace(" ", "")
    return s


def clean_heading(raw: str) -> str:
    """Heading text without ``#``, emphasis, tags and typesetting spaces."""
    s = re.sub(r"^\s*#+\s*", "", raw)
    s = clean_inline(s)
    s = collapse_spaced_cjk(s)
    s = re.sub(r"\s*([(（])\s*", r"\1", s)
    s = re.sub(r"\s*([)）])\s*", r"\1", s)
    s = re.sub(r"[:：]\s*$", "", s).strip()
    return s


def strip_ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and t[-1] in TERMINAL
