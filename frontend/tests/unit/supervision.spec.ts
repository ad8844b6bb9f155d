import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { byColumn, daysUntil } from '@/views/supervision/board'
import { allowedActions, rolesFor, statusTone } from '@/views/supervision/clock'
import type { DeadlineOut } from '@/views/supervision/deadlines.api'
import { labelByName } from '@/views/supervision/labels'
import { holderChoices } from '@/views/supervision/noticeForm'
import type { NoticeOut } from '@/views/supervision/notices.api'
import { notificationTarget } from '@/views/supervision/notifications.api'
import { startPolling } from '@/views/supervision/polling'
import { draftOf, ruleBody, ruleProblems, type RuleDraft } from '@/views/supervision/ruleForm'
import type { AssignmentOut } from '@/views/cases/cases.api'
import { daysFrom } from '@/views/dashboard/charts'

const NOW = new Date('2026-11-26T06:00:00Z') // 14:00 on the 26th in Beijing

function deadline(id: string, over: Partial<DeadlineOut> = {}): DeadlineOut {
  return {
    id,
    kind: 'plan_submission',
    subject_type: 'case',
    subject_id: 's',
    case_id: 'c1',
    campaign_id: null,
    org_unit_id: 'u',
    responsible_user_id: null,
    responsible_unit_id: null,
    unit: 'calendar_days',
    starts_on: '2026-11-01',
    base_due_on: '2026-11-28',
    due_on: '2026-11-28',
    due_at: '2026-11-28T15:59:59Z',
    due_provisional: false,
    status: 'open',
    overdue: false,
    paused: false,
    paused_at: null,
    paused_days: 0,
    pause_reason: null,
    extension_days: null,
    extension_reason: null,
    extended_by: null,
    extended_at: null,
    escalation_level: 0,
    closed_at: null,
    closed_by: null,
    close_note: null,
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    version: 1,
    ...over,
  }
}

function notice(id: string, status: NoticeOut['status'], due = '2026-11-30'): NoticeOut {
  return {
    id,
    number: `清督〔2026〕${id}号`,
    case_id: 'c1',
    case_number: 'QX-1',
    org_unit_id: 'u',
    issuing_unit_id: 'o-unit',
    issued_by: { id: 'o', display_name: '办公室' },
    issued_at: '2026-11-20T02:00:00Z',
    to_users: [{ id: 'u1', display_name: '张明' }],
    to_unit: null,
    reason: '超期',
    requirements: '限期办结',
    reply_due_on: due,
    status,
    replies: [],
    deadline_id: null,
    closed_at: null,
    closed_by: null,
    close_note: null,
    version: 1,
    created_at: '2026-11-20T02:00:00Z',
    updated_at: '2026-11-20T02:00:00Z',
  }
}

describe('supervision board', () => {
  it('groups running clocks: overdue, due within three days, escalated; notices awaiting reply apart', () => {
    const columns = byColumn(
      [
        deadline('late', { overdue: true, status: 'overdue', due_on: '2026-11-20', escalation_level: 1 }),
        deadline('soon', { due_on: '2026-11-29' }),
        deadline('later', { due_on: '2026-11-30' }),
        deadline('paused', { due_on: '2026-11-27', paused: true }),
        deadline('met', { status: 'met', overdue: false, escalation_level: 2 }),
        deadline('escalated-only', { due_on: '2026-12-20', escalation_level: 2 }),
      ],
      [notice('1', 'open'), notice('2', 'returned', '2026-11-25'), notice('3', 'replied'), notice('4', 'closed')],
      NOW,
    )
    expect(columns.overdue.map((i) => i.key)).toEqual(['d:late'])
    expect(columns.due_soon.map((i) => i.key)).toEqual(['d:soon'])
    expect(columns.escalated.map((i) => i.key)).toEqual(['d:late', 'd:escalated-only'])
    expect(columns.notices.map((i) => i.key)).toEqual(['n:2', 'n:1'])
    expect(columns.notices[0]?.overdue).toBe(true)
    expect(columns.notices[1]?.overdue).toBe(false)
  })

  it('counts days by Beijing dates', () => {
    expect(daysUntil('2026-11-26', NOW)).toBe(0)
    expect(daysUntil('2026-11-29', NOW)).toBe(3)
    expect(daysUntil('2026-11-25', new Date('2026-11-25T16:30:00Z'))).toBe(-1) // already the 26th in Beijing
    expect(daysFrom('2026-11-26T15:59:59Z', NOW)).toBe(0)
  })
})

describe('clock actions', () => {
  it('offers what the state allows: one extension, resume only when paused, nothing when closed', () => {
    expect(allowedActions(deadline('a'))).toEqual(['pause', 'meet', 'extend', 'waive'])
    expect(allowedActions(deadline('a', { extension_days: 10 }))).toEqual(['pause', 'meet', 'waive'])
    expect(allowedActions(deadline('a', { paused: true }))).toEqual(['resume', 'meet', 'waive'])
    expect(allowedActions(deadline('a', { status: 'met' }))).toEqual([])
    expect(allowedActions(deadline('a', { status: 'overdue', overdue: true }))).toContain('meet')
  })

  it('leaves extension and waiver to leaders', () => {
    expect(rolesFor('extend')).toEqual(['leader'])
    expect(rolesFor('waive')).toEqual(['leader'])
    expect(rolesFor('pause')).toEqual(expect.arrayContaining(['leader', 'office']))
    expect(rolesFor('pause')).not.toContain('officer')
  })

  it('marks overdue red and paused grey', () => {
    expect(statusTone(deadline('a', { overdue: true }))).toBe('danger')
    expect(statusTone(deadline('a', { paused: true }))).toBe('info')
    expect(statusTone(deadline('a', { status: 'met' }))).toBe('success')
  })
})

describe('labels and links', () => {
  it('looks a served enum up by name and shows an unknown one as its value', () => {
    expect(labelByName('deadline_status', 'overdue', 'zh-CN')).toBe('已超期')
    expect(labelByName('deadline_rule_kind', 'notice_reply', 'en')).toBe('Supervision notice reply')
    expect(labelByName('no_such_enum', 'open', 'zh-CN')).toBe('open')
    expect(labelByName('deadline_status', null, 'zh-CN')).toBe('')
  })

  it('sends a notification to its notice, else to its case', () => {
    expect(notificationTarget({ notice_id: 'n', case_id: 'c', deadline_id: null })).toBe('/supervision/notices/n')
    expect(notificationTarget({ notice_id: null, case_id: 'c', deadline_id: 'd' })).toBe('/cases/c?tab=deadlines')
    expect(notificationTarget({ notice_id: null, case_id: 'c', deadline_id: null })).toBe('/cases/c')
    expect(notificationTarget({ notice_id: null, case_id: null, deadline_id: 'd' })).toBeNull()
  })

  it('offers each active holder once, with all their roles; units and ended ones are left out', () => {
    const a = (user: string | null, role: AssignmentOut['role_in_case'], active = true): AssignmentOut => ({
      id: `${user}-${role}`,
      case_id: 'c',
      role_in_case: role,
      user: user ? { id: user, display_name: user } : null,
      org_unit: user ? null : { id: 'u', name: '股' },
      active,
      started_at: '2026-01-01T00:00:00Z',
      ended_at: null,
      assigned_by: null,
      ended_by: null,
      reason: null,
      end_reason: null,
    }) as AssignmentOut
    const choices = holderChoices([
      a('李', 'responsible_leader'),
      a(null, 'responsible_department'),
      a('张', 'responsible_person'),
      a('李', 'team_member'),
      a('王', 'responsible_person', false),
    ])
    expect(choices).toEqual([
      { id: '李', name: '李', roles: ['responsible_leader', 'team_member'] },
      { id: '张', name: '张', roles: ['responsible_person'] },
    ])
  })
})

describe('deadline rule form', () => {
  const base: RuleDraft = {
    active: true,
    amount: 15,
    unit: 'calendar_days',
    reminder_lead_days: 3,
    escalate_leader: 1,
    escalate_office: 5,
    accountability_grace_days: 10,
    max_extension_days: 30,
  }

  it('accepts a sound rule and sends the escalation days in order', () => {
    expect(ruleProblems(base)).toEqual({})
    expect(ruleBody(base).escalation_days).toEqual([1, 5])
    expect(ruleBody({ ...base, escalate_leader: null, escalate_office: null }).escalation_days).toEqual([])
  })

  it('refuses what the server would: ranges, the office before the leader, a reminder longer than the period', () => {
    expect(ruleProblems({ ...base, amount: -1 })).toEqual({ amount: 'range_amount' })
    expect(ruleProblems({ ...base, amount: 1.5 })).toEqual({ amount: 'range_amount' })
    expect(ruleProblems({ ...base, max_extension_days: 400 })).toEqual({ max_extension_days: 'range_days' })
    expect(ruleProblems({ ...base, escalate_office: 1 })).toEqual({ escalate_office: 'office_after_leader' })
    expect(ruleProblems({ ...base, escalate_leader: null })).toEqual({ escalate_office: 'office_needs_leader' })
    expect(ruleProblems({ ...base, reminder_lead_days: 20 })).toEqual({ reminder_lead_days: 'lead_too_long' })
  })

  it('reads a rule back into the form', () => {
    const draft = draftOf({
      kind: 'resolution',
      subject_type: 'case',
      anchor: 'plan approved',
      active: true,
      amount: 90,
      unit: 'calendar_days',
      reminder_lead_days: 7,
      escalation_days: [3],
      accountability_grace_days: 15,
      max_extension_days: 30,
      overridden: false,
    })
    expect(draft.escalate_leader).toBe(3)
    expect(draft.escalate_office).toBeNull()
  })
})

describe('polling the unread count', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks at once, every 30 s and on focus, never two at a time, and stops', async () => {
    let calls = 0
    let release: () => void = () => undefined
    const tick = vi.fn(() => {
      calls++
      return new Promise<void>((resolve) => {
        release = resolve
      })
    })
    const poll = startPolling(tick, 30_000)
    expect(calls).toBe(1)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls).toBe(1) // the first answer is still out
    release()
    await vi.advanceTimersByTimeAsync(0)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls).toBe(2)
    release()
    await vi.advanceTimersByTimeAsync(0)
    window.dispatchEvent(new Event('focus'))
    expect(calls).toBe(3)
    release()
    await vi.advanceTimersByTimeAsync(0)
    poll.stop()
    await vi.advanceTimersByTimeAsync(120_000)
    window.dispatchEvent(new Event('focus'))
    expect(calls).toBe(3)
  })

  it('keeps polling after a failed request', async () => {
    const tick = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined)
    const poll = startPolling(tick, 30_000)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(tick).toHaveBeenCalledTimes(2)
    poll.stop()
  })
})
