import { describe, expect, it } from 'vitest'
import { rolesWith } from '@/api/permissions'

describe('role permissions (generated from the server)', () => {
  it('lists the roles that hold a permission', () => {
    expect(rolesWith('plans:approve')).toEqual(['leader'])
    expect(rolesWith('cases:create')).toEqual(['leader', 'office'])
    expect(rolesWith('relief:review')).toEqual(['leader', 'office'])
  })

  it('keeps administrators away from case data and observers read-only', () => {
    expect(rolesWith('cases:read')).not.toContain('admin')
    expect(rolesWith('cases:read')).toContain('observer')
    for (const write of ['cases:write', 'hearings:write', 'checkins:write', 'pii:reveal'] as const) {
      expect(rolesWith(write)).not.toContain('observer')
    }
  })
})
