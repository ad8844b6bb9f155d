import type { components } from '@/api/schema'

export type OrgUnitOut = components['schemas']['OrgUnitOut']

export interface OrgNode {
  unit: OrgUnitOut
  children: OrgNode[]
}

/**
 * The API lists a subtree depth-first by materialised path, each unit with its parent id. A unit
 * whose parent is not in the list is a root (the top of the caller's scope); children keep the
 * API's order. Input order does not matter.
 */
export function buildOrgTree(units: readonly OrgUnitOut[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const unit of units) nodes.set(unit.id, { unit, children: [] })
  const roots: OrgNode[] = []
  for (const unit of units) {
    const node = nodes.get(unit.id)
    if (!node) continue
    const parent = unit.parent_id === null ? undefined : nodes.get(unit.parent_id)
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** The ids of a unit and everything under it: a unit cannot move into this set. */
export function subtreeIds(units: readonly OrgUnitOut[], rootId: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const u of units) {
    if (u.parent_id === null) continue
    const list = children.get(u.parent_id) ?? []
    list.push(u.id)
    children.set(u.parent_id, list)
  }
  const out = new Set<string>()
  const stack = [rootId]
  while (stack.length) {
    const id = stack.pop() as string
    if (out.has(id)) continue
    out.add(id)
    stack.push(...(children.get(id) ?? []))
  }
  return out
}

/** `省司法厅 / 市司法局 / 县司法局`: a unit's name with its ancestors in the list, for pickers. */
export function unitPath(units: readonly OrgUnitOut[], id: string): string {
  const byId = new Map(units.map((u) => [u.id, u]))
  const names: string[] = []
  const seen = new Set<string>()
  let current = byId.get(id)
  while (current && !seen.has(current.id)) {
    seen.add(current.id)
    names.unshift(current.short_name || current.name)
    current = current.parent_id === null ? undefined : byId.get(current.parent_id)
  }
  return names.join(' / ')
}
