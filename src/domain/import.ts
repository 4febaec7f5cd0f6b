// Signatures the collective gathered before the site existed (a form, a spreadsheet),
// brought in from a CSV file (npm run import). Each line becomes a pending signature
// through the form's own path (parseSignForm, then requestSignature), and its person
// gets a consent request in their language through the outbox: nobody is listed or
// counted before confirming here, and what their link confirms is exactly what the
// file said of them, shown on the page before the button. An address is mailed by an
// import once, ever (imported_addresses): running a file again mails nobody twice.
import { parse } from 'csv-parse/sync'
import type { DomainContext } from './context.js'
import { parseSignForm, type FieldErrorKey, type FormValues, type SignField } from './sign-form.js'
import { requestSignature, type SigningOutcome } from './signatures.js'

/** The columns a file may have; the header line names them, in any order. */
export const IMPORT_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'category',
  'institution',
  'discipline',
  'title',
  'unit',
  'public',
  'display',
  'language',
  'initial',
] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]
const REQUIRED_COLUMNS: readonly ImportColumn[] = ['first_name', 'last_name', 'email', 'category']

/** Why a line was left out, or what became of it. */
export type LineResult =
  | { line: number; outcome: 'imported' }
  | { line: number; outcome: 'skipped'; reason: SkipReason; errors?: LineErrors }

/** What is wrong with a line's fields, by column: the form's error codes. */
export type LineErrors = Partial<Record<SignField | 'language' | 'initial', FieldErrorKey>>

export type SkipReason =
  /** A field is missing or wrong (errors: each field's code). */
  | 'invalid'
  /** The same address earlier in the file. */
  | 'duplicate'
  /** Signed here already (confirmed), or asked to and not yet confirmed. */
  | 'already_signed'
  | 'already_pending'
  /** A consent request went to this address in an earlier import. */
  | 'already_imported'
  /** The address refused mail for good (a bounce, a complaint). */
  | 'suppressed'
  /** The moderators blocked its domain. */
  | 'blocked'
  /** The mailbox had its mails for the day: run the file again tomorrow. */
  | 'not_mailed'

export interface ImportReport {
  lines: LineResult[]
  imported: number
  skipped: Partial<Record<SkipReason, number>>
}

export class ImportFileError extends Error {}

const YES = new Set(['1', 'yes', 'y', 'true', 'oui', 'o', 'x'])
const NO = new Set(['', '0', 'no', 'n', 'false', 'non'])

function yesNo(value: string | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase()
  if (YES.has(v)) return true
  if (NO.has(v)) return false
  return undefined
}

/** A category given by its key or by its label in any language («Chercheur·e», "Researcher"). */
function categoryKey(ctx: DomainContext, given: string): string {
  const folded = given.trim().toLowerCase()
  const found = ctx.config.site.categories.find(
    (c) => c.key === folded || Object.values(c.labels).some((l) => l.toLowerCase() === folded),
  )
  return found?.key ?? given.trim()
}

/** Reads the file: a header line naming the columns, then one signature a line. */
export function readImportFile(text: string): { line: number; values: Record<string, string> }[] {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true })
  } catch (err) {
    throw new ImportFileError(`not a CSV file: ${(err as Error).message}`)
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase())
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h))
  if (unknown.length > 0)
    throw new ImportFileError(
      `unknown column(s): ${unknown.join(', ')} (known: ${IMPORT_COLUMNS.join(', ')})`,
    )
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0) throw new ImportFileError(`missing column(s): ${missing.join(', ')}`)
  return records.slice(1).map((cells, i) => ({
    // Line 1 is the header.
    line: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
  }))
}

/**
 * One line checked as the form checks it, with what the form asks of a person given
 * by the file: consent is what they will give from their link, the address is taken
 * as written (no «did you mean»), and a choice not given is the form's default.
 */
function lineSubmission(ctx: DomainContext, values: Record<string, string>) {
  const site = ctx.config.site
  const isPublic = yesNo(values.public)
  const initial = yesNo(values.initial)
  const language = (values.language ?? '').trim().toLowerCase() || site.defaultLocale
  const form: FormValues = {
    first_name: values.first_name,
    last_name: values.last_name,
    email: values.email,
    category: categoryKey(ctx, values.category ?? ''),
    institution: values.institution,
    discipline: values.discipline,
    title: values.title,
    unit: values.unit,
    display: (values.display ?? '').trim().toLowerCase(),
    public: isPublic ? '1' : '',
    consent: '1',
    email_typo_ok: values.email,
  }
  const parsed = parseSignForm(site, form)
  const errors: LineErrors = parsed.ok ? {} : { ...parsed.errors }
  if (isPublic === undefined) errors.public = 'choice_invalid'
  if (initial === undefined) errors.initial = 'choice_invalid'
  if (!site.locales.includes(language)) errors.language = 'choice_invalid'
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false as const, errors }
  return { ok: true as const, submission: parsed.value, language, initial: initial === true }
}

const SKIPPED: Partial<Record<SigningOutcome, SkipReason>> = {
  already_signed: 'already_signed',
  already_pending: 'already_pending',
  already_imported: 'already_imported',
  suppressed: 'suppressed',
  blocked: 'blocked',
  not_mailed: 'not_mailed',
}

/**
 * Imports the lines of a file, one at a time, each through the form's path. With
 * `dryRun`, only checks them (nothing is written, nobody is mailed).
 */
export async function importSignatures(
  ctx: DomainContext,
  text: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const report: ImportReport = { lines: [], imported: 0, skipped: {} }
  const skip = (line: number, reason: SkipReason, errors?: LineErrors) => {
    report.lines.push({ line, outcome: 'skipped', reason, ...(errors ? { errors } : {}) })
    report.skipped[reason] = (report.skipped[reason] ?? 0) + 1
  }
  const seen = new Set<string>()
  for (const { line, values } of readImportFile(text)) {
    const checked = lineSubmission(ctx, values)
    if (!checked.ok) {
      skip(line, 'invalid', checked.errors)
      continue
    }
    const address = checked.submission.email.address.toLowerCase()
    if (seen.has(address)) {
      skip(line, 'duplicate')
      continue
    }
    seen.add(address)
    if (options.dryRun) {
      report.lines.push({ line, outcome: 'imported' })
      report.imported++
      continue
    }
    const outcome = await requestSignature(ctx, checked.submission, checked.language, null, {
      imported: { initialSignatory: checked.initial },
    })
    const reason = SKIPPED[outcome]
    if (reason) skip(line, reason)
    else {
      report.lines.push({ line, outcome: 'imported' })
      report.imported++
    }
  }
  return report
}
