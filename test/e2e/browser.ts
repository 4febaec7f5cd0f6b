// Chromium (see helpers/chromium.ts) driven by playwright-core, and what the browser itself measures
// of a page: requests and bytes from its network events, DOM size, accessibility.
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import { findChromium } from '../helpers/chromium.js'
import { ecoIndex } from '../helpers/ecoindex.js'

const require = createRequire(import.meta.url)
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source

export const BUDGET = { maxBytes: 35 * 1024, maxRequests: 5, minEcoIndex: 85 }
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Throws at once (not a rejected promise) when no Chromium is found. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/** A laptop's window, where every visitor starts. */
const WINDOW = { width: 1280, height: 900 }

/** A visitor with JavaScript off, in the page's language (else Chromium's English redirects /). */
export function visitorContext(
  browser: Browser,
  locale: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? false,
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    viewport: WINDOW,
    colorScheme: 'light',
  })
}

export interface NetworkRecord {
  url: string
  type: string
  bytes: number
}

/** Records every request of a page, as the browser reports them, with its cache off. */
export interface NetworkRecorder {
  records: NetworkRecord[]
  reset(): void
  /** Waits for the page's icon, which Chromium asks for after the load event. */
  settled(page: Page): Promise<void>
  cdp: CDPSession
}

export async function recordNetwork(context: BrowserContext, page: Page): Promise<NetworkRecorder> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  // A first visit: nothing comes from the cache, every byte is counted.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  let records: NetworkRecord[] = []
  let current = new Map<string, NetworkRecord>()
  cdp.on('Network.requestWillBeSent', (e) => {
    // A redirect keeps the request id: the hop before it is a request of its own.
    const previous = current.get(e.requestId)
    if (previous && e.redirectResponse) previous.bytes = e.redirectResponse.encodedDataLength
    const record = { url: e.request.url, type: e.type ?? 'Other', bytes: 0 }
    records.push(record)
    current.set(e.requestId, record)
  })
  cdp.on('Network.loadingFinished', (e) => {
    const record = current.get(e.requestId)
    if (record) record.bytes = e.encodedDataLength
  })
  return {
    get records() {
      return [...records]
    },
    reset() {
      records = []
      current = new Map()
    },
    async settled(page) {
      await page.waitForLoadState('load')
      const isIcon = (url: string) => /\/(assets\/icon\.[^/]+\.svg|favicon\.ico)$/.test(url)
      if (records.some((r) => isIcon(r.url) && r.bytes > 0)) return
      // Not an assertion: a page whose icon never comes is measured without it.
      await page
        .waitForEvent('requestfinished', { predicate: (r) => isIcon(r.url()), timeout: 3000 })
        .catch(() => {})
    },
    cdp,
  }
}

/** A visitor's tab, with its network recorded. */
export interface VisitorTab {
  context: BrowserContext
  page: Page
  network: NetworkRecorder
}

export interface VisitorTabs {
  /** Runs `check` in a tab of its own, as a first visit finds it. */
  use<T>(locale: string, check: (tab: VisitorTab) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * Visitors' tabs (JavaScript on, for axe-core) kept open from one page check to the
 * next. A new context is a new renderer process that starts up and compiles axe-core
 * again: reusing the tab takes a third off a check's CPU. Each check has a tab to itself,
 * handed over as a first visit finds it: no cookie (`enter` puts back what every visit
 * of the file starts with, e.g. a moderator's session), the cache off, the light scheme,
 * the default window. A tab whose check failed is closed rather than reused.
 */
export function visitorTabs(
  browser: Browser,
  enter: (context: BrowserContext) => Promise<void> = async () => {},
): VisitorTabs {
  const idle = new Map<string, VisitorTab[]>()
  const open = new Set<VisitorTab>()
  async function newTab(locale: string): Promise<VisitorTab> {
    const context = await visitorContext(browser, locale, { javaScriptEnabled: true })
    const page = await context.newPage()
    const tab = { context, page, network: await recordNetwork(context, page) }
    open.add(tab)
    return tab
  }
  return {
    async use(locale, check) {
      const tab = idle.get(locale)?.pop() ?? (await newTab(locale))
      try {
        await tab.context.clearCookies()
        await enter(tab.context)
        await tab.page.emulateMedia({ colorScheme: 'light' })
        await tab.page.setViewportSize(WINDOW)
        tab.network.reset()
        const result = await check(tab)
        idle.set(locale, [...(idle.get(locale) ?? []), tab])
        return result
      } catch (error) {
        open.delete(tab)
        await tab.context.close().catch(() => {})
        throw error
      }
    },
    async close() {
      await Promise.all([...open].map((tab) => tab.context.close().catch(() => {})))
      open.clear()
      idle.clear()
    },
  }
}

/**
 * The whole page as a PNG file, for a person to look at. Asked of Chromium directly with
 * `optimizeForSpeed`, which Playwright's `page.screenshot` does not pass: its smallest
 * encoding took half the CPU of a page check, for files a third smaller.
 */
export async function saveFullPage(cdp: CDPSession, path: string): Promise<void> {
  const { cssContentSize: size } = await cdp.send('Page.getLayoutMetrics')
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    optimizeForSpeed: true,
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: size.width, height: size.height, scale: 1 },
  })
  await writeFile(path, Buffer.from(data, 'base64'))
}

export interface PageFacts {
  domElements: number
  scripts: number
  lang: string
  /** Links to another language without a lang attribute, or with another one. */
  foreignWithoutLang: string[]
}

export function pageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    // EcoIndex counts elements, leaving out the inside of inline SVG images.
    const all = document.getElementsByTagName('*').length
    const inSvg = document.querySelectorAll('svg *').length
    const foreign = [...document.querySelectorAll<HTMLElement>('[hreflang]')]
      .filter((a) => a.tagName !== 'LINK' && a.getAttribute('lang') !== a.getAttribute('hreflang'))
      .map((a) => a.outerHTML)
    return {
      domElements: all - inSvg,
      scripts: document.querySelectorAll('script').length,
      lang: document.documentElement.lang,
      foreignWithoutLang: foreign,
    }
  })
}

export interface AxeViolation {
  id: string
  help: string
  nodes: string[]
}

/** axe-core's WCAG 2.1 A/AA rules. Injected by evaluate: the CSP forbids script tags. */
export async function axeViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(
    async ({ tags, rules }) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              opts: object,
            ) => Promise<{
              violations: {
                id: string
                help: string
                nodes: { target: string[]; failureSummary?: string }[]
              }[]
            }>
          }
        }
      ).axe
      const result = await axe.run(document, {
        runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }))
    },
    { tags: WCAG_TAGS, rules },
  )
}

export interface Budget {
  bytes: number
  kb: number
  requests: number
  otherOrigins: string[]
  scriptRequests: number
  domElements: number
  ecoIndex: number
  grade: string
}

export function budgetOf(origin: string, records: NetworkRecord[], facts: PageFacts): Budget {
  const bytes = records.reduce((sum, r) => sum + r.bytes, 0)
  const eco = ecoIndex({ domElements: facts.domElements, requests: records.length, sizeKb: bytes / 1024 })
  return {
    bytes,
    kb: Math.round((bytes / 1024) * 10) / 10,
    requests: records.length,
    otherOrigins: records
      .map((r) => r.url)
      .filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:')),
    scriptRequests: records.filter((r) => r.type === 'Script').length,
    domElements: facts.domElements,
    ecoIndex: Math.round(eco.score * 10) / 10,
    grade: eco.grade,
  }
}

/** The focused element's outline, to tell whether focus can be seen. */
export function focusOutline(page: Page): Promise<{ tag: string; id: string; style: string; width: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const cs = getComputedStyle(el)
    return { tag: el.tagName, id: el.id, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) || 0 }
  })
}
