// Every page of PAGES_TO_CHECK in Chromium: WCAG 2.1 A/AA with
// axe-core, languages, the page budget and EcoIndex measured by the browser, no
// cookie, strict headers, no horizontal scroll at 320 and 375 px, the way to sign
// within the first screen where a page offers it, and screenshots at two
// widths in both colour schemes for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import {
  axeViolations,
  budgetOf,
  BUDGET,
  launchBrowser,
  pageFacts,
  saveFullPage,
  visitorContext,
  visitorTabs,
  type Budget,
  type VisitorTabs,
} from './browser.js'
import { seedSite, type SiteFixtures } from './fixtures.js'
import { PAGES_TO_CHECK, type PageToCheck } from './pages-to-check.js'

const SCREENSHOTS = 'test-results/screenshots'
const WIDTHS = [375, 1280]
const SCHEMES = ['light', 'dark'] as const
/** The narrowest phones in use, and the most common. */
const OVERFLOW_WIDTHS = [320, 375]
/** A first screen's height at each width: a small phone's, a laptop's. */
const FIRST_SCREEN: Record<number, number> = { 375: 667, 1280: 800 }

/**
 * Whether, at the top of the page, the sign form's heading or a visible link to it
 * lies wholly inside the window: a reader convinced by the text need not hunt for it.
 */
function signWithinFirstScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    window.scrollTo(0, 0)
    const candidates = [...document.querySelectorAll<HTMLElement>('#sign-title, main a[href$="#sign"]')]
    return candidates.some((el) => {
      const box = el.getBoundingClientRect()
      const visible = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      return visible && box.top >= 0 && box.bottom <= window.innerHeight
    })
  })
}

describe('every page, in Chromium', () => {
  let app: TestApp
  let browser: Browser
  let tabs: VisitorTabs
  const measured: Record<string, Budget & { path: string }> = {}

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    // The browser first: without one the file stops at once, before a server starts.
    ;[browser, app] = await Promise.all([launchBrowser(), startTestApp('sqlite', {}, { mail: 'files' })])
    tabs = visitorTabs(browser)
  })
  afterAll(async () => {
    await tabs?.close()
    await browser?.close()
    await app?.close()
    if (Object.keys(measured).length === 0) return
    // In the list's order, whatever order the pages were checked in.
    const ordered = Object.fromEntries(
      PAGES_TO_CHECK.filter((p) => measured[p.name]).map((p) => [p.name, measured[p.name]!]),
    )
    writeFileSync('test-results/budget.json', `${JSON.stringify(ordered, null, 2)}\n`)
    console.log(
      [
        'page                  KB  requests  DOM  EcoIndex',
        ...Object.entries(ordered).map(
          ([name, b]) =>
            `${name.padEnd(20)} ${b.kb.toFixed(1).padStart(5)}  ${String(b.requests).padStart(8)}  ${String(b.domElements).padStart(3)}  ${b.ecoIndex.toFixed(1)} ${b.grade}`,
        ),
      ].join('\n'),
    )
  })

  /** Opens one page and checks everything the issue asks of it. */
  async function checkPage(entry: PageToCheck, path: string, expect: ExpectStatic) {
    await tabs.use(entry.locale, async ({ context, page, network }) => {
      let response = await page.goto(app.url + path)
      if (entry.submitEmpty) {
        await network.settled(page)
        network.reset()
        ;[response] = await Promise.all([
          page.waitForNavigation(),
          page.click('main form[method="post"] button[type="submit"]'),
        ])
      }
      await network.settled(page)
      expect(response?.status(), 'status').toBe(entry.status ?? 200)

      // Headers of the page itself.
      const headers = response!.headers()
      expect.soft(headers['content-security-policy'], 'CSP').toContain("frame-ancestors 'none'")
      expect.soft(headers['content-security-policy'], 'CSP').not.toContain('unsafe-inline')
      expect.soft(headers['cache-control'], 'Cache-Control').toBe(entry.secret ? 'no-store' : 'no-cache')
      expect.soft(['br', 'gzip'], 'compressed').toContain(headers['content-encoding'])
      expect.soft(headers['set-cookie'], 'no cookie header').toBeUndefined()

      // Languages.
      const facts = await pageFacts(page)
      expect.soft(facts.lang, 'lang of <html>').toBe(entry.locale)
      expect.soft(facts.foreignWithoutLang, 'links to another language carry its lang').toEqual([])

      // Budget, as the browser counted it.
      const budget = budgetOf(app.url, network.records, facts)
      measured[entry.name] = { path, ...budget }
      expect.soft(budget.otherOrigins, 'requests to another origin').toEqual([])
      // One budget for every page, the kit included: no page has an exception.
      expect.soft(facts.scripts, 'script elements').toBe(0)
      expect.soft(budget.scriptRequests, 'script requests').toBe(0)
      expect
        .soft(budget.requests, `requests (${network.records.map((r) => r.url).join(', ')})`)
        .toBeLessThanOrEqual(BUDGET.maxRequests)
      expect.soft(budget.bytes, 'bytes transferred').toBeLessThanOrEqual(BUDGET.maxBytes)
      expect.soft(budget.ecoIndex, 'EcoIndex').toBeGreaterThanOrEqual(BUDGET.minEcoIndex)

      // Accessibility: every WCAG 2.1 A/AA rule in light, and contrast again in dark.
      expect.soft(await axeViolations(page), 'axe, light').toEqual([])
      await page.emulateMedia({ colorScheme: 'dark' })
      expect.soft(await axeViolations(page, ['color-contrast']), 'axe, dark').toEqual([])

      expect.soft(await context.cookies(), 'cookies').toEqual([])

      // Layout: no horizontal scroll on phones, the way to sign within the first
      // screen where the page offers it, and pictures for people.
      for (const width of OVERFLOW_WIDTHS) {
        await page.setViewportSize({ width, height: 640 })
        const overflow = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }))
        expect
          .soft(overflow.scroll, `no horizontal scroll at ${width} px`)
          .toBeLessThanOrEqual(overflow.client)
      }
      // The budget is counted: now the images a visitor loads by scrolling (the kit's
      // e-mail preview, the counter) are loaded too, so that a full-page picture shows
      // them rather than empty boxes.
      await page.evaluate(() =>
        Promise.all(
          [...document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')].map((img) => {
            img.loading = 'eager'
            return img.complete
              ? undefined
              : new Promise((done) => {
                  img.addEventListener('load', done, { once: true })
                  img.addEventListener('error', done, { once: true })
                })
          }),
        ),
      )
      for (const width of WIDTHS) {
        if (entry.signInFirstScreen) {
          await page.setViewportSize({ width, height: FIRST_SCREEN[width]! })
          expect
            .soft(await signWithinFirstScreen(page), `the way to sign within the first screen at ${width} px`)
            .toBe(true)
        }
        await page.setViewportSize({ width, height: 800 })
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme })
          await saveFullPage(network.cdp, `${SCREENSHOTS}/${entry.name}-${width}-${colorScheme}.png`)
        }
      }
    })
  }

  // The empty states first, one after the other; then, on a site with signatures
  // in it, the other pages a few at a time (the browser waits more than it works).
  describe('on a site nobody has signed yet', () => {
    it('has an axe-core that does report a violation when there is one', async ({ expect }) => {
      const context = await visitorContext(browser, 'fr', { javaScriptEnabled: true })
      try {
        const page = await context.newPage()
        await page.goto(`${app.url}/sign/sent`)
        await page.evaluate(() =>
          document
            .querySelector('main')!
            .append(Object.assign(document.createElement('img'), { src: '/favicon.ico' })),
        )
        expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt')
      } finally {
        await context.close()
      }
    })

    it.for(PAGES_TO_CHECK.filter((p) => p.emptySite))(
      '$name meets the accessibility, language, budget and header rules',
      async (entry, { expect }) => {
        await checkPage(entry, entry.path as string, expect)
      },
    )
  })

  describe('on a site with signatures', () => {
    let fixtures: SiteFixtures
    beforeAll(async () => {
      fixtures = await seedSite(app)
    })
    it.concurrent.for(PAGES_TO_CHECK.filter((p) => !p.emptySite))(
      '$name meets the accessibility, language, budget and header rules',
      // The kit is the longest page (6,500 px at 1280, 9,400 at 375): its four full-page
      // screenshots alone take a dozen seconds, and with two more kit pages checked at
      // once on two cores one check took 91 s.
      { timeout: 180_000 },
      async (entry, { expect }) => {
        await checkPage(entry, typeof entry.path === 'function' ? entry.path(fixtures) : entry.path, expect)
      },
    )
  })
})
