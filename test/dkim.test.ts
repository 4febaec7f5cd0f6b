// Mail that receiving servers can trust: signed with DKIM by the key `npm run dkim`
// makes, verified here by mailauth (a verifier mail servers use) against the DNS record
// the command prints, served from a resolver of the test's own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dkimVerify } from 'mailauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { dnsRecords, generateDkimKey, loadDkim } from '../src/mail/dkim.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { postForm, validSignature } from './helpers/http.js'

const SELECTOR = 'paraphe202611'

/** The TXT strings of the record `npm run dkim` prints for `name`, as a DNS resolver returns them. */
function zoneResolver(zone: string[]) {
  return async (name: string, type: string): Promise<string[][]> => {
    const line = zone.find((l) => l.startsWith(`${name}. IN ${type} `))
    if (!line) throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' })
    return [[...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!)]
  }
}

describe('DKIM signing', () => {
  let app: TestApp
  let dir: string
  let zone: string[]
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paraphe-dkim-'))
    const key = generateDkimKey()
    writeFileSync(join(dir, 'dkim.pem'), key.privateKey, { mode: 0o600 })
    zone = dnsRecords('paraphe.test', SELECTOR, key.publicKeyBase64, 'contact@paraphe.test')
    app = await startTestApp(DATABASES[0]!, {
      DKIM_PRIVATE_KEY_FILE: join(dir, 'dkim.pem'),
      DKIM_SELECTOR: SELECTOR,
    })
  })
  afterAll(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('signs every mail with the domain of MAIL_FROM, and the signature verifies against the published record', async () => {
    await postForm(app.url, '/sign', validSignature({ email: 'signee@cnrs.fr' }))
    await app.smtp.waitForMessages(1)
    const raw = app.smtp.raw[0]!
    const result = await dkimVerify(raw, { resolver: zoneResolver(zone) })
    expect(result.results).toHaveLength(1)
    expect(result.results[0]).toMatchObject({
      signingDomain: 'paraphe.test',
      selector: SELECTOR,
      status: { result: 'pass', aligned: 'paraphe.test' },
    })
    // What a receiver also reads: an identifier on the sender's domain, a date, and
    // (a transactional mail) that no auto-responder should answer it.
    const mail = app.smtp.messages[0]!
    expect(mail.messageId).toMatch(/@paraphe\.test>$/)
    expect(mail.date).toBeInstanceOf(Date)
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated')
  })

  it('fails verification once the mail is changed on the way', async () => {
    const raw = app.smtp.raw[0]!.toString('utf8').replace(/confirm/, 'c0nfirm')
    const result = await dkimVerify(Buffer.from(raw), { resolver: zoneResolver(zone) })
    expect(result.results[0]!.status.result).toBe('fail')
  })

  it('refuses at start-up a key file that is missing or not a key, and a selector without a key', () => {
    expect(() =>
      loadDkim({ keyFile: join(dir, 'none.pem'), selector: 'x' }, 'no-reply@paraphe.test'),
    ).toThrow(/DKIM_PRIVATE_KEY_FILE.*does not exist/)
    writeFileSync(join(dir, 'public.pem'), 'not a key')
    expect(() =>
      loadDkim({ keyFile: join(dir, 'public.pem'), selector: 'x' }, 'no-reply@paraphe.test'),
    ).toThrow(/not a readable private key/)
    expect(() => loadConfig({ ...app.env, DKIM_SELECTOR: 'x', DKIM_PRIVATE_KEY_FILE: '' })).toThrow(
      /DKIM_PRIVATE_KEY_FILE/,
    )
    expect(() =>
      loadConfig({ ...app.env, DKIM_PRIVATE_KEY_FILE: join(dir, 'dkim.pem'), DKIM_SELECTOR: '' }),
    ).toThrow(/DKIM_SELECTOR/)
  })
})
