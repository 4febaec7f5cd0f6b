// Waiting in a test for something to become true, instead of sleeping a fixed time: a
// fixed sleep is too short on a loaded machine (the test fails for nothing) and too long
// everywhere else (every run pays for the worst case). The deadline turns a condition
// that never comes into a failure that names it.

export interface WaitOptions {
  /** How long the condition may take before the test fails; 10 s unless a test knows better. */
  timeoutMs?: number
  /** Pause between two checks. */
  everyMs?: number
}

/**
 * Checks `condition` until it returns a value other than `undefined`, `false` or `null`,
 * and returns that value; fails after the deadline with `what` in the message (a function
 * when the message should tell how far things got). A check
 * that throws fails the wait at once: an error is not a "not yet".
 */
export async function waitFor<T>(
  what: string | (() => string),
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, everyMs = 20 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value !== undefined && value !== null && value !== false) return value
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms for ${typeof what === 'string' ? what : what()}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
