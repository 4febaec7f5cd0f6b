// Helpers for the moderation tests: a content folder with other moderation
// settings, signing and confirming through HTTP, logging in through the mailed link.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Organisation } from '../../src/db/schema.js'
import type { OrganisationValues } from '../../src/domain/organisations.js'
import type { TestApp } from './app.js'
import { signForOrganisation } from './organisation-signing.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './http.js'

/** A copy of content/ whose [moderation] section is replaced by `settings` (TOML lines). */
export function contentWithModeration(settings: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
  cpSync('content', dir, { recursive: true })
  const file = join(dir, 'site.toml')
  const toml = readFileSync(file, 'utf8').split('\n[moderation]')[0]!
  // Moderation tests sign from loopback in numbers, and look at how throwaway addresses are flagged.
  writeFileSync(
    file,
    `${toml}\n[moderation]\n${settings}\n\n[limits]\nallow_networks = ["127.0.0.0/8", "::1/128"]\nmin_fill_seconds = 0\nrefuse_disposable = false\n`,
  )
  return dir
}

/** Signs through the form, confirms through the mailed link; returns the signature id. */
export async function signAndConfirm(
  app: TestApp,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<number> {
  const before = app.smtp.messages.length
  const page = await postForm(app.url, '/sign', validSignature(fields), headers)
  if (page.status !== 303) throw new Error(`sign answered ${page.status}`)
  const mails = await app.smtp.waitForMessages(before + 1)
  const path = linkIn(mails[before]!.text!, 'confirm')
  const form = await get(app.url, path)
  await postForm(app.url, path, { csrf: hiddenValue(form.html, 'csrf') })
  const row = await app.server.ctx.db
    .selectFrom('signatures')
    .select('id')
    .where('first_name', '=', validSignature(fields).first_name!)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The path of the admin login link in a mail. */
export function loginLinkIn(text: string): string {
  const m = /https?:\/\/[^/\s]+(\/admin\/login\/[A-Za-z0-9_-]{43})/.exec(text)
  if (!m) throw new Error('no login link in mail')
  return m[1]!
}

/** Logs in as `email` through the mailed link; returns the Cookie header to send. */
export async function logInAs(app: TestApp, email: string): Promise<string> {
  // Mails of earlier signatures must be out first, so the next one is the login link.
  await app.server.worker.drain()
  const before = app.smtp.messages.length
  await postForm(app.url, '/admin/login', { email })
  const mails = await app.smtp.waitForMessages(before + 1)
  const path = loginLinkIn(mails[before]!.text!)
  const page = await get(app.url, path)
  const done = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
  const cookie = done.headers.get('set-cookie')
  if (done.status !== 303 || !cookie) throw new Error(`login answered ${done.status}`)
  return cookie.split(';')[0]!
}

/**
 * An organisation as its contact brings it, up to a moderator's decision: requested in
 * French, then confirmed with the link of the mail the SMTP server received.
 */
export async function confirmedOrganisation(
  app: TestApp,
  values: OrganisationValues & { name: string; email: string },
): Promise<Organisation> {
  const id = await signForOrganisation(
    app,
    { url: 'irit.fr', contact_role: 'Directrice', mandate: '', ...values },
    'awaiting',
  )
  return app.server.ctx.db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id!)
    .executeTakeFirstOrThrow()
}

/**
 * Posts a moderator's action on a signature as its page's button does: with the
 * signature's version as the page showed it (`seen`, its updated_at, read now).
 */
export async function moderate(
  app: TestApp,
  id: number | undefined,
  action: string,
  fields: Record<string, string>,
  headers: Record<string, string>,
) {
  const row = await app.server.ctx.db
    .selectFrom('signatures')
    .select('updated_at')
    .where('id', '=', id ?? 0)
    .executeTakeFirst()
  return postForm(
    app.url,
    `/admin/signatures/${id}/${action}`,
    { seen: row?.updated_at ?? '', ...fields },
    headers,
  )
}
