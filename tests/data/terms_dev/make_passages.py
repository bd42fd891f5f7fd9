"""Record the passages of the development set of terms (issue #20) with their annotated formulations.

Run: ``python tests/data/terms_dev/make_passages.py ../shared/corpus tests/data/terms_dev/passages.json``.
Each passage starts after a line break at or after an approximate offset and ends at the first line break
after ``length`` characters (offsets index the file decoded as UTF-8, newlines kept). The term lists were
written by reading each passage whole (see README.md for the scheme); every term must occur in its passage,
or this script stops. Every third passage in this order is held out (``split: heldout``).
Non-state documents (party-building news) are stored as offsets, hash and terms, never as text.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

# (path, approximate start, length, genre, scope, terms)
PASSAGES: list[tuple[str, int, int, str, str, str]] = [
    (
        "local_gov_work_reports_2026/2026_beijing_gov_work_report.txt",
        6000,
        1600,
        "provincial_gwr",
        "local",
        """北京蓝 细颗粒物 百万亩造林绿化工程 国家森林城市 花园城市 生物多样性魅力城市 经营主体 城乡区域协调发展
        接诉即办 城市治理 一老一小 人均预期寿命 十五五 社会主义现代化 四个中心 四个服务 京津冀协同发展 科技创新
        改革开放 首都发展 战略定力 国民经济和社会发展第十五个五年规划 城市总体规划 首都意识 首善标准 党和国家工作大局
        美好生活需要 目标导向 问题导向 短板弱项 首都功能 高质量发展 全面深化改革 美丽北京 综合经济实力 地区生产总值
        全员劳动生产率 研发投入 城市副中心 平原新城 服务贸易 城镇调查失业率 政治中心 全国文化中心 国际交往中心
        国际科技创新中心 中国式现代化 新质生产力 扩大内需 新发展格局 城乡融合 绣花功夫 超大城市治理 绿色转型""",
    ),
    (
        "gov_work_reports_national/gwr_2025.txt",
        9000,
        1400,
        "national_gwr",
        "national",
        """人才队伍 人才高地 人才平台 国家战略人才力量 拔尖创新人才 急需紧缺人才 高技能人才 青年科技人才 工匠精神
        产业技术工人队伍 外籍人才 用人单位 产学研 人才分类评价改革 人才评价体系 经济体制改革 体制机制 经营主体
        两个毫不动摇 国有企业改革深化提升行动 国有企业 民营经济 民营企业 民营企业家 中国特色现代企业制度 拖欠企业账款
        源头治理 失信惩戒 长效机制 个体工商户 规范涉企执法专项行动 乱收费 乱罚款 乱检查 乱查封 异地执法 趋利性执法
        全国统一大市场 地方保护 市场分割 市场准入 要素配置 经济循环 卡点堵点 内卷式 市场准入负面清单 新业态
        公平竞争 招标投标 社会信用体系 信用修复 降低全社会物流成本专项行动 零基预算改革 零基预算 绩效评价 消费税
        税收优惠 激励机制 财政供养人员 科技金融 绿色金融 普惠金融 养老金融 数字金融 资本市场 中长期资金 稳市机制
        并购重组 多层次债券市场 高水平对外开放 稳外贸 稳外资 制度型开放 自主开放 单边开放 对外贸易 出口信用保险
        跨境电商 海外仓 境外经贸合作区 中间品贸易 内外贸一体化 服务贸易 绿色贸易 数字贸易 新型离岸贸易 边境贸易
        进博会 广交会 服贸会 数贸会 消博会 智慧海关 通关便利化""",
    ),
    (
        "local_gov_work_reports_2026/2026_jiangsu_gov_work_report.txt",
        8000,
        1900,
        "provincial_gwr",
        "local",
        """两新 提振消费专项行动 苏新消费 苏品苏货 特色消费 首发首店 新场景 新业态 新模式 夜间消费 即时零售 直播电商
        服务消费提质惠民行动 苏超 文旅体商融合 有效投资 两重 招大引强 培优育强 民间投资 长效机制 现代服务业
        新型基础设施 新赛道 超长期特别国债 地方政府专项债券 新型政策性金融工具 投融资体制改革 存量资产 五新
        江苏优品行全球 亚太经合组织 跨境电商 海外仓 市采通 供应链 产业链 中间品贸易 高新技术产品 绿色低碳
        内外贸一体化 服务贸易 出口信保 增值税 零税率 生物医药 数字贸易 科技创新 产业创新 创新生态 产业科技创新中心
        基础研究 科技攻关 苏州实验室 紫金山实验室 重点实验室 基础科学中心 科技重大专项 前沿技术 未来技术
        关键核心技术 科技成果转化 紫金山创新带 吴淞江科创带 全国高校区域技术转移转化中心 高新区 双高协同
        概念验证中心 孵化器 中试平台 三首两新 现代高科技服务业倍增行动 技术经理人 产业技术研究院
        长三角国家技术创新中心 知识产权保护 创新主体 龙头企业 创新联合体 规上工业企业 研发机构 产业体系 科技型企业
        筑峰强链 科技金融 全生命周期 人工智能 算力中心 智算 超算 大模型 高质量数据集 开源社区 智能体 人工智能终端
        国家人工智能创新应用先导区 中国科学院 智能经济 教育科技人才 双一流 引培留用 人才队伍 创新创业""",
    ),
    (
        "local_gov_work_reports_2026/2026_anhui_gov_work_report.txt",
        12000,
        1500,
        "provincial_gwr",
        "local",
        """提振消费专项行动 新业态 新模式 新场景 便民生活圈 首店 服务消费提质惠民行动 银发经济 演艺经济 赛事经济
        新型消费 消费品以旧换新 徽动消费 消费券 数据券 算力券 数字消费 带薪错峰休假 春秋假 放心消费在安徽
        有效投资上台阶行动 重大项目 重点项目 投资于物 投资于人 人力资源 政府投资 两重 专项债券 自审自发 存量资产
        有效投资 民营企业 长效机制 民间资本 现代化基础设施体系 新型基础设施 电动汽车 充电设施 水运安徽 平急两用
        公共基础设施 战略科技力量 长三角 国际科技创新中心 合肥滨湖科学城 创新平台 科研机构 科产城人 国家实验室
        综合性国家科学中心 合肥先进光源 量子计算 紧凑型聚变能实验装置 深空探测实验室 人工智能 生命科学 原始创新
        关键核心技术 科技创新攻坚计划 颠覆性技术 基础研究 青年科技人才 国家大学科技园 科创平台 产业创新研究院
        科技创新 产业创新 江淮科创沙龙 科技领军企业 创新联合体 科技型中小企业 合肥科创金融改革试验区 共同成长计划
        贷投批量联动 科技贷款 概念验证 孵化器 技术经理人 安徽科技大市场 科交会 双创汇 政产学研金服用 教育科技人才
        双一流 高峰学科 主导产业 新兴产业 新工科 安徽高等研究院 人才培养 现代产业学院 人才兴皖工程
        国家吸引和集聚人才平台 万名博士后聚江淮 科技领军人才 高技能人才 创新生态""",
    ),
    (
        "cpc_congress_reports/cpc_congress_20.txt",
        30000,
        1400,
        "cpc_congress_report",
        "national",
        """自我革命 制度治党 依规治党 党章 民主集中制 党内法规制度体系 党内法规 监督体系 权力监督制约机制 党内监督
        政治监督 一把手 领导班子 政治巡视 巡视整改 全面从严治党 政治责任 民族复兴 干部队伍 全面建设社会主义现代化国家
        党管干部 德才兼备 以德为先 五湖四海 任人唯贤 新时代好干部标准 选人用人 高素质专业化干部 政治标准 政治素质
        斗争精神 斗争本领 高质量发展 担当作为 干部考核评价体系 政绩观 能上能下 能进能出 年轻干部 女干部
        少数民族干部 党外干部 离退休干部 公务员 机构编制 三个区分开来 基层干部 政治功能 组织功能 组织体系 党组织
        党的路线方针政策 党中央 决策部署 大抓基层 乡村振兴 党建引领基层治理 软弱涣散基层党组织 基层党组织 战斗堡垒
        党的领导 机关党建 事业单位 国有企业 公司治理 混合所有制企业 非公有制企业 行业协会 新经济组织 新社会组织
        新就业群体 党的建设 产业工人 流动党员 党内民主 先锋模范作用 不合格党员 党员队伍 正风肃纪 党风 执政党
        优良作风 党员干部 领导干部 调查研究 中央八项规定精神 关键少数 四风 形式主义 官僚主义 特权思想 特权行为
        作风建设 纪律建设 高级干部 党纪 党性 拒腐防变 浩然正气""",
    ),
    (
        "party_building_articles/pb_20.txt",
        0,
        1700,
        "party_building_news",
        "local",
        """党员责任田 基层党组织 党建引领 新动能 学生社区 思想引领 学风建设 基层党支部 战斗堡垒 先锋模范作用
        网格化服务 功能型党小组 学生党员 本科生党支部 党组织 入党积极分子 知行合一 选调生
        学生党建工作中心 党性 新时代""",
    ),
    (
        "local_gov_work_reports_2026/2026_hunan_gov_work_report.txt",
        10000,
        1500,
        "provincial_gwr",
        "local",
        """习近平新时代中国特色社会主义思想 党的二十大 中央经济工作会议 习近平总书记 稳中求进工作总基调 新发展理念
        新发展格局 三高四新 高质量发展 扩大内需 新质生产力 统筹发展和安全 稳就业 稳企业 稳市场 稳预期 质的有效提升
        量的合理增长 十五五 地区生产总值 一般公共预算收入 规模工业增加值 固定资产投资 社会消费品零售总额 进出口总额
        城镇新增就业 居民消费价格 节能减排 碳排放强度 稳增长 提振消费专项行动 两新 消费券 大宗消费
        现代服务消费提质行动 新业态 新场景 文体旅商融合 首发经济 银发经济 夜间经济 数字消费 绿色消费 区域消费中心
        一刻钟便民生活圈 县域商业建设行动 有效投资 超长期特别国债 中央预算内投资 新型政策性金融工具 专项债券 自审自发
        硬投资 软建设 重点项目 源网荷储 四网融合 十大基础设施项目 重大水利工程 政府投资 民营企业 民间投资 现代服务业
        全国统一大市场 市场准入负面清单制度 信用体系 信用信息 融资增信 失信联合惩戒 流通体系 长株潭
        国家现代流通战略支点城市 全社会物流成本 经营主体 个转企 企升规 规改股 股上市 龙头企业 兼并重组
        规模以上工业企业 专精特新企业 单项冠军企业 批零住餐 强大国内市场 现代化产业体系
        实体经济 先进制造业高地 招商引资""",
    ),
    (
        "central_documents/zhongyang_yihao_2018_xiangcun_zhenxing.txt",
        9000,
        1400,
        "central_document",
        "national",
        """基础设施 农村公路 广播电视 互联互通 四好农村路 通村组硬化路 成品油消费税 转移支付 节水供水重大水利工程
        农村饮水安全巩固提升工程 农村电网 可再生能源 数字乡村战略 宽带网络 第四代移动通信网络 三农 远程医疗 远程教育
        数字鸿沟 气象为农服务 防灾减灾救灾 公共基础设施 农村社会保障体系 城乡居民基本医疗保险制度 大病保险制度
        重特大疾病救助 城乡居民医保 异地就医 城乡居民基本养老保险制度 城乡居民基本养老保险 基础养老金 正常调整机制
        社会救助体系 最低生活保障制度 最低生活保障 社会救助 农业转移人口 城镇住房保障体系 留守儿童 困境儿童 关爱服务体系
        健康乡村 公共卫生服务 慢性病综合防控 精神卫生 职业病 重大传染病 基本公共卫生服务项目 基层医疗卫生服务体系
        乡镇卫生院 村卫生室 中医药 家庭医生签约服务 重点人群 优生优育 爱国卫生运动 农村人居环境
        农村人居环境整治三年行动计划 村容村貌 厕所革命 卫生厕所 粪污治理 农村环境综合整治 煤改气 煤改电 新能源
        低收入群体 空心村 乡村风貌 乡村绿化行动 古树名木 宜居宜业 美丽乡村 精准脱贫攻坚战 精准脱贫 攻坚战 获得感
        乡村振兴 精准扶贫 全面建成小康社会 贫困人口 精准帮扶 稳定脱贫 易地扶贫搬迁 保障性扶贫""",
    ),
    (
        "local_gov_work_reports_2026/2026_qinghai_gov_work_report.txt",
        8000,
        1500,
        "provincial_gwr",
        "local",
        """青藏高原生态保护法 国家公园法 三江源 中华水塔 自然保护地 三北 生态系统 因地制宜 生态产品价值实现
        新型能源体系 碳达峰 绿色生产生活方式 美丽青海 高质量发展 传统产业 新兴产业 未来产业 合理区间 全要素生产率
        全国统一大市场 科技创新 产业创新 教育科技人才 四地 算电协同 新质生产力 新动能 现代化产业体系 有效市场
        有为政府 治理体系和治理能力现代化 要素市场化配置 体制机制 市场化法治化国际化一流营商环境 营商环境 对口援青
        东西部协作 一核三区 两轴一带 人民城市 城乡融合发展 城镇化率 脱贫攻坚成果 乡村全面振兴 农牧区
        高质量充分就业 收入分配 社会保障体系 平均受教育年限 人均预期寿命 基本公共服务均等化 铸牢中华民族共同体意识
        共同富裕 总体国家安全观 稳疆固藏 政治安全 生态安全 国土安全 重点领域风险 防灾减灾 应急处置 社会治理
        公共安全治理 平安青海 经济实力 科技实力 人均地区生产总值 中等收入群体 社会主义现代化 十五五 中国式现代化
        习近平新时代中国特色社会主义思想 党的二十大 二十届四中全会 中央经济工作会议 习近平总书记 省委经济工作会议
        新发展理念 新发展格局 稳中求进工作总基调 统筹发展和安全 生态文明高地 扩大内需 稳就业 稳企业 稳市场 稳预期
        质的有效提升 量的合理增长""",
    ),
    (
        "policy_docs_shandong/shandong_016.txt",
        2000,
        1500,
        "provincial_policy_document",
        "local",
        """人工智能 人工智能教育 教育资源 人工智能教师队伍建设工程 学生人工智能素养培育工程 人工智能技能人才培养工程
        人工智能教育示范引领工程 教师队伍 人工智能素养 技能人才 专任教师 高层次人才 名师工作室 三高 教研员 三位一体
        职称评审 学业水平考试 学业水平测试 信息技术 通用技术 实验班 强基计划 职业院校 领军企业 现代学徒制
        人才培养体系 产教融合 产教融合型企业 产教融合联盟 创新创业大赛 职业技能竞赛 实习实训基地 人工智能教育示范区
        工业互联网""",
    ),
    (
        "policy_docs_central/central_047.txt",
        3000,
        1300,
        "central_policy_document",
        "national",
        """人工智能 场景开放 场景清单 领军企业 行业协会 经济社会发展 科技创新 新闻发布会 场景机会清单 场景创新 获得感
        揭榜挂帅 京津冀 长三角 粤港澳大湾区 城市群 中心城市 算力平台 共性技术平台 创新券 数据底座 区块链 隐私计算
        数据安全 应用场景 个人信息 商业秘密 人才培养 普通高校 职业院校 中小企业 金融机构 科技企业 供应链 孵化器""",
    ),
    (
        "gov_work_reports_national/gwr_2024.txt",
        12000,
        1300,
        "national_gwr",
        "national",
        """脱贫攻坚成果 防止返贫监测 规模性返贫 脱贫地区 特色优势产业 防止返贫就业攻坚行动 易地搬迁后续帮扶 东西部协作
        定点帮扶 国家乡村振兴重点帮扶县 农村低收入人口 欠发达地区 农村改革 农村土地制度改革 第二轮土地承包 集体产权
        集体林权 农垦 供销社 新型农村集体经济 农民增收 乡村富民产业 新型农业经营主体 社会化服务 乡村人才 乡村文化
        移风易俗 乡村建设行动 水电路气信 公共服务 充电桩 冷链物流 寄递配送 农村人居环境 宜居宜业和美乡村 城乡融合
        区域协调发展战略 区域协调发展 区域重大战略 主体功能区战略 新型城镇化 乡村全面振兴 新型城镇化战略行动
        城乡融合发展 农业转移人口市民化 户籍制度改革 人地钱 常住人口 基本公共服务 县域经济 城市群 都市圈 大中小城市
        成渝地区双城经济圈 城市更新行动 平急两用 公共基础设施 城中村改造 地下管网 老旧小区 无障碍环境 适老化
        以人为本 精细化管理 比较优势 主体功能定位 新发展格局 西部大开发 东北全面振兴 中部地区加快崛起 产业转移
        京津冀 长三角 粤港澳大湾区 动力源 雄安新区 长江经济带 黄河流域生态保护和高质量发展 高质量发展 革命老区
        民族地区 边疆地区 兴边富民行动 重大生产力布局 国家战略腹地 海洋经济 海洋强国 生态文明建设 绿色低碳发展
        绿水青山就是金山银山 降碳 减污 扩绿 人与自然和谐共生 美丽中国 空气质量持续改善行动计划 水资源 水环境 水生态
        土壤污染 固体废物 新污染物 塑料污染 山水林田湖草沙 生态环境分区管控 三北 国家公园 自然保护地 长江十年禁渔
        生物多样性保护重大工程 生态产品价值实现机制 生态保护补偿制度 生态环境""",
    ),
    (
        "party_building_articles/pb_13.txt",
        0,
        1700,
        "party_building_news",
        "local",
        """红色基因 离退休干部局 党支部 党员干部 中国传媒大学 传媒博物馆 守正创新 新时代 党组 使命担当 离退休干部
        党委办公室""",
    ),
]

STATE_FOLDERS_NOT = {"party_building_articles", "xi_speeches_2013_2016", "xi_speeches_2020_jhsjk"}


def cut(text: str, approx_start: int, length: int) -> tuple[int, int]:
    """Offsets of a passage: from the line start at or after *approx_start* to a line end after *length*."""
    start = 0 if approx_start == 0 else text.index("\n", approx_start) + 1
    end = text.find("\n", start + length)
    return start, (len(text) if end < 0 else end)


def main(corpus: Path, out: Path) -> None:
    manifest = {}
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            manifest[d["path"]] = d
    records = []
    for i, (rel, approx, length, genre, scope, terms_text) in enumerate(PASSAGES):
        text = (corpus / rel).read_bytes().decode("utf-8")
        start, end = cut(text, approx, length)
        passage = text[start:end]
        terms = terms_text.split()
        dup = sorted({t for t in terms if terms.count(t) > 1})
        if dup:
            raise SystemExit(f"{rel}: terms listed twice: {dup}")
        missing = [t for t in terms if t not in passage]
        if missing:
            raise SystemExit(f"{rel}: terms not in the passage: {missing}")
        meta = manifest[rel]
        state = meta.get("state_document", rel.split("/")[0] not in STATE_FOLDERS_NOT)
        rec = {
            "path": rel,
            "start": start,
            "end": end,
            "sha1": hashlib.sha1(passage.encode("utf-8")).hexdigest(),
            "genre": genre,
            "scope": scope,
            "year": meta.get("year"),
            "state_document": bool(state),
            "split": "heldout" if i % 3 == 2 else "tune",
            "terms": terms,
        }
        if state:
            rec["text"] = passage
        records.append(rec)
    out.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    chars = sum(r["end"] - r["start"] for r in records)
    local = sum(r["scope"] == "local" for r in records)
    n_terms = sum(len(r["terms"]) for r in records)
    print(f"{len(records)} passages ({local} local), {chars} characters, {n_terms} term types -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
