"""The vocabulary of Chinese budget and performance reports, as the extractor reads it.

Everything the builder recognises by words is here, so the rules can be read (and
extended) in one place: concept words, the signals that make a ``其中`` list partial,
the known complete partitions, and the phrase patterns of shares, ratios and changes.
"""

from __future__ import annotations

import re
from typing import Final

#: Concept of an amount figure, by words in its label; the first pattern that matches wins
#: (上年结转结余 is a carryover in, although it contains 结转结余).
CONCEPTS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("carryover_in", re.compile(r"上年结转|年初结转|上年结余|年初结余|上年度结转")),
    (
        "carryover_out",
        re.compile(r"结转下年|年末结转|年末结余|结转结余|结余结转|期末结转|期末结余|结转至下年"),
    ),
    ("income", re.compile(r"总收入|本年收入|收入合计|全年收入|年度收入|收入总额")),
    ("spending", re.compile(r"总支出|本年支出|支出合计|全年支出|年度支出|支出总额")),
    ("basic_spending", re.compile(r"基本支出")),
    ("project_spending", re.compile(r"项目(?:经费)?支出")),
    ("special_spending", re.compile(r"专项资金|专项经费")),
    ("personnel_spending", re.compile(r"人员(?:工资|经费)|工资福利")),
    ("public_spending", re.compile(r"公用经费|商品和服务")),
)

#: Short ids for the first figure of a concept (the rest are numbered).
CONCEPT_IDS: Final = {
    "income": "income",
    "carryover_in": "carryover_in",
    "spending": "spending",
    "carryover_out": "carryover_out",
    "basic_spending": "basic",
    "project_spending": "project",
    "special_spending": "special",
    "score": "score",
}

#: What opens a list of parts after a total: 其中, 其中：, 具体为：, 包括：.
LIST_OPENER: Final = re.compile(
    r"其中[：:]?|具体为[：:]|具体包括[：:]?|分别为[：:]|包括[：:]"
    r"|(?:主要)?用于(?=[^，,。；;0-9]{2,30}[0-9])"  # 资金主要用于发放A 48.60万元、B…: what was spent went to
    # 财力安排支出68.4亿元，主要支出事项：A 7.1亿元、B…等: the main items of the figure before
    r"|主要(?!原因)[^，,。；;：:0-9]{0,6}(?:事项|项目|内容|方向)[：:]"
)
#: The label of a change or a share, which is never a total or a part of a list (调减 a budget's
#: adjustment down, 调增 up: 税收收入拟调整为8500万元，调减1600万元).
CHANGE_LABEL: Final = re.compile(
    r"^(?:较|比|同比|与上年|增加|减少|增长|下降|增收|减收|增支|减支|调增|调减|占|压减|压缩|缩减|削减)"
    r"|(?:增加|减少|增长|下降|增收|减收|增支|减支|调增|调减|超收|短收|压减|压缩|缩减|削减|相比)$"
)

#: A figure that is the new value of what changed (2013年为25,729.34万元，2014年下降到16,023.35万元):
#: it is that quantity, not a change, and the figure before it is its prior value.
#: The year may follow (猛减到今年的125.54亿元: 到今年).
CHANGED_TO: Final = re.compile(
    r"(?:增加|减少|增长|下降|上升|提高|降低|回落|降|增|减)(?:到|至)了?(?:今年|本年|当年|(?:19|20)[0-9]{2}年)?度?$"
)

#: A figure's label that ends by saying which way it changed (公务接待费支出决算增加0.01万元).
DIRECTED: Final = re.compile(r"(增加|减少|增长|下降|降低|上升|增收|减收|增支|减支)了?$")

#: What opens the breakdown of a change: 主要原因是人员经费增加…、公用经费减少….
REASONS: Final = re.compile(r"(?:主要)?(?:原因|是由于|系)(?:是|为|：|:)?")

#: The actual against the budget by a printed gap: 决算数小于预算数50.00万元, 决算数大于年初预算数….
BUDGET_GAP: Final = re.compile(r"决算数?(大于|小于|超过|低于|少于|多于)(?:年初|调整|全年)?预算数?")

#: A saving against a budget (节约资金, 节约率) and the figures it is between.
SAVED: Final = re.compile(r"节约|节支|节省|节资|節約|節支|節省|節資")
PLANNED: Final = re.compile(r"预算|计划|預算|計劃")
ACTUAL_WORD: Final = re.compile(r"实际|合同金额|中标金额|成交金额|實際|合同金額|中標金額|成交金額")
#: Gaps between two figures that their names define, each as (the gap and its rate, what it is
#: taken from, what is taken): 节约 = 预算 − 实际 (or 合同); 审减 = 送审 − 审定.
GAPS: Final[tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...]] = (
    (SAVED, PLANNED, ACTUAL_WORD),
    (re.compile(r"审减|核减"), re.compile(r"送审|报审"), re.compile(r"审定")),
)

#: Words that make a list name only some parts: 其中主要..., ...等.
PARTIAL_BEFORE: Final = re.compile(r"主要|部分|重点|较大的|例如|比如|不限于")
PARTIAL_AFTER: Final = re.compile(r"^[^0-9０-９，,。；;]*等(?![级次同])")
#: A list closed by a remainder item (其他..., 其余...) names every part.
REMAINDER: Final = re.compile(r"^(?:其他|其它|其余|剩余)")
#: Complete partitions the reports use: when every part of a list is one of these, in
#: any order and each once, the list is exhaustive (each word a pattern: ``a|b`` is either).
PARTITIONS: Final[tuple[tuple[str, ...], ...]] = (
    ("人员", "公用"),
    ("全额", "差额", "自收自支"),
    ("基本支出", "项目"),
    ("财政拨款", "其他"),
    ("一般公共预算", "政府性基金"),
    ("工资福利", "商品和服务", "对个人和家庭"),
    ("工资福利", "商品和服务"),
    # 三公经费: the vehicle class is also printed 公车运行费, 车辆运行费
    ("因公出国", "公务用车|公车|车辆", "公务接待"),
    ("税收收入", "非税收入"),
    ("货物", "工程", "服务"),
    ("购置", "运行"),
    # 总人口 = 农业人口 + 非农业人口 (城镇人口): by household registration, every person once
    ("(?<!非)农业|农村|乡村", "非农业|城镇|城市"),
)
#: A list announced as a classification (按经济分类，其中：...) names every class.
#: Levels of one hierarchy (一级指标, 二级指标, 三级指标): each level counts the same whole again, so
#: the levels are no parts of it; the deepest level is what the whole counts.
LEVEL: Final = re.compile(r"^([一二三四五六1-6])级(.{1,8})$")

CLASSIFIED: Final = re.compile(r"按[^，。；,;]{1,10}分类")

#: The whole of a share, by the words after 占: the concept of the figure it names.
WHOLE_CONCEPTS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"^(?:全部|总|全年|本年|年度|当年)?支出(?:总额|合计|总计|总数)?$"), "spending"),
    (re.compile(r"^(?:全部|总|全年|本年|年度|当年)?收入(?:总额|合计|总计|总数)?$"), "income"),
    (re.compile(r"^基本支出$"), "basic_spending"),
    (re.compile(r"^项目(?:经费)?支出$"), "project_spending"),
)
#: The whole of a share that is a target nobody printed: a ratio with an implied denominator.
TARGET_WORDS: Final = re.compile(r"任务|计划|目标|指标")
#: A rate stated on its own: 预算执行率, 完成率.
RATE_LABEL: Final = re.compile(r"执行率|完成率|到位率|支付率|使用率|兑现率|^完成(?:年初|全年|调整)?预算")
#: A rate whose words name its base: 完成年初预算的93.3%, 为预算的95.0%.
NAMED_BASE: Final = re.compile(r"^(?:完成|为)((?:年初|全年|调整)?预算)(?:数)?$")
RATE_DENOMINATOR: Final = re.compile(r"预算|计划|任务|目标|指标|下达|批复")
RATE_NUMERATOR: Final = re.compile(r"执行|实际|完成|决算|支出|使用|到位|支付")
#: A rate of money by its name (资金到位率, 预算执行率, 经费支付率): its figures are amounts, never counts.
MONEY_RATE: Final = re.compile(
    r"(?:资金|資金|经费|經費|预算|預算|拨款|撥款)[^，。；]{0,6}(?:执行|執行|到位|支付|使用)率"
)
#: An indicator's target or value by its label (到位率目标值, 完成率指标值): no ratio of other figures.
INDICATOR_VALUE: Final = re.compile(r"(?:目标|目標|指标|指標)值$|(?:标准|標準)$")
#: A scoring criterion's threshold just before a percent (大于95%的得满分, ≥90%).
CRITERION_BEFORE: Final = re.compile(
    r"(?:大于|大於|高于|高於|低于|低於|小于|小於|不低于|不少于|达到|達到|超过|超過|>=|≥|>|<|≤)\s*$"
)
#: The kinds of budget a label may name (一般公共预算收入), which are no role of the figure.
BUDGET_KINDS: Final = re.compile(
    r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算内|预算外"
)
#: A figure's role in the budget cycle by the words of its label, first match wins.
ROLES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"调整(?:后)?预算|全年预算|变动预算|^调整(?:后|为|到|至)?$"), "adjusted_budget"),
    (re.compile(r"决算"), "final_account"),
    (re.compile(r"执行数|执行额|实际(?:支出|完成|发生|执行)?|完成(?:数|额)?$"), "executed"),
    (re.compile(r"预算|计划数?$"), "budget"),
)
#: A year printed in a comparison (较2024年的, 与2013年执行数相比, 比2014年): not the year of what follows.
COMPARED_YEAR: Final = re.compile(r"(?:较|比|与|同)\s*$")

#: The role of an amount by the end of its label: a budget (预算数) or what was spent (决算数, 执行数).
BUDGET_ROLE: Final = re.compile(r"(?:预算|计划|指标值|目标值)数?$")
ACTUAL_ROLE: Final = re.compile(r"(?:决算|执行|实际|实际完成)数?$")
#: A share of a target printed without 占: 完成年度任务的105%.
TARGET_SHARE: Final = re.compile(r"^完成.*(?:任务|计划|目标)")
#: A printed scale of scores (分值10分, 满分100分): then no 100-point scale is assumed.
SCORE_SCALE: Final = re.compile(r"分值|满分|总分")
#: A count followed by the things it counts: 内设机构4个，分别为办公室、群众文化部...; or a colon
#: alone (共5个单位：院本级、…), the names then running to the sentence's end.
ENUMERATION_AFTER: Final = re.compile(
    r"^[，,]?\s*(?:(?:即|分别为|分别是|包括|为)[：:]?([^。；;，,]{2,300})|[：:]([^。；;，,：:]{2,300})(?=[。；;]|$))"
)
#: A score on the usual 100-point scale.
SCORE_LABEL: Final = re.compile(r"得分|评分|分数|总分|自评")

#: The start of a change: 较上年, 比上年度预算, 同比.
CHANGE: Final = re.compile(
    r"(?:较|比)\s*(?:上年|去年|上一年|上年度|[0-9]{4}\s*年)(?:度)?(?:决算|预算|同期|实际|执行)?(?:数)?|同比"
    r"|与(?:上年|去年|上年度)(?:度)?(?:决算|预算|同期)?(?:数)?相比"
    # 与2013年年初预算相比, 与2013年执行数相比: a base named by its year and role
    r"|与(?:(?:19|20)[0-9]{2}\s*年(?:度)?)?(?:年初|全年|调整)?(?:决算|预算|执行|实际)(?:数)?相比"
    # 与2023年度相比 (a year alone), 相较于上年, 相较2022年度: the year or 上年 it is against
    r"|与(?:19|20)[0-9]{2}\s*年(?:度)?相比"
    # 与2018年一般公共预算“三公”经费总额27389.54万元相比: the base printed inside (the next figure)
    r"|与(?:19|20)[0-9]{2}\s*年(?:度)?(?=[^，,。；;：:0-9]{2,20}[0-9][0-9,.]*\s*[万亿]?元\s*相比)"
    # 与上年的73991万元同口径相比: last year's value printed inside
    r"|与(?:上年|去年|上一年|上年度)(?=的?[^，,。；;：:0-9]{0,20}[0-9][0-9,.]*\s*[万亿]?元\s*(?:同口径)?相比)"
    r"|相较(?:于)?\s*(?:上年|去年|上一年|上年度|(?:19|20)[0-9]{2}\s*年)(?:度)?(?:决算|预算|同期|实际|执行)?(?:数)?"
    # 支出合计53.73亿元，比预算数减少9.43亿元: against this year's budget (after a figure only)
    r"|(?:较|比)(?:年初|全年|调整)?(?:预算|决算|执行|计划)数?"
)
#: A change against a role of this year, not a year (比预算数): only after the figure that changed.
ROLE_BASE: Final = re.compile(r"(?:较|比)(?:年初|全年|调整)?(?:预算|决算|执行|计划)数?")
#: Two years compared: 2018年较2017年, 2023年度比2022年度.
YEAR_VERSUS: Final = re.compile(r"((?:19|20)[0-9]{2})年(?:度)?(?:较|比)((?:19|20)[0-9]{2})年(?:度)?")
#: A year and 的 before a name: 2020年度的“三公”经费支出.
YEAR_PREFIX: Final = re.compile(r"^(?:(?:19|20)[0-9]{2}年(?:度)?)?(?:的)?")
INCREASE: Final = ("增加", "增长", "上升", "提高", "增多", "增")
DECREASE: Final = ("减少", "下降", "降低", "减")
DIRECTION: Final = re.compile(r"增加|增长|上升|提高|增多|减少|下降|降低|增|减")

#: Words at the start of a raw label that are not part of the name.
LEADING: Final = (
    "分别", "其中：", "其中:", "其中", "：", ":", "、", "以及", "和", "及", "共计", "共",
    "我区", "我单位", "本单位", "本部门", "我部门",
    "主要原因是", "主要原因为", "主要原因：", "主要是由于", "主要是", "原因是",
    "加上", "包括",
    # ——结转下年674万元 (an item of a dashed list), （含均衡性转移支付收入166万元、…）
    "——", "—", "含",
)  # fmt: skip
#: Words at the end of a raw label that join it to the number.
TRAILING: Final = (
    "第", "达到", "共计", "为", "是", "达", "了", "的比例", "的比重", "比例", "比重", "的",
)  # fmt: skip

#: A change between two figures named by their labels: 全年预算数较年初预算数增加65.60万元.
CHANGE_NAMED: Final = re.compile(
    r"([^，,。；;：:0-9]{2,12}?)(?:较|比)([^，,。；;：:0-9]{2,12}?)(增加|增长|提高|减少|下降|降低)"
)

#: A target met, stated in words after the target and the actual figure: 超额完成年度目标, 达到年度目标.
TARGET_MET: Final = re.compile(r"(?:超额完成|达到|达成|实现)(?:了)?(?:年度|全年|预期)?(?:绩效)?(?:目标|指标)")
#: The label of a target figure: 年度指标值, 年度目标值, 目标.
TARGET_LABEL: Final = re.compile(r"指标值|目标值|目标|计划|任务")
#: A comparison stated in words, by its operator; longest first (不低于 before 低于).
COMPARE_WORDS: Final = (
    ("未超过", "<="), ("不超过", "<="), ("不高于", "<="), ("不大于", "<="), ("不多于", "<="),
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("高于", ">"), ("大于", ">"), ("多于", ">"), ("超过", ">"),
    ("低于", "<"), ("小于", "<"), ("少于", "<"),
)  # fmt: skip
#: Nouns that name a figure by its role (决算数大于预算数).
ROLE_NOUNS: Final = (
    (re.compile(r"^(?:决算|执行|实际|支出)数$"), "actual"),
    (re.compile(r"^(?:预算|年初预算|计划)数$"), "budget"),
)
#: The scale of a score printed just before it: 分值10分，得分9.62分; 总分100分，自评得分96.62分.
SCORE_POINTS: Final = re.compile(r"分值|满分|总分")
SCORE_GOT: Final = re.compile(r"得分$")
#: A rate named as an average yearly one: 年均增长, 年平均增长, 年均递增, 年均增速, 年均下降.
AVERAGE_RATE: Final = re.compile(r"年(?:平)?均(?:增长|递增|增速|增幅|上升|下降|递减|降幅)(?:率)?(?:为|达)?$")
#: The words saying a figure is per head: 人均, 生均, 户均, 每人平均, 平均每人 (one list for every use).
PER_HEAD_WORDS: Final = r"[人生户]均|每人平均|平均每人"
#: A per-head figure's name (人均400元 after a list is none of its parts; 户均补助 is per household).
PER_HEAD: Final = re.compile(rf"(?:{PER_HEAD_WORDS})[^，,；;。]{{0,6}}$")
#: A figure per unit of area or per so many people (人口密度每平方公里538人, 每万人拥有床位52张): a
#: density, no part of a total counted in the same unit.
PER_AREA: Final = re.compile(
    r"(?:密度|每(?:平方公里|平方千米|平方米|公顷|亩|万人|千人|百人))[^，,；;。]{0,8}$"
)
