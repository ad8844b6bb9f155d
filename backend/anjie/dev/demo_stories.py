"""The demo bureau's backlog: kinds of cases as its census ledger would describe them."""

from __future__ import annotations

from dataclasses import dataclass

from anjie.cases.enums import CaseStatus


@dataclass(frozen=True)
class Story:
    """One kind of backlogged case, as the bureau's ledger would describe it."""

    category: str
    organ: str
    matter: str
    demands: str
    cause: str
    crux: str
    measures: tuple[str, ...]


STORIES = (
    Story(
        "notarisation",
        "清溪县公证处",
        "房屋继承权公证",
        "要求撤销（2006）清证字第112号继承权公证书，重新分割父亲遗留房屋",
        "公证时未通知其他法定继承人到场，当事人认为公证程序违法",
        "继承人之间对遗产分配长期积怨，公证只是导火索",
        ("peoples_mediation", "expert_consultation", "counselling"),
    ),
    Story(
        "lawyers",
        "清溪县某律师事务所",
        "代理合同纠纷",
        "要求律师事务所退还代理费8000元，并处理承办律师",
        "承办律师未按约出庭，案件败诉后当事人认为律师失职",
        "代理费退还数额双方分歧大，当事人对律师行业存在抵触",
        ("lawyer_participation", "peoples_mediation", "counselling"),
    ),
    Story(
        "legal_aid",
        "清溪县法律援助中心",
        "不予法律援助决定",
        "要求撤销不予法律援助决定，为其工伤赔偿案件指派律师",
        "经济困难证明材料不全，中心按规定作出不予援助决定",
        "当事人确属困难群体，但工伤认定已超过时效",
        ("relief", "lawyer_participation", "counselling"),
    ),
    Story(
        "peoples_mediation",
        "青山乡人民调解委员会",
        "宅基地纠纷调解协议",
        "要求确认宅基地调解协议无效，恢复原宅基地界址",
        "调解协议签订时未实地测量，界址描述不清",
        "相邻两户积怨多年，协议履行中又发生新的冲突",
        ("grand_mediation", "public_hearing", "peoples_mediation"),
    ),
    Story(
        "community_corrections",
        "城关司法所",
        "社区矫正警告处分",
        "要求撤销社区矫正期间的警告处分，赔偿名誉损失",
        "矫正对象未按规定请假外出，司法所依规给予警告",
        "当事人认为处分影响其子女入伍政审",
        ("counselling", "legal_handling"),
    ),
    Story(
        "judicial_expertise",
        "清溪县某司法鉴定所",
        "伤残等级鉴定意见",
        "要求撤销伤残等级鉴定意见，重新鉴定并赔偿损失",
        "鉴定人员资质及鉴定程序存在瑕疵",
        "鉴定结论直接决定交通事故赔偿数额，利益关系重大",
        ("expert_consultation", "correction", "public_hearing"),
    ),
    Story(
        "prison_rehabilitation",
        "川南监狱",
        "减刑材料报送",
        "要求查明其子在押期间减刑材料未报送原因并重新报送",
        "监区对考核分数计算存在差错",
        "家属对监狱管理不信任，多次越级上访",
        ("correction", "counselling", "expert_consultation"),
    ),
    Story(
        "grassroots_legal_services",
        "河坝法律服务所",
        "土地承包纠纷代理",
        "要求法律服务所赔偿代理失误造成的经济损失3万元",
        "法律服务工作者超越代理权限与对方达成和解",
        "损失数额难以认定，当事人生活困难",
        ("peoples_mediation", "relief", "lawyer_participation"),
    ),
    Story(
        "other",
        "清溪县司法局",
        "信访事项处理意见",
        "要求重新调查其反映的基层法律服务所乱收费问题",
        "原处理意见认定事实不清，答复过于简单",
        "当事人对原办理人员有成见，要求更换承办人",
        ("correction", "counselling"),
    ),
)

NAMES = (
    "王德明",
    "李秀英",
    "张国华",
    "刘桂兰",
    "陈建国",
    "杨玉兰",
    "黄志强",
    "赵淑珍",
    "吴光荣",
    "周春花",
    "徐永刚",
    "孙金凤",
    "马俊文",
    "朱红梅",
    "胡海燕",
    "郭明华",
    "何建华",
    "高德兰",
    "林志明",
    "罗秀珍",
    "郑国强",
    "梁春兰",
    "谢永福",
    "宋玉芬",
    "唐德胜",
    "许桂芳",
    "韩立新",
    "冯淑华",
    "邓建平",
    "曹玉珍",
    "彭德才",
    "曾秀兰",
    "肖国庆",
    "田玉梅",
    "董光明",
    "袁秀芳",
    "潘建军",
    "蒋桂英",
    "蔡永明",
    "余淑英",
)
PLACES = ("城关镇", "青山乡", "河坝镇", "石桥乡", "白马镇", "龙泉乡")
ORGANS = (
    "political_legal_committee",
    "municipal_justice_bureau",
    "government",
    "party_committee",
    "provincial_justice_department",
    "peoples_congress",
    "discipline_commission",
    "cppcc",
    "ministry_of_justice",
)
FORMS = ("visit", "letter", "visit", "online", "phone")
FLAG_SETS: tuple[tuple[str, ...], ...] = (
    (),
    (),
    ("cross_region",),
    (),
    ("person_household_separated",),
    (),
    ("cross_department", "person_matter_separated"),
    (),
    ("cross_sector",),
    (),
    ("person_matter_property_separated",),
)
# How far each demo case has come: every status the ledger knows, weighted as a bureau's
# backlog looks half-way through the concentrated-resolution phase.
STATUSES = (
    (CaseStatus.registered, 5),
    (CaseStatus.analysed, 5),
    (CaseStatus.plan_approved, 5),
    (CaseStatus.resolving, 10),
    (CaseStatus.resolved, 6),
    (CaseStatus.terminated, 3),
    (CaseStatus.referred, 2),
    (CaseStatus.accepted, 4),
)
