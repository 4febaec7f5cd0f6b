// What a mailed confirmation link confirms: exactly what was submitted with it.
// A stranger who knows someone's address can submit the form in their name, but
// cannot change what the link already in that person's mailbox will record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { nextMail } from './helpers/signing.js'

const victim = 'alex.martin@univ-tlse3.fr'

/** What the victim typed: not listed, no news, no debate, no comment. */
const victimsChoice = validSignature({
  email: victim,
  first_name: 'Alex',
  last_name: 'Martin',
  category: 'teacher-researcher',
  institution: 'IRIT',
  discipline: 'Informatique',
  public: '',
})

/** What a stranger posts with the same address afterwards. */
const strangersChoice = validSignature({
  email: victim,
  first_name: 'Usurpé',
  last_name: 'Nom',
  category: 'student',
  institution: 'Ailleurs',
  discipline: 'Rien',
  public: '1',
  updates: '1',
  debate: '1',
  comment: 'Texte du tiers',
})

async function confirmLinkOf(app: TestApp, fields: Record<string, string>): Promise<string> {
  const mail = await nextMail(app, () => postForm(app.url, '/sign', fields))
  return linkIn(mail.text, 'confirm')
}

async function press(app: TestApp, path: string) {
  const page = await get(app.url, path)
  return postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
}

async function storedSignature(app: TestApp) {
  return app.server.ctx.db.selectFrom('signatures').selectAll().executeTakeFirstOrThrow()
}

describe.each(DATABASES)('what a confirmation link confirms (%s)', (kind) => {
  let app: TestApp
  beforeEach(async () => {
    app = await startTestApp(kind)
  })
  afterEach(async () => {
    await app?.close()
  })

  it('records what was submitted with the link, whatever was submitted with the address afterwards', async () => {
    const victimsLink = await confirmLinkOf(app, victimsChoice)
    await confirmLinkOf(app, strangersChoice)

    expect((await press(app, victimsLink)).status).toBe(303)

    const s = await storedSignature(app)
    expect(s).toMatchObject({
      status: 'confirmed',
      first_name: 'Alex',
      last_name: 'Martin',
      category: 'teacher-researcher',
      institution: 'IRIT',
      discipline: 'Informatique',
      is_public: 0,
      wants_updates: 0,
      wants_debate: 0,
      comment: '',
      email: null,
    })
    const list = await get(app.url, '/signatories')
    expect(list.html).not.toContain('Usurpé')
    const stats = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as {
      confirmed: number
      public: number
    }
    expect(stats).toMatchObject({ confirmed: 1, public: 0 })
  })

  it('shows every choice it will record before the button', async () => {
    const link = await confirmLinkOf(app, { ...strangersChoice, email: 'sam.petit@univ-tlse3.fr' })
    const page = await get(app.url, link)
    expect(page.status).toBe(200)
    const summary = page.html.slice(page.html.indexOf('<dl'), page.html.indexOf('</dl>'))
    for (const shown of ['Usurpé Nom', 'Étudiant·e', 'Ailleurs', 'Rien', 'Texte du tiers'])
      expect(summary).toContain(shown)
    // What the address proves, as the public list will show it, and what was typed apart.
    expect(summary).toMatch(/Établissement vérifié par l’adresse<\/dt>\s*<dd>Université Toulouse III/)
    expect(summary).toMatch(/Précision saisie<\/dt>\s*<dd>Ailleurs/)
    expect(summary).toContain('…@univ-tlse3.fr')
    expect(summary).toMatch(/Liste publique<\/dt>\s*<dd>Oui/)
    expect(summary).toMatch(/Nouvelles du collectif<\/dt>\s*<dd>Oui/)
    expect(summary).toMatch(/Organisation d’un débat<\/dt>\s*<dd>Oui/)
    expect(page.html.indexOf('</dl>')).toBeLessThan(page.html.indexOf('type="submit"'))

    const quiet = await get(
      app.url,
      await confirmLinkOf(app, { ...victimsChoice, email: 'lou.bernard@univ-tlse3.fr' }),
    )
    const quietSummary = quiet.html.slice(quiet.html.indexOf('<dl'), quiet.html.indexOf('</dl>'))
    expect(quietSummary).toMatch(/Liste publique<\/dt>\s*<dd>Non/)
    expect(quietSummary).toMatch(/Nouvelles du collectif<\/dt>\s*<dd>Non/)
    expect(quietSummary).toMatch(/Commentaire<\/dt>\s*<dd>Aucun/)
  })

  it('shows the English summary on an English link', async () => {
    const mail = await nextMail(app, () =>
      postForm(app.url, '/en/sign', { ...strangersChoice, email: 'kim.roux@univ-tlse3.fr' }),
    )
    const page = await get(app.url, linkIn(mail.text, 'confirm'))
    expect(page.html).toMatch(/Public list<\/dt>\s*<dd>Yes/)
    expect(page.html).toMatch(/News from the collective<\/dt>\s*<dd>Yes/)
  })

  it('lets a later link confirm what was submitted with it, while no link has been used', async () => {
    await confirmLinkOf(app, victimsChoice)
    const corrected = await confirmLinkOf(app, { ...victimsChoice, first_name: 'Alexandre', public: '1' })
    expect((await press(app, corrected)).status).toBe(303)
    expect(await storedSignature(app)).toMatchObject({
      first_name: 'Alexandre',
      is_public: 1,
      status: 'confirmed',
    })
  })

  it('kills the other pending links of the address once one is confirmed', async () => {
    const victimsLink = await confirmLinkOf(app, victimsChoice)
    const strangersLink = await confirmLinkOf(app, strangersChoice)
    const strangersForm = await get(app.url, strangersLink)
    expect((await press(app, victimsLink)).status).toBe(303)

    expect((await get(app.url, strangersLink)).status).toBe(404)
    const late = await postForm(app.url, strangersLink, { csrf: hiddenValue(strangersForm.html, 'csrf') })
    expect(late.status).toBe(404)
    expect(await storedSignature(app)).toMatchObject({
      first_name: 'Alex',
      is_public: 0,
      wants_updates: 0,
      email: null,
    })
    // What the stranger typed is not kept anywhere once their link is dead.
    const tokens = await app.server.ctx.db.selectFrom('tokens').select('submission').execute()
    expect(tokens.map((t) => t.submission).filter((s) => s?.includes('Usurpé'))).toEqual([])
  })

  it('still answers a second click on the link that was used with the confirmation page', async () => {
    const link = await confirmLinkOf(app, victimsChoice)
    expect((await press(app, link)).status).toBe(303)
    const again = await get(app.url, link)
    expect(again.status).toBe(303)
    expect(again.location).toBe('/confirmed?listed=0')
  })

  it('confirms, from a link sent again by the manage form, the signature as it is stored', async () => {
    await confirmLinkOf(app, victimsChoice)
    const mail = await nextMail(app, () => postForm(app.url, '/manage', { email: victim }))
    const link = linkIn(mail.text, 'confirm')
    const page = await get(app.url, link)
    expect(page.html).toContain('Alex Martin')
    expect((await press(app, link)).status).toBe(303)
    expect(await storedSignature(app)).toMatchObject({
      first_name: 'Alex',
      status: 'confirmed',
      is_public: 0,
    })
  })
})
