// npm run import -- file.csv [--dry-run]: signatures gathered before the site, each
// person mailed a consent request (src/domain/import.ts). The mails are queued in the
// database's outbox: the running server's mail worker sends them on its next pass.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { prepareDataDir } from '../data-dir.js'
import { migrateToLatest, openDatabase } from '../db/database.js'
import { createTransactor } from '../db/transactor.js'
import { ImportFileError, importSignatures, type LineErrors } from '../domain/import.js'
import { DISPLAYS } from '../domain/display.js'
import { createRateLimiter } from '../domain/rate-limits.js'
import type { FieldErrorKey } from '../domain/sign-form.js'

const usage = 'usage: npm run import -- <file.csv> [--dry-run]'
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false } },
})
const file = positionals[0]
if (!file || positionals.length > 1) {
  console.error(usage)
  process.exit(2)
}

const REASONS = {
  invalid: 'invalid',
  duplicate: 'the same address earlier in the file',
  already_signed: 'already signed here',
  already_pending: 'already asked to sign here, not confirmed yet',
  already_imported: 'already mailed by an earlier import',
  suppressed: 'the address refuses mail (it bounced or complained)',
  blocked: 'its domain is blocked by the moderators',
  not_mailed: 'the mailbox had its mails for today: run the file again tomorrow',
} as const

// What is wrong with a field, said for the operator: never the value itself (an address).
const FIELD_ERRORS: Record<FieldErrorKey, string> = {
  required: 'missing',
  too_long: 'too long',
  email_invalid: 'not an e-mail address',
  email_mismatch: 'not the address signed with',
  email_disposable: 'a disposable address, refused by limits.refuse_disposable',
  email_typo: 'a likely typo in the domain',
  email_other_institution: 'not an address of the institution',
  category_invalid: 'not a category of site.toml (its key or label)',
  choice_invalid: 'not one of the values allowed',
  consent_required: 'no consent',
  url_invalid: 'not a web address',
  link_in_name: 'a web address in a name',
}

function whatIsWrong(errors: LineErrors, locales: readonly string[]): string {
  return Object.entries(errors)
    .map(([field, code]) => {
      if (code !== 'choice_invalid') return `${field}: ${FIELD_ERRORS[code]}`
      // Which values a column takes, since the file is fixed by hand.
      const allowed =
        field === 'language'
          ? `not one of the site's languages (${locales.join(', ')})`
          : field === 'display'
            ? `not one of ${DISPLAYS.join(', ')}`
            : field === 'public' || field === 'initial'
              ? 'neither yes nor no'
              : FIELD_ERRORS[code]
      return `${field}: ${allowed}`
    })
    .join('; ')
}

let text: string
try {
  text = readFileSync(file, 'utf8')
} catch (err) {
  console.error(`cannot read ${file}: ${(err as Error).message}`)
  process.exit(1)
}

const config = prepareDataDir(loadConfig())
// The mails are written here, with this command's settings, not the server's: run from a
// shell without the server's environment, their links would lead to http://localhost:3000.
console.log(`the mails' links lead to ${config.baseUrl} (BASE_URL)`)
const database = await openDatabase(config)
// The server writes to the same database meanwhile: a write that finds it busy is tried
// again, for as long as the server itself would.
const { transact } = createTransactor(database.db, database.dialect, {
  retryForMs: config.site.reliability.writeRetrySeconds * 1000,
})
const limiter = createRateLimiter(database.db, database.dialect, transact)
let status = 0
try {
  await migrateToLatest(database.db)
  const report = await importSignatures(
    {
      db: database.db,
      transact,
      config,
      now: () => new Date(),
      // The server's worker finds the queued mails on its next pass (every few seconds).
      mailQueued: () => {},
      limiter,
      afterAnswer: (work) => void work(),
    },
    text,
    { dryRun: values['dry-run'] },
  )
  for (const l of report.lines)
    if (l.outcome === 'skipped')
      console.log(
        `line ${l.line}: skipped, ${REASONS[l.reason]}${l.errors ? ` (${whatIsWrong(l.errors, config.site.locales)})` : ''}`,
      )
  const skipped = Object.entries(report.skipped)
    .map(([reason, n]) => `${n} ${REASONS[reason as keyof typeof REASONS]}`)
    .join('; ')
  console.log(
    `${values['dry-run'] ? 'would import' : 'imported'}: ${report.imported} (pending until each person confirms from the mail)` +
      `; skipped: ${report.lines.length - report.imported}${skipped ? ` (${skipped})` : ''}`,
  )
} catch (err) {
  if (!(err instanceof ImportFileError)) throw err
  console.error(`${file}: ${err.message}`)
  status = 1
} finally {
  await limiter.close()
  await database.close()
}
process.exit(status)
