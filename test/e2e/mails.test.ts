// Every mail the site sends, its HTML part opened in Chromium as a mail client shows
// it: light and dark, on a phone (360 px) and a desktop column (800 px). Text and links
// must keep 4.5:1 against what is behind them, nothing may widen a phone's screen,
// and the screenshots go to test-results/mails/ for a person to look at.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { renderAdminLoginMail } from '../../src/mail/admin-login-mail.js'
import { mailSite, type RenderedMail } from '../../src/mail/layout.js'
import { renderRelayConfirm, renderRelayed } from '../../src/mail/relay-templates.js'
import { renderMail } from '../../src/mail/templates.js'
import { renderNewsMail } from '../../src/mail/news-mail.js'
import { renderNewsBody } from '../../src/domain/news.js'
import { launchBrowser, saveFullPage } from './browser.js'

const SCREENSHOTS = 'test-results/mails'
const WIDTHS = [360, 800]
const SCHEMES = ['light', 'dark'] as const

// The shipped content (its title has straight apostrophes), a public address, and
// links as long as real ones: a 43-character token is what overflowed phones.
const config = loadConfig({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'paraphe-mails-')),
  BASE_URL: 'https://signer.example.org',
})
const token = 'Zq3vN8xK2mPw7RtY5bLc9HdJ4fGs6AeU1oIuXyVnQkB'
const at = new Date('2026-11-30T03:17:00Z')
// A news item as moderators write them: a heading, emphasis, a list, a quotation, long links.
const NEWS_BODY = `Le texte a été repris avec **1 200 signatures** vérifiées.

## Prochains rendez-vous

- un débat à Toulouse le 12 janvier
- [la tribune en entier](https://example.org/un-tres-long-chemin-sans-espace/${'x'.repeat(60)})

> Nous refusons d’utiliser ces outils dans nos enseignements.`

function mailsIn(locale: string): [string, RenderedMail][] {
  const site = mailSite(config, locale, at)
  const base = `https://signer.example.org${locale === 'fr' ? '' : `/${locale}`}`
  return [
    [
      'confirm',
      renderMail({
        kind: 'confirm',
        site,
        firstName: 'Camille',
        link: `${base}/confirm/${token}`,
        validity: 7,
      }),
    ],
    [
      'confirm-import',
      renderMail({
        kind: 'confirm_import',
        site,
        firstName: 'Camille',
        link: `${base}/confirm/${token}`,
        validity: 7,
        organisation: config.site.organisation,
      }),
    ],
    [
      'already-signed',
      renderMail({
        kind: 'already_signed',
        site,
        firstName: 'Camille',
        link: `${base}/manage/${token}`,
        validity: 48,
      }),
    ],
    [
      'manage',
      renderMail({
        kind: 'manage',
        site,
        firstName: 'Camille',
        link: `${base}/manage/${token}`,
        validity: 48,
      }),
    ],
    // An organisation's contact: its confirmation, the moderators' two decisions.
    [
      'organisation-confirm',
      renderMail({
        kind: 'organisation_confirm',
        site,
        firstName: 'Aurore Lasserre',
        organisationName: 'Institut de recherche en informatique de Toulouse (IRIT)',
        link: `${base}/organisations/confirm/${token}`,
        validity: 7,
      }),
    ],
    [
      'organisation-approved',
      renderMail({
        kind: 'organisation_approved',
        site,
        firstName: 'Aurore Lasserre',
        organisationName: 'Institut de recherche en informatique de Toulouse (IRIT)',
        link: `${base}/organisations`,
        manageRequestLink: `${base}/manage`,
        validity: 0,
      }),
    ],
    [
      'organisation-refused',
      renderMail({
        kind: 'organisation_refused',
        site,
        firstName: 'Aurore Lasserre',
        organisationName: 'Institut de recherche en informatique de Toulouse (IRIT)',
        link: `${base}/organisations`,
        validity: 0,
      }),
    ],
    [
      'admin-login',
      renderAdminLoginMail({ site, link: `https://signer.example.org/admin/login/${token}`, minutes: 20 }),
    ],
    [
      'relay-confirm',
      renderRelayConfirm({
        site,
        name: 'Alice',
        institution: 'CNRS',
        link: `${base}/relay/${token}`,
        hours: 48,
      }),
    ],
    [
      'relayed',
      renderRelayed({
        site,
        firstName: 'Camille',
        senderName: 'Alice Martin',
        senderEmail: 'alice.martin@cnrs.fr',
        institution: 'CNRS',
        message: `Bonjour,\n\nOrganisons un débat au laboratoire.\nVoir https://example.org/un-tres-long-chemin-sans-espace/${token}${token}`,
        stopLink: `${base}/debate/stop/12/${token}`,
      }),
    ],
    [
      'news',
      renderNewsMail({
        site,
        firstName: 'Camille',
        title: 'Le manifeste paraît dans la presse',
        html: renderNewsBody(NEWS_BODY),
        markdown: NEWS_BODY,
        stopLink: `${base}/news/stop/12/${token}`,
      }),
    ],
  ]
}

const MAILS = [
  ...mailsIn('fr').map(([n, m]) => [`fr-${n}`, m] as const),
  ...mailsIn('en').map(([n, m]) => [`en-${n}`, m] as const),
]

interface Contrast {
  text: string
  ratio: number
  colour: string
  background: string
}

/**
 * The contrast of every visible piece of text against the first opaque background
 * behind it, from the styles Chromium computed (the dark block included).
 */
function contrasts(page: Page): Promise<Contrast[]> {
  return page.evaluate(() => {
    const rgb = (css: string) => {
      const [r, g, b, a] = (css.match(/[\d.]+/g) ?? []).map(Number)
      return { r: r!, g: g!, b: b!, a: a ?? 1 }
    }
    const luminance = (c: { r: number; g: number; b: number }) => {
      const lin = (v: number) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }
    const backgroundOf = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor
        if (rgb(bg).a > 0) return bg
      }
      // Nothing painted: the canvas, white in a light page and dark in a dark one.
      return matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)'
    }
    const out: { text: string; ratio: number; colour: string; background: string }[] = []
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      if (!own) continue
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      if (style.visibility !== 'visible' || style.opacity === '0' || box.width === 0 || box.height === 0)
        continue
      const colour = style.color
      const background = backgroundOf(el)
      const [l1, l2] = [luminance(rgb(colour)), luminance(rgb(background))].sort((a, b) => b - a)
      out.push({ text: own.slice(0, 40), ratio: (l1! + 0.05) / (l2! + 0.05), colour, background })
    }
    return out
  })
}

describe('every mail, in Chromium', () => {
  let browser: Browser
  // One tab opens every mail in turn, as a mail client shows one after another: each
  // replaces the last (setContent), and each check sets the scheme and width it measures.
  let page: Page
  let cdp: CDPSession
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    browser = await launchBrowser()
    const context = await browser.newContext({ javaScriptEnabled: false })
    page = await context.newPage()
    cdp = await context.newCDPSession(page)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it.each(MAILS)('%s reads at 4.5:1 in both schemes and fits a 360 px phone', async (name, mail) => {
    await page.setContent(mail.html)
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 })
        await saveFullPage(cdp, `${SCREENSHOTS}/${name}-${scheme}-${width}.png`)
        const where = `${name}, ${scheme}, ${width} px`
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${where}: wider than the screen by ${overflow} px`).toBeLessThanOrEqual(0)
        const found = await contrasts(page)
        // The greeting, the button, the link under it and the footer at least.
        expect(found.length, where).toBeGreaterThanOrEqual(4)
        for (const c of found)
          expect(c.ratio, `${where}: «${c.text}» ${c.colour} on ${c.background}`).toBeGreaterThanOrEqual(4.5)
        // The dark block is what switches the colours: a mail without one must not pass
        // because Chromium's own dark canvas happened to be behind its text.
        // A mail with no link (a refusal) shows the switch in its text's colour.
        if ((await page.locator('a').count()) === 0) {
          const text = await page
            .locator('p')
            .first()
            .evaluate((p) => getComputedStyle(p).color)
          expect(text === 'rgb(0, 0, 0)' || text === 'rgb(27, 27, 27)', where).toBe(scheme === 'light')
          continue
        }
        const link = await page
          .locator('a')
          .last()
          .evaluate((a) => getComputedStyle(a).color)
        expect(link, where).toBe(scheme === 'dark' ? 'rgb(255, 138, 128)' : 'rgb(164, 22, 26)')
      }
    }
  })

  it('hides the preheader in the opened mail and names it first in the text', async () => {
    const [, mail] = MAILS.find(([n]) => n === 'fr-confirm')!
    await page.setContent(mail.html)
    expect(await page.getByText('Un clic pour confirmer').isVisible()).toBe(false)
    expect(mail.html).toContain('Un clic pour confirmer — valable 7\u00a0jours')
    const first = await page.evaluate(() => document.body.textContent?.trim().slice(0, 40))
    expect(first).toContain('Un clic pour confirmer')
  })
})
