"""Question handling: validation, normalisation and follow-up rewriting (pure, fast)."""

import pytest

from assistant import claims, prompts
from assistant.errors import InputError
from assistant.intent import given_figure, side_by_side
from assistant.question import english_in_chinese, expand_abbreviations, is_followup, language, last_chapter, last_section, mentions, normalize, rewrite, validate, without_courtesy, years


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", prompts.INPUT_EMPTY),
        ("   \n\t ", prompts.INPUT_EMPTY),
        ("？？？！！。。", prompts.INPUT_NO_CONTENT),
        ("x" * 10_000, prompts.INPUT_TOO_LONG.format(n=10_000, limit=2000)),
        ("abc\x00def", prompts.INPUT_BINARY),
        (b"\xff\xfe\x00\x01", prompts.INPUT_BINARY),
        ("\x01\x02\x03\x04\x05\x06\x07\x08", prompts.INPUT_BINARY),
        (12345, prompts.INPUT_NOT_TEXT),
    ],
)
def test_bad_input_gets_a_plain_message(raw, message):
    with pytest.raises(InputError) as e:
        validate(raw, 2000)
    assert e.value.message == message, f"{raw!r:.40} gave {e.value.message!r}"


def test_control_characters_are_dropped_not_fatal():
    assert validate("北京\x07市2013年\u200bR&D投入强度？", 2000) == "北京市2013年R&D投入强度？"


def test_traditional_and_fullwidth_are_normalised():
    assert normalize("這本書的ＩＳＢＮ是多少？") == "这本书的ISBN是多少？"
    assert normalize("天津市２０１３年Ｒ＆Ｄ投入強度") == "天津市2013年R&D投入强度"


@pytest.mark.parametrize(
    "q, lang",
    [("北京市2013年R&D投入强度是多少？", "zh"), ("What was Hebei's R&D intensity in 2013?", "en"), ("What does 中关村 host?", "en"), ("那河北呢？", "zh")],
)
def test_language(q, lang):
    assert language(q) == lang


@pytest.mark.parametrize(
    "prev, q, expected",
    [
        ("天津2013年R&D投入强度是多少？", "那河北呢？", "河北2013年R&D投入强度是多少？"),
        ("北京市2012年人均公共教育支出是多少？", "天津呢？", "天津市2012年人均公共教育支出是多少？"),
        ("北京市2012年人均公共教育支出是多少？", "And Tianjin?", "天津市2012年人均公共教育支出是多少？"),
        ("What was Tianjin's R&D intensity in 2013?", "And Hebei?", "What was Hebei's R&D intensity in 2013?"),
        (
            "What share of Beijing's GDP did software and information services reach in 2013?",
            "And of the tertiary sector?",
            "What share of Beijing's tertiary sector did software and information services reach in 2013?",
        ),
        ("2013年软件和信息服务业占北京市GDP的比重是多少？", "那占第三产业的比重呢？", "2013年软件和信息服务业占北京市第三产业的比重是多少？"),
        ("北京市2013年第三产业比重是多少？", "2012年呢？", "北京市2012年第三产业比重是多少？"),
        # a region inside an organisation's name is not a region; organisations swap like regions
        ("北京大学与河北省达成了多少个合作项目？", "那清华大学和天津市呢？", "清华大学与天津市达成了多少个合作项目？"),
        # several chapters take the place of one
        ("Who wrote chapter 1?", "And chapters 3 and 4?", "Who wrote chapters 3 and 4?"),
        ("第一章是谁写的？", "那第三章和第四章呢？", "第三章和第四章是谁写的？"),
    ],
)
def test_followups_are_rewritten_with_the_conversation(prev, q, expected):
    assert rewrite(normalize(q), prev) == expected


def test_standalone_questions_are_not_rewritten():
    prev = "天津2013年R&D投入强度是多少？"
    q = "这本书的ISBN是多少？"
    assert not is_followup(q)
    assert rewrite(q, prev) == q


@pytest.mark.parametrize("q, expected", [
    ("2013年北京和天津的R&D投入强度分别是多少？", True),
    ("What were Beijing's and Tianjin's R&D intensities?", True),
    ("Compare Hebei with Beijing on education spending.", True),
    ("How many Zhongguancun firms have opened branches in Tianjin?", False),
    ("北京大学与河北省达成了多少个合作项目？", False),  # one region: 北京大学 is an organisation
])
def test_regions_set_side_by_side(q, expected):
    # side by side, each region may be answered by its own passage; otherwise all must be in one
    assert side_by_side(q, mentions(q)) is expected, [m.slot.id for m in mentions(q)]


@pytest.mark.parametrize("prev, q, expected", [
    ("哪个基金项目涉及TPP？", "它的项目编号呢？", "它的项目编号呢？（接上问：哪个基金项目涉及TPP？）"),
    ("总序是谁写的？", "落款日期是哪天？", "落款日期是哪天？（接上问：总序是谁写的？）"),
    ("Is any project about tourism?", "What's its grant number?", "What's its grant number? (following up: Is any project about tourism?)"),
    # context is never nested: the earlier question's own context is dropped
    ("落款日期是哪天？（接上问：总序是谁写的？）", "那个是谁写的？", "那个是谁写的？（接上问：落款日期是哪天？）"),
    # a full question of its own is not a follow-up
    ("总序是谁写的？", "这本书的国际标准书号是多少？", "这本书的国际标准书号是多少？"),
])
def test_followups_without_a_slot_carry_the_previous_question(prev, q, expected):
    assert rewrite(q, prev) == expected


@pytest.mark.parametrize("q, previous, expected", [
    ("前一年呢？", "2012年京津冀三地人均公共教育支出各是多少？", "2011年京津冀三地人均公共教育支出各是多少？"),
    ("And the year before?", "What was Hebei's R&D intensity in 2013?", "What was Hebei's R&D intensity in 2012?"),
    ("What about the following year?", "What was Hebei's R&D intensity in 2013?", "What was Hebei's R&D intensity in 2014?"),
    ("到2013年变成多少了？", "2000年北京软件和信息服务业占第三产业增加值的比重是多少？", "2013年北京软件和信息服务业占第三产业增加值的比重是多少？"),
])
def test_a_year_relative_to_the_previous_question_is_resolved(q, previous, expected):
    assert rewrite(q, previous) == expected


def test_the_last_chapter_is_the_last_the_contents_list():
    assert last_chapter("最后一章主要讲什么？", 4) == "第四章主要讲什么？"
    assert last_chapter("What is the final chapter about?", 4) == "What is chapter 4 about?"
    assert last_chapter("最后一章主要讲什么？", 0) == "最后一章主要讲什么？"  # no contents: left alone


@pytest.mark.parametrize("q, expected", [
    ("how does ch1 define info services", "how does chapter 1 define information services"),
    ("how many ppl on the editorial board", "how many people on the editorial board"),
    ("whats on pg 74", "what is on page 74"),
    ("I check each chapter", "I check each chapter"),  # words that only start like a shorthand stay
    ("第1章讲什么？", "第1章讲什么？"),  # Chinese questions are left alone
])
def test_everyday_english_shorthand_is_written_out(q, expected):
    assert expand_abbreviations(q) == expected


@pytest.mark.parametrize("q, expected", [("Which cities led the late-1980s take-off?", []), ("in the 1990s", []),
                                         ("What was 2013's share?", ["2013"]), ("2000~2013年", ["2000", "2013"])])
def test_a_decade_is_not_a_year(q, expected):
    assert years(q) == expected, years(q)


@pytest.mark.parametrize("q, lang, expected", [
    ("The imprint page lists a figure of 11.75 for this book. What is being measured there?", "en", ["11.75"]),
    ("What does the 20% figure for Beijing measure?", "en", ["20%"]),
    ("版权页上出现的“069760”这个编号代表什么？", "zh", ["069760"]),
    ("TJSHS201510031008是什么的编号？", "zh", ["TJSHS201510031008"]),
    # a figure asked for, or a year given, is not a figure quoted to ask what it measures
    ("What was Beijing's R&D intensity in 2013?", "en", []), ("2013年北京的R&D投入强度是多少？", "zh", []),
])
def test_a_quoted_figure_asked_about(q, lang, expected):
    assert given_figure(q, lang) == expected, given_figure(q, lang)


@pytest.mark.parametrize("q, expected", [("第一章收尾那节讲什么？", "第一章第四节讲什么？"), ("第二章的最后一节", "第二章第五节"),
                                         ("What is the last section of chapter 2 about?", "What is chapter 2 section 5 about?"),
                                         ("第九章最后一节", "第九章最后一节")])  # a chapter the contents do not list: unchanged
def test_the_last_section_of_a_chapter(q, expected):
    assert last_section(q, {1: 4, 2: 5}) == expected


@pytest.mark.parametrize("q, expected", [
    ("北京的R&D intensity是多少", "北京的R&D投入强度是多少"),
    ("这套丛书的chief editor是谁？", "这套丛书的总主编是谁？"),
    ("北京的GDP占比是多少", "北京的GDP占比是多少"),  # GDP is the report's own word
    ("北京的blorp rate是多少", "北京的blorp rate是多少"),  # a phrase the glossary cannot translate stays
    ("出版社在海淀那个office address具体是哪里？", "出版社在海淀那个地址具体是哪里？"),  # a generic word goes with it
    ("那个项目研究的topic是什么？", "那个项目研究的是什么？"),
    ("What is Beijing's R&D intensity?", "What is Beijing's R&D intensity?"),  # English questions are left alone
])
def test_english_inside_a_chinese_question_is_written_in_the_reports_chinese(q, expected):
    from index.glossary import Glossary

    known = {"gdp", "r&d", "tpp", "cip"}
    assert english_in_chinese(q, Glossary.load(), lambda t: t.lower() in known) == expected


@pytest.mark.parametrize("q, expected", [
    ("What does chapter 1 mean by 'two municipalities and one province'?", []),  # where in the book, not a figure
    ("我手上有个项目编号 TJSHS201510031008，它对应的课题叫什么？", ["TJSHS201510031008"]),
])
def test_a_place_in_the_book_is_no_quoted_figure(q, expected):
    assert given_figure(q, language(q)) == expected


@pytest.mark.parametrize("q, expected", [
    ("麻烦问一下，图书馆采编需要这本报告的国际标准书号，版权页上印的是多少？", "图书馆采编需要这本报告的国际标准书号，版权页上印的是多少？"),
    ("当初组稿的那位编辑是谁，您能帮我查一下吗？", "当初组稿的那位编辑是谁？"),
    ("您好，请问一下，定价是多少？谢谢！", "定价是多少？"),  # a closing thanks, after the question mark too
    ("想重点读一下河北省产业结构的部分，请问应该翻到第几页开始读？谢谢！", "想重点读一下河北省产业结构的部分，请问应该翻到第几页开始读？"),
    ("明白了，那它对应的项目编号是多少呢？", "那它对应的项目编号是多少呢？"),  # an acknowledgement before a follow-up
    ("收到了哪些基金资助？", "收到了哪些基金资助？"),  # (a word of the question, not an acknowledgement)
    ("请问", "请问"),  # nothing left to ask: kept as typed
    ("Could you please tell me the price?", "Could you please tell me the price?"),  # English is left alone
])
def test_politeness_around_a_chinese_question_is_dropped(q, expected):
    assert without_courtesy(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("我在写一篇关于京津冀协同的论文，想引用一下北京的增加值，请问起点是多少？",
     ("我在写一篇关于京津冀协同的论文，", "我在写一篇关于京津冀协同的论文，想引用一下北京的增加值")),
    ("图书馆采编需要这本报告的书号，请问是多少？", ("", "图书馆采编需要这本报告的书号")),
    ("我说的是占GDP的那个比例，前后各是多少？", ("", "")),  # a clarification, not the asker's setting
    ("北京2013年的R&D投入强度是多少？", ("", "")),
    # what the asker wants told ends in a colon; the question proper follows it
    ("因为检索系统里名字相近的报告不止一本，所以想核对一下书号：这本书的ISBN是多少？",
     ("", "因为检索系统里名字相近的报告不止一本，所以想核对一下书号")),
    ("我下周要上课，请告诉我它的ISBN号。", ("我下周要上课，", "我下周要上课")),  # "请告诉我" begins the ask
    # whole sentences (or a clause ending in a colon) that ask nothing, before the one that asks
    ("我跑馆配渠道，图书馆采购要求提供完整书号才能下单。这本书的ISBN是多少？", ("", "我跑馆配渠道，图书馆采购要求提供完整书号才能下单")),
    ("图书馆做编目用：这本书定价多少？", ("", "图书馆做编目用")),
    ("北京2013年的R&D投入强度是多少？天津呢？", ("", "")),  # the first sentence asks
    # English: the sentences before the question
    ("Our team is splitting up the reading. On which page does the section on big data start?",
     ("", "Our team is splitting up the reading.")),
    ("What is the ISBN? I need it for a citation.", ("", "")),
])
def test_the_clauses_that_set_a_question_up(q, expected):
    from assistant.question import preamble

    assert preamble(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("總序說北京軟體和資訊服務業每年平均複合成長多少？", "总序说北京软件和信息服务业每年平均复合增速多少？"),
    ("网路和软体", "网络和软件"),  # Taiwan words typed in simplified characters too
    ("研究什么的？资料整理", "研究什么的？资料整理"),  # mainland words are left as they are (no 什幺, no 数据整理)
    # the one-character names of the three places, listed or asked after alone; Peking University's short name
    ("2013年京、津、冀三地的比例", "2013年北京、天津、河北三地的比例"), ("那津呢？", "那天津呢？"),
    ("北大跟津、冀两边", "北京大学跟天津、河北两边"), ("京津冀三地", "京津冀三地"), ("河北大学", "河北大学"),
    # Cantonese as typed in Hong Kong
    ("喺邊啲方面互補性好強？", "在哪些方面互补性好强？"), ("定價係幾多？", "定价是多少？"),
])
def test_taiwan_and_hong_kong_words_become_the_reports(q, expected):
    assert normalize(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("第三章介绍河北高新技术开发区的那一节，排在最后的是哪个园区？大概在第几页？",
     ["第三章介绍河北高新技术开发区的那一节，排在最后的是哪个园区？", "大概在第几页？"]),
    ("那负责印制的呢？校对又是谁？", ["那负责印制的呢？", "校对又是谁？"]),
    ("如果买到的书有缺页，应该找哪个部门调换，联系地址在哪里？", ["如果买到的书有缺页，应该找哪个部门调换？", "联系地址在哪里？"]),
    # two fields of one thing, each with the clauses that set it up
    ("我在写论文，想引用一下北京的增加值，请问起点和终点分别是多少？",
     ["我在写论文，想引用一下北京的增加值，起点分别是多少？", "我在写论文，想引用一下北京的增加值，终点分别是多少？"]),
    ("北京和天津分别是多少？", []),
    ("下一节呢？从第几页开始？", []),  # the page of the line the first part names: one ask
    ("组稿编辑和责任校对分别是谁？经销商又是谁？", ["组稿编辑分别是谁？", "责任校对分别是谁？", "经销商又是谁？"]),
    # clauses before "，请问" set the question up, even one worded as a question ("归纳成了几条")
    ("前言把问题归纳成了几条，我打算逐条回应，请问前言一共归纳了几点不足，分别涉及哪些方面？",
     ["前言把问题归纳成了几条，我打算逐条回应，请问前言一共归纳了几点不足？", "分别涉及哪些方面？"]),
])
def test_a_question_that_asks_several_things_is_split_into_its_asks(q, expected):
    from assistant.intent import several_asks

    assert several_asks(q, "zh") == expected


@pytest.mark.parametrize("q, expected", [
    ("河北高新技术开发区那一节，排在最后的是哪个园区？", -1), ("排在第二位的是哪个？", 2), ("列出的第一个园区是哪个？", 1),
    ("排名最后的城市是哪个？", 0), ("那一节，最后介绍的是哪个园区？", -1),
])
def test_the_nth_item_asked_for(q, expected):
    from assistant.intent import nth_item

    assert nth_item(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("Roughly how many times Hebei's level was Beijing's?", True),
    ("How many times higher was Beijing's R&D intensity than Hebei's?", False),
])
def test_a_ratio_that_names_its_reference_first(q, expected):
    from assistant.derive import reference_first

    assert reference_first(q) == expected


@pytest.mark.parametrize("q, previous, expected", [
    ("最后那一节讲的是啥，从哪页开始？", "目录里第一章一共分了几节啊？", "第一章第四节讲的是啥，从哪页开始？"),
    ("What is the last section about?", "What sections make up chapter 2?", "What is chapter 2 section 5 about?"),
    ("最后那一节讲的是啥？", "这本书是谁写的？", "最后那一节讲的是啥？"),  # no chapter to take it from
])
def test_the_last_section_of_the_chapter_asked_about_before(q, previous, expected):
    assert last_section(q, {1: 4, 2: 5}, previous) == expected


@pytest.mark.parametrize("q, expected", [
    ("从第几页开始？", False), ("大概在第几页？", False),
    ("其中天津市政策那一节又在第几页？", True), ("其中交通协同发展从第几页开始？", True), ("这一节的天津部分又从哪页开始？", True),
])
def test_a_page_question_that_names_its_own_line(q, expected):
    from assistant.intent import names_own_line

    assert names_own_line(q) == expected


def test_the_nth_one_after_a_question_about_an_nth_one():
    assert rewrite("第二个呢？", "前言总结的第一点不足是什么？") == "前言总结的第二点不足是什么？"


@pytest.mark.parametrize("q, answer, expected", [
    ("它在第几页？", "“二、石家庄高新技术开发区”从第113页开始。[1]", "“二、石家庄高新技术开发区”在第几页？"),
    # an English answer names the line after "The section": "it" and "that section" are that line
    ("Which page is it on?", "The section “第二节 电子商务” starts on page 57.[1]", "Which page is “第二节 电子商务” on?"),
    ("Which page does that section start on?", "The section “第四节 协同发展思路” (ideas for coordinated development) starts on page 39.[1]",
     "Which page does “第四节 协同发展思路” start on?"),
    ("Who wrote it?", "The section “第二节 电子商务” starts on page 57.[1]", "Who wrote it?"),  # not a page question
    ("它的编号是多少？", "北京市自然科学基金项目……(9154027)", "它的编号是多少？"),  # no contents line answered
])
def test_it_is_the_contents_line_the_previous_answer_named(q, answer, expected):
    from assistant.question import resolve_line

    assert resolve_line(q, answer) == expected


@pytest.mark.parametrize("q, expected", [
    ("ISBN号多少 做ppt参考文献要写", "ISBN号多少，做ppt参考文献要写"),  # a typed space parts two clauses
    ("编委名单是按啥顺序排的", "编委名单是按什么顺序排的"),
])
def test_chat_typing_is_read_as_written_chinese(q, expected):
    assert normalize(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("ISBN号多少，做ppt参考文献要写", "做ppt参考文献要写"), ("ISBN号是多少？", ""), ("北京和天津，哪个更高？", ""),
])
def test_the_clauses_after_the_question_that_say_why_it_is_asked(q, expected):
    from assistant.question import afterword

    assert afterword(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("我是香港的记者，正在写北京电商产业的报道。", "我是香港的记者，"),
    ("我想看上海市信息服务业扶持政策那一节，请问在第几页？", ""),  # what the asker wants to read, not who asks
    ("我是谁？", ""),
])
def test_the_clause_that_says_who_asks(q, expected):
    from assistant.question import who_asks

    assert who_asks(q) == expected


@pytest.mark.parametrize("q, expected", [
    ("前言里有一句概括三地各自角色分工的十二字说法，原话是什么？", 12),
    ("What twelve-character slogan does the preface use?", 12),
    ("那个八个字的提法是什么？", 8),
    ("前言说产业协同最主要的障碍是啥 俩字的那个", None),  # a word (asks_word), not a phrase
    ("这本书多少字？", None),
    ("第十二字说法", None),
])
def test_the_length_of_a_phrase_asked_for(q, expected):
    from assistant.intent import phrase_length

    assert phrase_length(q) == expected, q


@pytest.mark.parametrize("form, q, expected", [
    # a word or short term asked for
    ("asks_word", "前言把京津冀产业协同推进不下去的症结归结成了哪两个字？", True),
    ("asks_word", "What single term does the preface use for the core obstacle?", True),
    ("asks_word", "这本书多少字？", False),
    # what a numbered part covers (its contents line says), not who wrote it
    ("asks_what_part_covers", "第二章主要写的是什么内容？", True),
    ("asks_what_part_covers", "What does chapter 2 cover?", True),
    ("asks_what_part_covers", "第二章是谁写的？", False),
])
def test_question_forms(form, q, expected):
    from assistant import intent

    assert getattr(intent, form)(q) is expected, f"{form}({q!r})"


def test_an_english_second_ask_with_its_own_verb_is_split():
    from assistant.intent import several_asks

    parts = several_asks("How does chapter 1 define the information service industry, and what sub-sectors does it mainly include?", "en")
    assert parts == ["How does chapter 1 define the information service industry?", "what sub-sectors does it mainly include?"], parts


@pytest.mark.parametrize("q, body", [
    ("下周给本科生讲京津冀协同发展，课件参考文献里要写这本报告的书号，ISBN是多少？", "ISBN是多少？"),
    ("给研究生讲课要用，北京2013年R&D投入强度是多少？", "北京2013年R&D投入强度是多少？"),
])
def test_the_askers_story_without_a_subject_sets_the_question_up(q, body):
    from assistant.question import setting

    assert setting(q).body == body, setting(q)


def test_a_follow_up_place_takes_a_places_turn_not_the_whole_regions():
    r = rewrite("河北呢？", "京津冀三地2013年的研发投入强度，北京是多少？")
    assert r == "京津冀三地2013年的研发投入强度，河北是多少？", r


@pytest.mark.parametrize("q, story", [
    ("下周想约作者聊聊，这书署名编著的是哪两位？", "下周想约作者聊聊，"),
    ("报社想做个出版产业链的小专题，这本书是哪家厂子印出来的？", "报社想做个出版产业链的小专题，"),
    ("我老家在河北。书里说中关村有多少企业跑到河北开了分支？", "我老家在河北"),
    # (a clause that asks ends the story: "信息服务业到底指啥" is what is asked)
    ("干了半辈子基层工作，信息服务业到底指啥我一直说不清。丛书那篇总的序是怎么解释这个行当的？", "干了半辈子基层工作，"),
])
def test_more_stories_that_set_the_question_up(q, story):
    from assistant.question import preamble

    assert preamble(q)[1] == story, preamble(q)


@pytest.mark.parametrize("q, parts", [
    # two clauses joined by "、", each asking
    ("丛书打头那篇总的序，是谁写的、落款是哪天？", ["丛书打头那篇总的序，是谁写的？", "落款是哪天？"]),
    # "这几个" points at things, it asks nothing
    ("写稿想提一下经费。书里列的这几个基金项目，一共给这本书拨了多少钱？", []),
    # whether the book gives it is the same ask
    ("那河北那年专利授权了多少件？书里有具体数吗？", []),
    # places side by side are one ask
    ("北京、天津、河北分别是多少？", []),
])
def test_which_clauses_ask_on_their_own(q, parts):
    from assistant.intent import several_asks

    assert several_asks(q, "zh") == parts, several_asks(q, "zh")


@pytest.mark.parametrize("q, lang, rest, excluded", [
    ("书里列了好几个编辑，我想问真正对书稿内容负总责的那位，不是约稿的那个，叫什么名字？", "zh",
     "书里列了好几个编辑，我想问真正对书稿内容负总责的那位，叫什么名字？", "约稿"),
    ("除了郭斌以外，编委会还有谁？", "zh", "编委会还有谁？", "郭斌"),
    ("是不是北京的那个？", "zh", "是不是北京的那个？", ""),
    ("Who is the responsible editor, not the one who commissioned the book?", "en", "Who is the responsible editor?", "commissioned the book"),
    ("Other than Guo Bin, who edited it?", "en", "who edited it?", "Guo Bin"),
    # a quoted contents line, longer than a plain phrase
    ("除了“二、石家庄高新技术开发区”以外，石家庄还有别的条目吗？", "zh", "石家庄还有别的条目吗？", "“二、石家庄高新技术开发区”"),
])
def test_what_the_answer_is_not(q, lang, rest, excluded):
    from assistant.intent import without_exclusion

    assert without_exclusion(q, lang) == (rest, excluded)


@pytest.mark.parametrize("q, expected", [
    ("我老伴买回来一本，发现有几页印得乱七八糟。书上说这种情况找谁给换？", False),  # some damaged pages
    ("第二章一共有多少页？", True),
    ("书里列了好几个编辑，叫什么名字？", False),  # 好几个: several
])
def test_some_pages_and_several_things_are_no_figure_asked(q, expected):
    from assistant.intent import numeric

    assert numeric(q, "zh") is expected, q


def test_a_follow_up_place_keeps_what_the_previous_question_carried():
    # "河北省呢？" after a follow-up about a part of a section: the section still frames it
    r = rewrite("河北省呢？", "其中天津市那一部分在哪页？（接上问：第一章第二节“产业结构”从第几页开始？）")
    assert r == "其中河北省那一部分在哪页？（接上问：第一章第二节“产业结构”从第几页开始？）", r


def test_the_list_asked_about_not_the_longest():
    from assistant.render import enumeration

    s = ("2014年北京市政府工作报告中明确提出，北京市“全国政治中心、文化中心、国际交往中心、科技创新中心”新的核心功能定位，"
         "“优化三次产业结构，突出高端化、服务化、集聚化、融合化、低碳化”")
    assert enumeration(s, {"=中心": 1.0}) == ["全国政治中心", "文化中心", "国际交往中心", "科技创新中心"]
    # (a question with none of the words of a list: the longest one)
    assert enumeration(s, {}) == ["突出高端化", "服务化", "集聚化", "融合化", "低碳化"], enumeration(s, {})


@pytest.mark.parametrize("q, previous_answer, expected", [
    ("石家庄还有别的条目吗？", "“二、石家庄高新技术开发区”从第113页开始。",
     "除了“二、石家庄高新技术开发区”以外，石家庄还有别的条目吗？"),
    ("Are there any other entries for Shijiazhuang?", "The section “二、石家庄高新技术开发区” starts on page 113.",
     "Are there any other entries for Shijiazhuang, other than “二、石家庄高新技术开发区”?"),
    # no line named before, or no other one asked: unchanged
    ("石家庄还有别的条目吗？", "编委会成员：陈倩、郭斌。", "石家庄还有别的条目吗？"),
    ("它在第几页？", "“二、石家庄高新技术开发区”从第113页开始。", "它在第几页？"),
])
def test_another_line_than_the_one_answered(q, previous_answer, expected):
    from assistant.question import resolve_other

    assert resolve_other(q, previous_answer) == expected


@pytest.mark.parametrize("q, expected", [
    ("河北省是多少？", True),
    ("北京是它的几倍？", False),
    ("河北的专利授权量是多少？", False),
    ("How much was Hebei's?", False),  # Chinese only
])
def test_a_question_that_says_only_where(q, expected):
    from assistant.question import says_only_where

    assert says_only_where(q) is expected, q


def test_an_english_follow_up_with_words_of_its_own_is_not_a_slot_swap():
    prev = "In 2013 how dominant was the service sector in Beijing's economy?"
    assert rewrite("And how big was Tianjin's industrial (secondary) sector share?", prev).startswith("And how big was Tianjin's")
    # a follow-up that only names another place still swaps it
    assert rewrite("And Tianjin's?", prev) == "In 2013 how dominant was the service sector in Tianjin's economy?"
    assert rewrite("What about the same figure for Tianjin?", prev) == "In 2013 how dominant was the service sector in Tianjin's economy?"


@pytest.mark.parametrize("q, expected", [
    ("前言把三地理想中的产业分工概括成哪一句话？", True),
    ("What shorthand does the preface use for the division of labour?", True),
    ("概括三地分工的十二字说法是什么？", False),  # a length given: phrase_length's
    ("可以用哪个词概括？", False),  # a word: asks_word's
    ("前言讲了什么？", False),
])
def test_a_phrase_asked_for(q, expected):
    from assistant.intent import asks_phrase

    assert asks_phrase(q) is expected, q


@pytest.mark.parametrize("q, parts", [
    ("Who published it, and what is its ISBN?", ["Who published it?", "what is its ISBN?"]),
    ("On what page does the part on Hebei's high-tech development zones begin, and which zone is listed last?",
     ["On what page does the part on Hebei's high-tech development zones begin?", "which zone is listed last?"]),
    ("How many people are on the editorial committee, and in what order are their names listed?",
     ["How many people are on the editorial committee?", "in what order are their names listed?"]),
    ("Where does chapter 4 start, and on which pages do the appendix and the chronology begin?",
     ["Where does chapter 4 start?", "on which pages do the appendix and the chronology begin?"]),
    ("想引用篇幅資料：全書字數和印張各是多少？", ["想引用篇幅資料：全書字數各是多少？", "想引用篇幅資料：印張各是多少？"]),
])
def test_several_asks_of_this_round(q, parts):
    from assistant.intent import several_asks

    lang = "zh" if "資料" in q else "en"
    assert several_asks(q, lang) == parts, several_asks(q, lang)


@pytest.mark.parametrize("q, page, page_range, own_line", [
    ("附录和大事记分别在哪页？", True, False, True),
    ("on which pages do the appendix and the chronology begin?", True, False, True),
    ("and on which page does it start?", True, False, False),
    ("Which pages does chapter 2 cover?", True, True, True),
])
def test_page_questions_of_this_round(q, page, page_range, own_line):
    from assistant import intent

    assert (intent.page(q), intent.page_range(q), intent.names_own_line(q)) == (page, page_range, own_line), q


def test_the_item_listed_last_in_english():
    from assistant.intent import nth_item

    assert nth_item("which zone is listed last?") == -1
    assert nth_item("Which park comes first?") == 1


@pytest.mark.parametrize("spoken, written", [
    ("那个两千零一十五年北京软件和信息服务业增加值是多少啊", "2015年北京软件和信息服务业增加值是多少啊"),
    ("嗯二〇一三年河北的研发投入强度是百分之多少", "2013年河北的研发投入强度是百分之多少"),  # "百分之多少" asks, stays
    ("百分之七十六点九是哪个比重", "76.9%是哪个比重"),
    ("嗯那唐山高新区呢", "那唐山高新区呢"),
    ("就是北京软件信息服务这一行每年增长多少", "北京软件信息服务这一行每年增长多少"),
    ("这本书卖多少钱啊定价是多少", "这本书卖多少钱啊，定价是多少"),  # a spoken pause parts two clauses
    ("那个项目编号是多少？", "那个项目编号是多少？"),  # a demonstrative, not a filler
])
def test_what_voice_input_writes_out_is_read_as_typed(spoken, written):
    assert normalize(spoken) == written


@pytest.mark.parametrize("turns, expected", [
    # another thing in the place of the one before, asked what the conversation's first question asked
    (["附录从第几页开始？", "大事记呢？", "还有参考文献呢？"], "还有参考文献呢？（接上问：附录从第几页开始？）"),
    # a follow-up of a follow-up keeps the question the conversation began with
    (["这本书拿了哪些基金的资助？", "一共几个项目？", "第二个是什么？"], "第二个是什么？（接上问：一共几个项目？这本书拿了哪些基金的资助？）"),
    # a share whose subject is the earlier question's
    (["北京软件和信息服务业的增加值是多少？", "占北京整个经济几成？"], "占北京整个经济几成？（接上问：北京软件和信息服务业的增加值是多少？）"),
    # a place that begins the name of another item is not the earlier question's place swapped
    (["河北高新技术开发区那一节里秦皇岛数据产业基地在第几页", "那唐山高新区呢"],
     "那唐山高新区呢（接上问：河北高新技术开发区那一节里秦皇岛数据产业基地在第几页）"),
])
def test_longer_conversations_keep_what_they_are_about(turns, expected):
    prev = None
    for t in turns:
        prev = rewrite(normalize(t), prev)
    assert prev == expected


@pytest.mark.parametrize("q", ["百分之一二的比重", "两千一二年的数据"])
def test_words_that_are_no_number_are_left_as_typed(q):
    assert normalize(q) == q  # (they raised KeyError before)


@pytest.mark.parametrize("q, asked, numbers, names", [
    ("定价是不是48元？", "定价是多少元？", ("48",), ()),
    ("总序的落款日期是2016年3月18日吗？", "总序的落款日期是哪天？", ("2016-3-18",), ()),
    ("报告里说北京2013年R&D投入强度是6.08%，对吗？", "报告里说北京2013年R&D投入强度是多少？", ("6.08",), ()),  # 2013年 is no claim
    ("麦谷产业园那部分是第107页吗？", "麦谷产业园那部分是第几页？", ("107",), ()),
    ("丛书总主编是郭斌吗？", "丛书总主编是谁？", (), ("郭斌",)),
])
def test_a_claim_is_read_apart_from_the_question_it_checks(q, asked, numbers, names):
    c = claims.read(q, "zh", frozenset({"郭斌", "陈倩", "王成慧"}))
    assert c is not None and (c.question, c.numbers, c.names) == (asked, numbers, names), c


@pytest.mark.parametrize("q", ["第1版是2016年5月吗？", "报告有提到雄安新区吗？", "书里有2014年的数据吗？", "2013年北京增加值是多少？"])
def test_a_question_that_checks_no_value_is_no_claim(q):
    assert claims.read(q, "zh", frozenset()) is None


@pytest.mark.parametrize("q, expected", [
    ("天津和河北呢？原句怎么写的？", "天津和河北呢？"),  # every answer quotes the report: a last ask for its wording adds nothing
    ("北京是河北的几倍？原文怎么说？", "北京是河北的几倍？"),
    ("这本书一共几章？各章讲什么？前言里的原话。", "这本书一共几章？各章讲什么？"),
    ("总序里给“信息服务业”下的定义，原话怎么说的？", "总序里给“信息服务业”下的定义，原话怎么说的？"),  # the only ask
])
def test_a_last_ask_for_the_reports_own_wording_is_dropped(q, expected):
    assert without_courtesy(q) == expected


@pytest.mark.parametrize("q, asked, numbers", [
    ("Is the price 48 yuan?", "What is the price?", ("48",)),
    ("Beijing's R&D intensity in 2013 was 6.08%, right?", "Beijing's R&D intensity in 2013 was how much?", ("6.08",)),
    ("Does chapter 2 start on page 20?", "Does chapter 2 start on which page?", ("20",)),  # chapter 2 is no claim
])
def test_an_english_claim_is_read_apart_from_the_question_it_checks(q, asked, numbers):
    c = claims.read(q, "en")
    assert c is not None and (c.question, c.numbers) == (asked, numbers), c


def test_the_me_of_shenme_asks_no_yes_or_no():
    # "代表什么？" ends in 么 but checks nothing: the code 069760 is what is asked about
    assert claims.read("版权页上出现的“069760”这个编号代表什么？", "zh") is None


def test_a_claim_confirmed_with_ba_and_a_denial():
    c = claims.read("总序落款日期是2016年3月18日吧？", "zh")
    assert c is not None and c.question == "总序落款日期是哪天？" and c.numbers == ("2016-3-18",)
    # a denial to confirm: the value is looked up, and nothing is claimed for a verdict
    c = claims.read("和TPP有关的那个社科基金项目，编号不是14JGC088吧？", "zh")
    assert c is not None and c.question == "和TPP有关的那个社科基金项目，编号是多少？" and not c.numbers and not c.names
    assert claims.verdict(c, "项目编号为14JGC089。", "zh") is None


@pytest.mark.parametrize("q, expected", [
    ("第二章“新兴业态”那一节是不是只写了北京？", "第二章“新兴业态”那一节写了哪些？"),
    ("这本报告的基金项目只有北京市自然科学基金一项吧？", "这本报告的基金项目有哪些？"),
    ("只有北京吗？", None),  # nothing before it names the list
    ("北京有哪些园区？", None),
])
def test_whether_a_list_holds_only_what_is_named_asks_what_it_holds(q, expected):
    assert claims.only(q) == expected


def test_former_and_latter_are_the_two_places_the_question_before_named():
    from assistant.question import rewrite

    out = rewrite("前者是后者的多少倍？", "北京和河北分别是多少？")
    assert out.startswith("北京市是河北省的多少倍？"), out
    assert rewrite("前者呢？", "2013年的数据是多少？") .startswith("前者呢？")  # (no two places named: left as asked)


def test_parallels_read_the_measure_given_for_a_second_place_beside_the_first():
    from assistant.parallel import Parallels
    p = Parallels(["2013年，北京市第三产业比重高达76.9%，逐渐形成现代产业体系。而天津市第二产业比重为50.6%，逐步形成高端产业体系。"
                   "此外，河北省整体产业体系以资源加工型为突出特征。"])
    found = p.find(["76.9"], ("北京市", "北京"), ("天津市", "天津"))
    assert found is not None and (found.asked, found.given) == ("第三产业比重", "第二产业比重"), found
    assert "50.6%" in found.sentence
    assert p.find(["76.9"], ("北京市", "北京"), ("河北省", "河北")) is None  # a sentence with no figure
    assert p.find(["50.6"], ("北京市", "北京"), ("天津市", "天津")) is None  # not the figure given for Beijing
    # the same measure for both places is no other measure; a figure of another unit is no parallel
    same = Parallels(["北京研发投入强度为6.08%，天津研发投入强度为2.98%。"])
    assert same.find(["6.08"], ("北京",), ("天津",)) is None
    units = Parallels(["北京地铁运营里程为465公里。天津港口吞吐量为5亿吨。"])
    assert units.find(["465"], ("北京",), ("天津",)) is None


def test_what_kind_of_place_or_system_is_asked_and_becoming_is_no_why():
    from assistant import intent
    assert intent.which_type("被规划定位成什么样的地区？") == ("地区",)
    assert intent.asks_kind("北京形成了什么样的产业体系？")
    assert not intent.why("天津重点建设成为什么样的基地？") and not intent.why("京津冀被定为何种地区？")
    assert intent.why("为什么说协同发展是必然的选择？") and intent.why("这是为何？")


def test_the_chapters_opening_then_its_first_section_and_a_quoted_counted_noun():
    from assistant.question import after_opening, unquote_counted
    assert after_opening("第一章开头那段讲完之后，第一节是什么？") == "第一章第一节是什么？"
    assert after_opening("第一章导语讲完之后，正文第一个小节的标题是什么？") == "第一章第一节的标题是什么？"
    assert after_opening("第一章开头讲了什么？") == "第一章开头讲了什么？"  # no section asked after it
    assert unquote_counted("核心功能一共是几个“中心”？") == "核心功能一共是几个中心？"
    assert unquote_counted("“互联网+”是什么意思？") == "“互联网+”是什么意思？"  # a quoted term to define stays
