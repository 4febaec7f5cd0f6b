// The signatory kit in a real browser (Chromium, headless): the e-mail
// signature survives a paste into a rich-text editor, the page passes axe's WCAG 2.1
// AA rules in light and dark, and the manifesto prints with its QR code.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { findChromium } from './helpers/chromium.js'

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]
const BASE = 'http://paraphe.test'

/** What a rich-text editor keeps of pasted HTML: its images and links. */
async function pasteIntoEditor(page: Page, htmlToPaste: string) {
  await page.evaluate(() => {
    const editor = document.createElement('div')
    editor.id = 'editor'
    editor.contentEditable = 'true'
    document.body.prepend(editor)
  })
  await page.click('#editor')
  // A real paste through the system clipboard, as a person would do it.
  await page.evaluate(async (h) => {
    const item = new ClipboardItem({
      'text/html': new Blob([h], { type: 'text/html' }),
      'text/plain': new Blob([h], { type: 'text/plain' }),
    })
    await navigator.clipboard.write([item])
  }, htmlToPaste)
  await page.keyboard.press('Control+V')
  return readEditor(page)
}

function readEditor(page: Page) {
  return page.evaluate(() => {
    const editor = document.getElementById('editor')!
    return {
      images: [...editor.querySelectorAll('img')].map((i) => ({
        src: i.getAttribute('src'),
        alt: i.getAttribute('alt'),
        width: i.getAttribute('width'),
      })),
      links: [...editor.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent,
      })),
    }
  })
}

describe('signatory kit in a browser', () => {
  let app: TestApp
  let browser: Browser
  beforeAll(async () => {
    const executablePath = findChromium()
    app = await startTestApp('sqlite')
    browser = await chromium.launch({ executablePath, args: ARGS })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  async function kitPage(colorScheme: 'light' | 'dark' = 'light') {
    const context = await browser.newContext({
      colorScheme,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
    const page = await context.newPage()
    await page.goto(`${app.url}/kit`, { waitUntil: 'networkidle' })
    return { context, page }
  }

  it('keeps the logo and the link when the HTML signature is pasted into a rich-text editor', async () => {
    const { context, page } = await kitPage()
    const snippet = await page.inputValue('#snippet-email')
    const pasted = await pasteIntoEditor(page, snippet)
    expect(pasted.images).toEqual([
      {
        src: `${BASE}/kit/badge-main-levee-fr-colour-512.png`,
        alt: 'Objection de conscience · face à l’IA générative',
        width: '256',
      },
    ])
    expect(pasted.links.map((l) => l.href)).toEqual([`${BASE}/`, `${BASE}/`])
    expect(pasted.links[1]!.text).toBe('Face à l’IA générative, l’objection de conscience')
    await context.close()
  })

  it('keeps the logo and the link when the rendered preview is copied and pasted', async () => {
    const { context, page } = await kitPage()
    await page.evaluate(() => {
      const range = document.createRange()
      range.selectNodeContents(document.querySelector('.email-preview')!)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    })
    await page.keyboard.press('Control+C')
    await page.evaluate(() => {
      const editor = document.createElement('div')
      editor.id = 'editor'
      editor.contentEditable = 'true'
      document.body.prepend(editor)
    })
    await page.click('#editor')
    await page.keyboard.press('Control+V')
    const pasted = await readEditor(page)
    expect(pasted.images).toHaveLength(1)
    expect(pasted.images[0]!.src).toBe(`${app.url}/kit/badge-main-levee-fr-colour-512.png`)
    expect(pasted.images[0]!.alt).toBe('Objection de conscience · face à l’IA générative')
    expect(pasted.links.map((l) => l.href)).toEqual([`${BASE}/`, `${BASE}/`])
    await context.close()
  })

  it('shows every snippet selectable, with no script to run', async () => {
    const { context, page } = await kitPage()
    expect(await page.locator('script').count()).toBe(0)
    expect(await page.locator('textarea[readonly]').count()).toBe(10)
    // Selecting a text area's whole text, as a person does before copying it.
    await page.click('#snippet-email')
    await page.keyboard.press('Control+A')
    expect(
      await page.evaluate(() => {
        const area = document.getElementById('snippet-email') as HTMLTextAreaElement
        return area.value.slice(area.selectionStart, area.selectionEnd)
      }),
    ).toBe(await page.inputValue('#snippet-email'))
    await context.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe's WCAG 2.1 AA rules in ${scheme} mode`, async () => {
      const { context, page } = await kitPage(scheme)
      const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
      // The CSP forbids added script tags: evaluate the source instead.
      await page.evaluate(axeSource)
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                ctx: unknown,
                opts: unknown,
              ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>
            }
          }
        ).axe
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(violations).toEqual([])
      await context.close()
    })
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows every mark at 16, 32, 64 px and full size, and its badges as offered, on a ${scheme} page`, async () => {
      // A sheet as a designer looks at it, saved to test-results/marks/; each size is
      // the file the kit publishes for it (a mark's 16 and 32 px come from its small drawing).
      const ground = scheme === 'light' ? '#ffffff' : '#1b1b1b'
      const rows = app.config.site.kit.marks.flatMap((mark) =>
        ['colour', 'dark', 'mono', 'mono-dark'].flatMap((v) => [
          `${[16, 32, 64]
            .map((w) => `<img src="${app.url}/kit/mark-${mark.id}-${v}-${w}.png" width="${w}" height="${w}">`)
            .join('')}<img src="${app.url}/kit/mark-${mark.id}-${v}.svg" width="256" height="256">`,
          // The badge at the widths it is offered in: 256 px from the PNG an e-mail signature uses.
          [256]
            .map((w) => `<img src="${app.url}/kit/badge-${mark.id}-fr-${v}-${w * 2}.png" width="${w}">`)
            .join('') +
            `<img src="${app.url}/kit/badge-${mark.id}-fr-${v}.svg" width="256"><img src="${app.url}/kit/badge-${mark.id}-en-${v}.svg" width="512">`,
        ]),
      )
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 1200, height: 900 },
      })
      const page = await context.newPage()
      await page.setContent(
        `<body style="margin:16px;background:${ground}">${rows.map((r) => `<p style="display:flex;gap:16px;align-items:center">${r}</p>`).join('')}<p style="display:flex;gap:16px"><img src="${app.url}/badge.svg" height="40"><img src="${app.url}/en/badge.svg" height="40"></p></body>`,
        { waitUntil: 'networkidle' },
      )
      const images = await page.evaluate(() =>
        [...document.images].map((i) => ({ src: i.src, loaded: i.complete && i.naturalWidth > 0 })),
      )
      expect(images.filter((i) => !i.loaded)).toEqual([])
      expect(images).toHaveLength(app.config.site.kit.marks.length * 4 * 7 + 2)
      mkdirSync('test-results/marks', { recursive: true })
      await page.screenshot({ path: `test-results/marks/browser-${scheme}.png`, fullPage: true })
      await context.close()
    })
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the previews of the kit page from its one sheet, on a ${scheme} page`, async () => {
      const { context, page } = await kitPage(scheme)
      const previews = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('img[src*="/kit/previews-"]')].map((i) => ({
          src: i.getAttribute('src'),
          drawn: i.complete && i.naturalWidth > 0,
          // Shown at the view's own size: scaled by its width alone, a view would take
          // the whole sheet's proportions and show a strip of it.
          box: i.getBoundingClientRect().height === Number(i.getAttribute('height')),
        })),
      )
      expect(previews.length).toBeGreaterThanOrEqual(9)
      expect(previews.filter((p) => !p.drawn || !p.box)).toEqual([])
      mkdirSync('test-results/marks', { recursive: true })
      await page.locator('#logos').screenshot({ path: `test-results/marks/kit-logos-${scheme}.png` })
      await context.close()
    })
  }

  it('loads every image of the kit page, and nothing from another site', async () => {
    const { context, page } = await kitPage()
    const origins = new Set<string>()
    page.on('request', (r) => origins.add(new URL(r.url()).origin))
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForLoadState('networkidle')
    const broken = await page.evaluate(() =>
      [...document.images]
        .filter((i) => i.complete && i.naturalWidth === 0)
        .map((i) => i.getAttribute('src')),
    )
    expect(broken).toEqual([])
    expect([...origins].filter((o) => o !== app.url)).toEqual([])
    await context.close()
  })

  it('prints the manifesto with the count and a QR code to the text', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 794, height: 1123 } })
    const page = await context.newPage()
    await page.goto(`${app.url}/`, { waitUntil: 'networkidle' })
    expect(await page.isVisible('.poster-qr')).toBe(false)
    await page.emulateMedia({ media: 'print' })
    await page.waitForFunction(
      () => (document.querySelector('.poster-qr img') as HTMLImageElement).naturalWidth > 0,
    )
    expect(await page.isVisible('.poster-qr')).toBe(true)
    expect(await page.isVisible('.count')).toBe(true)
    expect(await page.isVisible('form')).toBe(false)
    expect(await page.textContent('.poster-url')).toBe(`${BASE}/`)
    await context.close()
  })
})
