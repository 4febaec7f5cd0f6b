import type { z } from 'zod'

/** A setting that stops start-up: the message names the setting and what is wrong. */
export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`${setting}: ${problem}`)
    this.name = 'ConfigError'
  }
}

/**
 * The first thing wrong in a file, as one line naming the file and the setting: an
 * operator fixes one setting at a time, and a second message often follows from the first.
 */
export function firstProblem(file: string, error: z.ZodError): ConfigError {
  const issue = error.issues[0]!
  // A wrong key of a table (a domain that is not one) says why, not only that it is wrong.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message
  return new ConfigError(`${file} ${issue.path.join('.')}`.trimEnd(), message)
}
