import { computed, shallowRef } from 'vue'
import { useLoading } from '@/composables/useLoading'
import { listAllOrgUnits, type OrgUnitOut } from './admin.api'
import { buildOrgTree, unitPath, type OrgNode } from './orgTree'

export interface UnitOption {
  value: string
  label: string
  disabled?: boolean
  children?: UnitOption[]
}

/** Tree-select options; units in `disabled` (and inactive ones, unless allowed) cannot be picked. */
export function toOptions(nodes: readonly OrgNode[], disabled: ReadonlySet<string> = new Set()): UnitOption[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    label: n.unit.name,
    disabled: disabled.has(n.unit.id) || !n.unit.is_active,
    ...(n.children.length ? { children: toOptions(n.children, disabled) } : {}),
  }))
}

/** The caller's whole unit subtree, for pickers and the org page. */
export function useOrgUnits() {
  const units = shallowRef<OrgUnitOut[]>([])
  const { loading, problem, run } = useLoading()
  const tree = computed(() => buildOrgTree(units.value))
  const byId = computed(() => new Map(units.value.map((u) => [u.id, u])))

  async function load(): Promise<void> {
    await run(async () => {
      units.value = await listAllOrgUnits()
    })
  }

  const nameOf = (id: string | null | undefined) => (id ? (byId.value.get(id)?.name ?? '') : '')
  const pathOf = (id: string) => unitPath(units.value, id)

  return { units, tree, byId, loading, problem, load, nameOf, pathOf }
}
