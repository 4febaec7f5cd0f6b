import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const dataDir = () => mkdtempSync(join(tmpdir(), 'paraphe-config-'))

describe('settings', () => {
  it('have defaults that run the site on SQLite with mail written to files', () => {
    const dir = dataDir()
    const config = loadConfig({ DATA_DIR: dir })
    expect(config).toMatchObject({ port: 3000, baseUrl: 'http://localhost:3000', databaseUrl: undefined, smtpUrl: undefined })
    expect(config.sqliteFile).toBe(join(dir, 'paraphe.sqlite'))
    expect(config.site.defaultLocale).toBe('fr')
  })

  it('generate the secret once, readable by its owner only', () => {
    const dir = dataDir()
    const first = loadConfig({ DATA_DIR: dir }).secret
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600)
    expect(loadConfig({ DATA_DIR: dir }).secret).toBe(first)
  })

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ BASE_URL: 'ftp://x' }, /^BASE_URL: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be a postgres/],
    [{ SMTP_URL: 'localhost' }, /^SMTP_URL: /],
    [{ SECRET: 'short' }, /^SECRET: must be at least 32/],
    [{ CONTENT_DIR: '/nonexistent' }, /site\.toml/],
  ])('stop start-up with one line naming a wrong setting: %j', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrowError(ConfigError)
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrowError(message)
  })
})

describe('limits against abuse', () => {
  it('default to values a university signing from one network can live with', () => {
    const limits = loadConfig({ DATA_DIR: dataDir() }).site.limits
    expect(limits.signPerMinute).toBeGreaterThanOrEqual(60)
    expect(limits.minFillSeconds).toBeGreaterThan(0)
    expect(limits.allowNetworks).toEqual([])
  })
})
