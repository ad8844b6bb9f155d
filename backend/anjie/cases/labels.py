"""zh-CN / en labels of the case vocabulary, served by /meta/enums and generated for the web app."""

from anjie.assignments.models import RoleInCase
from anjie.campaigns.models import Phase
from anjie.cases import enums as e
from anjie.core.labels import register
from anjie.plans.models import Measure, PlanStatus

register(
    "petition_form",
    e.PetitionForm,
    {
        "letter": ("来信", "Letter"),
        "visit": ("来访", "Visit"),
        "online": ("网上信访", "Online"),
        "phone": ("电话", "Phone"),
    },
)
register(
    "receiving_organ",
    e.ReceivingOrgan,
    {
        "party_committee": ("党委", "Party committee"),
        "peoples_congress": ("人大", "People's congress"),
        "government": ("政府", "Government"),
        "cppcc": ("政协", "CPPCC"),
        "discipline_commission": ("纪委", "Discipline commission"),
        "political_legal_committee": ("政法委", "Political-legal committee"),
        "ministry_of_justice": ("司法部", "Ministry of Justice"),
        "provincial_justice_department": ("省司法厅", "Provincial justice department"),
        "municipal_justice_bureau": ("市司法局", "Municipal justice bureau"),
    },
)
register(
    "category",
    e.Category,
    {
        "notarisation": ("公证", "Notarisation"),
        "lawyers": ("律师", "Lawyers"),
        "legal_aid": ("法律援助", "Legal aid"),
        "peoples_mediation": ("人民调解", "People's mediation"),
        "community_corrections": ("社区矫正", "Community corrections"),
        "judicial_expertise": ("司法鉴定", "Judicial expertise"),
        "prison_rehabilitation": ("监狱劳教", "Prisons and re-education through labour"),
        "grassroots_legal_services": ("基层法律服务", "Grassroots legal services"),
        "other": ("其他", "Other"),
    },
)
register(
    "risk_level",
    e.RiskLevel,
    {
        "low": ("低", "Low"),
        "medium": ("中", "Medium"),
        "high": ("高", "High"),
    },
)
register(
    "case_status",
    e.CaseStatus,
    {
        "registered": ("已登记", "Registered"),
        "analysed": ("已研判", "Analysed"),
        "plan_approved": ("方案已批准", "Plan approved"),
        "resolving": ("化解中", "Resolving"),
        "resolved": ("已化解（息诉罢访）", "Resolved"),
        "terminated": ("终结退出", "Terminated"),
        "referred": ("移交公安", "Referred to police"),
        "accepted": ("已验收", "Accepted"),
    },
)
register(
    "case_action",
    e.CaseAction,
    {
        "analyse": ("研判", "Analyse"),
        "approve_plan": ("批准方案", "Approve plan"),
        "start_resolving": ("开始化解", "Start resolving"),
        "resolve": ("化解", "Resolve"),
        "terminate": ("终结", "Terminate"),
        "refer": ("移交", "Refer"),
        "accept": ("验收", "Accept"),
        "reopen": ("重新启动", "Reopen"),
    },
)
register(
    "outcome_kind",
    e.OutcomeKind,
    {
        "claim_resolved": ("诉求合理，解决到位", "Reasonable claim resolved"),
        "educated": ("要求过高，教育到位", "Excessive claim, educated"),
        "corrected": ("存在瑕疵，纠正到位", "Error corrected"),
        "relieved": ("生活困难，救助到位", "Hardship relieved"),
        "handled_by_law": ("违法缠访，依法处理", "Unlawful petitioning handled by law"),
        "terminated": ("依法终结", "Terminated by law"),
    },
)
register(
    "procedure_stage",
    e.ProcedureStage,
    {
        "initial": ("初次办理", "Initial handling"),
        "review": ("复查", "Review"),
        "re_review": ("复核", "Re-review"),
    },
)
register(
    "legal_channel",
    e.LegalChannel,
    {
        "litigation": ("已进入诉讼", "Court litigation"),
        "administrative_reconsideration": ("行政复议", "Administrative reconsideration"),
        "arbitration": ("仲裁", "Arbitration"),
        "review_opinion": ("复查复核意见书", "Review / re-review opinion"),
    },
)
register(
    "three_cross_flag",
    e.ThreeCrossFlag,
    {
        "cross_region": ("跨地区", "Cross-region"),
        "cross_department": ("跨部门", "Cross-department"),
        "cross_sector": ("跨行业", "Cross-sector"),
        "person_household_separated": ("人户分离", "Person and household separated"),
        "person_matter_separated": ("人事分离", "Person and matter separated"),
        "person_matter_property_separated": ("人事物分离", "Person, matter and property separated"),
    },
)
register(
    "escalation_level",
    e.EscalationLevel,
    {
        "province": ("赴省", "To the province"),
        "beijing": ("进京", "To Beijing"),
    },
)
register(
    "role_in_case",
    RoleInCase,
    {
        "responsible_leader": ("包案领导", "Responsible leader"),
        "responsible_department": ("责任部门", "Responsible department"),
        "responsible_person": ("责任人（直接责任人）", "Responsible person"),
        "team_member": ("工作专班成员", "Team member"),
        "first_responsible": ("第一责任人", "First responsible person"),
        "main_responsible": ("主要责任人", "Main responsible person"),
    },
)
register(
    "measure",
    Measure,
    {
        "peoples_mediation": ("人民调解", "People's mediation"),
        "grand_mediation": ("大调解", "Grand mediation"),
        "public_hearing": ("公开听证", "Public hearing"),
        "lawyer_participation": ("律师参与", "Lawyer participation"),
        "expert_consultation": ("专家会诊", "Expert consultation"),
        "relief": ("帮扶救助", "Assistance and relief"),
        "counselling": ("疏导教育", "Counselling and education"),
        "correction": ("纠错", "Correction"),
        "legal_handling": ("依法处理", "Handled by law"),
    },
)
register(
    "plan_status",
    PlanStatus,
    {
        "draft": ("草稿", "Draft"),
        "submitted": ("已提交", "Submitted"),
        "approved": ("已批准", "Approved"),
        "returned": ("已退回", "Returned"),
    },
)
register(
    "campaign_phase",
    Phase,
    {
        "mobilisation": ("动员部署", "Mobilisation"),
        "census": ("排查摸底", "Census"),
        "concentrated_resolution": ("集中化解", "Concentrated resolution"),
        "summary_acceptance": ("总结验收", "Summary and acceptance"),
    },
)
