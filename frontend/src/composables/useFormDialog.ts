import type { FormInstance } from 'element-plus'
import { computed, ref, watch, type Ref, type WritableComputedRef } from 'vue'
import type { ApiProblem } from '@/api/problem'
import { useProblemForm } from './useProblemForm'

export interface SubmitOptions {
  /** Checked after the double-submit guard and before `saving` is set; false stops the submit quietly. */
  valid?: () => boolean | Promise<boolean>
  /**
   * Runs after an API problem has been put on the form (e.g. to move a conflict onto its field);
   * the form stays `saving` until a returned promise settles.
   */
  onProblem?: (problem: ApiProblem) => void | Promise<void>
}

export interface FormDialogOptions {
  /** The dialog's open state: each time it opens, the previous problem is cleared and `onOpen` runs. */
  open?: Ref<boolean>
  onOpen?: () => void
}

/**
 * What every form dialog (and the page forms built the same way) repeats: a problem form for the API's field errors, a `saving` flag that
 * blocks double submits, and one submit path. A problem (RFC 9457) lands on the form and the submit
 * resolves false; anything else is rethrown so the global handler reports it.
 */
export function useFormDialog(knownProps?: readonly string[], options: FormDialogOptions = {}) {
  const pf = useProblemForm(knownProps)
  const saving = ref(false)

  const { open, onOpen } = options
  if (open) {
    watch(open, (isOpen) => {
      if (!isOpen) return
      pf.clear()
      onOpen?.()
    })
  }

  /** Resolves true when `action` finished, false when skipped (busy, invalid) or refused with a problem. */
  async function submit(action: () => Promise<unknown>, opts: SubmitOptions = {}): Promise<boolean> {
    if (saving.value) return false
    if (opts.valid && !(await opts.valid())) return false
    saving.value = true
    try {
      await action()
      return true
    } catch (error) {
      if (!pf.apply(error)) throw error
      await opts.onProblem?.(error)
      return false
    } finally {
      saving.value = false
    }
  }

  return { pf, saving, submit }
}

/**
 * Open state of a dialog that is shown while it has a subject (the user, unit… it acts on) and
 * asks its parent to drop the subject to close.
 */
export function openWhile(subject: () => unknown, close: () => void): WritableComputedRef<boolean> {
  return computed({
    get: () => subject() !== null && subject() !== undefined,
    set: (value) => {
      if (!value) close()
    },
  })
}

/** Element Plus validation as a boolean: a failed rule (a rejection) or a missing form is false. */
export async function formValid(form: Ref<FormInstance | undefined>): Promise<boolean> {
  return (await form.value?.validate().catch(() => false)) === true
}
