"""The English lexicon (CC-CEDICT + pinyin, restricted to the report's words) and how the
glossary falls back to it; the answerer's English term grouping and wh-focus."""

import pytest

from assistant import intent, render, terms
from index.glossary import Glossary, en_words
from index.lexicon import Lexicon, build_lexicon


@pytest.fixture(scope="module")
def small_lexicon():
    # a tiny "report vocabulary": only these words may be reached
    return build_lexicon(["电话", "网址", "排序", "燕郊", "唐山", "成员", "天气预报无关词"])


def test_cedict_senses_reach_only_the_reports_words(small_lexicon):
    assert small_lexicon.get(("telephone",)) == ["电话"]
    assert small_lexicon.get(("website",)) == ["网址"]
    assert small_lexicon.get(("sort",)) == ["排序"]
    assert small_lexicon.get(("member",)) == ["成员"]
    # 天气 is a CC-CEDICT word but not in this vocabulary: "weather" must find nothing
    assert small_lexicon.get(("weather",)) == [], "a word outside the report's vocabulary was reached"
    # question-frame words never become terms
    assert small_lexicon.get(("the",)) == [] and small_lexicon.get(("in",)) == []


def test_pinyin_reaches_place_names(small_lexicon):
    assert small_lexicon.get(("yanjiao",)) == ["燕郊"]
    assert "唐山" in small_lexicon.get(("tangshan",))


def test_pinyin_typed_syllable_by_syllable_is_joined():
    lex = build_lexicon(["定价", "两市一省", "一省"])
    g = Glossary([], lexicon=lex)
    by_key = {key: zhs for _, _, key, zhs, _ in g.groups("the ding jia of this book, and liang shi yi sheng?")}
    assert by_key.get(("dingjia",)) == ["定价"], by_key
    assert by_key.get(("liangshiyisheng",)) == ["两市一省"], "the longest joined run wins over 一省"
    assert ("yisheng",) not in by_key
    # English words that happen to join into no entry stay as they are
    assert g.groups("and then some") == []
    # only syllables of pinyin are joined: "lays out" is no "layout"
    lex2 = build_lexicon(["布局"])
    assert not Glossary([], lexicon=lex2).matched_words("what the preface lays out") & {3, 4}


def test_roundtrip(tmp_path, small_lexicon):
    path = tmp_path / "lex.json"
    small_lexicon.save(path)
    again = Lexicon.load(path)
    assert again.entries == small_lexicon.entries


def test_glossary_consults_the_lexicon_only_for_uncovered_words(small_lexicon):
    g = Glossary([("telephone", "电话机"), ("publisher", "出版社")], lexicon=small_lexicon)
    groups = g.groups("What telephone number and website does the publisher list?")
    by_key = {key: (zhs, src) for _, _, key, zhs, src in groups}
    assert by_key[("telephone",)] == (["电话机"], "glossary"), "the curated pair must win over the lexicon"
    assert by_key[("website",)] == (["网址"], "lexicon")
    assert by_key[("publisher",)] == (["出版社"], "glossary")
    words = en_words("What telephone number and website does the publisher list?")
    covered = g.matched_words("What telephone number and website does the publisher list?")
    assert {words[i] for i in covered} == {"telephone", "website", "publisher"}
    assert "网址" in g.expand("the website")


def test_focus_words_name_what_is_asked():
    def focus(q):
        w = en_words(q)
        return [w[i] for i in sorted(terms.focus_words(w))]

    assert focus("What telephone number does the imprint page give for the publisher?") == ["telephone", "number"]
    # the focus stops at "in"; the glossary phrase "editor in chief" overlapping it is what gets the weight
    assert focus("Who is the editor-in-chief of the book series?") == ["editor"]
    assert focus("How many companies had revenue above 100 million yuan?") == ["company"]
    assert focus("Where does chapter 4 begin?") == []


def test_parts_questions():
    assert intent.asks_for_parts("第一章第四节“协同发展思路”分成哪几个方面？")
    assert intent.asks_for_parts("What sections is chapter 2 divided into?")
    assert not intent.asks_for_parts("第一章第四节从第几页开始？")


def test_enumeration_items_of_a_list_sentence():
    assert render.enumeration("目前中关村聚集了京东、当当、聚美优品等领军企业。", {}) == ["京东", "当当", "聚美优品"]
    assert render.enumeration("其主要包括信息传输服务业、信息技术服务业，以及数字内容等产业。", {}) == [
        "信息传输服务业", "信息技术服务业"]
    assert render.enumeration("近年来，北京市形成了一批具有特色的产业集群。", {}) == []


def test_a_proper_name_sense_is_read_whole():
    # CC-CEDICT: 新兴 "Xinxing county in Yunfu, Guangdong": "Guangdong" must not become 新兴
    from index.lexicon import _senses

    senses = list(_senses("Xinxing county in Yunfu 雲浮|云浮[Yun2 fu2], Guangdong/emerging", proper=True))
    assert ("guangdong",) not in senses, senses
    assert ("guangdong",) in list(_senses("Xinxing county in Yunfu, Guangdong")), "common nouns still split at commas"
