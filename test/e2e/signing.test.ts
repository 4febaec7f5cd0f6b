// The signing journey as a visitor with JavaScript off lives it: read, fill, submit,
// open the mail file, press the button, see the count and the name. Then the same
// with mistakes, and with the keyboard alone.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { linkIn } from '../helpers/http.js'
import { lastMailTo } from '../helpers/mail-files.js'
import { focusOutline, launchBrowser, visitorContext } from './browser.js'

describe('signing in Chromium with JavaScript off', () => {
  let app: TestApp
  let browser: Browser
  beforeAll(async () => {
    // The browser first: without one the file stops at once, before a server starts.
    ;[browser, app] = await Promise.all([launchBrowser(), startTestApp('sqlite', {}, { mail: 'files' })])
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  async function withPage(locale: string, run: (page: Page) => Promise<void>) {
    const context = await visitorContext(browser, locale, { javaScriptEnabled: false })
    try {
      await run(await context.newPage())
    } finally {
      await context.close()
    }
  }

  /** Opens the confirmation link of the mail file and presses its button. */
  async function confirmFromMail(page: Page, address: string) {
    const mail = await lastMailTo(app, address)
    await page.goto(app.url + linkIn(mail.text ?? '', 'confirm'))
    await Promise.all([page.waitForNavigation(), page.getByRole('button').click()])
  }

  it('reads the manifesto, signs, confirms from the mail file, and sees the count and the name', async () => {
    await withPage('fr', async (page) => {
      await page.goto(`${app.url}/`)
      await expect(page.locator('h1').textContent()).resolves.toContain('objection de conscience')
      await expect(page.locator('.count').textContent()).resolves.toContain('0\u00a0signature')
      await page.getByLabel('Prénom').fill('Camille')
      await page.locator('#field-last-name').fill('Durand')
      await page.locator('#field-email').fill('camille.durand@univ-tlse3.fr')
      await page.locator('#field-category').selectOption('researcher')
      await page.locator('#field-institution').fill('Université Toulouse III')
      await page.locator('#field-discipline').fill('Écologie')
      await page.locator('#field-public').check()
      await page.locator('#field-consent').check()
      await Promise.all([page.waitForNavigation(), page.locator('#sign button[type="submit"]').click()])
      expect(new URL(page.url()).pathname).toBe('/sign/sent')
      await expect(page.locator('h1').textContent()).resolves.toContain('Vérifiez votre messagerie')

      await confirmFromMail(page, 'camille.durand@univ-tlse3.fr')
      expect(new URL(page.url()).pathname).toBe('/confirmed')
      await expect(page.locator('.count').textContent()).resolves.toContain('1\u00a0signature')

      await page.goto(`${app.url}/signatories`)
      await expect(page.locator('.signatories .name').allTextContents()).resolves.toEqual(['Camille Durand'])
      await page.goto(`${app.url}/`)
      await expect(page.locator('.count').textContent()).resolves.toContain('1\u00a0signature')
    })
  })

  it('keeps every value after a mistake, focuses the error summary, links it to the fields and describes each error', async () => {
    await withPage('fr', async (page) => {
      await page.goto(`${app.url}/sign`)
      await page.locator('#field-first-name').fill('Zoé')
      await page.locator('#field-email').fill('pas-une-adresse')
      await page.locator('#field-comment').fill('Mon avis')
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.locator('#sign button[type="submit"]').click(),
      ])
      expect(response?.status()).toBe(422)

      await expect(page.locator('#field-first-name').inputValue()).resolves.toBe('Zoé')
      await expect(page.locator('#field-email').inputValue()).resolves.toBe('pas-une-adresse')
      await expect(page.locator('#field-comment').inputValue()).resolves.toBe('Mon avis')

      // The summary takes the focus on its own (autofocus), so a screen reader reads it first.
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')
      await expect(page.locator('#error-summary').getAttribute('role')).resolves.toBe('alert')

      const links = await page
        .locator('#error-summary a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      expect(links).toContain('#field-email')
      expect(links).toContain('#field-consent')
      expect(links).not.toContain('#field-first-name')
      for (const href of links) {
        const field = page.locator(href)
        await expect(field.count(), href).resolves.toBe(1)
        await expect(field.getAttribute('aria-invalid'), href).resolves.toBe('true')
        // Every id in aria-describedby exists, and one of them is the error message.
        const described = (await field.getAttribute('aria-describedby'))?.split(' ') ?? []
        expect(described, href).toContain(`error-${href.slice('#field-'.length)}`)
        for (const id of described)
          await expect(page.locator(`#${id}`).textContent(), `${href} → ${id}`).resolves.toMatch(/\S/)
      }
      await expect(page.locator('#field-first-name').getAttribute('aria-invalid')).resolves.toBeNull()

      // Following a link of the summary brings the field into view.
      await page.locator('#error-summary a[href="#field-email"]').click()
      expect(new URL(page.url()).hash).toBe('#field-email')
    })
  })

  it('signs with the keyboard alone, with a visible focus on every stop', async () => {
    await withPage('en', async (page) => {
      await page.goto(`${app.url}/en/sign`)
      const stops: string[] = []
      /** Presses Tab until the element matching `selector` has the focus, checking each stop shows it. */
      async function tabTo(selector: string) {
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab')
          const outline = await focusOutline(page)
          stops.push(`${outline.tag}#${outline.id}`)
          expect(outline.style, `focus outline on ${outline.tag}#${outline.id}`).not.toBe('none')
          expect(outline.width, `focus outline width on ${outline.tag}#${outline.id}`).toBeGreaterThanOrEqual(
            2,
          )
          if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
        }
        throw new Error(`${selector} never took the focus; stops: ${stops.join(', ')}`)
      }
      await tabTo('#field-first-name')
      await page.keyboard.type('Ada')
      await tabTo('#field-last-name')
      await page.keyboard.type('Lovelace')
      await tabTo('#field-email')
      await page.keyboard.type('ada.lovelace@cnrs.fr')
      await tabTo('#field-category')
      await page.keyboard.press('ArrowDown')
      await tabTo('#field-institution')
      await page.keyboard.type('CNRS')
      await tabTo('#field-discipline')
      await page.keyboard.type('Mathematics')
      await tabTo('#field-public')
      await page.keyboard.press('Space')
      await tabTo('#field-consent')
      await page.keyboard.press('Space')
      await tabTo('#sign button[type="submit"]')
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
      expect(new URL(page.url()).pathname).toBe('/en/sign/sent')
      // The honeypot is never a stop.
      expect(stops).not.toContain('INPUT#field-website')

      const mail = await lastMailTo(app, 'ada.lovelace@cnrs.fr')
      await page.goto(app.url + linkIn(mail.text ?? '', 'confirm'))
      await tabTo('main button')
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
      expect(new URL(page.url()).pathname).toBe('/en/confirmed')
      await page.goto(`${app.url}/en/signatories`)
      await expect(page.locator('.signatories .name').allTextContents()).resolves.toContain('Ada Lovelace')
    })
  })
})
