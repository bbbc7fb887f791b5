"""Text normalisation, language detection and sentence splitting.

``normalize`` is applied to the corpus *and* to queries before keyword
indexing and embedding, so that both sides meet in the same form:
traditional -> simplified Chinese (OpenCC ``t2s``), full-width ASCII letters,
digits and a few unambiguous symbols -> half-width, and whitespace collapsed
(spaces between two CJK characters, an OCR artefact such as ``郭 斌``, are
dropped). Chinese punctuation that carries meaning for sentence splitting
(，。！？；：（）) is kept as is.

Displayed/quoted text is never normalised: chunks keep the report's text.
"""

from __future__ import annotations

import functools
import re

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+")
_WS_RE = re.compile(r"\s+")
_CJK_GAP_RE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")

# full-width symbols whose half-width form means the same thing in both scripts
_SAFE_PUNCT = set("％＆＋－．／＝＠＃＄＊＜＞＿｜～＇＂")


@functools.lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC  # light, pure python; imported on first use

    return OpenCC("t2s")


# variant characters t2s keeps: "甚麼" becomes "甚么", which simplified text writes "什么"
_VARIANTS = (("甚么", "什么"),)


def _fullwidth_to_halfwidth(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if ch == "\u3000":
            out.append(" ")
        elif 0xFF01 <= o <= 0xFF5E:
            half = chr(o - 0xFEE0)
            if half.isalnum() or ch in _SAFE_PUNCT:
                out.append(half)
            else:
                out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def normalize(text: str) -> str:
    """Normalised form for indexing and querying (not for display)."""
    if not text:
        return ""
    text = _t2s().convert(text)
    for variant, common in _VARIANTS:
        text = text.replace(variant, common)
    text = _fullwidth_to_halfwidth(text)
    text = _WS_RE.sub(" ", text).strip()
    return _CJK_GAP_RE.sub("", text)


def squash_ws(text: str) -> str:
    """Remove all whitespace: the form in which quotes are compared."""
    return _WS_RE.sub("", text or "")


def cjk_count(text: str) -> int:
    return len(_CJK_RE.findall(text))


def detect_language(text: str) -> str:
    """``"zh"`` when Chinese characters dominate, else ``"en"``.

    Each CJK character counts like a word; a question such as
    "What does 中关村 host?" stays English, "北京市2013年R&D投入强度" is Chinese.
    """
    cjk = cjk_count(text)
    if cjk == 0:
        return "en"
    words = len(_LATIN_WORD_RE.findall(text))
    return "zh" if cjk >= 2 * words else "en"


# A sentence ends after a Chinese terminator (plus any closing quotes/brackets),
# or after an English terminator followed by whitespace and an upper-case letter,
# a quote, a CJK character or the end of the text. "6.08%" or "2016. 4" do not end one.
_ZH_END = "。！？；!?;"
_CLOSERS = "”’」』）)】"
_SENT_RE = re.compile(
    rf"[{_ZH_END}]+[{_CLOSERS}]*"
    rf"|[.!?;]+[{_CLOSERS}\"']*(?=\s+(?:[A-Z\"'“(\[{_CJK}]|$))"
    rf"|[.!?;]+[{_CLOSERS}\"']*$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering ``text`` (whitespace between
    sentences belongs to the preceding one, so the spans tile the text)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_RE.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return [s for s in spans if text[s[0]:s[1]].strip()] or ([(0, len(text))] if text else [])


_CLAUSE_RE = re.compile(r"[，、：,:]+[" + _CLOSERS + r"]*\s*")


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Finer spans (at commas/colons) for sentences longer than a chunk."""
    spans = []
    start = 0
    for m in _CLAUSE_RE.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see ``split_sentences``), stripped."""
    return [text[a:b].strip() for a, b in split_sentences(text) if text[a:b].strip()]
