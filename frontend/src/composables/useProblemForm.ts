import { computed, reactive, shallowRef } from 'vue'
import { ApiProblem, type ProblemFieldError } from '@/api/problem'

/**
 * `#/petitioners/0/id_number` → `petitioners.0.id_number`, the Element Plus FormItem prop.
 * `#` (the whole body) and empty pointers map to '' (no field). RFC 6901 escapes are undone.
 */
export function pointerToProp(pointer: string): string {
  let path = pointer.startsWith('#') ? pointer.slice(1) : pointer
  try {
    path = decodeURIComponent(path)
  } catch {
    /* keep as is */
  }
  if (path === '' || path === '/') return ''
  return path
    .replace(/^\//, '')
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}

/**
 * Puts a problem's `errors[]` onto form fields. Bind `:error="errorOf('title')"` on each
 * el-form-item; whatever has no field (or a field the form does not show) goes to <ProblemAlert>.
 */
export function useProblemForm(knownProps?: readonly string[]) {
  const fieldErrors = reactive<Record<string, string>>({})
  const problem = shallowRef<ApiProblem | null>(null)
  const unplaced = shallowRef<ProblemFieldError[]>([])

  function clear(): void {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key]
    problem.value = null
    unplaced.value = []
  }

  /** Returns false (and does nothing) when `error` is not an ApiProblem: rethrow it then. */
  function apply(error: unknown): error is ApiProblem {
    clear()
    if (!(error instanceof ApiProblem)) return false
    problem.value = error
    const rest: ProblemFieldError[] = []
    for (const item of error.errors) {
      const prop = pointerToProp(item.pointer)
      const known = prop !== '' && (knownProps === undefined || knownProps.includes(prop))
      if (!known) {
        rest.push(item)
        continue
      }
      // Several messages on one field: show them together.
      fieldErrors[prop] = fieldErrors[prop] ? `${fieldErrors[prop]}；${item.detail}` : item.detail
    }
    unplaced.value = rest
    return true
  }

  function errorOf(prop: string): string {
    return fieldErrors[prop] ?? ''
  }

  const hasProblem = computed(() => problem.value !== null)

  return { fieldErrors, problem, unplaced, hasProblem, apply, clear, errorOf }
}
