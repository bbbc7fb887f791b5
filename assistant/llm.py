"""Optional LLM answerer through llama-index's OpenAI-compatible adapter. Off by default.

The passages go in numbered; the model must mark every sentence with [n]. Nothing it says is
trusted: each sentence must cite a passage that exists, and every number in it must appear in
the passages it cites. Unsupported sentences are dropped and the answer says so.
"""

from __future__ import annotations

import os
import re
from typing import Sequence

from assistant import evidence, prompts
from assistant.render import numbers_supported
from assistant.errors import LLMError
from assistant.settings import AnswerSettings, LLMSettings
from assistant.types import AskResult, Citation
from index.model import Hit
from index.text import squash_ws

_MARK = re.compile(r"\[(\d+)\]")
_SENT = re.compile(r"(?:[^。！？!?.\n]|\.(?=\d))+(?:[。！？!?]|\.(?!\d))?(?:\s*\[\d+\])*")


class LLMAnswerer:
    def __init__(self, settings: LLMSettings):
        from llama_index.llms.openai_like import OpenAILike

        if not settings.base_url or not settings.model:
            raise LLMError("The LLM answerer needs --llm-base-url and --llm-model.")
        self.settings = settings
        self.llm = OpenAILike(
            model=settings.model,
            api_base=settings.base_url,
            api_key=os.environ.get(settings.api_key_env) or "unused",
            is_chat_model=True,
            is_function_calling_model=False,
            timeout=settings.timeout_s,
            temperature=settings.temperature,
            max_retries=0,
            context_window=8192,
        )

    def _complete(self, system: str, user: str) -> str:
        from llama_index.core.llms import ChatMessage

        try:
            resp = self.llm.chat([ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)])
        except Exception as e:  # network, HTTP, malformed JSON: all become one plain message
            raise LLMError(f"The LLM endpoint {self.settings.base_url} failed: {type(e).__name__}.") from None
        return (resp.message.content or "").strip()

    def answer(self, q: str, rewritten: str, lang: str, hits: Sequence[Hit], s: AnswerSettings) -> AskResult:
        language = "Chinese" if lang == "zh" else "English"
        passages = "\n".join(f"[{i}] ({h.chunk.section}) {h.chunk.text}" for i, h in enumerate(hits, 1))
        raw = self._complete(prompts.LLM_SYSTEM.format(language=language), prompts.LLM_USER.format(passages=passages, question=rewritten, language=language))
        related = [_cite(i, h, h.chunk.text) for i, h in enumerate(hits[: s.related], 1)]
        if not raw or prompts.LLM_NOT_IN_REPORT in raw:
            return AskResult(q, rewritten, lang, prompts.REFUSAL[lang], False, [], related)
        kept, dropped = verify(raw, hits)
        if not kept:
            return AskResult(q, rewritten, lang, prompts.REFUSAL[lang], False, [], related)
        # renumber: passage index -> citation number in order of first use
        order: dict[int, int] = {}
        citations: list[Citation] = []
        lines = []
        for sent, ns in kept:
            body = _MARK.sub("", sent).strip()
            new = []
            for n in ns:
                if n not in order:
                    order[n] = len(citations) + 1
                    h = hits[n - 1]
                    citations.append(_cite(order[n], h, _best_quote(body, h.chunk.text)))
                new.append(order[n])
            lines.append(body + "".join(f"[{m}]" for m in new))
        answer = ("" if lang == "zh" else " ").join(lines)
        if dropped:
            answer += "\n\n" + prompts.UNVERIFIED_DROPPED[lang]
        return AskResult(q, rewritten, lang, answer, True, citations, [])


def verify(raw: str, hits: Sequence[Hit]) -> tuple[list[tuple[str, list[int]]], list[str]]:
    """Split the model's answer into sentences; keep those whose markers exist and whose numbers
    all appear in the passages they cite."""
    kept, dropped = [], []
    for m in _SENT.finditer(raw):
        sent = m.group(0).strip()
        if not sent or not re.search(r"\w", _MARK.sub("", sent)):
            continue
        ns = [int(x) for x in _MARK.findall(sent)]
        if not ns or any(n < 1 or n > len(hits) for n in ns):
            dropped.append(sent)
            continue
        texts = [hits[n - 1].chunk.text + " " + (hits[n - 1].chunk.quote or "") for n in ns]
        if not numbers_supported(sent, texts):
            dropped.append(sent)
            continue
        kept.append((sent, list(dict.fromkeys(ns))))
    return kept, dropped


def _best_quote(sentence: str, chunk_text: str) -> str:
    """The sentence of the chunk that best supports the answer sentence (verbatim)."""
    nums = set(re.findall(r"\d+(?:\.\d+)?", sentence))
    best, best_s = chunk_text, -1.0
    for _, s in evidence.split_sentences(chunk_text):
        sn = squash_ws(s)
        score = sum(2 for n in nums if n in sn) + len(set(sentence) & set(s)) / (len(set(s)) + 1)
        if score > best_s:
            best, best_s = s, score
    return best


def _cite(n: int, h: Hit, quote: str) -> Citation:
    c = h.chunk
    return Citation(n, c.id, c.section, c.page, quote, c.text, float(h.score), c.kind, tuple(c.paragraph_ids))
