"""index.text, index.glossary, index.intent: pure functions, fast."""

from __future__ import annotations

import pytest

from index.glossary import GLOSSARY_PATH, Glossary, en_words
from index.intent import date_intent, has_date, has_month, month_intent, page_intent
from index.text import detect_language, normalize, split_clauses, split_sentences


def test_normalize_traditional_fullwidth_and_spaces():
    assert normalize("北京市教委市屬高校創新能力提升計劃項目") == "北京市教委市属高校创新能力提升计划项目"
    assert normalize("Ｒ＆Ｄ投入強度６．０８％") == "R&D投入强度6.08%"
    # OCR spaces between CJK characters go; spaces between words stay single
    assert normalize("郭 斌  陈 倩\n编著") == "郭斌陈倩编著"
    assert normalize("ISBN  978 - 7") == "ISBN 978 - 7"
    # Chinese punctuation that ends sentences is kept
    assert normalize("增长。下降！") == "增长。下降！"
    assert normalize("") == ""


@pytest.mark.parametrize(
    "text,lang",
    [
        ("北京市2013年R&D投入强度是多少？", "zh"),
        ("北京市2013年R&D投入強度是多少？", "zh"),
        ("What was Beijing's R&D intensity in 2013?", "en"),
        ("What does 中关村 host?", "en"),
        ("ISBN", "en"),
        ("", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang, f"{text!r} should be {lang}"


def test_split_sentences_chinese_and_english_tile_the_text():
    zh = "北京市的地铁运营里程为 465 公里，仅相当于东京的 28%；市郊铁路建设更是严重滞后。二是交通建设缺乏统一规划！对吗？"
    spans = split_sentences(zh)
    parts = [zh[a:b] for a, b in spans]
    assert "".join(parts) == zh, "sentence spans must tile the text"
    assert parts == ["北京市的地铁运营里程为 465 公里，仅相当于东京的 28%；", "市郊铁路建设更是严重滞后。", "二是交通建设缺乏统一规划！", "对吗？"]
    en = "Beijing's R&D intensity was 6.08%. Tianjin had 3.0 percent! Hebei had less vs. others"
    parts = [en[a:b] for a, b in split_sentences(en)]
    assert "".join(parts) == en
    assert parts[0] == "Beijing's R&D intensity was 6.08%. ", "a decimal point must not end a sentence"
    assert len(parts) == 3, parts  # "vs. others": a lower-case continuation is not a new sentence
    # closing quotes stay with their sentence
    q = "形成“北京研发。”然后。"
    assert [q[a:b] for a, b in split_sentences(q)] == ["形成“北京研发。”", "然后。"]


def test_split_clauses():
    s = "一是创新投入，二是创新产出、三是平台：完"
    assert "".join(s[a:b] for a, b in split_clauses(s)) == s
    assert len(split_clauses(s)) == 4


def test_glossary_file_is_well_formed():
    g = Glossary.load()
    assert len(g) >= 300, f"glossary has only {len(g)} pairs"
    seen = set()
    for n, line in enumerate(GLOSSARY_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        en, zh = line.split("\t")
        assert en == en.strip() and zh == zh.strip() and en and zh, f"line {n}: stray whitespace {line!r}"
        assert (en.lower(), zh) not in seen, f"line {n}: duplicate pair {line!r}"
        seen.add((en.lower(), zh))


@pytest.mark.parametrize(
    "query,must",
    [
        ("What was Beijing's R&D intensity in 2013?", ["R&D投入强度", "北京市"]),
        ("per-capita public education spending in Hebei", ["人均公共教育支出", "河北省"]),
        ("How many expressways and trunk roads?", ["高速公路", "国省干线"]),
        ("How long is the metro in Beijing?", ["地铁"]),
        ("Which companies are in Zhongguancun Software Park?", ["中关村软件园", "企业"]),
        ("tertiary industry share of GDP", ["第三产业"]),
        ("port throughput of coastal ports", ["港口货物通过能力", "沿海港口"]),
        ("Who is the publisher? What is the ISBN?", ["出版社", "ISBN"]),
        ("Which page lists the table of contents and the preface?", ["目录", "前言", "页"]),
        ("What funding did the book get?", ["基金项目"]),
        ("Who was the editor?", ["编辑"]),
    ],
)
def test_glossary_expand(query, must):
    got = Glossary.load().expand(query)
    missing = [m for m in must if m not in got]
    assert not missing, f"{query!r} -> {got}: missing {missing}"


def test_glossary_longest_match_wins_and_plurals_fold():
    g = Glossary.load()
    got = g.expand("the Beijing-Tianjin-Hebei region")
    assert "京津冀地区" in got and "北京市" not in got, f"a match inside a longer match must be dropped: {got}"
    assert g.expand("expressways") == g.expand("expressway") == ["高速公路"]
    assert en_words("Beijing's companies") == ["beijing", "company"]
    assert g.expand("") == [] and g.expand("recipe for dumplings") == []


def test_glossary_to_en_and_find_zh():
    g = Glossary.load()
    assert g.to_en("R&D投入强度") == "R&D intensity"
    assert g.to_en("北京市") == "Beijing"
    assert g.to_en("地铁") == "metro"
    assert g.to_en("中關村") == "Zhongguancun", "traditional input is normalised"
    assert g.to_en("红烧肉") is None
    found = dict(g.find_zh("北京市、天津市、河北省2013年R&D投入强度分别达到6.08%"))
    assert found == {"北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "R&D投入强度": "R&D intensity"}, found


def test_intents():
    assert page_intent("大事记在书的第几页？") and page_intent("Which page covers Zhongguancun?")
    assert page_intent("第一章第三节的标题是什么？")
    assert not page_intent("北京市2013年R&D投入强度是多少？") and not page_intent("How long is the subway?")
    assert date_intent("总序的落款日期是哪一天？") and date_intent("When was the preface written?")
    assert not date_intent("北京市的地铁有多长？")
    assert has_date("2016年3月15日") and not has_date("2016 年 5 月第 1 版") and not has_date("2013年R&D")
    assert has_month("2016 年 5 月第 1 版") and not has_month("2016年3月15日")
    assert month_intent("该书第一版是哪年哪月出版的？") and not month_intent("前言是哪天写成的？")


def test_sentences_helper():
    from index.text import sentences

    assert sentences("甲。乙！ Third one. Fourth") == ["甲。", "乙！", "Third one.", "Fourth"]
