// The files of deploy/ are the ones docs/DEPLOY.md shows, word for word, and each is
// accepted by the tool that will read it: systemd, Caddy (nginx runs its site for real
// in reverse-proxy.test.ts).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../src/app.js'

const has = (tool: string, ...args: string[]) => spawnSync(tool, args).status === 0

/** Every block of the guide introduced by `<!-- deploy/name -->`, by file name. */
function blocksOf(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>()
  for (const m of markdown.matchAll(/<!-- (deploy\/[^ ]+) -->\n```[a-z]*\n([\s\S]*?)```\n/g))
    blocks.set(m[1]!, m[2]!)
  return blocks
}

describe('the deployment files', () => {
  it('are shown in docs/DEPLOY.md exactly as shipped, every one of them', () => {
    const blocks = blocksOf(readFileSync('docs/DEPLOY.md', 'utf8'))
    const files = readdirSync('deploy').map((name) => `deploy/${name}`)
    expect([...blocks.keys()].sort()).toEqual(files.sort())
    for (const file of files) expect(blocks.get(file), file).toBe(readFileSync(file, 'utf8'))
  })

  it("let nginx refuse exactly the bodies the server refuses, so that its 413 is the server's page", () => {
    const site = readFileSync('deploy/nginx-paraphe.conf', 'utf8')
    expect(site).toContain(`client_max_body_size ${MAX_BODY_BYTES / 1024}k;`)
    expect(site).toMatch(/error_page 413 = @too_large;/)
  })

  it('give the paraphe command a settings file the shell reads as systemd does', () => {
    const read = spawnSync('sh', ['-c', 'set -a; . deploy/paraphe.env; printf %s "$MAIL_FROM|$BASE_URL"'], {
      encoding: 'utf8',
    })
    expect(read.stderr).toBe('')
    expect(read.stdout).toBe('Collectif <no-reply@example.org>|https://manifeste.example.org')
    expect(spawnSync('sh', ['-n', 'deploy/paraphe-cli']).status).toBe(0)
    const usage = spawnSync('sh', ['deploy/paraphe-cli'], { encoding: 'utf8' })
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('usage: paraphe doctor|backup')
  })

  it.skipIf(!has('systemd-analyze', '--version'))('give systemd a unit it accepts without a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paraphe-unit-'))
    // systemd checks that the command exists: on this machine, Node.js may live elsewhere.
    const unit = readFileSync('deploy/paraphe.service', 'utf8').replace(
      '/usr/bin/node ',
      `${process.execPath} `,
    )
    writeFileSync(join(dir, 'paraphe.service'), unit)
    const verify = spawnSync('systemd-analyze', ['verify', join(dir, 'paraphe.service')], {
      encoding: 'utf8',
    })
    expect(verify.stderr + verify.stdout).toBe('')
    expect(verify.status).toBe(0)
  })

  it.skipIf(!has('systemd-analyze', '--version'))(
    'confine the service as systemd-analyze security recommends',
    () => {
      const security = spawnSync(
        'systemd-analyze',
        // The exposure is reported out of 10, the threshold given out of 100.
        ['security', '--offline=true', '--threshold=20', 'deploy/paraphe.service'],
        { encoding: 'utf8' },
      )
      expect(security.stdout).toMatch(/Overall exposure level for paraphe\.service: 1\.\d OK/)
      expect(security.status).toBe(0)
    },
  )

  it.skipIf(!has('caddy', 'version'))('give Caddy a site it accepts, formatted as it formats it', () => {
    const validate = spawnSync(
      'caddy',
      ['validate', '--config', 'deploy/Caddyfile', '--adapter', 'caddyfile'],
      {
        encoding: 'utf8',
      },
    )
    expect(validate.stdout + validate.stderr).toContain('Valid configuration')
    const formatted = spawnSync('caddy', ['fmt', 'deploy/Caddyfile'], { encoding: 'utf8' })
    expect(formatted.stdout).toBe(readFileSync('deploy/Caddyfile', 'utf8'))
  })
})
