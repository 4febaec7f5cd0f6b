// The moderators' pages in Chromium, logged in as a moderator: WCAG 2.1 A/AA with
// axe-core in light and contrast in dark, the page's language, no script, no
// horizontal scroll on a phone, and screenshots for a person to look at. Moderators
// are volunteers working from whatever they have at hand: their pages are held to the
// public pages' rules of access, if not to their budget (a moderation list is long).
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { createNews } from '../../src/domain/news.js'
import { confirmedOrganisation, contentWithModeration, logInAs, signAndConfirm } from '../helpers/admin.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import {
  axeViolations,
  launchBrowser,
  pageFacts,
  saveFullPage,
  visitorContext,
  visitorTabs,
  type VisitorTabs,
} from './browser.js'

const SCREENSHOTS = 'test-results/screenshots'
const MODERATOR = 'moderator@paraphe.test'

describe('the moderators’ pages, in Chromium', () => {
  let app: TestApp
  let browser: Browser
  let tabs: VisitorTabs
  const paths: Record<string, string> = {}

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    ;[browser, app] = await Promise.all([
      launchBrowser(),
      startTestApp('sqlite', {
        ADMIN_EMAILS: MODERATOR,
        // Signing from loopback at once, as the moderation tests do; a watched name, so
        // that the dashboard and the signature's page show a flag.
        CONTENT_DIR: contentWithModeration('watch_list = ["Jean Martin"]'),
      }),
    ])
    const signed = await signAndConfirm(app, {
      first_name: 'Élise',
      last_name: 'Roux',
      email: 'elise.roux@univ-tlse3.fr',
      comment: 'Parce que nos métiers méritent mieux.',
    })
    await signAndConfirm(app, { first_name: 'Jean', last_name: 'Martin', email: 'jean.martin@cnrs.fr' })
    const news = await createNews(app.server.ctx, MODERATOR, {
      fr: { title: 'Un débat à Toulouse', body: 'Le **12 janvier**, à la faculté.' },
      en: { title: 'A debate in Toulouse', body: 'On **12 January**, at the university.' },
    })
    // An organisation awaiting a decision, with a mandate of two paragraphs.
    await confirmedOrganisation(app, {
      name: 'Institut de recherche en informatique de Toulouse',
      contact_name: 'Claire Martin',
      email: 'claire.martin@cnrs.fr',
      mandate: 'Vote du conseil de laboratoire du 12 novembre.\n\nUnanimité moins deux abstentions.',
    })
    const [name, value] = (await logInAs(app, MODERATOR)).split('=') as [string, string]
    tabs = visitorTabs(browser, (context) => context.addCookies([{ name, value, url: app.url }]))
    Object.assign(paths, {
      dashboard: '/admin',
      signature: `/admin/signatures/${signed}`,
      organisations: '/admin/organisations',
      domains: '/admin/domains',
      signing: '/admin/signing',
      export: '/admin/export',
      news: '/admin/news',
      'news-new': '/admin/news/new',
      'news-item': `/admin/news/${news}`,
      bulk: '/admin/bulk',
      mails: '/admin/mails',
      audit: '/admin/audit',
    })
  })
  afterAll(async () => {
    await tabs?.close()
    await browser?.close()
    await app?.close()
  })

  it('has its login page meet the rules before anyone is logged in', async ({ expect }) => {
    const context = await visitorContext(browser, 'fr', { javaScriptEnabled: true })
    try {
      const page = await context.newPage()
      const response = await page.goto(`${app.url}/admin/login`)
      expect(response?.status()).toBe(200)
      expect.soft(await axeViolations(page), 'axe, light').toEqual([])
      await page.emulateMedia({ colorScheme: 'dark' })
      expect.soft(await axeViolations(page, ['color-contrast']), 'axe, dark').toEqual([])
    } finally {
      await context.close()
    }
  })

  it.for([
    'dashboard',
    'signature',
    'organisations',
    'domains',
    'signing',
    'export',
    'news',
    'news-new',
    'news-item',
    'bulk',
    'mails',
    'audit',
  ])(
    '%s meets the accessibility, language and layout rules',
    { timeout: 120_000 },
    async (name, { expect }) => {
      await tabs.use('fr', async ({ page, network }) => {
        const response = await page.goto(app.url + paths[name]!)
        expect(response?.status(), 'status').toBe(200)
        const facts = await pageFacts(page)
        expect.soft(facts.lang, 'lang of <html>').toBe('fr')
        expect.soft(facts.scripts, 'script elements').toBe(0)
        expect.soft(await axeViolations(page), 'axe, light').toEqual([])
        await page.emulateMedia({ colorScheme: 'dark' })
        expect.soft(await axeViolations(page, ['color-contrast']), 'axe, dark').toEqual([])
        await page.setViewportSize({ width: 375, height: 640 })
        const overflow = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }))
        expect.soft(overflow.scroll, 'no horizontal scroll at 375 px').toBeLessThanOrEqual(overflow.client)
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: 800 })
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme })
            await saveFullPage(network.cdp, `${SCREENSHOTS}/admin-${name}-${width}-${colorScheme}.png`)
          }
        }
      })
    },
  )
})
