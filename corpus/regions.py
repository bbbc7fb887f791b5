"""Place names in Chinese text: provinces, major cities, named zones and parks.

General geography (province-level units, the Hebei prefecture cities, a few
city regions), not facts about any one report. Short forms (北京, 河北) count
only when they are not the start of an institution name (北京大学...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MUNICIPALITIES = ["北京", "天津", "上海", "重庆"]
PROVINCES = [
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
    "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
]
AUTONOMOUS = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区",
              "新疆": "新疆维吾尔自治区"}
CITIES = [
    "石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口", "承德", "沧州", "廊坊", "衡水",
    "广州", "深圳", "南京", "杭州", "苏州", "武汉", "成都", "西安", "沈阳", "大连", "青岛", "厦门",
    "东京", "纽约", "伦敦", "首尔", "香港", "澳门",
]
CITY_REGIONS = {"京津冀": "京津冀", "长三角": "长三角", "珠三角": "珠三角", "环渤海": "环渤海", "津冀": "津冀"}
ZONE_SUFFIX = r"(?:软件园|科技园|产业园|工业园|高新区|开发区|示范区|新区)"
# characters that cannot belong to a zone name (function words before it)
_ZONE_STOP = set("就在于对从向与和及或而是为了的仅已将把被由以等、，。；：“”《》（）() ")

_INSTITUTION_AFTER = r"(?!大学|师范|理工|交通大学|分院|研究院|银行|日报|时间)"


def _canon_table() -> dict[str, str]:
    t: dict[str, str] = {}
    for n in MUNICIPALITIES:
        t[n + "市"] = t[n] = n + "市"
    for n in PROVINCES:
        t[n + "省"] = t[n] = n + "省"
    for short, full in AUTONOMOUS.items():
        t[full] = t[short] = full
    for c in CITIES:
        t[c + "市"] = t[c] = c if c in ("香港", "澳门", "东京", "纽约", "伦敦", "首尔") else c + "市"
    for k, v in CITY_REGIONS.items():
        t[k + "地区"] = t[k] = v
    t["中关村"] = "中关村"
    return t


CANON = _canon_table()
_NAMES_RE = re.compile(
    "(" + "|".join(sorted((re.escape(k) for k in CANON), key=len, reverse=True)) + ")" + _INSTITUTION_AFTER
)
_ZONE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?" + ZONE_SUFFIX)


@dataclass(frozen=True)
class Mention:
    name: str  # canonical
    start: int
    end: int


def _inside_brackets(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


def find_regions(text: str) -> list[Mention]:
    """Region mentions in reading order (longest match wins; bracketed asides skipped)."""
    found: list[Mention] = []
    for m in _ZONE_RE.finditer(text):
        # trim leading function words: "仅就中关村软件园" -> "中关村软件园"
        s = m.start()
        while s < m.end() and text[s] in _ZONE_STOP:
            s += 1
        name = text[s : m.end()]
        core = re.sub(ZONE_SUFFIX + "$", "", name)
        k = max((i for i, ch in enumerate(core) if ch in _ZONE_STOP), default=-1)
        if k >= 0:
            s += k + 1
            name = text[s : m.end()]
        if len(name) - len(re.search(ZONE_SUFFIX + "$", name).group()) >= 2:
            found.append(Mention(name, s, m.end()))
    for m in _NAMES_RE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        found.append(Mention(CANON[m.group(1)], m.start(), m.start() + len(m.group(1))))
    found = [f for f in found if not _inside_brackets(text, f.start)]
    return sorted(found, key=lambda f: f.start)
