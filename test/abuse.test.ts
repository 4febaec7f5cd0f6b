// Abuse without collateral damage: per-network rate limits that a university can live
// with, a signed form timestamp, disposable addresses refused, typos pointed out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { reportRates } from '../src/server.js'
import { startAnotherInstance, startTestApp, type TestApp } from './helpers/app.js'
import { lineLogger } from './helpers/log.js'
import { contentWith } from './helpers/content.js'
import { DATABASES, ON_POSTGRES } from './helpers/databases.js'
import { get, hiddenValue, postForm, validSignature } from './helpers/http.js'

const signatureCount = async (app: TestApp) =>
  (await app.server.ctx.db.selectFrom('signatures').select('email_domain').execute()).length

/** A form as a browser shows it: the page's signed timestamp, and the time a person takes to fill it. */
async function stampedForm(app: TestApp, path = '/sign'): Promise<string> {
  const stamp = hiddenValue((await get(app.url, path)).html, 'form_ts')
  app.clock.advance(10_000)
  return stamp
}

describe.each(DATABASES)('rate limits per client network (%s)', (kind) => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('answers a burst from one network with a localised 429 page and Retry-After, recording nothing more', async () => {
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ sign_per_minute: '4', unstamped_weight: '1' }),
    })
    for (let n = 0; n < 4; n++)
      expect((await postForm(app.url, '/sign', validSignature({ email: `p${n}@cnrs.fr` }))).status).toBe(303)
    const refused = await postForm(app.url, '/sign', validSignature({ email: 'p5@cnrs.fr' }))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(refused.html).toContain('Trop de demandes')
    const en = await postForm(app.url, '/en/sign', validSignature({ email: 'p6@cnrs.fr' }))
    expect(en.status).toBe(429)
    expect(en.html).toContain('Too many requests')
    expect(await signatureCount(app)).toBe(4)
    // The next window opens the door again.
    app.clock.advance(61_000)
    expect((await postForm(app.url, '/sign', validSignature({ email: 'p7@cnrs.fr' }))).status).toBe(303)
  })

  it('does not let a forged X-Forwarded-For reset a budget when no proxy is trusted', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: contentWith({ manage_per_minute: '2' }) })
    const statuses = []
    for (let n = 0; n < 4; n++) {
      const page = await postForm(
        app.url,
        '/manage',
        { email: 'x@cnrs.fr' },
        { 'X-Forwarded-For': `198.51.${n}.7` },
      )
      statuses.push(page.status)
    }
    expect(statuses).toEqual([303, 303, 429, 429])
  })

  it('counts a submission without the form timestamp double, and one with it once', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: contentWith({ sign_per_minute: '4' }) })
    const unstamped = []
    for (let n = 0; n < 3; n++)
      unstamped.push((await postForm(app.url, '/sign', validSignature({ email: `u${n}@cnrs.fr` }))).status)
    expect(unstamped).toEqual([303, 303, 429])
    app.clock.advance(61_000)
    const stamp = await stampedForm(app)
    const stamped = []
    for (let n = 0; n < 5; n++)
      stamped.push(
        (await postForm(app.url, '/sign', validSignature({ email: `s${n}@cnrs.fr`, form_ts: stamp }))).status,
      )
    expect(stamped.filter((s) => s === 303)).toHaveLength(4)
  })

  it('never limits allow-listed networks, nor signatures from allow-listed domains', async () => {
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ sign_per_minute: '1', allow_domains: '["univ-tlse3.fr"]' }),
    })
    for (let n = 0; n < 5; n++) {
      expect(
        (await postForm(app.url, '/sign', validSignature({ email: `c${n}@univ-tlse3.fr` }))).status,
      ).toBe(303)
    }
    await app.close()
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ sign_per_minute: '1', allow_networks: '["127.0.0.0/8", "::1/128"]' }),
    })
    for (let n = 0; n < 5; n++)
      expect((await postForm(app.url, '/sign', validSignature({ email: `d${n}@cnrs.fr` }))).status).toBe(303)
  })

  it('reports hourly the networks and domains whose rate stands out, without refusing them', async () => {
    const lines: string[] = []
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ report_network_per_hour: '3', report_domain_per_hour: '2' }),
    })
    for (let n = 0; n < 4; n++) await postForm(app.url, '/sign', validSignature({ email: `r${n}@inria.fr` }))
    await reportRates(
      app.server.ctx,
      lineLogger((line) => lines.push(line)),
    )
    expect(lines.some((l) => /^rate report: domain inria\.fr: 4 signing requests/.test(l))).toBe(true)
    expect(
      lines.some((l) => /^rate report: network [A-Za-z0-9_-]{16}: 8 weighted signing requests/.test(l)),
    ).toBe(true)
    expect(lines.join('\n')).not.toContain('127.0.0')
  })
})

describe.runIf(ON_POSTGRES)('rate limits shared by every instance on one PostgreSQL database', () => {
  it('counts requests to two instances against one budget', async () => {
    const first = await startTestApp('postgres', { CONTENT_DIR: contentWith({ manage_per_minute: '3' }) })
    const second = await startAnotherInstance(first)
    try {
      const statuses = []
      for (const url of [first.url, second.url, first.url, second.url])
        statuses.push((await postForm(url, '/manage', { email: 'y@cnrs.fr' })).status)
      expect(statuses).toEqual([303, 303, 303, 429])
    } finally {
      await second.close()
      await first.close()
    }
  })
})

describe('the sign form against bots and typos', () => {
  let app: TestApp
  beforeAll(async () => {
    // The shipped settings: minimum fill time and throwaway addresses refused.
    app = await startTestApp('sqlite', {
      CONTENT_DIR: contentWith({ allow_networks: '["127.0.0.0/8", "::1/128"]' }),
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('asks again, recording nothing, when a form comes back sooner than a person could fill it', async () => {
    const stamp = hiddenValue((await get(app.url, '/sign')).html, 'form_ts')
    const fast = await postForm(app.url, '/sign', validSignature({ email: 'fast@cnrs.fr', form_ts: stamp }))
    expect(fast.status).toBe(422)
    expect(fast.html).toContain('envoyé très vite')
    expect(fast.html).toContain('value="fast@cnrs.fr"')
    expect(await signatureCount(app)).toBe(0)
    app.clock.advance(5_000)
    expect(
      (await postForm(app.url, '/sign', validSignature({ email: 'fast@cnrs.fr', form_ts: stamp }))).status,
    ).toBe(303)
  })

  it('takes a forged or malformed timestamp as no timestamp, never as an error', async () => {
    for (const form_ts of ['0.AAAAAAAAAAAAAAAAAAAAAA', `${Date.now()}.forged`, 'x'.repeat(300)]) {
      const page = await postForm(
        app.url,
        '/sign',
        validSignature({ email: `forged${form_ts.length}@cnrs.fr`, form_ts }),
      )
      expect(page.status).toBe(303)
    }
  })

  it('refuses a disposable address with a clear message beside the field', async () => {
    const page = await postForm(app.url, '/sign', validSignature({ email: 'someone@mailinator.com' }))
    expect(page.status).toBe(422)
    expect(page.html).toContain('Les adresses jetables ne sont pas acceptées')
    const en = await postForm(app.url, '/en/sign', validSignature({ email: 'someone@sub.yopmail.com' }))
    expect(en.html).toContain('Disposable addresses are not accepted')
  })

  it('suggests the domain the signatory probably meant, and keeps the address as typed if sent again', async () => {
    const first = await postForm(app.url, '/sign', validSignature({ email: 'camille@gmial.com' }))
    expect(first.status).toBe(422)
    expect(first.html).toContain('Vouliez-vous dire')
    expect(first.html).toContain('<strong>camille@gmail.com</strong>')
    // The field still holds what was typed: nothing is changed behind the signatory's back.
    expect(first.html).toContain('value="camille@gmial.com"')
    const near = await postForm(app.url, '/en/sign', validSignature({ email: 'ana@univ-tlse.fr' }))
    expect(near.html).toContain('<strong>ana@univ-tlse3.fr</strong>')
    const kept = await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'camille@gmial.com', email_typo_ok: hiddenValue(first.html, 'email_typo_ok') }),
    )
    expect(kept.status).toBe(303)
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select('email_domain')
      .where('email_domain', '=', 'gmial.com')
      .executeTakeFirst()
    expect(row).toBeDefined()
  })

  it('accepts known and institutional domains without a suggestion', async () => {
    for (const email of ['a@gmail.com', 'b@univ-tlse3.fr', 'c@cnrs.fr', 'd@lab.univ-lyon1.fr']) {
      const page = await postForm(app.url, '/sign', validSignature({ email }))
      expect(page.status).toBe(303)
    }
  })
})
