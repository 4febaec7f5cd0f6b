// npm run init: a new collective's content folder that starts as it is, and keeps up
// with the settings Paraphe's own content folder has.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'smol-toml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get } from './helpers/http.js'

const init = (folder: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/init.ts', folder], { encoding: 'utf8' })

describe('npm run init', () => {
  let folder: string
  let app: TestApp
  beforeAll(async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'paraphe-init-')), 'collective')
    const run = init(folder)
    expect(run.status, run.stderr).toBe(0)
    app = await startTestApp('sqlite', { CONTENT_DIR: folder }, { mail: 'files' })
  }, 60_000)
  afterAll(async () => {
    await app?.close()
  })

  it('makes a content folder the server starts on, every page answering', async () => {
    const sitemap = (await get(app.url, '/sitemap.xml')).html
    const listed = [...sitemap.matchAll(/<loc>http:\/\/paraphe\.test([^<]*)<\/loc>/g)].map((m) => m[1]!)
    // The manifesto, the legal notice and the privacy notice, in both languages, are among them.
    expect(listed).toEqual(
      expect.arrayContaining([
        '/',
        '/en/',
        '/mentions-legales',
        '/en/legal-notice',
        '/confidentialite',
        '/en/privacy',
      ]),
    )
    const forms = ['/sign', '/en/sign', '/manage', '/en/manage', '/sign/sent', '/admin/login']
    for (const path of [...listed, ...forms]) {
      const page = await get(app.url, path, { 'Sec-Fetch-Site': 'same-origin' })
      expect(page.status, path).toBe(200)
    }
    // The placeholders say what to write, and the text and its translation are twins.
    const home = (await get(app.url, '/', { 'Sec-Fetch-Site': 'same-origin' })).html
    expect(home).toContain('<h1>Titre du texte</h1>')
    expect(home).toContain('hreflang="en"')
  })

  it('writes into a new or empty folder only', () => {
    const again = init(folder)
    expect(again.status).toBe(2)
    expect(again.stderr).toContain(`init: ${folder} is not empty`)
  })

  it('gives every setting the shipped site.toml gives, but what is only this collective’s', () => {
    const keys = (file: string) => {
      const out: string[] = []
      const walk = (node: Record<string, unknown>, prefix: string) => {
        for (const [key, value] of Object.entries(node)) {
          const path = prefix ? `${prefix}.${key}` : key
          out.push(path)
          if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))
            walk(value as Record<string, unknown>, path)
        }
      }
      walk(parse(readFileSync(file, 'utf8')) as Record<string, unknown>, '')
      return out
    }
    const template = keys(join(folder, 'site.toml'))
    // What only this collective has: its marks and badge, its titles by category, its publication's date.
    const own = /^(kit\.marks|kit\.badge|form\.title_suggestions\.|publication\.date|institutions\.names\.)/
    expect(keys('content/site.toml').filter((k) => !own.test(k) && !template.includes(k))).toEqual([])
  })
})
