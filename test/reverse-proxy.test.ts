// The nginx site the deployment guide installs, run by Debian's real nginx in front of
// the server as docs/DEPLOY.md sets it up (HOST=127.0.0.1, TRUSTED_PROXY_HOPS=1, an
// https BASE_URL): what a visitor and an abuser see through it.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../src/app.js'
import { networkKey } from '../src/domain/network.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { DATABASES } from './helpers/databases.js'
import { validSignature } from './helpers/http.js'
import { nginxBinary, startNginx, type TestNginx } from './helpers/nginx.js'
import { freePort } from './helpers/process.js'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

const installed = nginxBinary() !== undefined
if (!installed) console.warn('reverse-proxy.test.ts skipped: nginx is not installed (apt-get install nginx)')

describe.skipIf(!installed).each(DATABASES)('behind the shipped nginx site (%s)', (kind) => {
  let app: TestApp
  let nginx: TestNginx

  beforeAll(async () => {
    const httpsPort = await freePort()
    app = await startTestApp(kind, {
      TRUSTED_PROXY_HOPS: '1',
      BASE_URL: `https://localhost:${httpsPort}`,
      // The shipped limits, but for a budget small enough to exhaust: loopback is not allow-listed.
      CONTENT_DIR: contentWith({ sign_per_minute: '3', unstamped_weight: '1' }),
    })
    nginx = await startNginx(app.server.port, httpsPort)
  })
  afterAll(async () => {
    await nginx?.stop()
    await app?.close()
  })

  /** A request to nginx over TLS, trusting the run's certificate; bodies are left encoded. */
  function send(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: nginx.httpsPort,
          servername: 'localhost',
          ca: nginx.certificate,
          method,
          path,
          headers: { Host: `localhost:${nginx.httpsPort}`, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          )
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  }

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
  const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

  it('answers plain HTTP with a permanent redirect to the same path over HTTPS', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port: nginx.httpPort,
          path: '/signatories?page=2',
          headers: { Host: 'localhost' },
        },
        (res) => {
          res.resume()
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }),
          )
        },
      )
        .on('error', reject)
        .end()
    })
    expect(answer.status).toBe(301)
    expect(answer.headers.location).toBe('https://localhost/signatories?page=2')
  })

  it("sees the visitor's address, and a forged X-Forwarded-For does not buy a fresh rate-limit budget", async () => {
    const statuses: number[] = []
    for (let n = 0; n < 4; n++) {
      const answer = await send(
        'POST',
        '/sign',
        { ...FORM, 'X-Forwarded-For': `198.51.${n}.7, 203.0.113.${n}` },
        form(validSignature({ email: `forged${n}@cnrs.fr`, last_name: `Forged${n}` })),
      )
      statuses.push(answer.status)
    }
    // Three a minute from one network: the fourth is refused although it claimed another address.
    expect(statuses).toEqual([303, 303, 303, 429])
    const keys = await app.server.ctx.db
      .selectFrom('signatures')
      .select('network_key')
      .where('last_name', 'like', 'Forged%')
      .execute()
    // nginx reached the client on loopback: that, not any forged entry, is the network recorded.
    expect(keys.map((k) => k.network_key)).toEqual(Array(3).fill(networkKey(app.config.secret, '127.0.0.1')))
  })

  it('carries HSTS once, from the server, on HTTPS answers', async () => {
    const answer = await send('GET', '/')
    expect(answer.status).toBe(200)
    expect(answer.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  })

  it('compresses pages, JSON and the Atom feed', async () => {
    const page = await send('GET', '/', { 'Accept-Encoding': 'br, gzip' })
    expect(page.headers['content-encoding']).toBe('br')
    const json = await send('GET', '/api/v1/stats', { 'Accept-Encoding': 'gzip' })
    expect(json.headers['content-type']).toMatch(/^application\/json/)
    expect(json.headers['content-encoding']).toBe('gzip')
    const feed = await send('GET', '/feed.atom', { 'Accept-Encoding': 'gzip' })
    expect(feed.status).toBe(200)
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/)
    expect(feed.headers['content-encoding']).toBe('gzip')
    expect(feed.headers.vary).toMatch(/Accept-Encoding/i)
  })

  it('passes the caching headers through: hashed assets for a year, personal links never kept', async () => {
    const page = (await send('GET', '/')).body.toString()
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page)![1]!
    const asset = await send('GET', stylesheet)
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toMatch(/immutable/)
    const link = await send('GET', `/confirm/${'A'.repeat(43)}`)
    expect(link.headers['cache-control']).toMatch(/no-store/)
  })

  it("refuses a body over the server's limit with the server's own page, in the visitor's language", async () => {
    const large = form(validSignature({ comment: 'x'.repeat(4 * MAX_BODY_BYTES) }))
    const fr = await send('POST', '/sign', FORM, large)
    expect(fr.status).toBe(413)
    expect(fr.headers['content-type']).toMatch(/^text\/html/)
    const frPage = fr.body.toString()
    expect(frPage).toContain('Requête invalide')
    expect(frPage).toContain('<link rel="stylesheet"')
    const en = await send('POST', '/en/sign', FORM, large)
    expect(en.status).toBe(413)
    expect(en.body.toString()).toContain('Bad request')
    // nginx's limit is the server's: a body just under it still reaches the server.
    const under = await send('POST', '/sign', FORM, form({ comment: 'x'.repeat(MAX_BODY_BYTES - 100) }))
    expect(under.status).not.toBe(413)
  })
})
