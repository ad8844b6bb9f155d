import { toShanghai } from '@/lib/shanghai'
import type { Bucket, UnitBucket } from './dashboard.api'

/** The part of an ECharts option the dashboard builds; kept plain so it is testable without a canvas. */
export interface BarOption {
  grid: { left: number; right: number; top: number; bottom: number; containLabel: boolean }
  tooltip: { trigger: 'axis' }
  xAxis: { type: 'value'; minInterval: number }
  yAxis: { type: 'category'; data: string[]; inverse: boolean }
  series: Array<{ type: 'bar'; data: Array<{ value: number; key: string }>; barMaxWidth: number }>
}

export interface PieOption {
  tooltip: { trigger: 'item'; formatter: string }
  legend: { type: 'scroll'; orient: 'vertical'; right: number; top: 'middle' }
  series: Array<{
    type: 'pie'
    radius: [string, string]
    center: [string, string]
    label: { show: boolean }
    data: Array<{ name: string; value: number; key: string }>
  }>
}

/** Horizontal bars, largest first (the API sorts; labels read top to bottom). */
export function barOption(buckets: readonly Bucket[], label: (key: string) => string): BarOption {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: buckets.map((b) => label(b.key)), inverse: true },
    series: [{ type: 'bar', data: buckets.map((b) => ({ value: b.count, key: b.key })), barMaxWidth: 24 }],
  }
}

export function pieOption(buckets: readonly Bucket[], label: (key: string) => string): PieOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['35%', '50%'],
        label: { show: false },
        data: buckets.map((b) => ({ name: label(b.key), value: b.count, key: b.key })),
      },
    ],
  }
}

/** Units are named by the API, and keyed by id for the click-through to the case list. */
export function unitBuckets(units: readonly UnitBucket[]): { buckets: Bucket[]; names: Map<string, string> } {
  return {
    buckets: units.map((u) => ({ key: u.org_unit_id, count: u.count })),
    names: new Map(units.map((u) => [u.org_unit_id, u.name])),
  }
}

/** "14:05" today, "11-28 09:00" this year, else the full date — in Shanghai time. */
export function formatDue(iso: string, now: Date = new Date()): string {
  const due = toShanghai(iso)
  const today = toShanghai(now)
  if (due.date === today.date) return due.time
  if (due.date.slice(0, 4) === today.date.slice(0, 4)) return `${due.date.slice(5)} ${due.time}`
  return `${due.date} ${due.time}`
}

/** Whole days late (or left), counted in Beijing dates: a deadline is the end of its day. */
export function daysFrom(dueAt: string, now: Date = new Date()): number {
  const ms = Date.parse(toShanghai(dueAt).date) - Date.parse(toShanghai(now).date)
  return Math.round(ms / 86_400_000)
}
