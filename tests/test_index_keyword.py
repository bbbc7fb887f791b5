"""Keyword leg: real jieba with the shipped user dictionary and stopwords; exact BM25
scores on a tiny Chinese corpus (checked against the formula, bm25s-style)."""

from __future__ import annotations

import math

import pytest

from index.keyword import BM25, KeywordAnalyzer, KeywordRetriever
from index.model import Chunk
from index.settings import KeywordSettings


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return KeywordAnalyzer(KeywordSettings(), cache_dir=tmp_path_factory.mktemp("jieba"))


def test_user_dictionary_keeps_report_terms(analyzer):
    terms = analyzer.doc_terms("北京市、天津市、河北省2013年R&D投入强度分别达到6.08%")
    for t in ("r&d投入强度", "北京市", "天津市", "河北省", "6.08%"):
        assert t in terms, f"{t!r} missing from {terms}"
    assert "港口货物通过能力" in analyzer.doc_terms("沿海港口货物通过能力已达 7.5 亿吨")


def test_stopwords_and_traditional(analyzer):
    terms = analyzer.doc_terms("這本書的總主編是誰？")
    assert "总主编" in terms, terms
    for stop in ("的", "是", "谁", "这本书", "？"):
        assert stop not in terms, f"stopword {stop!r} kept: {terms}"


def test_english_query_expanded_through_glossary(analyzer):
    terms = analyzer.query_terms("What was Tianjin's R&D intensity in 2013?")
    for t in ("r&d投入强度", "天津市", "2013"):
        assert t in terms, f"{t!r} missing from {terms}"
    assert "what" not in terms and "intensity" not in terms, f"covered/stop words must not stay: {terms}"
    # uncovered English words are kept (the report has Latin terms such as ISBN)
    assert "isbn" in analyzer.query_terms("the ISBN please")


def test_date_intent_adds_date_term(analyzer):
    assert "__date__" in analyzer.query_terms("前言是哪天写成的？")
    assert "__date__" in analyzer.doc_terms("编者\n2016年3月18日")
    assert "__date__" not in analyzer.doc_terms("2013年北京市第三产业比重")


TINY = [
    "北京市的地铁运营里程为465公里。",
    "天津市的港口很大，天津市的港口货物多。",
    "河北省人均公共教育支出为1188元。",
    "北京市和天津市的地铁都在扩建，北京市地铁更长。",
]


def _lucene(docs: list[list[str]], query: list[str], k1=1.2, b=0.75) -> list[float]:
    n = len(docs)
    avg = sum(len(d) for d in docs) / n
    out = []
    for d in docs:
        s = 0.0
        for t in set(query):
            df = sum(1 for x in docs if t in x)
            if not df:
                continue
            tf = d.count(t)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            s += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avg))
        out.append(s)
    return out


def test_bm25_exact_scores_and_ranking(analyzer):
    docs = [analyzer.doc_terms(t) for t in TINY]
    bm = BM25(k1=1.2, b=0.75, doc_ids=[f"d{i}" for i in range(len(TINY))], docs=docs)
    q = analyzer.query_terms("北京市地铁")
    expected = _lucene(docs, q)
    got = bm.scores(q)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert g == pytest.approx(e, rel=1e-5), f"doc {i}: {g} != {e} (terms {q})"
    ranking = [i for i, _ in bm.top(q, 4)]
    by_formula = sorted((i for i in range(len(docs)) if expected[i] > 0), key=lambda i: -expected[i])
    assert ranking == by_formula, f"ranking {ranking} != formula {by_formula}"
    assert set(ranking) == {0, 3}, f"only the two docs about Beijing's metro match: {ranking}"
    assert ranking[0] == 0, "same terms, shorter document first (length normalisation)"
    assert [i for i, _ in bm.top(analyzer.query_terms("天津的港口"), 4)][0] == 1
    assert bm.top(analyzer.query_terms("红烧肉"), 4) == [], "no shared term: no hit"


def test_bm25_roundtrip(tmp_path, analyzer):
    docs = [analyzer.doc_terms(t) for t in TINY]
    bm = BM25(k1=1.5, b=0.5, doc_ids=["a", "b", "c", "d"], docs=docs)
    path = tmp_path / "bm25" / "x.json"
    bm.save(path)
    again = BM25.load(path)
    q = analyzer.query_terms("河北省教育支出")
    assert (again.k1, again.b, again.doc_ids) == (1.5, 0.5, ["a", "b", "c", "d"])
    assert list(again.scores(q)) == pytest.approx(list(bm.scores(q)))


def test_keyword_retriever_english_over_chinese(analyzer):
    chunks = [Chunk(id=f"c{i}", text=t, kind="paragraph", section_path=("s",), page=None, source="t", start=0,
                    end=len(t), order=i) for i, t in enumerate(TINY)]
    kr = KeywordRetriever.build(chunks, analyzer)
    hits = kr.retrieve("per-capita public education spending in Hebei", 2)
    assert hits and hits[0].chunk.id == "c2", [(h.chunk.id, h.score) for h in hits]
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert kr.retrieve("How long is the Beijing subway?", 1)[0].chunk.id in ("c0", "c3")


def test_llama_index_wrapper(analyzer):
    from index.llama import LlamaIndexRetriever

    chunks = [Chunk(id=f"c{i}", text=t, kind="paragraph", section_path=("s",), page=3, source="t", start=0,
                    end=len(t), order=i) for i, t in enumerate(TINY)]
    kr = KeywordRetriever.build(chunks, analyzer)
    nodes = LlamaIndexRetriever(kr, k=2).retrieve("河北省人均公共教育支出")
    assert nodes[0].node.node_id == "c2" and nodes[0].node.get_content() == TINY[2]
    assert nodes[0].node.metadata["page"] == 3 and nodes[0].score > 0


def test_person_names_on_a_fresh_analyzer(tmp_path):
    # the tagger is made on first use, the tokenizer with it (no deadlock on the shared lock)
    analyzer = KeywordAnalyzer(KeywordSettings(), cache_dir=tmp_path)
    assert analyzer.person_names("习近平总书记是在哪一天把京津冀协同发展提升为国家战略的？") == ["习近平"]
    assert analyzer.person_names("北京市2013年R&D投入强度是多少？") == []


def test_a_common_noun_the_dictionary_tags_as_a_name_is_no_person(analyzer):
    # jieba's dictionary tags 顾客 ("customer") nr, and counts it often: no name
    assert analyzer.person_names("顾客嫌书厚不厚的，我跟他说说这本大概有多少字？") == []
    assert analyzer.person_names("马云对京津冀信息服务业协同发展怎么看？") == ["马云"]


def test_the_saved_dictionary_segments_as_the_built_one(tmp_path, bundled_source):
    # the second analyzer loads the dictionary the first one saved (no jieba initialise, no words
    # added): it must cut the report exactly alike, tag names alike, and a damaged file is rebuilt
    first = KeywordAnalyzer(KeywordSettings(), cache_dir=tmp_path)
    built = first.jieba
    saved = list(tmp_path.glob("jieba-*.pkl"))
    assert len(saved) == 1, f"one saved dictionary expected, found {saved}"
    second = KeywordAnalyzer(KeywordSettings(), cache_dir=tmp_path)
    loaded = second.jieba
    assert loaded.FREQ == built.FREQ and loaded.total == built.total
    text = bundled_source[:20000]
    assert loaded.lcut_for_search(text) == built.lcut_for_search(text)
    assert second.person_names("马云对京津冀信息服务业协同发展怎么看？") == ["马云"]
    saved[0].write_bytes(b"not a pickle")
    third = KeywordAnalyzer(KeywordSettings(), cache_dir=tmp_path)
    assert third.jieba.lcut_for_search(text) == built.lcut_for_search(text), "a damaged file is rebuilt"
    assert saved[0].read_bytes() != b"not a pickle", "and saved again"
