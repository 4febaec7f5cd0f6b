// Requests that race each other: counts stay exact and every signature is in one
// consistent state, on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCounts, recount } from '../src/domain/counters.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { waitFor } from './helpers/wait.js'

/** The link of the latest mail to `email` carrying a `prefix` link, once it has arrived. */
async function linkTo(app: TestApp, email: string, prefix: string): Promise<string> {
  return waitFor(`a ${prefix} link mailed to ${email}`, () => {
    const links = app.smtp.messages
      .filter(
        (m) => (m.to as { text: string } | undefined)?.text === email && m.text?.includes(`/${prefix}/`),
      )
      .map((m) => linkIn(m.text!, prefix))
    return links.at(-1)
  })
}

/** Counts as shown (kept by the transactions) equal counts recomputed from the rows. */
async function expectExactCounts(app: TestApp) {
  const kept = await readCounts(app.server.ctx.db)
  const actual = await recount(app.server.ctx.db)
  expect({ confirmed: kept.confirmed, public: kept.public }).toEqual(actual)
  return actual
}

describe.each(DATABASES)('racing requests (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    // Every request comes from one address: the test content lets loopback through.
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('makes one signature of 50 identical submissions sent at once', async () => {
    const email = 'same.person@cnrs.fr'
    const pages = await Promise.all(
      Array.from({ length: 50 }, () => postForm(app.url, '/sign', validSignature({ email }))),
    )
    expect(new Set(pages.map((p) => p.status))).toEqual(new Set([303]))
    const rows = await app.server.ctx.db
      .selectFrom('signatures')
      .select('id')
      .where('email_domain', '=', 'cnrs.fr')
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('confirms once when the confirmation is sent many times at once', async () => {
    await postForm(app.url, '/sign', validSignature({ email: 'twice@inria.fr', first_name: 'Twice' }))
    const path = await linkTo(app, 'twice@inria.fr', 'confirm')
    const csrf = hiddenValue((await get(app.url, path)).html, 'csrf')
    const before = (await readCounts(app.server.ctx.db)).confirmed
    const pages = await Promise.all(Array.from({ length: 10 }, () => postForm(app.url, path, { csrf })))
    expect(pages.every((p) => p.status === 303)).toBe(true)
    expect((await readCounts(app.server.ctx.db)).confirmed).toBe(before + 1)
    await expectExactCounts(app)
  })

  it('leaves a consistent state when withdrawal, edits and confirmations of one signature race', async () => {
    const email = 'racer@inserm.fr'
    await postForm(app.url, '/sign', validSignature({ email, first_name: 'Racer' }))
    const confirmPath = await linkTo(app, email, 'confirm')
    const confirmCsrf = hiddenValue((await get(app.url, confirmPath)).html, 'csrf')
    await postForm(app.url, confirmPath, { csrf: confirmCsrf })
    await postForm(app.url, '/manage', { email })
    const managePath = await linkTo(app, email, 'manage')
    const manageCsrf = hiddenValue((await get(app.url, managePath)).html, 'csrf')
    const edit = { ...validSignature({ public: '' }), csrf: manageCsrf }
    const results = await Promise.all([
      postForm(app.url, `${managePath}/withdraw`, { csrf: manageCsrf }),
      ...Array.from({ length: 4 }, () => postForm(app.url, managePath, edit)),
      ...Array.from({ length: 4 }, () => postForm(app.url, confirmPath, { csrf: confirmCsrf })),
    ])
    // Each request either did its work or found the signature gone: never a server error.
    for (const r of results) expect([303, 404]).toContain(r.status)
    expect(results[0]!.status).toBe(303)
    const left = await app.server.ctx.db
      .selectFrom('signatures')
      .select('id')
      .where('email_domain', '=', 'inserm.fr')
      .execute()
    expect(left).toHaveLength(0)
    const tokens = await app.server.ctx.db
      .selectFrom('tokens')
      .innerJoin('signatures', 'signatures.id', 'tokens.signature_id')
      .select('hash')
      .where('email_domain', '=', 'inserm.fr')
      .execute()
    expect(tokens).toHaveLength(0)
    await expectExactCounts(app)
  })
})
