import type { useProblemForm } from '@/composables/useProblemForm'

/**
 * Some 409s are about one field (a username or unit code already taken) but carry no pointer:
 * show the message on that field instead of above the form.
 */
export function placeConflict(pf: ReturnType<typeof useProblemForm>, byCode: Record<string, string>): void {
  const problem = pf.problem.value
  if (!problem) return
  const prop = byCode[problem.code]
  if (!prop) return
  pf.fieldErrors[prop] = problem.detail || problem.title
  pf.problem.value = null
}
