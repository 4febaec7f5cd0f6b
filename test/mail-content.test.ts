// What a signatory finds in the mailbox, as a real SMTP server receives it and a mail
// reader parses it: who it is from and where a reply goes, a subject that names the
// text before asking anything, a text part that says everything on its own, French
// typography, one language per mail.
import type { ParsedMail } from 'mailparser'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { smtpTransport } from '../src/mail/transport.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { startSmtp } from './helpers/smtp.js'

const TITLE_FR = 'Face à l’IA générative, l’objection de conscience'
const TITLE_EN = 'Facing generative AI: conscientious objection'

/** The mail that `send` causes, parsed as a reader's client would. */
async function mailAfter(app: TestApp, send: () => Promise<unknown>): Promise<ParsedMail> {
  const before = app.smtp.messages.length
  await send()
  const mails = await app.smtp.waitForMessages(before + 1)
  return mails[before]!
}

/** Ordinary spaces where French wants non-breaking ones, and straight apostrophes. */
function typographyFaults(text: string): string[] {
  return [...text.matchAll(/.{0,20}(?: [:;!?»]|« |').{0,20}/g)].map((m) => m[0])
}

describe.each(DATABASES)('what a signatory receives (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    // MAIL_FROM unset, as most deployments leave it: the sender is built from site.toml.
    app = await startTestApp(kind, { MAIL_FROM: '' })
  })
  afterAll(async () => {
    await app?.close()
  })

  let confirmation: ParsedMail

  it('comes from the collective’s whole name, and a reply reaches its contact address', async () => {
    confirmation = await mailAfter(app, () => postForm(app.url, '/sign', validSignature()))
    expect(confirmation.from?.value).toEqual([
      { name: 'Atelier d’Écologie Politique de Toulouse (Atécopol)', address: 'no-reply@paraphe.test' },
    ])
    expect(confirmation.replyTo?.value).toEqual([{ name: '', address: 'contact@atecopol.invalid' }])
  })

  it('names the text before asking to confirm, with typographic apostrophes', () => {
    expect(confirmation.subject).toBe(`${TITLE_FR} — confirmez votre signature`)
  })

  it('says everything in its text part alone: the link, how long it lasts, which site, when, and what to do if unasked', () => {
    const text = confirmation.text!
    expect(text).toMatch(/^Bonjour Camille,\n/)
    expect(linkIn(text, 'confirm')).toMatch(/^\/confirm\/[A-Za-z0-9_-]{43}$/)
    expect(text).toContain('bouton «\u00a0Je confirme ma signature\u00a0» de la page qui s’ouvre')
    expect(text).toContain('Ce lien est valable 7\u00a0jours.')
    expect(text).toContain('ignorez ce message\u00a0: sans confirmation, rien ne sera publié')
    // The test clock starts on 28 November 2026 at 10:00 UTC.
    expect(text).toContain(
      `par le site paraphe.test, où se signe «\u00a0${TITLE_FR}\u00a0», à la suite d’une demande faite le 28 novembre 2026 à 10\u00a0h\u00a0`,
    )
    expect(text).not.toMatch(/<[a-z]/i)
    expect(typographyFaults(text)).toEqual([])
    expect(typographyFaults(confirmation.subject!)).toEqual([])
  })

  it('carries the same link in its HTML part, as a button and as an address', () => {
    const path = linkIn(confirmation.text!, 'confirm')
    const html = confirmation.html as string
    expect(html.split(`http://paraphe.test${path}`)).toHaveLength(4) // two hrefs and the address shown
    expect(html).toContain('>Confirmer ma signature</a>')
    expect(html).toContain('<html lang="fr">')
  })

  it('tells someone who signed already, and asked for nothing, that nothing will change', async () => {
    const path = linkIn(confirmation.text!, 'confirm')
    const form = await get(app.url, path)
    await postForm(app.url, path, { csrf: hiddenValue(form.html, 'csrf') })
    const already = await mailAfter(app, () => postForm(app.url, '/sign', validSignature()))
    expect(already.subject).toBe(`${TITLE_FR} — vous avez déjà signé`)
    expect(already.text).toContain('ignorez ce message\u00a0: rien ne changera.')
    expect(linkIn(already.text!, 'manage')).toMatch(/^\/manage\//)
    expect(already.replyTo?.text).toBe('contact@atecopol.invalid')

    const manage = await mailAfter(app, () =>
      postForm(app.url, '/manage', { email: 'camille.durand@univ-tlse3.fr' }),
    )
    expect(manage.subject).toBe(`${TITLE_FR} — votre lien pour gérer votre signature`)
    expect(manage.text).toContain('ignorez ce message\u00a0: rien ne changera.')
    expect(manage.text).toContain('Ce lien est valable 48\u00a0heures.')
    expect(typographyFaults(manage.text!)).toEqual([])
  })

  it('writes to an English signatory in English only', async () => {
    const mail = await mailAfter(app, () =>
      postForm(app.url, '/en/sign', validSignature({ email: 'alex@inria.fr', first_name: 'Alex' })),
    )
    expect(mail.subject).toBe(`${TITLE_EN} — confirm your signature`)
    expect(mail.text).toMatch(/^Hello Alex,\n/)
    expect(mail.text).toContain('the “I confirm my signature” button on the page that opens')
    expect(mail.text).toContain(`Sent automatically by paraphe.test, the site where “${TITLE_EN}” is signed`)
    expect(linkIn(mail.text!, 'confirm')).toMatch(/^\/en\/confirm\//)
    expect(mail.html).toContain('<html lang="en">')
    for (const french of ['Bonjour', 'signature de', 'Message envoyé', 'Face à', 'ignorez'])
      expect(`${mail.text}${mail.html}`).not.toContain(french)
  })
})

describe('MAIL_FROM', () => {
  it('keeps the parentheses of a name typed without quotes, as a reader’s client shows it', async () => {
    const smtp = await startSmtp()
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'paraphe-from-')),
      MAIL_FROM: 'Objection de conscience (Atécopol) <no-reply@example.org>',
    })
    const transport = smtpTransport(smtp.url)
    try {
      await transport.send({
        from: config.mailFrom,
        to: 'a@example.org',
        subject: 's',
        text: 't',
        html: '<p>t</p>',
      })
      const [mail] = await smtp.waitForMessages(1)
      expect(mail!.from?.value).toEqual([
        { name: 'Objection de conscience (Atécopol)', address: 'no-reply@example.org' },
      ])
    } finally {
      transport.close()
      await smtp.close()
    }
  })
})
