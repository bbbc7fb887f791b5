"""The measure a passage gives for a second place, beside the one it gives for the first.

"2013年北京第三产业比重是多少？" then "那天津呢？": the report gives no tertiary share for Tianjin, but the sentence after
Beijing's says "而天津市第二产业比重为50.6%". The reader asking about Tianjin in that context is asking what the report
contrasts Beijing with; refusing hides the one figure it gives. ``Parallels.find`` reads, in the paragraph of the
figure the last answer gave, a sentence near it that names the new place with a figure of the same unit and a measure
that ends the same way (…产业比重); the caller asks for that measure and says plainly that it differs from the one
asked. Built once per index from the paragraph passages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .evidence import split_sentences

# a figure and its unit, as the report writes them: 76.9%, 465公里, 1749.6亿元
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?P<u>%|公里|亿元|万元|亿|万|元|家|个|项|所|条|倍)")
_VERB = r"(?:高达|达到|达|仅为|约为|为|是|占|约)?"
# how near the two sentences must be (sentences apart) to be read as a contrast
_NEAR = 2


@dataclass(frozen=True)
class Parallel:
    asked: str  # the measure asked of the first place, as the report words it ("第三产业比重")
    given: str  # the measure the report gives for the new place ("第二产业比重")
    sentence: str  # the sentence that gives it


class Parallels:
    def __init__(self, paragraphs: Iterable[str]):
        self._paragraphs = [split_sentences(p) for p in paragraphs]

    def find(self, figures: Sequence[str], before: Sequence[str], place: Sequence[str]) -> Parallel | None:
        """The measure given for ``place`` (its names) next to the sentence that gives one of ``figures`` for a
        place named ``before``; None when there is none, or more than one reading."""
        found: list[Parallel] = []
        for sents in self._paragraphs:
            for i, (_, s) in enumerate(sents):
                if not any(f in s for f in figures):
                    continue
                asked = _measure(s, before, figures)
                if asked is None:
                    continue
                unit = asked[1]
                for _, t in sents[max(0, i - _NEAR): i + _NEAR + 1]:
                    if t == s:
                        continue
                    given = _measure(t, place, None)
                    if given is None or given[1] != unit or given[0] == asked[0]:
                        continue
                    if len(_common_end(asked[0], given[0])) < 2:
                        continue
                    p = Parallel(asked[0], given[0], t)
                    if p not in found:
                        found.append(p)
        return found[0] if len(found) == 1 else None


def _measure(sentence: str, names: Sequence[str], figures: Sequence[str] | None) -> tuple[str, str] | None:
    """(measure, unit) of the figure the sentence gives for a place of ``names``: "北京市第三产业比重高达76.9%" ->
    ("第三产业比重", "%"); only a figure among ``figures`` when they are given."""
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name) + r"(?:市|省)?(?P<m>[\u4e00-\u9fff&A-Za-z]{2,12}?)" + _VERB + r"\s*(?P<f>"
                             + _FIGURE.pattern + ")", sentence):
            if figures is not None and not any(m.group("f").startswith(f.rstrip("%")) for f in figures):
                continue
            return m.group("m"), m.group("u")
    return None


def _common_end(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:]
