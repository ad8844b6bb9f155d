"""Case vocabulary: identifiers here, labels in labels.py."""

from __future__ import annotations

from enum import StrEnum


class PetitionForm(StrEnum):
    letter = "letter"
    visit = "visit"
    online = "online"
    phone = "phone"


class ReceivingOrgan(StrEnum):
    party_committee = "party_committee"
    peoples_congress = "peoples_congress"
    government = "government"
    cppcc = "cppcc"
    discipline_commission = "discipline_commission"
    political_legal_committee = "political_legal_committee"
    ministry_of_justice = "ministry_of_justice"
    provincial_justice_department = "provincial_justice_department"
    municipal_justice_bureau = "municipal_justice_bureau"


class Category(StrEnum):
    notarisation = "notarisation"
    lawyers = "lawyers"
    legal_aid = "legal_aid"
    peoples_mediation = "peoples_mediation"
    community_corrections = "community_corrections"
    judicial_expertise = "judicial_expertise"
    prison_rehabilitation = "prison_rehabilitation"
    grassroots_legal_services = "grassroots_legal_services"
    other = "other"


class RiskLevel(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class CaseStatus(StrEnum):
    registered = "registered"
    analysed = "analysed"
    plan_approved = "plan_approved"
    resolving = "resolving"
    resolved = "resolved"
    terminated = "terminated"
    referred = "referred"
    accepted = "accepted"


# Closed cases: nothing is planned or booked on them until they are reopened.
CLOSED_STATUSES = frozenset(
    {CaseStatus.resolved, CaseStatus.terminated, CaseStatus.referred, CaseStatus.accepted}
)


class CaseAction(StrEnum):
    analyse = "analyse"
    approve_plan = "approve_plan"
    start_resolving = "start_resolving"
    resolve = "resolve"
    terminate = "terminate"
    refer = "refer"
    accept = "accept"
    reopen = "reopen"


class OutcomeKind(StrEnum):
    claim_resolved = "claim_resolved"
    educated = "educated"
    corrected = "corrected"
    relieved = "relieved"
    handled_by_law = "handled_by_law"
    terminated = "terminated"


class ProcedureStage(StrEnum):
    initial = "initial"
    review = "review"
    re_review = "re_review"


class LegalChannel(StrEnum):
    """Legal channels the matter entered (often forgotten on the census ledger)."""

    litigation = "litigation"
    administrative_reconsideration = "administrative_reconsideration"
    arbitration = "arbitration"
    review_opinion = "review_opinion"


class ThreeCrossFlag(StrEnum):
    cross_region = "cross_region"
    cross_department = "cross_department"
    cross_sector = "cross_sector"
    person_household_separated = "person_household_separated"
    person_matter_separated = "person_matter_separated"
    person_matter_property_separated = "person_matter_property_separated"


class EscalationLevel(StrEnum):
    province = "province"
    beijing = "beijing"
