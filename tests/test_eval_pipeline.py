"""`jjj eval` over the real pipeline (real index in tmp_path, real embedder, real assistant) on a
small slice of the question set: the wiring, not the quality, is under test here."""

from __future__ import annotations

import json

import pytest

from eval import cli
from eval.dataset import load_items, write_items

IDS = {"zh-pre-006", "en-pre-001", "zh-mt-001", "en-mt-002", "zh-un-001", "en-un-004"}


@pytest.mark.slow
def test_eval_runs_on_the_real_pipeline(tmp_path, capsys):
    items = [it for it in load_items() if it.id in IDS]
    assert len(items) == len(IDS)
    path = write_items(items, tmp_path / "slice.jsonl")
    out = tmp_path / "out"
    rc = cli.main(["--items", str(path), "--index-dir", str(tmp_path / "index"), "--compare", "hybrid,bm25",
                   "--out", str(out), "--json"])
    captured = capsys.readouterr()
    assert rc == 0, f"exit {rc}\n{captured.err[-3000:]}"
    data = json.loads(captured.out)
    assert data == json.loads((out / "results.json").read_text(encoding="utf-8")), "stdout JSON != results.json"
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines]
    by_sys: dict = {}
    for r in recs:
        by_sys.setdefault(r["system"], {})[r["id"]] = r
    assert set(by_sys) == {"hybrid", "bm25", "assistant"} and len(recs) == 3 * len(IDS), by_sys.keys()
    answers, hyb = by_sys["assistant"], by_sys["hybrid"]
    # the follow-up is retrieved with the assistant's rewritten question, not the bare "那河北呢？"
    assert hyb["zh-mt-001"]["query"] == answers["zh-mt-001"]["rewritten_question"] != "那河北呢？", hyb["zh-mt-001"]
    for r in hyb.values():
        assert r["retrieve_ms"] is not None and len(r["top_chunk_ids"]) == 5, r
        assert bool(r["retrieval"]) == r["answerable"], r
    s = data["summary"]["assistant"]["all"]
    for key in ("answer_accuracy", "citation_precision", "refusal_recall", "followup_resolved", "ask_p50_ms"):
        assert key in s, f"{key} missing from the assistant summary"
    assert (out / "comparison.png").stat().st_size > 5000 and (out / "report.md").exists()
