import type { CaseOut } from '@/views/cases/cases.api'

/** A case as `GET /cases/{id}` returns it (demo data), for the case page specs. */
export function caseFixture(): CaseOut {
  return JSON.parse(JSON.stringify(CASE)) as CaseOut
}

const CASE: CaseOut = {
  "id": "01a21626-6dc2-7927-b148-cca3bf941dac",
  "number": "QX-SFJ-2010-0005",
  "campaign_id": "0637a8db-f4b3-57eb-bfa1-623dc7fb7404",
  "org_unit_id": "a25d6dd2-1724-5336-8862-70aa3191a2bf",
  "org_unit_name": "清溪县司法局",
  "title": "陈建国不服城关司法所社区矫正警告处分信访案",
  "registered_on": "2010-06-05",
  "petition_form": "phone",
  "first_petition_on": "2006-05-05",
  "latest_petition_on": "2010-05-05",
  "petition_count": 6,
  "group_size": 1,
  "category": "community_corrections",
  "receiving_organs": [
    {
      "organ": "provincial_justice_department",
      "reference_number": "清委政法〔2010〕15号",
      "received_on": "2010-05-05"
    }
  ],
  "decision_organ": "城关司法所",
  "decision_reference": "清司〔2006〕7号",
  "decision_date": "2006-05-05",
  "decision_effective_on": null,
  "decision_summary": null,
  "demands": "要求撤销社区矫正期间的警告处分，赔偿名誉损失",
  "cause": null,
  "crux": null,
  "legal_channels": [
    "review_opinion"
  ],
  "legal_channels_exhausted": true,
  "petitioned_before_ruling": false,
  "three_cross": true,
  "three_cross_flags": [
    "person_household_separated"
  ],
  "three_cross_note": null,
  "sensitive_period": false,
  "risk_level": "medium",
  "threat_recorded": false,
  "threat_note": null,
  "province_visits": 0,
  "beijing_visits": 0,
  "last_escalated_visit_on": null,
  "procedures": [
    {
      "stage": "initial",
      "organ": "城关司法所",
      "decided_on": "2006-05-05",
      "reference_number": null,
      "conclusion": null
    },
    {
      "stage": "review",
      "organ": "清溪县司法局",
      "decided_on": "2008-05-12",
      "reference_number": "清司复〔2008〕3号",
      "conclusion": null
    },
    {
      "stage": "re_review",
      "organ": "川南市司法局",
      "decided_on": "2009-03-20",
      "reference_number": "川南司复〔2009〕7号",
      "conclusion": null
    }
  ],
  "petitioners": [
    {
      "id": "01a21626-6dc8-789c-b9e3-2ddf6a8ea5b9",
      "org_unit_id": "a25d6dd2-1724-5336-8862-70aa3191a2bf",
      "name": "陈建国",
      "gender": "female",
      "ethnicity": null,
      "id_number": "511***********0845",
      "phone": "138****1676",
      "address": "清溪县白马镇5组",
      "household_registration_place": "清溪县白马镇",
      "residence_place": "清溪县白马镇",
      "occupation": null,
      "version": 1,
      "created_at": "2026-11-26T04:39:06.534935Z",
      "updated_at": "2026-11-26T04:39:06.534935Z"
    }
  ],
  "in_scope": true,
  "out_of_scope_reason": null,
  "status": "registered",
  "status_changed_at": "2026-11-26T04:39:06.534935Z",
  "outcome_kind": null,
  "outcome_note": null,
  "commitment_signed": false,
  "commitment_signed_on": null,
  "termination_basis": null,
  "termination_decided_by": null,
  "termination_filing_status": null,
  "police_organ": null,
  "reopen_count": 0,
  "responsible_leader": {
    "id": "11111111-1111-4111-8111-111111111111",
    "name": "李建国"
  },
  "responsible_department": null,
  "responsible_person": null,
  "next_deadline": null,
  "version": 1,
  "created_at": "2026-11-26T04:39:06.534935Z",
  "updated_at": "2026-11-26T04:39:06.534935Z"
}
