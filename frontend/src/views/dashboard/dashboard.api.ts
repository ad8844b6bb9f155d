import { api } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type Summary = S['Summary']
export type Bucket = S['Bucket']
export type UnitBucket = S['UnitBucket']
export type DeadlineItem = S['DeadlineItem']

export async function getSummary(): Promise<Summary> {
  return unwrap(await api.GET('/reports/summary'))
}

export async function getDeadlines(limit = 10): Promise<DeadlineItem[]> {
  return unwrap(await api.GET('/reports/deadlines', { params: { query: { limit } } }))
}
