// Organisations that sign in their own name, through HTTP as a browser without
// JavaScript would, on each database, with mail through a real SMTP server on loopback:
// the form, the mailed link that confirms exactly what was sent with it, the moderator's
// approval before anything is listed, the count apart from people, editing, withdrawing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moderateOrganisation } from '../src/domain/organisations.js'
import { purgeExpired } from '../src/domain/purge.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm } from './helpers/http.js'
import { nextMail, signAndConfirm } from './helpers/signing.js'

const organisation = (overrides: Record<string, string> = {}): Record<string, string> => ({
  name: 'Laboratoire d’écologie des Pyrénées',
  kind: 'lab',
  url: 'lep.univ-tlse3.fr',
  contact_name: 'Aurore Lasserre',
  contact_role: 'Directrice du laboratoire',
  mandate: 'Vote du conseil de laboratoire du 12 janvier',
  email: 'direction@lep.univ-tlse3.fr',
  consent: '1',
  ...overrides,
})

describe.each(DATABASES)('organisations as signatories (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  const rowOf = (email: string) =>
    app.server.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('email_domain', '=', email.split('@')[1]!)
      .executeTakeFirst()

  async function peopleCount(): Promise<number> {
    const res = await fetch(`${app.url}/api/v1/stats`)
    return ((await res.json()) as { confirmed: number }).confirmed
  }

  /** Sends the form; returns the path of the mailed confirmation link. */
  async function requested(fields: Record<string, string>): Promise<string> {
    const mail = await nextMail(app, async () => {
      const page = await postForm(app.url, '/organisations/sign', fields)
      expect(page.status).toBe(303)
      expect(page.location).toBe('/organisations/sent')
    })
    expect(mail.to).toContain(fields.email)
    return linkIn(mail.text, 'organisations/confirm')
  }

  async function confirm(path: string) {
    const page = await get(app.url, path)
    expect(page.status).toBe(200)
    return postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
  }

  it('offers its form, with the kinds of site.toml, from the sign form and the empty list', async () => {
    const form = await get(app.url, '/organisations/sign')
    expect(form.status).toBe(200)
    expect(form.html).toContain('<option value="lab">Laboratoire ou unité de recherche</option>')
    expect(form.html).toContain('name="contact_name"')
    expect(form.html).toContain('name="form_ts"')
    const sign = await get(app.url, '/sign')
    expect(sign.html).toContain('href="/organisations/sign"')
    const list = await get(app.url, '/organisations')
    expect(list.status).toBe(200)
    expect(list.html).toContain('Aucune organisation ne figure encore ici.')
    const en = await get(app.url, '/en/organisations/sign')
    expect(en.html).toContain('Sign for an organisation')
  })

  it('refuses invalid input with 422, keeping what was typed and naming each error', async () => {
    const page = await postForm(
      app.url,
      '/organisations/sign',
      organisation({ name: '', url: 'javascript:alert(1)', kind: 'ministry', consent: '' }),
    )
    expect(page.status).toBe(422)
    expect(page.html).toContain('Le formulaire contient 4\u00a0erreurs')
    expect(page.html).toContain('Cette adresse web n’est pas valide')
    expect(page.html).toContain('value="javascript:alert(1)"')
    expect(page.html).toContain('value="Aurore Lasserre"')
    expect(page.html).toContain('Vote du conseil de laboratoire du 12 janvier</textarea>')
    expect(page.html).toMatch(/id="field-name"[^>]*aria-invalid="true"/)
    expect(await rowOf('x@lep.univ-tlse3.fr')).toBeUndefined()
  })

  it('confirms exactly what was sent with the link, then waits for a moderator, counted apart from people', async () => {
    const people = await peopleCount()
    // Someone typed this address first with another name: its link carries its own copy;
    // the owner of the mailbox confirms the one they sent.
    const usurped = await requested(organisation({ name: 'Un nom usurpé', url: '' }))
    const own = await requested(organisation())
    const shown = await get(app.url, own)
    expect(shown.html).toContain('Laboratoire d’écologie des Pyrénées')
    expect(shown.html).toContain('Directrice du laboratoire')
    expect(shown.html).toContain('…@lep.univ-tlse3.fr')
    // Opening the link confirms nothing: mail scanners open links.
    expect((await rowOf('x@lep.univ-tlse3.fr'))!.status).toBe('pending')

    const done = await confirm(own)
    expect(done.status).toBe(303)
    expect(done.location).toBe('/organisations/confirmed')
    const row = (await rowOf('x@lep.univ-tlse3.fr'))!
    expect(row).toMatchObject({
      status: 'confirmed',
      name: 'Laboratoire d’écologie des Pyrénées',
      url: 'https://lep.univ-tlse3.fr/',
      approved_at: null,
      email: 'direction@lep.univ-tlse3.fr',
    })
    // The other link died with what it carried.
    expect((await get(app.url, usurped)).status).toBe(404)

    // Confirmed, not yet approved: nowhere public, and people's count untouched.
    expect((await get(app.url, '/organisations')).html).not.toContain('Pyrénées')
    expect((await get(app.url, '/')).html).not.toContain('organisation signataire')
    expect(await peopleCount()).toBe(people)

    const approvedMail = await nextMail(app, () =>
      moderateOrganisation(app.server.ctx, 'moderator@paraphe.test', row.id, 'approve'),
    )
    expect(approvedMail.subject).toContain('la signature de votre organisation est publiée')
    expect(approvedMail.text).toContain('http://paraphe.test/organisations')
    // The clear address was kept for that decision alone.
    expect((await rowOf('x@lep.univ-tlse3.fr'))!.email).toBeNull()

    const list = await get(app.url, '/organisations')
    expect(list.html).toContain('1\u00a0organisation signataire')
    expect(list.html).toContain('<h2 id="kind-lab">Laboratoires et unités de recherche</h2>')
    expect(list.html).toContain(
      '<a href="https://lep.univ-tlse3.fr/" rel="nofollow noopener noreferrer">Laboratoire d’écologie des Pyrénées</a>',
    )
    // Who signed for it, how it decided and its address are for moderators only.
    for (const page of [list, await get(app.url, '/'), await get(app.url, '/signatories')]) {
      expect(page.html).not.toContain('Aurore')
      expect(page.html).not.toContain('Directrice')
      expect(page.html).not.toContain('conseil de laboratoire')
      expect(page.html).not.toContain('direction@')
    }
    expect((await get(app.url, '/')).html).toContain('et 1\u00a0organisation signataire')
    expect((await get(app.url, '/en/organisations')).html).toContain('1 signing organisation')
    expect(await peopleCount()).toBe(people)
  })

  it('answers the same to an address that already signed, and mails it a manage link', async () => {
    const mail = await nextMail(app, async () => {
      const page = await postForm(app.url, '/organisations/sign', organisation({ name: 'Autre chose' }))
      expect(page.status).toBe(303)
      expect(page.location).toBe('/organisations/sent')
    })
    expect(mail.subject).toContain('votre organisation a déjà signé')
    expect(mail.text).toContain('Laboratoire d’écologie des Pyrénées')
    expect(linkIn(mail.text, 'organisations/manage')).toMatch(/^\/organisations\/manage\//)
    expect((await rowOf('x@lep.univ-tlse3.fr'))!.name).toBe('Laboratoire d’écologie des Pyrénées')
  })

  it('lets its contact edit it, sending a new name back to the moderators', async () => {
    const mail = await nextMail(app, () =>
      postForm(app.url, '/manage', { email: 'direction@lep.univ-tlse3.fr' }),
    )
    const manage = linkIn(mail.text, 'organisations/manage')
    const page = await get(app.url, manage)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.html).toContain('Cette signature est publiée parmi les organisations signataires.')
    const csrf = hiddenValue(page.html, 'csrf')

    // The role alone: still listed.
    const role = await postForm(app.url, manage, {
      ...organisation({ contact_role: 'Directrice adjointe' }),
      csrf,
    })
    expect(role.status).toBe(303)
    expect(role.location).toBe(`${manage}?saved=1`)
    expect((await get(app.url, '/organisations')).html).toContain('Pyrénées')

    // An invalid edit changes nothing and keeps what was typed.
    const invalid = await postForm(app.url, manage, { ...organisation({ name: '' }), csrf })
    expect(invalid.status).toBe(422)
    expect(invalid.html).toContain('value="Directrice du laboratoire"')

    // A new name is a new claim: it waits for a moderator, while the approved name stays listed.
    const renamed = await postForm(app.url, manage, {
      ...organisation({ name: 'LEP – UMR 5245' }),
      csrf,
    })
    expect(renamed.location).toBe(`${manage}?saved=review`)
    const review = await get(app.url, `${manage}?saved=review`)
    expect(review.html).toContain('la liste garde la version déjà vérifiée')
    expect(review.html).toContain('publiée sous le nom «\u00a0Laboratoire d’écologie des Pyrénées\u00a0»')
    expect(review.html).toContain('value="LEP – UMR 5245"')
    const list = (await get(app.url, '/organisations')).html
    expect(list).toContain('Laboratoire d’écologie des Pyrénées')
    expect(list).not.toContain('LEP')
    const data = await fetch(`${app.url}${manage}/data.json`)
    expect(await data.json()).toMatchObject({
      organisation: { name: 'Laboratoire d’écologie des Pyrénées', kind: 'lab' },
      proposed_change: { name: 'LEP – UMR 5245', kind: 'lab' },
      contact: { name: 'Aurore Lasserre', email_kept_in_clear: false },
      listed: true,
    })

    // The moderators accept it: the list shows the new name.
    const { id } = (await rowOf('x@lep.univ-tlse3.fr'))!
    expect(await moderateOrganisation(app.server.ctx, 'moderator@paraphe.test', id, 'approve_change')).toBe(
      true,
    )
    expect((await get(app.url, '/organisations')).html).toContain('LEP – UMR 5245')
    expect((await rowOf('x@lep.univ-tlse3.fr'))!.proposed).toBeNull()

    // Another change turned down: the accepted one stays, the contact's form shows it again.
    await postForm(app.url, manage, { ...organisation({ name: 'Nom contesté' }), csrf })
    expect(await moderateOrganisation(app.server.ctx, 'moderator@paraphe.test', id, 'refuse_change')).toBe(
      true,
    )
    expect((await get(app.url, '/organisations')).html).toContain('LEP – UMR 5245')
    expect((await get(app.url, manage)).html).toContain('value="LEP – UMR 5245"')
    // Without the link's CSRF value, nothing is changed.
    expect((await postForm(app.url, manage, organisation({ name: 'Forgé' }))).status).toBe(400)
  })

  it('mails both links to an address that signed for itself and for an organisation, and withdraws one alone', async () => {
    const email = 'bureau@snesup-tlse.fr'
    await signAndConfirm(app, { email, last_name: 'Bureau' })
    const confirmPath = await requested(
      organisation({ email, name: 'SNESUP Toulouse', kind: 'union', url: '' }),
    )
    expect((await confirm(confirmPath)).status).toBe(303)
    const before = app.smtp.messages.length
    await postForm(app.url, '/manage', { email })
    const mails = await app.smtp.waitForMessages(before + 2)
    const texts = mails.slice(before).map((m) => m.text ?? '')
    const manage = texts.map((t) => /\/organisations\/manage\//.test(t))
    expect(manage.sort()).toEqual([false, true])
    const orgManage = linkIn(texts.find((t) => t.includes('/organisations/manage/'))!, 'organisations/manage')

    const page = await get(app.url, orgManage)
    const out = await postForm(app.url, `${orgManage}/withdraw`, { csrf: hiddenValue(page.html, 'csrf') })
    expect(out.status).toBe(303)
    expect(out.location).toBe('/organisations/withdrawn')
    expect(await rowOf(email)).toBeUndefined()
    expect((await get(app.url, orgManage)).status).toBe(404)
    // The person's signature stands.
    const person = await app.server.ctx.db
      .selectFrom('signatures')
      .select('status')
      .where('last_name', '=', 'Bureau')
      .executeTakeFirst()
    expect(person?.status).toBe('confirmed')
  })

  it('records nothing for a filled honeypot, and purges requests never confirmed', async () => {
    const bot = await postForm(
      app.url,
      '/organisations/sign',
      organisation({ email: 'bot@bots.example.org', fax: '+33 5 61 00 00 00' }),
    )
    expect(bot.status).toBe(303)
    expect(await rowOf('x@bots.example.org')).toBeUndefined()

    await requested(organisation({ email: 'contact@oubli.example.org', name: 'Oubli' }))
    expect(await rowOf('x@oubli.example.org')).toBeDefined()
    app.clock.advance((app.config.site.unconfirmedDays + 1) * 24 * 3600_000)
    const report = await purgeExpired(app.server.ctx)
    expect(report.unconfirmedOrganisations).toBe(1)
    expect(await rowOf('x@oubli.example.org')).toBeUndefined()
  })

  it('erases the contact’s address of a request the moderators left undecided for 30 days', async () => {
    expect(
      (await confirm(await requested(organisation({ email: 'contact@attente.example.org' })))).status,
    ).toBe(303)
    app.clock.advance(29 * 24 * 3600_000)
    await purgeExpired(app.server.ctx)
    expect((await rowOf('x@attente.example.org'))!.email).toBe('contact@attente.example.org')
    app.clock.advance(2 * 24 * 3600_000)
    await purgeExpired(app.server.ctx)
    // Still there for the moderators to decide, without a way to tell its contact.
    expect(await rowOf('x@attente.example.org')).toMatchObject({ status: 'confirmed', email: null })
  })
})
