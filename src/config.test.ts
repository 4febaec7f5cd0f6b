import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'
import { prepareDataDir } from './data-dir.js'
import { isSigningOpen } from './domain/signing-open.js'

const dataDir = () => mkdtempSync(join(tmpdir(), 'paraphe-config-'))

describe('settings', () => {
  it('have defaults that run the site on SQLite with mail written to files', () => {
    const dir = dataDir()
    const config = loadConfig({ DATA_DIR: dir })
    expect(config).toMatchObject({
      port: 3000,
      baseUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      smtpUrl: undefined,
    })
    expect(config.sqliteFile).toBe(join(dir, 'paraphe.sqlite'))
    expect(config.site.defaultLocale).toBe('fr')
  })

  it('are read without writing anything: a command that only reads them leaves DATA_DIR as it was', () => {
    const dir = join(dataDir(), 'not-yet')
    const config = loadConfig({ DATA_DIR: dir })
    expect(config.secret).toBeUndefined()
    expect(existsSync(dir)).toBe(false)
  })

  it('generate the secret once at start-up, in a data folder and a file readable by their owner only', () => {
    const dir = join(dataDir(), 'made-at-start-up')
    const first = prepareDataDir(loadConfig({ DATA_DIR: dir })).secret
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600)
    expect(prepareDataDir(loadConfig({ DATA_DIR: dir })).secret).toBe(first)
    const given = 'a-secret-of-at-least-thirty-two-characters'
    expect(prepareDataDir(loadConfig({ DATA_DIR: dir, SECRET: given })).secret).toBe(given)
  })

  it('refuse a secret file too short to key the hashes, naming it', () => {
    const dir = dataDir()
    writeFileSync(join(dir, 'secret'), 'short\n')
    expect(() => prepareDataDir(loadConfig({ DATA_DIR: dir }))).toThrowError(
      /^SECRET: .*secret holds fewer than 32/,
    )
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

describe('moderation settings', () => {
  it('read moderators from ADMIN_EMAILS, in lower case, and refuse a wrong address naming the setting', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), ADMIN_EMAILS: ' Anne@Example.org, bob@example.org ,' })
    expect(config.adminEmails).toEqual(['anne@example.org', 'bob@example.org'])
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_EMAILS: 'anne@example.org, nope' })).toThrow(
      /^ADMIN_EMAILS: /,
    )
    expect(loadConfig({ DATA_DIR: dataDir() }).adminEmails).toEqual([])
  })

  it('default to publishing without pre-moderation, and let the admin override signing_open but not the closing date', () => {
    const site = loadConfig({ DATA_DIR: dataDir() }).site
    expect(site.moderation).toMatchObject({
      preModeration: false,
      countBeforeApproval: true,
      networkTraceDays: 3,
    })
    const now = new Date('2026-12-01T00:00:00Z')
    expect(isSigningOpen(site, now, false)).toBe(false)
    expect(isSigningOpen({ ...site, signingOpen: false }, now, true)).toBe(true)
    expect(isSigningOpen({ ...site, closesAt: new Date('2026-11-30T00:00:00Z') }, now, true)).toBe(false)
  })
})

describe('limits against abuse', () => {
  it('default to values a university signing from one network can live with', () => {
    const limits = loadConfig({ DATA_DIR: dataDir() }).site.limits
    expect(limits.signPerMinute).toBeGreaterThanOrEqual(60)
    expect(limits.minFillSeconds).toBeGreaterThan(0)
    expect(limits.allowNetworks).toEqual([])
  })

  it('stop start-up with one line naming a limit that is not a whole number of at least 1', () => {
    for (const setting of [
      'login_per_minute',
      'login_per_address_per_hour',
      'login_mails_per_hour',
      'relay_per_minute',
      'form_stamp_uses',
    ]) {
      const content = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
      cpSync('content', content, { recursive: true })
      const toml = join(content, 'site.toml')
      writeFileSync(
        toml,
        readFileSync(toml, 'utf8').replace(new RegExp(`^${setting} = .*$`, 'm'), `${setting} = 0`),
      )
      let message = ''
      try {
        loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: content })
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError)
        message = (err as Error).message
      }
      expect(message).toMatch(new RegExp(`site\\.toml limits\\.${setting}: `))
      expect(message).not.toContain('\n')
    }
  })
})

describe('public aggregates', () => {
  /** A copy of content/ with one line of site.toml, or the whole of institutions.toml, replaced. */
  function contentWith(change: { siteLine?: [string, string]; institutions?: string }): string {
    const dir = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
    cpSync('content', dir, { recursive: true })
    if (change.siteLine) {
      const file = join(dir, 'site.toml')
      writeFileSync(file, readFileSync(file, 'utf8').replace(change.siteLine[0], change.siteLine[1]))
    }
    if (change.institutions !== undefined) writeFileSync(join(dir, 'institutions.toml'), change.institutions)
    return dir
  }

  it('show no group under 5 signatures by default, and refuse a minimum that is not a whole number from 1', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).site.minGroupSize).toBe(5)
    const zero = contentWith({ siteLine: ['min_group_size = 5', 'min_group_size = 0'] })
    expect(() => loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: zero })).toThrowError(
      /site\.toml privacy\.min_group_size: /,
    )
    const text = contentWith({ siteLine: ['min_group_size = 5', 'min_group_size = "five"'] })
    expect(() => loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: text })).toThrowError(
      /privacy\.min_group_size/,
    )
  })

  it('name institutions from content/institutions.toml, site.toml winning, and refuse a line that is not a domain', () => {
    const site = loadConfig({
      DATA_DIR: dataDir(),
      CONTENT_DIR: contentWith({
        siteLine: [
          '[institutions.names]\n',
          '[institutions.names]\n"cnrs.fr" = "Centre national de la recherche scientifique"\n',
        ],
      }),
    }).site
    expect(site.institutionNames['ut-capitole.fr']).toBe('Université Toulouse Capitole')
    expect(site.institutionNames['cnrs.fr']).toBe('Centre national de la recherche scientifique')
    const wrong = contentWith({ institutions: '"Not A Domain" = "X"\n' })
    expect(() => loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: wrong })).toThrowError(
      /institutions\.toml Not A Domain: must be a lower-case domain/,
    )
  })
  it('switch the title and unit fields on and make them required from site.toml alone, naming a wrong setting', () => {
    const shipped = loadConfig({ DATA_DIR: dataDir() }).site
    expect([...shipped.formFields]).toEqual(['title', 'unit'])
    expect(shipped.titleSuggestions['teacher-researcher']?.fr).toContain('Maître·sse de conférences')
    const off = contentWith({ siteLine: ['fields = ["title", "unit"]', 'fields = []'] })
    expect(loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: off }).site.formFields.size).toBe(0)
    const required = contentWith({ siteLine: ['required = ["institution"]', 'required = ["unit"]'] })
    expect(loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: required }).site.requiredFields.has('unit')).toBe(
      true,
    )
    const requiredOff = contentWith({ siteLine: ['fields = ["title", "unit"]', 'fields = ["title"]'] })
    const toml = join(requiredOff, 'site.toml')
    writeFileSync(
      toml,
      readFileSync(toml, 'utf8').replace('required = ["institution"]', 'required = ["unit"]'),
    )
    expect(() => loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: requiredOff })).toThrowError(
      /form\.required: "unit" is required but not among form\.fields/,
    )
    const unknownCategory = contentWith({
      siteLine: ['[form.title_suggestions]\n', '[form.title_suggestions]\nwizard = { fr = ["Mage"] }\n'],
    })
    expect(() => loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: unknownCategory })).toThrowError(
      /form\.title_suggestions\.wizard: "wizard" is not a category key/,
    )
  })

  it('give each category a plural for group headings, its label where site.toml gives none', () => {
    const { site } = loadConfig({ DATA_DIR: dataDir() })
    const researcher = site.categories.find((c) => c.key === 'researcher')!
    expect(researcher.plurals).toEqual({ fr: 'Chercheur·es', en: 'Researchers' })
    const without = contentWith({
      siteLine: ['plural = { fr = "Chercheur·es", en = "Researchers" }\n', ''],
    })
    const bare = loadConfig({ DATA_DIR: dataDir(), CONTENT_DIR: without }).site
    expect(bare.categories.find((c) => c.key === 'researcher')!.plurals).toEqual({
      fr: 'Chercheur·e',
      en: 'Researcher',
    })
  })
})
