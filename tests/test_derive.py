"""Figures computed from quoted ones: only from figures the quote gives, shown as a calculation."""


import pytest

from assistant import derive

EDU = "2012年北京市、天津市、河北省三地人均公共教育支出分别为3038元、2680元、1188元，北京市是河北省的2.56倍。"
VA = ("2000~2013年，北京市软件和信息服务业增加值从164.4亿元增长到1749.6亿元，年均复合增速20%；"
      "占全市GDP的比重从2000年的5.2%增加到9%")


@pytest.mark.parametrize("q, lang, kind", [
    ("2012年北京的人均公共教育支出比河北高多少元？", "zh", "difference"),
    ("2013年北京的研发投入强度大约是河北的几倍？", "zh", "ratio"),
    ("How much more did Beijing spend than Hebei?", "en", "difference"),
    ("How many times larger was it in 2013 than in 2000?", "en", "ratio"),
    ("2012年北京的人均公共教育支出是多少？", "zh", None),
    ("How many companies are in the park?", "en", None),
    ("北京大学同天津、河北分别达成的合作项目加起来一共大约多少个？", "zh", "sum"),
    ("How many projects with Tianjin and Hebei combined?", "en", "sum"),
    ("中关村软件园一共集聚了多少家企业？", "zh", None),  # a count the report states, no sum
])
def test_what_is_asked(q, lang, kind):
    assert derive.asked(q, lang) == kind


def test_an_enumeration_gives_the_two_regions_figures():
    c = derive.compute("difference", EDU, ("北京市", "北京"), ("河北省", "河北"))
    assert (c.a, c.b, c.result) == ("3038元", "1188元", "1850元"), c
    assert derive.render(c, "zh") == "按引文数字计算：北京市3038元 − 河北省1188元，北京市比河北省高1850元。"
    c = derive.compute("ratio", EDU, ("天津市",), ("河北省",))
    assert c.result == "2.26", c  # 2680 / 1188


def test_a_change_over_time_in_a_share_is_in_percentage_points():
    c = derive.compute("difference", VA, (), (), percent=True)
    assert (c.a_label, c.a, c.b_label, c.b, c.result) == ("2013年", "9%", "2000年", "5.2%", "3.8个百分点"), c
    c = derive.compute("ratio", VA, (), ())
    assert (c.a, c.b, c.result) == ("1749.6亿元", "164.4亿元", "10.64"), c


def test_nothing_is_computed_without_both_figures():
    assert derive.compute("difference", EDU, ("北京市",), ("上海市",)) is None
    assert derive.compute("difference", "北京市的地铁运营里程为465公里。", ("北京市",), ("东京",)) is None
    assert derive.compute("ratio", "3038元、6.08%", ("a",), ("b",)) is None


PKU = "北京大学与天津市达成170余个合作项目，与河北省达成160余个合作项目。"


def test_a_sum_of_two_places_figures_each_in_its_own_clause():
    c = derive.compute("sum", PKU, ("天津市", "天津"), ("河北省", "河北"))
    assert (c.a, c.b, c.result) == ("170余个", "160余个", "330余个"), c
    assert derive.render(c, "zh") == "按引文数字计算：天津市170余个 + 河北省160余个，合计330余个。"
    # a difference of two rounded figures is not computed ("170余" - "160余" says little)
    assert derive.compute("difference", PKU, ("天津市",), ("河北省",)) is None


RD = "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%，但是北京市的专利授权量与密度均高于天津市、河北省。"


@pytest.mark.parametrize("q, lang", [
    ("研发投入这块，京津冀三家里头河北排老几？", "zh"), ("天津的人均公共教育支出排第几？", "zh"),
    ("How does Tianjin rank among the three?", "en"),
])
def test_a_rank_is_asked(q, lang):
    assert derive.asked(q, lang) == "rank"


def test_a_rank_is_read_off_an_enumeration_highest_first():
    c = derive.rank(RD, ("河北省", "河北"), lambda n: n[:3])
    assert (c.a_label, c.a, c.result, c.unit) == ("河北省", "1.12%", "3", "3"), c
    assert derive.render(c, "zh") == "按引文数字由高到低：北京市6.08%、天津市3.0%、河北省1.12%；河北省排第3（共3个，最低）。"
    c = derive.rank(EDU, ("天津市",), lambda n: n[-3:] if n.endswith("市") else n[:3])
    assert c.result == "2" and derive.render(c, "en").endswith("天津市 is 2nd of 3."), derive.render(c, "en")
    assert derive.rank(RD, ("上海市",)) is None  # a place the enumeration does not list
