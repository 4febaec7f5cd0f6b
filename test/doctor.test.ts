// npm run doctor reads a deployment's settings as the server would and names, one line
// each, what is wrong or risky; a careful deployment gets a clean bill.
import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentWith } from './helpers/content.js'
import { freePort } from './helpers/process.js'
import { startSmtp, type TestSmtp } from './helpers/smtp.js'

const run = promisify(execFile)
type Outcome = { code: number; stdout: string }

async function doctor(env: Record<string, string>): Promise<Outcome> {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/doctor.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  )
}

describe('npm run doctor', () => {
  let smtp: TestSmtp
  beforeAll(async () => {
    smtp = await startSmtp()
  })
  afterAll(async () => {
    await smtp?.close()
  })

  it('names each careless setting on a line of its own, and fails', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-doctor-'))
    chmodSync(dataDir, 0o755)
    writeFileSync(join(dataDir, 'secret'), `${'s'.repeat(43)}\n`, { mode: 0o644 })
    mkdirSync(join(dataDir, 'backups'), { mode: 0o700 })
    writeFileSync(join(dataDir, 'backups', 'copy.sqlite'), '', { mode: 0o644 })
    const { code, stdout } = await doctor({
      DATA_DIR: dataDir,
      BASE_URL: 'http://manifeste.example.org',
      HOST: '0.0.0.0',
      TRUSTED_PROXY_HOPS: '1',
    })
    expect(code).toBe(1)
    const lines = stdout.trim().split('\n')
    for (const expected of [
      /^problem: BASE_URL http:\/\/manifeste\.example\.org is not https/,
      /^problem: contact_email in site\.toml is a placeholder \(contact@atecopol\.invalid\)/,
      /^problem: MAIL_FROM .* is at a domain nobody receives mail for/,
      /^problem: SMTP_URL is not set/,
      /^risk: TRUSTED_PROXY_HOPS=1 trusts X-Forwarded-For, but HOST=0\.0\.0\.0/,
      /^risk: NODE_ENV is not production/,
      /^risk: DATA_DIR .* can be read by other users/,
      /^risk: .*\/secret can be read by other users/,
      /^risk: .*\/backups\/copy\.sqlite can be read by other users/,
    ])
      expect(
        lines.filter((line) => expected.test(line)),
        String(expected),
      ).toHaveLength(1)
    expect(lines).toHaveLength(9)
  }, 60_000)

  it('says when the SMTP server cannot be reached, naming its host but never the password', async () => {
    const port = await freePort()
    const { code, stdout } = await doctor({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'paraphe-doctor-')),
      SMTP_URL: `smtp://user:hunter2-secret@127.0.0.1:${port}`,
    })
    expect(code).toBe(1)
    expect(stdout).toMatch(
      new RegExp(`^problem: the SMTP server 127\\.0\\.0\\.1:${port} does not accept us: .*ECONNREFUSED`, 'm'),
    )
    expect(stdout).not.toContain('hunter2')
  }, 60_000)

  it('finds nothing to say about a careful deployment', async () => {
    const { code, stdout } = await doctor({
      DATA_DIR: join(mkdtempSync(join(tmpdir(), 'paraphe-doctor-')), 'data'),
      CONTENT_DIR: contentWith({ contact_email: '"contact@collectif.fr"' }),
      BASE_URL: 'https://manifeste.collectif.fr',
      MAIL_FROM: 'Collectif <no-reply@collectif.fr>',
      SMTP_URL: smtp.url,
      HOST: '127.0.0.1',
      TRUSTED_PROXY_HOPS: '1',
      NODE_ENV: 'production',
    })
    expect(stdout.trim()).toBe('nothing wrong or risky found')
    expect(code).toBe(0)
  }, 60_000)
})
