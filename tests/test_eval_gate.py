"""`jjj eval` end to end with small real retrievers over the parsed report: a broken
(random) retriever must fail the gate with exit code 2; a simple working one passes it."""

from __future__ import annotations

import json
import random

import pytest

from eval import cli
from eval.dataset import load_items, write_items
from eval.normalize import canon
from index.model import Chunk, Hit


@pytest.fixture(scope="module")
def chunks(bundled_report) -> list[Chunk]:
    report = bundled_report
    out = []
    for i, p in enumerate(report.paragraphs):
        out.append(Chunk(id=p.id, text=p.text, kind="paragraph", section_path=p.section_path, page=p.page,
                         source=report.source_id, start=p.start, end=p.end, paragraph_ids=(p.id,), quote=p.text, order=i))
    return out


class RandomRetriever:
    """Deliberately broken: ignores the query."""

    name = "random"

    def __init__(self, chunks, seed=0):
        self.chunks, self.rng = chunks, random.Random(seed)

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        return [Hit(c, 0.0, i + 1) for i, c in enumerate(self.rng.sample(self.chunks, k))]


class BigramRetriever:
    """A tiny real retriever: character-bigram overlap with the query (no model)."""

    name = "bigram"

    def __init__(self, chunks):
        self.chunks = chunks
        self.grams = [self._grams(c.text) for c in chunks]

    @staticmethod
    def _grams(s: str) -> set[str]:
        s = canon(s).lower()
        return {s[i : i + 2] for i in range(len(s) - 1)}

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        q = self._grams(query)
        scored = sorted(((len(q & g) / (1 + len(g)) ** 0.5, i) for i, g in enumerate(self.grams)), reverse=True)[:k]
        return [Hit(self.chunks[i], s, r + 1) for r, (s, i) in enumerate(scored)]


def factory_for(chunks):
    systems = {"random": RandomRetriever(chunks), "bigram": BigramRetriever(chunks)}
    return lambda name: systems[name]


def test_broken_retriever_fails_the_gate(chunks, tmp_path, capsys):
    rc = cli.main(["--no-assistant", "--compare", "random", "--min-hit5", "0.5", "--out", str(tmp_path)],
                  retriever_factory=factory_for(chunks))
    err = capsys.readouterr().err
    assert rc == 2, f"a random retriever passed the gate (exit {rc}); stderr:\n{err}"
    assert "hit@5" in err and "random" in err, f"the failure does not name the metric/system:\n{err}"
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["gate"]["passed"] is False, data["gate"]
    assert data["summary"]["random"]["all"]["hit@5"] < 0.5, data["summary"]["random"]["all"]


def test_working_retriever_passes_and_reports_are_written(chunks, tmp_path, capsys):
    # character bigrams cannot match English questions to Chinese text: gate it on the Chinese items
    zh = [it for it in load_items() if it.language == "zh"]
    items = write_items(zh, tmp_path / "zh.jsonl")
    rc = cli.main(["--no-assistant", "--compare", "bigram,random", "--min-hit5", "0.5", "--out", str(tmp_path),
                   "--split", "tune", "--items", str(items)], retriever_factory=factory_for(chunks))
    out = capsys.readouterr()
    assert rc == 0, f"the bigram retriever failed a 0.5 hit@5 gate (exit {rc}):\n{out.out}\n{out.err}"
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    s = data["summary"]
    assert s["bigram"]["all"]["hit@5"] > s["random"]["all"]["hit@5"], "bigram should beat random"
    recs = [json.loads(x) for x in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["split"] for r in recs if r["system"] == "bigram"} == {"tune"}, "--split tune ran held-out items"
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| bigram | tune |" in md and "| random |" in md, md[:2000]
    png = (tmp_path / "comparison.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000, "chart is not a PNG"
    assert "bigram" in out.out and "hit@5" in out.out, out.out


def test_unknown_system_is_a_plain_error(tmp_path, capsys):
    rc = cli.main(["--no-assistant", "--compare", "nope", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc not in (0, 2) and "unknown system" in err, (rc, err)
