// The moderators' side of organisations that sign in their own name, through HTTP on
// each database: what they see of one awaiting a decision, and what each decision does
// to the list, the count, the contact's address and the mail the contact receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Organisation } from '../src/db/schema.js'
import {
  countOrganisations,
  listOrganisationsForModerators,
  organisationActions,
} from '../src/domain/organisations.js'
import { confirmedOrganisation, logInAs } from './helpers/admin.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm } from './helpers/http.js'
import { nextMail } from './helpers/signing.js'

const MODERATOR = 'moderation@paraphe.test'

describe('what a moderator may do to an organisation, by its state', () => {
  const state = (status: 'pending' | 'confirmed', approved: boolean, hidden: boolean, proposed = false) => ({
    status,
    approved_at: approved ? '2026-11-28T10:00:00.000Z' : null,
    hidden_at: hidden ? '2026-11-28T11:00:00.000Z' : null,
    proposed: proposed ? '{"name":"Nouveau nom","kind":"lab","url":""}' : null,
  })

  it('only deletes one whose contact has not confirmed yet', () => {
    expect(organisationActions(state('pending', false, false))).toEqual(['delete'])
  })

  it('approves, refuses or deletes one awaiting a decision, and does not hide it', () => {
    // Hidden, then approved, it would be told it is listed while it is not.
    expect(organisationActions(state('confirmed', false, false))).toEqual(['approve', 'refuse', 'delete'])
  })

  it('accepts or turns down a listed one’s proposed change, which leaves it listed meanwhile', () => {
    expect(organisationActions(state('confirmed', true, false, true))).toEqual([
      'approve_change',
      'refuse_change',
      'hide',
      'delete',
    ])
  })

  it('hides or deletes a listed one, and no longer approves or refuses it', () => {
    expect(organisationActions(state('confirmed', true, false))).toEqual(['hide', 'delete'])
  })

  it('restores or deletes a hidden one', () => {
    expect(organisationActions(state('confirmed', true, true))).toEqual(['restore', 'delete'])
  })
})

describe.each(DATABASES)('moderating organisations (%s)', (kind) => {
  let app: TestApp
  let cookie = ''
  let csrf = ''
  const as = () => ({ Cookie: cookie })

  beforeAll(async () => {
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR })
    cookie = await logInAs(app, MODERATOR)
    csrf = hiddenValue((await get(app.url, '/admin/organisations', as())).html, 'csrf')
  })
  afterAll(async () => {
    await app?.close()
  })

  async function rowOf(id: number) {
    return app.server.ctx.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /** Applies a decision as a moderator does, from the button on the page. */
  /**
   * Posts a decision as the page's button does: with the organisation's version as the
   * page showed it (`seen`, its updated_at), read now unless the test gives one.
   */
  async function decide(id: number, action: string, fields: Record<string, string> = { csrf }) {
    const row = await rowOf(id)
    return postForm(
      app.url,
      `/admin/organisations/${id}/${action}`,
      { seen: row?.updated_at ?? '', ...fields },
      as(),
    )
  }

  /** The mails the SMTP server receives from now on, once the outbox is empty. */
  async function mailsDuring(run: () => Promise<unknown>) {
    await app.server.worker.drain()
    const before = app.smtp.messages.length
    await run()
    await app.server.worker.drain()
    return app.smtp.messages.slice(before)
  }

  async function auditOf(id: number): Promise<string[]> {
    const rows = await app.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target', '=', `organisation:${id}`)
      .orderBy('id')
      .execute()
    expect(rows.every((r) => r.actor === MODERATOR)).toBe(true)
    return rows.map((r) => r.action)
  }

  let irit: Organisation

  it('shows an organisation awaiting a decision with its contact, address and mandate', async () => {
    irit = await confirmedOrganisation(app, {
      name: 'Institut de recherche en informatique de Toulouse',
      contact_name: 'Claire Martin',
      email: 'claire.martin@cnrs.fr',
      mandate: 'Vote du conseil de laboratoire du 12 novembre.\n\nUnanimité moins deux abstentions.',
    })
    const page = await get(app.url, '/admin/organisations', as())
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h2 id="organisation-')
    expect(page.html).toContain('Institut de recherche en informatique de Toulouse')
    expect(page.html).toContain('Laboratoire ou unité de recherche')
    expect(page.html).toContain('https://irit.fr/')
    expect(page.html).toContain('Claire Martin, Directrice')
    expect(page.html).toContain('claire.martin@cnrs.fr')
    expect(page.html).toContain('<p>Vote du conseil de laboratoire du 12 novembre.</p>')
    expect(page.html).toContain('<p>Unanimité moins deux abstentions.</p>')
    for (const action of ['approve', 'refuse', 'delete'])
      expect(page.html).toContain(`action="/admin/organisations/${irit.id}/${action}"`)
    for (const action of ['hide', 'restore'])
      expect(page.html).not.toContain(`action="/admin/organisations/${irit.id}/${action}"`)
    // What the address says of the claim, and a way to write to the contact.
    expect(page.html).toContain('<a href="mailto:claire.martin@cnrs.fr">claire.martin@cnrs.fr</a>')
    expect(page.html).toContain('L’adresse est celle d’un établissement vérifié\u00a0: CNRS.')
    const nav = await get(app.url, '/admin', as())
    expect(nav.html).toContain('<a href="/admin/organisations">Organisations</a>')
    expect(nav.html).toMatch(
      /<a href="\/admin\/organisations">Organisations à approuver<\/a><\/dt><dd>1<\/dd>/,
    )
  })

  it('says what refusing and deleting do, beside their buttons', async () => {
    const page = await get(app.url, '/admin/organisations', as())
    const described = (action: string) =>
      new RegExp(
        `aria-describedby="hint-${action}-${irit.id}"[^>]*>[^<]+</button><p class="hint" id="hint-${action}-${irit.id}">([^<]+)</p>`,
      ).exec(page.html)?.[1]
    expect(described('refuse')).toMatch(/supprimée et son contact reçoit un message/)
    expect(described('delete')).toMatch(/supprimée, sans aucun message/)
  })

  it('refuses a decision posted without the moderation’s CSRF value', async () => {
    const mails = await mailsDuring(async () => {
      expect((await decide(irit.id, 'approve', {})).status).toBe(403)
      expect((await decide(irit.id, 'approve', { csrf: `${csrf.slice(1)}A` })).status).toBe(403)
    })
    expect(mails).toEqual([])
    expect(await rowOf(irit.id)).toMatchObject({ approved_at: null, email: 'claire.martin@cnrs.fr' })
    expect(await countOrganisations(app.server.ctx.db)).toBe(0)
  })

  it('approving lists it, tells its contact it is published, then erases the address', async () => {
    expect(await countOrganisations(app.server.ctx.db)).toBe(0)
    let answer: Awaited<ReturnType<typeof decide>> | undefined
    const mails = await mailsDuring(async () => {
      answer = await decide(irit.id, 'approve')
    })
    expect(answer!.status).toBe(303)
    expect(answer!.location).toBe('/admin/organisations?done=approve')
    expect(await countOrganisations(app.server.ctx.db)).toBe(1)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toMatchObject({ text: 'claire.martin@cnrs.fr' })
    expect(mails[0]!.subject).toContain('la signature de votre organisation est publiée')
    expect(mails[0]!.text).toContain('Institut de recherche en informatique de Toulouse')
    expect(await rowOf(irit.id)).toMatchObject({ email: null, email_domain: 'cnrs.fr' })
    const done = await get(app.url, answer!.location!, as())
    expect(done.html).toContain('<p class="notice" role="status">L’organisation est approuvée')
    const listed = await get(app.url, '/admin/organisations?filter=listed', as())
    expect(listed.html).toContain('Institut de recherche en informatique de Toulouse')
    expect(listed.html).not.toContain('claire.martin@cnrs.fr')
    expect(listed.html).toContain('effacée (domaine\u00a0: cnrs.fr)')
    expect((await get(app.url, '/admin/organisations', as())).html).not.toContain('Institut de recherche')
    expect((await get(app.url, '/admin', as())).html).toMatch(
      /<a href="\/admin\/organisations\?filter=listed">Organisations publiées<\/a><\/dt><dd>1<\/dd>/,
    )
  })

  it('changes nothing when a decision no longer applies, and says so', async () => {
    const approvedAt = (await rowOf(irit.id))!.approved_at
    let answer: Awaited<ReturnType<typeof decide>> | undefined
    const mails = await mailsDuring(async () => {
      answer = await decide(irit.id, 'approve')
    })
    expect(answer!.location).toBe('/admin/organisations?done=stale')
    expect(mails).toEqual([])
    expect((await rowOf(irit.id))!.approved_at).toBe(approvedAt)
    expect((await get(app.url, answer!.location!, as())).html).toContain('Rien n’a changé')
    expect(await auditOf(irit.id)).toEqual(['organisation_approve'])
  })

  it('hiding takes it off the list and out of the count, restoring brings it back', async () => {
    const mails = await mailsDuring(async () => {
      const hidden = await decide(irit.id, 'hide', { csrf, filter: 'listed' })
      expect(hidden.location).toBe('/admin/organisations?filter=listed&done=hide')
      expect(await countOrganisations(app.server.ctx.db)).toBe(0)
      const page = await get(app.url, '/admin/organisations?filter=hidden', as())
      expect(page.html).toContain(`action="/admin/organisations/${irit.id}/restore"`)
      expect(page.html).toContain('<span class="badge">masquée</span>')
      await decide(irit.id, 'restore', { csrf, filter: 'hidden' })
      expect(await countOrganisations(app.server.ctx.db)).toBe(1)
    })
    expect(mails).toEqual([])
    expect(await auditOf(irit.id)).toEqual([
      'organisation_approve',
      'organisation_hide',
      'organisation_restore',
    ])
  })

  it('refusing deletes it and tells its contact', async () => {
    const other = await confirmedOrganisation(app, {
      name: 'Société savante imaginaire',
      kind: 'society',
      contact_name: 'Paul Petit',
      email: 'paul.petit@inria.fr',
    })
    const mails = await mailsDuring(() => decide(other.id, 'refuse'))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toMatchObject({ text: 'paul.petit@inria.fr' })
    expect(mails[0]!.subject).toContain('pas publiée')
    expect(await rowOf(other.id)).toBeUndefined()
    const links = await app.server.ctx.db
      .selectFrom('organisation_links')
      .select('hash')
      .where('organisation_id', '=', other.id)
      .execute()
    expect(links).toEqual([])
    expect(await countOrganisations(app.server.ctx.db)).toBe(1)
    expect((await get(app.url, '/admin/organisations?filter=all', as())).html).not.toContain(
      'Société savante',
    )
    expect(await auditOf(other.id)).toEqual(['organisation_refuse'])
  })

  it('deleting removes it without a word to its contact', async () => {
    const mails = await mailsDuring(() => decide(irit.id, 'delete', { csrf, filter: 'all' }))
    expect(mails).toEqual([])
    expect(await rowOf(irit.id)).toBeUndefined()
    expect(await countOrganisations(app.server.ctx.db)).toBe(0)
    expect(await auditOf(irit.id)).toEqual([
      'organisation_approve',
      'organisation_hide',
      'organisation_restore',
      'organisation_delete',
    ])
  })

  it('keeps every decision in the audit log the moderators read', async () => {
    const page = await get(app.url, '/admin/audit', as())
    for (const action of ['approve', 'hide', 'restore', 'refuse', 'delete'])
      expect(page.html).toContain(`>organisation_${action}</td>`)
    expect(page.html).toContain('Société savante imaginaire')
  })

  it('names a decision’s mail the contact’s server refused among the failed mails', async () => {
    const refused = await confirmedOrganisation(app, {
      name: 'Laboratoire disparu',
      contact_name: 'Anne Leroy',
      email: 'anne.leroy@inrae.fr',
    })
    app.smtp.refuseWith(550)
    try {
      await mailsDuring(() => decide(refused.id, 'refuse'))
    } finally {
      app.smtp.refuseWith(undefined)
    }
    const page = await get(app.url, '/admin/mails', as())
    expect(page.html).toContain('<td data-label="Type">organisation refusée</td>')
  })

  it('names the organisation a failed mail was about, while it exists', async () => {
    const approved = await confirmedOrganisation(app, {
      name: 'Laboratoire injoignable',
      contact_name: 'Yves Roche',
      email: 'yves.roche@inrae.fr',
    })
    app.smtp.refuseWith(550)
    try {
      await mailsDuring(() => decide(approved.id, 'approve'))
    } finally {
      app.smtp.refuseWith(undefined)
    }
    const page = await get(app.url, '/admin/mails', as())
    expect(page.html).toContain(
      `<a href="/admin/organisations?filter=all#organisation-${approved.id}">Laboratoire injoignable</a>`,
    )
  })

  it('pages the organisations, newest first, without an offset', async () => {
    for (const n of [1, 2, 3])
      await confirmedOrganisation(app, {
        name: `Laboratoire paginé ${n}`,
        contact_name: 'Léo Page',
        email: `page${n}@inrae.fr`,
      })
    const all = await listOrganisationsForModerators(app.server.ctx.db, 'all', { limit: 1000 })
    expect(all.items.length).toBeGreaterThanOrEqual(3)
    const first = await listOrganisationsForModerators(app.server.ctx.db, 'all', { limit: 2 })
    expect(first.items.map((o) => o.id)).toEqual(all.items.slice(0, 2).map((o) => o.id))
    const second = await listOrganisationsForModerators(app.server.ctx.db, 'all', {
      limit: 2,
      before: first.next,
    })
    expect(second.items.map((o) => o.id)).toEqual(all.items.slice(2, 4).map((o) => o.id))
    const last = await listOrganisationsForModerators(app.server.ctx.db, 'all', {
      before: all.items.at(-1)!.id + 1,
    })
    expect(last).toEqual({ items: [all.items.at(-1)], next: undefined })
    // The page's own link to the next one keeps the filter.
    const page = await get(app.url, `/admin/organisations?filter=all&before=${first.next}`, as())
    expect(page.status).toBe(200)
    expect(page.html).toContain(`id="organisation-${second.items[0]!.id}"`)
    expect(page.html).not.toContain(`id="organisation-${first.items[0]!.id}"`)
  })

  it('applies no decision to what its contact changed since the page was shown', async () => {
    const lab = await confirmedOrganisation(app, {
      name: 'Laboratoire Bêta',
      contact_name: 'Inès Vidal',
      email: 'ines.vidal@inrae.fr',
    })
    const page = await get(app.url, '/admin/organisations', as())
    const seen = new RegExp(
      `action="/admin/organisations/${lab.id}/approve"[^]*?name="seen" value="([^"]+)"`,
    ).exec(page.html)![1]!
    expect(seen).toBe(lab.updated_at)
    // Meanwhile its contact renames it and points it elsewhere, from their manage link.
    app.clock.advance(1000)
    await app.server.worker.drain()
    const mail = await nextMail(app, () => postForm(app.url, '/manage', { email: 'ines.vidal@inrae.fr' }))
    const manage = linkIn(mail.text, 'organisations/manage')
    const form = await get(app.url, manage)
    const edited = await postForm(app.url, manage, {
      csrf: hiddenValue(form.html, 'csrf'),
      name: 'Institut usurpé',
      kind: 'lab',
      url: 'https://evil.example.net/',
      contact_name: 'Inès Vidal',
    })
    expect(edited.status).toBe(303)
    const answer = await decide(lab.id, 'approve', { csrf, seen })
    expect(answer.location).toBe('/admin/organisations?done=stale')
    expect((await rowOf(lab.id))!.approved_at).toBeNull()
    expect(await auditOf(lab.id)).toEqual([])
  })

  it('weighs a proposed change as a claim of its own', async () => {
    const [known, renamed] = [
      await confirmedOrganisation(app, {
        name: 'Laboratoire Gamma',
        url: 'gamma.example.org',
        contact_name: 'Zoé Gamma',
        email: 'direction@gamma.example.org',
      }),
      await confirmedOrganisation(app, {
        name: 'Laboratoire Delta',
        url: 'delta.example.org',
        contact_name: 'Paul Delta',
        email: 'direction@delta.example.org',
      }),
    ]
    for (const o of [known, renamed]) expect((await decide(o.id, 'approve')).status).toBe(303)
    await app.server.worker.drain()
    // Delta's contact proposes Gamma's name, on another site.
    const mail = await nextMail(app, () =>
      postForm(app.url, '/manage', { email: 'direction@delta.example.org' }),
    )
    const manage = linkIn(mail.text, 'organisations/manage')
    const form = await get(app.url, manage)
    await postForm(app.url, manage, {
      csrf: hiddenValue(form.html, 'csrf'),
      name: 'laboratoire gamma',
      kind: 'lab',
      url: 'https://elsewhere.example.net/',
      contact_name: 'Paul Delta',
    })
    const page = await get(app.url, '/admin/organisations', as())
    const box = new RegExp(`id="organisation-${renamed.id}-proposal"[^]*?</section>`).exec(page.html)![0]
    expect(box).toContain('laboratoire gamma (actuellement\u00a0: Laboratoire Delta)')
    expect(box).toContain('Ni l’adresse ni son domaine ne prouvent le lien')
    expect(box).toContain('Une organisation du même nom est déjà publiée.')
    for (const action of ['approve_change', 'refuse_change'])
      expect(page.html).toContain(`action="/admin/organisations/${renamed.id}/${action}"`)
  })

  it('answers not found for an action it does not know', async () => {
    expect((await decide(1, 'publish')).status).toBe(404)
    expect((await decide(0, 'approve')).status).toBe(404)
  })
})
