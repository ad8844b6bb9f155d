import { describe, expect, it } from 'vitest'
import {
  caseToForm,
  emptyCaseForm,
  newPetitionerRow,
  toCreateBody,
  toPatchBody,
} from '@/views/cases/caseForm'
import { caseFixture } from './cases.fixture'

describe('case form → create body', () => {
  it('sends blanks as null, trims text, and a new petitioner in full', () => {
    const m = emptyCaseForm('c-1')
    m.title = '  张三不服公证信访案 '
    m.petition_form = 'visit'
    m.category = 'notarisation'
    m.first_petition_on = '2008-03-02'
    m.demands = '撤销公证书'
    m.cause = '   '
    m.receiving_organs[0]!.organ = 'cppcc'
    const p = m.petitioners[0]!
    p.name = ' 张三 '
    p.id_number = '511102198001011234'
    const body = toCreateBody(m)
    expect(body.title).toBe('张三不服公证信访案')
    expect(body.cause).toBeNull()
    expect(body.org_unit_id).toBeUndefined()
    expect(body.receiving_organs).toEqual([{ organ: 'cppcc', reference_number: null, received_on: null }])
    expect(body.petitioners).toEqual([
      {
        name: '张三',
        id_number: '511102198001011234',
        phone: null,
        ethnicity: null,
        address: null,
        household_registration_place: null,
        residence_place: null,
        occupation: null,
      },
    ])
    m.org_unit_id = 'u-1'
    expect(toCreateBody(m).org_unit_id).toBe('u-1')
  })

  it('refers to a registered petitioner by id only', () => {
    const c = caseFixture()
    const m = emptyCaseForm()
    m.petitioners = [newPetitionerRow(c.petitioners[0]!)]
    expect(toCreateBody(m).petitioners).toEqual([{ petitioner_id: c.petitioners[0]!.id }])
  })

  it('drops a threat note when no threat is recorded', () => {
    const m = emptyCaseForm()
    m.threat_note = '扬言进京'
    expect(toCreateBody(m).threat_note).toBeNull()
    m.threat_recorded = true
    expect(toCreateBody(m).threat_note).toBe('扬言进京')
  })
})

describe('case form → patch body', () => {
  it('is empty when nothing changed', () => {
    const c = caseFixture()
    expect(toPatchBody(caseToForm(c), caseToForm(c))).toEqual({})
  })

  it('carries only what changed, clearing with null, lists as a whole', () => {
    const c = caseFixture()
    const before = caseToForm(c)
    const after = caseToForm(c)
    after.cause = '对处分有异议'
    after.decision_organ = ''
    after.procedures.pop()
    after.petitioners.push({ ...newPetitionerRow(), name: '李四' })
    const patch = toPatchBody(before, after)
    expect(Object.keys(patch).sort()).toEqual(['cause', 'decision_organ', 'petitioners', 'procedures'])
    expect(patch.cause).toBe('对处分有异议')
    expect(patch.decision_organ).toBeNull()
    expect(patch.procedures).toHaveLength(c.procedures.length - 1)
    expect(patch.petitioners?.[0]).toEqual({ petitioner_id: c.petitioners[0]!.id })
    expect(patch.petitioners?.[1]).toMatchObject({ name: '李四', id_number: null })
  })
})
