// /.well-known/security.txt tells a security researcher whom to write to: the
// collective's contact address, with an expiry RFC 9116 accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get } from './helpers/http.js'

describe.each(DATABASES)('/.well-known/security.txt (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  it("names the collective's contact address, an expiry under a year away, and its own address", async () => {
    const answer = await get(app.url, '/.well-known/security.txt')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/)
    const fields = Object.fromEntries(
      answer.html
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    )
    expect(fields.Contact).toBe(`mailto:${app.config.site.contactEmail}`)
    const expires = new Date(fields.Expires!).getTime() - app.clock.now().getTime()
    expect(expires).toBeGreaterThan(30 * 86_400_000)
    expect(expires).toBeLessThan(365 * 86_400_000)
    expect(fields.Expires).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/)
    expect(fields['Preferred-Languages']).toBe(app.config.site.locales.join(', '))
    expect(fields.Canonical).toBe('http://paraphe.test/.well-known/security.txt')
  })
})
