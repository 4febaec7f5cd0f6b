import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { firstProblem } from './error.js'
import { readToml } from './toml.js'

const LOWER_CASE_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/

const institutionListSchema = z.record(
  z.string().regex(LOWER_CASE_DOMAIN, 'must be a lower-case domain'),
  z.string().trim().min(1).max(200),
)

/**
 * content/institutions.toml: the canonical name of each institution the collective
 * expects, by e-mail domain ("univ-tlse3.fr" = "Université Toulouse III – Paul Sabatier").
 * Data, not code: a collective edits it like site.toml. Optional.
 */
export function loadInstitutionList(contentDir: string): Record<string, string> {
  const file = join(contentDir, 'institutions.toml')
  if (!existsSync(file)) return {}
  const parsed = institutionListSchema.safeParse(readToml(file))
  if (!parsed.success) throw firstProblem(file, parsed.error)
  return parsed.data
}
