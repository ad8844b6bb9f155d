/**
 * Calls `tick` now, every `intervalMs`, and whenever the window regains focus or the tab becomes
 * visible again (a clerk back from a meeting sees the count at once), but never two at a time: a
 * slow answer is not overtaken by the next tick. `stop()` ends it.
 */
export function startPolling(tick: () => Promise<unknown>, intervalMs = 30_000) {
  const win = typeof window === 'undefined' ? null : window
  const doc = typeof document === 'undefined' ? null : document
  let inFlight = false
  let stopped = false

  async function run(): Promise<void> {
    if (inFlight || stopped) return
    inFlight = true
    try {
      await tick()
    } catch {
      // A failed poll is retried at the next tick; the bell keeps its last count meanwhile.
    } finally {
      inFlight = false
    }
  }

  const onVisible = () => {
    if (doc?.visibilityState !== 'hidden') void run()
  }
  const timer = setInterval(() => void run(), intervalMs)
  win?.addEventListener('focus', onVisible)
  doc?.addEventListener('visibilitychange', onVisible)
  void run()

  return {
    refresh: run,
    stop(): void {
      stopped = true
      clearInterval(timer)
      win?.removeEventListener('focus', onVisible)
      doc?.removeEventListener('visibilitychange', onVisible)
    },
  }
}
