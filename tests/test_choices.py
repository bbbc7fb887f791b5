"""Multiple-choice and fill-in-the-blank questions, read without the report (assistant/choices.py)."""

import pytest

from assistant import choices


def test_the_stem_and_options_of_a_chinese_question():
    c = choices.read("下列哪一家是总序举例的中关村电子商务领军企业？A.阿里巴巴 B.京东 C.苏宁 D.唯品会", "zh")
    assert c is not None and c.stem == "哪一家是总序举例的中关村电子商务领军企业？"
    assert c.options == (("A", "阿里巴巴"), ("B", "京东"), ("C", "苏宁"), ("D", "唯品会")) and not c.negated


def test_a_negated_stem_is_asked_without_the_negation_and_the_choice_is_the_option_not_named():
    c = choices.read("下列哪一位不在丛书编委会成员名单里？A.李凡 B.刘林艳 C.欧海鹰 D.王光艳", "zh")
    assert c.negated and c.stem == "哪一位在丛书编委会成员名单里？"
    assert choices.verdict(c, "陈 倩 郭 斌 李 凡 刘林艳 欧海鹰 王成慧", "zh") == "选D：王光艳。"


def test_english_options_in_brackets():
    c = choices.read("Which of the following is NOT a member of the board? (a) Li Fan (b) Wang Guangyan", "en")
    assert c.negated and c.stem == "which is a member of the board?" and [o[0] for o in c.options] == ["A", "B"]


def test_no_choice_when_the_passages_name_none_or_several_options():
    c = choices.read("哪家出版社出的？A.人民出版社 B.经济管理出版社", "zh")
    assert choices.verdict(c, "出版者：经济管理出版社", "zh") == "选B：经济管理出版社。"
    assert choices.verdict(c, "中信出版社", "zh") is None
    assert choices.verdict(c, "人民出版社 经济管理出版社", "zh") is None


@pytest.mark.parametrize("q", ["B2B和B2C分别是什么？", "中雅大厦A座在几层？", "What is the ISBN?", "A.只有一个选项"])
def test_labels_must_run_a_b_c_to_be_options(q):
    assert choices.read(q, "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in q) else "en") is None


@pytest.mark.parametrize("q, lang, asked", [
    ("填空：本书印张为____，字数为____千字。", "zh", "本书印张为多少，字数为多少千字？"),
    ("京津冀协同发展上升为国家战略是在____年。", "zh", "京津冀协同发展上升为国家战略是在哪一年？"),
    ("本书的总主编是____。", "zh", "本书的总主编是谁？"),
    ("The book has ____ chapters.", "en", "The book has how many chapters?"),
    ("本书没有空格。", "zh", "本书没有空格。"),
])
def test_each_blank_is_asked(q, lang, asked):
    assert choices.blanks(q, lang) == asked


@pytest.mark.parametrize("q, lang, asked", [
    ("判断正误：丛书总序的落款日期是2016年3月18日。", "zh", "丛书总序的落款日期是2016年3月18日，对吗？"),
    ("True or false: The book has five chapters.", "en", "Is it true that the book has five chapters?"),
    ("总序的落款日期是哪天？", "zh", "总序的落款日期是哪天？"),
])
def test_a_statement_to_judge_is_asked_whether_it_holds(q, lang, asked):
    assert choices.statement(q, lang) == asked
