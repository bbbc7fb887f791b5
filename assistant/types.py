"""Typed results of ``Assistant.ask``. ``to_json()`` is the CLI/API contract:

question, rewritten_question, language, answer, answerable, citations[], related[], timings_ms
citation: n, chunk_id, section, page, quote, text, score
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    n: int
    chunk_id: str
    section: str
    page: int | None
    quote: str  # verbatim span of the report that supports the answer
    text: str  # the whole chunk text (context)
    score: float
    kind: str = "paragraph"
    paragraph_ids: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "chunk_id": self.chunk_id,
            "section": self.section,
            "page": self.page,
            "quote": self.quote,
            "text": self.text,
            "score": round(float(self.score), 6),
        }


@dataclass
class Turn:
    question: str
    rewritten_question: str
    language: str
    answer: str
    answerable: bool


@dataclass
class AskResult:
    question: str
    rewritten_question: str
    language: str  # "zh" | "en"
    answer: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "rewritten_question": self.rewritten_question,
            "language": self.language,
            "answer": self.answer,
            "answerable": self.answerable,
            "citations": [c.to_json() for c in self.citations],
            "related": [c.to_json() for c in self.related],
            "timings_ms": {k: round(float(v), 2) for k, v in self.timings_ms.items()},
        }

    def as_turn(self) -> Turn:
        return Turn(self.question, self.rewritten_question, self.language, self.answer, self.answerable)


