"""Reports reposted in traditional characters, read with the simplified reader's words.

Some pages repost a report machine-converted to traditional characters (支出預算減少…萬元，
佔撥款預算…). The reader's words are simplified, so the text is read through a
character-for-character map of the traditional forms common in budget reports; the map
keeps every offset, so a figure's place, and the sentence an error quotes, are the
report's own characters.

>>> simplified("三公經費預算減少33.33萬元，佔撥款預算1.39%")
'三公经费预算减少33.33万元，占拨款预算1.39%'
>>> len(simplified("財政撥款")) == len("財政撥款")
True

Some mirror sites also print each converted character's pinyin after it (``增長(zhǎng)``,
``預(yù)算數(shù)``). Those annotations are no part of the report: :func:`unannotated` takes
them out, and says where each remaining character was printed.

>>> plain, origin = unannotated("預(yù)算數(shù)49.9萬元")
>>> plain
'預算數49.9萬元'
>>> origin[3], len(origin) == len(plain) + 1
(12, True)
"""

from __future__ import annotations

import re
from typing import Final

# traditional, then simplified, one character each, as pairs of lines of equal length
_TRADITIONAL: Final = (
    "萬億與專業東兩嚴個豐臨為麼義樂習鄉書買亂爭於虧雲亞產畝親億僅從倉儀們價眾優會傳傷倫偽體餘佔"
    "係兒黨內關興養兼冊寫軍農決況凍減湊幾憑擊鑿劃則剛創刪別劑劍勁動務勝勞勢勵區醫華協單賣"
    "衛廠廳歷壓厲參雙發變敘臺葉號嘆嗎園圍國圖圓聖場壞塊堅壇墊牆壯聲處備復夠頭夾奪獎婦嬰學寧"
    "寶實審憲宮寬賓對導壽將層屆屬屢嶺島幣帥師帳帶幫幹廣庫應廢開異棄張彈強歸錄徑後徵從德憶態"
    "懷戰戶撲執擴掃揚擾撫拋搶護報擔擬擁擇擠據攜攝撥擴數斷無舊時曉暫書會來東條極構槍標樣機權"
    "歐歲歷歸殘殺氣漢湯溝沒滅淺濟渾溫灣準滿濾濫灑災爐煙熱燈營爺爭牽狀獨獲瑪環現璽產畫當療發"
    "盡監盤盧眾睜礦碼確碩禮禍離種稱積穩窮竊競筆節範築簡糧級紀約紅納紙紛終組細織經結給絡統絕"
    "絲綜綠維網線練總績繁繳續纖缺罰羅義習聯聽職臉與舉艱藝節莊蘇藥葉蔣薦蘭處虛號蟲術衛衝補製"
    "複規視覽覺親觀計訂討訓記許論設訪證評診識詞試詩話該詳誠誤說請諸課調談謝謀講證議護讀變讓"
    "貝負財貢貧貨販責貴貸費貿資賓賞賠賢質賬購賽贊贈趕趨跡踐車軌轉輪軟輕載輔輛輸轄辦辭農這連進"
    "運過達違遠適選遺遼邊郵鄉醫釋針鐘錢鐵銀銷鋼錄錯鍵長門閉問間閱闊關陽陰陳陸際陣隊階隨險隱"
    "雖雙雜難電靈靜響項順預領頻題額顯類飛飯館馬驗驟體髮鬥魚鳥麥黃齊齒龍龜"
    "較縣鎮縮債還償檢測彙匯貼儲彌佈團員籌淨礎漁僑檔稅並頁錶採贍卹點"
)
_SIMPLIFIED: Final = (
    "万亿与专业东两严个丰临为么义乐习乡书买乱争于亏云亚产亩亲亿仅从仓仪们价众优会传伤伦伪体余占"
    "系儿党内关兴养兼册写军农决况冻减凑几凭击凿划则刚创删别剂剑劲动务胜劳势励区医华协单卖"
    "卫厂厅历压厉参双发变叙台叶号叹吗园围国图圆圣场坏块坚坛垫墙壮声处备复够头夹夺奖妇婴学宁"
    "宝实审宪宫宽宾对导寿将层届属屡岭岛币帅师帐带帮干广库应废开异弃张弹强归录径后征从德忆态"
    "怀战户扑执扩扫扬扰抚抛抢护报担拟拥择挤据携摄拨扩数断无旧时晓暂书会来东条极构枪标样机权"
    "欧岁历归残杀气汉汤沟没灭浅济浑温湾准满滤滥洒灾炉烟热灯营爷争牵状独获玛环现玺产画当疗发"
    "尽监盘卢众睁矿码确硕礼祸离种称积稳穷窃竞笔节范筑简粮级纪约红纳纸纷终组细织经结给络统绝"
    "丝综绿维网线练总绩繁缴续纤缺罚罗义习联听职脸与举艰艺节庄苏药叶蒋荐兰处虚号虫术卫冲补制"
    "复规视览觉亲观计订讨训记许论设访证评诊识词试诗话该详诚误说请诸课调谈谢谋讲证议护读变让"
    "贝负财贡贫货贩责贵贷费贸资宾赏赔贤质账购赛赞赠赶趋迹践车轨转轮软轻载辅辆输辖办辞农这连进"
    "运过达违远适选遗辽边邮乡医释针钟钱铁银销钢录错键长门闭问间阅阔关阳阴陈陆际阵队阶随险隐"
    "虽双杂难电灵静响项顺预领频题额显类飞饭馆马验骤体发斗鱼鸟麦黄齐齿龙龟"
    "较县镇缩债还偿检测汇汇贴储弥布团员筹净础渔侨档税并页表采赡恤点"
)
_MAP: Final = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def simplified(text: str) -> str:
    """``text`` with the traditional characters of budget reports in their simplified forms, offsets kept."""
    return text.translate(_MAP)


#: A pinyin annotation after a character (``經(jīng)``): latin letters with a tone mark, in brackets.
_ANNOTATION: Final = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def unannotated(text: str) -> tuple[str, list[int] | None]:
    """``text`` without the pinyin annotations printed after its characters (``數(shù)`` is ``數``).

    Returns the text without them and, for each of its offsets (and its end), the offset
    in ``text`` it was printed at; None when there was nothing to take out.
    """
    spans = [m.span() for m in _ANNOTATION.finditer(text)]
    if not spans:
        return text, None
    kept: list[str] = []
    origin: list[int] = []
    at = 0
    for start, end in [*spans, (len(text), len(text))]:
        kept.append(text[at:start])
        origin.extend(range(at, start))
        at = end
    origin.append(len(text))
    return "".join(kept), origin
