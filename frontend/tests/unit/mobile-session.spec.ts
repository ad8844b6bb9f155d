import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'
import type { Me } from '@/api/types'
import { closeOfflineDb, DB_NAME, readMeta, writeMeta } from '@/offline/db'

const refresh = vi.hoisted(() => vi.fn<() => Promise<boolean>>())
const fetchMe = vi.hoisted(() => vi.fn<() => Promise<unknown>>())
vi.mock('@/api/client', async (original) => ({
  ...(await original<typeof import('@/api/client')>()),
  refreshAccessToken: refresh,
}))
vi.mock('@/api/auth.api', () => ({ fetchMe, login: vi.fn(), logout: vi.fn() }))

const { useMobileSession } = await import('@/mobile/session')

const me = {
  id: 'u-1',
  username: 'officer',
  display_name: '张明',
  post: null,
  roles: ['officer'],
  permissions: ['cases:read', 'checkins:write'],
  org_unit: { id: 'o', name: 'x' },
} as unknown as Me

beforeEach(() => {
  setActivePinia(createPinia())
  refresh.mockReset()
  fetchMe.mockReset()
})

afterEach(async () => {
  await closeOfflineDb()
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
})

describe('mobile session', () => {
  it('online: refresh cookie, /auth/me, and the user is remembered on the phone', async () => {
    refresh.mockResolvedValue(true)
    fetchMe.mockResolvedValue(me)
    const session = useMobileSession()
    expect(await session.connect()).toBe(true)
    expect(session.mode).toBe('online')
    expect(session.canRecord).toBe(true)
    expect((await readMeta<{ id: string }>('mobile.user'))?.value.id).toBe('u-1')
  })

  it('a network failure at start keeps the last user, offline', async () => {
    await writeMeta('mobile.user', { id: 'u-1', username: 'officer', display_name: '张明', permissions: ['checkins:write'] })
    refresh.mockRejectedValue(new TypeError('Failed to fetch'))
    const session = useMobileSession()
    expect(await session.connect()).toBe(false)
    expect(session.mode).toBe('offline')
    expect(session.user?.id).toBe('u-1')

    // Back online: the next sync reconnects first.
    refresh.mockResolvedValue(true)
    fetchMe.mockResolvedValue(me)
    expect(await session.ensureOnline()).toBe(true)
    expect(session.mode).toBe('online')
  })

  it('without a remembered user, no network means the login page', async () => {
    refresh.mockRejectedValue(new TypeError('Failed to fetch'))
    const session = useMobileSession()
    await session.connect()
    expect(session.mode).toBe('signedOut')
  })

  it('a refused refresh signs out and forgets the user and the cached cases', async () => {
    await writeMeta('mobile.user', { id: 'u-1', username: 'officer', display_name: '张明', permissions: [] })
    await writeMeta('mobile.cases', [{ id: 'c' }])
    refresh.mockResolvedValue(false)
    const session = useMobileSession()
    expect(await session.connect()).toBe(false)
    expect(session.mode).toBe('signedOut')
    expect(await readMeta('mobile.user')).toBeNull()
    expect(await readMeta('mobile.cases')).toBeNull()
  })

  it('a 5xx from /auth/me counts as out of reach, a 4xx does not', async () => {
    await writeMeta('mobile.user', { id: 'u-1', username: 'officer', display_name: '张明', permissions: [] })
    refresh.mockResolvedValue(true)
    fetchMe.mockRejectedValueOnce(new ApiProblem({ status: 503, title: 'Unavailable' }))
    const session = useMobileSession()
    await session.connect()
    expect(session.mode).toBe('offline')
    fetchMe.mockRejectedValueOnce(new ApiProblem({ status: 403, title: 'Forbidden' }))
    await session.connect()
    expect(session.mode).toBe('signedOut')
  })
})
