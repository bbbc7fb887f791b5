"""Metric functions on small, hand-checked inputs (real report strings, no index needed)."""

from __future__ import annotations

import math

import pytest

from assistant.types import Citation
from eval import metrics as m
from index.model import Chunk

RD = "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%"
EDU = "2012年北京市、天津市、河北省三地人均公共教育支出分别为3038元、2680元、1188元，北京市是河北省的2.56倍。"


def chunk(text: str, kind: str = "paragraph", quote: str = "") -> Chunk:
    return Chunk(id=str(abs(hash(text))), text=text, kind=kind, section_path=("前言",), page=None,
                 source="r", start=0, end=len(text), quote=quote or text)


OTHER = chunk("京津冀地区是我国基础设施齐全的综合性交通枢纽之一。")
GOLD_P = chunk("一是创新投入及创新产出间出现“不对等”特征。" + RD.replace("2013年", "2013年 ") + "，但是北京市的专利授权量与密度均高于天津市、河北省。")


def test_hit_rank_and_ndcg_follow_the_first_relevant_chunk():
    s = m.retrieval_scores([OTHER, OTHER, GOLD_P, OTHER], [RD])
    assert (s["hit@1"], s["hit@3"], s["hit@5"]) == (0.0, 1.0, 1.0), s
    assert s["mrr@10"] == pytest.approx(1 / 3), s
    assert s["ndcg@10"] == pytest.approx(1 / math.log2(4)), s
    assert s["recall@5"] == 1.0, s


def test_whitespace_and_page_break_spacing_do_not_hide_a_hit():
    # the chunk text has a space inserted ("2013年 R&D") by OCR spacing: still the same quote
    assert m.gold_in_chunk(GOLD_P, [RD]) == [0]


def test_duplicate_relevant_chunks_do_not_push_ndcg_above_one():
    s = m.retrieval_scores([GOLD_P, GOLD_P, GOLD_P], [RD])
    assert s["ndcg@10"] == pytest.approx(1.0), s
    assert s["hit@1"] == 1.0


def test_two_gold_quotes_recall_counts_each():
    a, b = "印 张：11.75", "开 本：720mm×1000mm/16"
    only_a = chunk("印张：11.75")
    s = m.retrieval_scores([only_a, OTHER], [a, b])
    assert s["recall@5"] == 0.5, s
    both = chunk("开本：720mm×1000mm/16 印张：11.75")
    assert m.retrieval_scores([both], [a, b])["recall@5"] == 1.0


def test_table_row_hit_uses_its_quote():
    row = chunk("河北省 | 2013年 | R&D投入强度 | 1.12%", kind="table_row", quote=RD)
    assert m.retrieval_scores([row], [RD])["hit@1"] == 1.0
    row_without_quote = chunk("河北省 | 2013年 | R&D投入强度 | 1.12%", kind="table_row", quote="河北省 1.12%")
    assert m.retrieval_scores([row_without_quote], [RD])["hit@1"] == 0.0


def test_empty_retrieval_scores_zero():
    s = m.retrieval_scores([], [RD])
    assert s["hit@5"] == 0.0 and s["mrr@10"] == 0.0 and s["chunk_chars"] == 0.0


def test_mean_chunk_chars_uses_top5():
    cs = [chunk("a" * n) for n in (10, 20, 30, 40, 50, 1000)]
    assert m.mean_chunk_chars(cs) == 30.0


def test_answer_correct_rules():
    assert m.answer_correct("2013年河北省R&D投入强度为1.12%。[1]", True, ["1.12%"])
    assert not m.answer_correct("2013年河北省R&D投入强度为1.12%。[1]", False, ["1.12%"]), "a refusal is never correct"
    assert not m.answer_correct("天津为3.0%", True, ["1.12%"])
    # thousands separators, case, traditional script and spacing are ignored
    assert m.answer_correct("Beijing spent 3,038 yuan per person.", True, ["3038"])
    assert m.answer_correct("出版社：ECONOMY & MANAGEMENT PUBLISHING HOUSE", True, [], [["经济管理出版社", "Economy & Management Publishing House"]])
    assert m.answer_correct("總主編是王成慧", True, ["王成慧"])
    assert m.answer_correct("ISBN 978 - 7 - 5096 - 4331 - 0", True, ["978-7-5096-4331-0"])
    # every group needs one alternative
    assert not m.answer_correct("郭斌", True, [], [["郭斌", "Guo Bin"], ["陈倩", "Chen Qian"]])


def cite(quote: str, text: str = "") -> Citation:
    return Citation(n=1, chunk_id="c", section="前言", page=None, quote=quote, text=text or quote, score=1.0)


def test_citation_support_by_chunk_or_overlapping_quote():
    gold = [RD]
    assert m.citation_supports(cite("x", text=GOLD_P.text), gold) == [0]
    assert m.citation_supports(cite("河北省2013年R&D投入强度分别达到6.08%", text="unrelated"), gold) == [0]
    assert m.citation_supports(cite("北京市的地铁运营里程为 465 公里"), gold) == []
    s = m.citation_score([cite(RD), cite("北京市的地铁运营里程为 465 公里")], gold)
    assert (s.cited, s.supported, s.recall) == (2, 1, 1.0), s


def test_short_gold_needs_full_containment():
    assert m.quote_overlaps("第三节 电信业 ..... 60", "第三节 电信业")
    assert not m.quote_overlaps("第三节 突出问题", "第三节 电信业")


def test_refusal_scores_positive_class_is_refused():
    pairs = [(False, False), (False, True), (True, False), (True, True), (True, True)]
    s = m.refusal_scores(pairs)
    assert s["refusal_precision"] == 0.5 and s["refusal_recall"] == 0.5, s


def test_percentiles_match_numpy():
    np = pytest.importorskip("numpy")
    xs = [5.0, 1.0, 9.0, 3.0, 7.0, 2.0]
    for q in (50, 95):
        assert m.percentile(xs, q) == pytest.approx(float(np.percentile(xs, q)))
    assert math.isnan(m.percentile([], 50))


def test_answer_language():
    assert m.answer_language("In 2013 Hebei's R&D intensity was 1.12%. [1]\n\n> 北京市、天津市、河北省…") == "en"
    assert m.answer_language("2013年河北省R&D投入强度为1.12%。[1]") == "zh"


def _rec(id, lang, split, answerable, multi=False, correct=None, result_ok=None, hit=1.0, tags=("preface",)):
    r = m.ItemRecord(id=id, language=lang, tags=tags, split=split, answerable=answerable, multi_turn=multi)
    if answerable:
        r.retrieval = {"hit@1": hit, "hit@3": hit, "hit@5": hit, "recall@5": hit, "mrr@10": hit, "ndcg@10": hit, "chunk_chars": 100.0}
    r.retrieve_ms = 10.0
    if result_ok is not None:
        r.result_answerable, r.correct, r.ask_ms = result_ok, correct, 20.0
        r.cited, r.cited_supported, r.citation_recall = (1, 1, 1.0) if correct else (1, 0, 0.0)
        r.answer_language = lang
    return r


def test_aggregate_and_breakdown():
    recs = [
        _rec("a", "zh", "tune", True, correct=True, result_ok=True),
        _rec("b", "en", "heldout", True, multi=True, correct=False, result_ok=True, hit=0.0),
        _rec("c", "en", "tune", False, multi=True, result_ok=False, tags=("unanswerable",)),
    ]
    agg = m.aggregate(recs)
    assert agg["hit@5"] == 0.5 and agg["answer_accuracy"] == 0.5, agg
    assert agg["citation_precision"] == 0.5 and agg["refusal_recall"] == 1.0, agg
    assert agg["followup_resolved"] == 0.5, agg
    by_lang = m.breakdown(recs, "language")
    assert by_lang["zh"]["hit@5"] == 1.0 and by_lang["en"]["hit@5"] == 0.0, by_lang
    assert set(m.breakdown(recs, "tag")) == {"preface", "unanswerable"}
    assert m.breakdown(recs, "split")["heldout"]["n"] == 1.0


def test_a_contents_line_is_quoted_with_or_without_its_dot_leaders():
    from eval.normalize import canon

    # the raw line has a tab, the parsed one dot leaders: a quote of either form names the same line
    assert canon("三、麦谷产业园\t107") == canon("三、麦谷产业园 ..... 107") == canon("三、麦谷产业园 107")
    assert canon("1.12%") == "1.12%"  # a decimal point is no leader
