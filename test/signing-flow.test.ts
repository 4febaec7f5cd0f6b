// The whole life of a signature, through HTTP, on each database, with mail going
// through a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { nextMail, signAndConfirm } from './helpers/signing.js'

async function stats(app: TestApp) {
  const res = await fetch(`${app.url}/api/v1/stats`)
  return (await res.json()) as { confirmed: number; public: number; updated_at: string | null }
}

describe.each(DATABASES)('signing the manifesto (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  // Each test signs as a person of its own and checks what its steps changed, so that it
  // holds whatever ran before it, and alone.

  /** Signs through the form; returns the path of the mailed confirmation link. */
  async function signed(fields: Record<string, string>): Promise<string> {
    const mail = await nextMail(app, () => postForm(app.url, '/sign', validSignature(fields)))
    return linkIn(mail.text, 'confirm')
  }

  /** Signs and confirms; returns the path of a manage link. */
  async function confirmed(fields: Record<string, string>): Promise<string> {
    return (await signAndConfirm(app, fields, { manage: true }))!
  }

  const signatureOf = (lastName: string) =>
    app.server.ctx.db.selectFrom('signatures').selectAll().where('last_name', '=', lastName)

  it('shows the manifesto, its count and the sign form', async () => {
    const page = await get(app.url, '/')
    expect(page.status).toBe(200)
    expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(page.html).toContain('<html lang="fr">')
    expect(page.html).toContain('Nous, membres de l’enseignement supérieur')
    const { confirmed } = await stats(app)
    expect(page.html).toContain(`${confirmed}\u00a0signature${confirmed > 1 ? 's' : ''} vérifiée`)
    expect(page.html).toContain('action="/sign"')
    expect(page.html).toMatch(/href="\/en\/"[^>]*hreflang="en"/)
  })

  it('refuses invalid input with 422, keeping every value and explaining each error', async () => {
    const before = await stats(app)
    const page = await postForm(
      app.url,
      '/sign',
      validSignature({
        email: 'not-an-address',
        consent: '',
        first_name: '  Zoé  ',
        comment: 'Mon <b>avis</b>',
      }),
    )
    expect(page.status).toBe(422)
    expect(page.html).toContain('value="  Zoé  "')
    expect(page.html).toContain('value="not-an-address"')
    expect(page.html).toContain('Mon &lt;b&gt;avis&lt;/b&gt;')
    expect(page.html).toContain('Le formulaire contient 2\u00a0erreurs')
    expect(page.html).toContain('id="error-email"')
    expect(page.html).toMatch(
      /id="field-email"[^>]*aria-invalid="true"[^>]*aria-describedby="hint-email error-email"/,
    )
    expect(page.html).toMatch(/id="field-consent"[^>]*aria-invalid="true"/)
    expect(page.html).toContain('href="#field-email"')
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed })
  })

  it('accepts a valid signature, redirects to "check your mailbox" and mails a confirmation link', async () => {
    const mail = await nextMail(app, async () => {
      const page = await postForm(app.url, '/sign', validSignature({ email: 'camille.durand@univ-tlse3.fr' }))
      expect(page.status).toBe(303)
      expect(page.location).toBe('/sign/sent')
    })
    const sent = await get(app.url, '/sign/sent')
    expect(sent.html).toContain('Vérifiez votre messagerie')
    expect(mail.to).toBe('camille.durand@univ-tlse3.fr')
    expect(mail.subject).toContain('— confirmez votre signature')
    expect(mail.text).toContain('Bonjour Camille,')
    expect(linkIn(mail.text, 'confirm')).toMatch(/^\/confirm\/[A-Za-z0-9_-]{43}$/)
  })

  it('does not count a signature before its address is confirmed', async () => {
    const before = await stats(app)
    await signed({ email: 'attente@univ-tlse3.fr', last_name: 'Attente' })
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed, public: before.public })
    const list = await get(app.url, '/signatories')
    expect(list.html).not.toContain('Attente')
  })

  it('keeps the clear address and the link only until the mail is sent', async () => {
    const confirmPath = await signed({ email: 'claire.adresse@univ-tlse3.fr', last_name: 'Adresse' })
    await app.server.worker.drain()
    const signature = await signatureOf('Adresse').executeTakeFirstOrThrow()
    const rows = await app.server.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('signature_id', '=', signature.id)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      status: 'sent',
      recipient: null,
      text_body: null,
      html_body: null,
      subject: null,
    })
    expect(signature.email).toBeNull()
    expect(signature.email_hash).not.toContain('claire')
    const tokens = await app.server.ctx.db.selectFrom('tokens').select('hash').execute()
    expect(tokens.map((t) => t.hash)).not.toContain(confirmPath.split('/').at(-1))
  })

  it('shows a confirmation page with one button, and opening the link confirms nothing', async () => {
    const confirmPath = await signed({
      email: 'bouton@univ-tlse3.fr',
      first_name: 'Line',
      last_name: 'Bouton',
    })
    const before = await stats(app)
    const page = await get(app.url, confirmPath)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Line Bouton')
    expect(page.html).toContain('Je confirme ma signature')
    expect(page.html).toContain(`action="${confirmPath}"`)
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed })
  })

  it('refuses a confirmation posted without the form’s CSRF value', async () => {
    const confirmPath = await signed({ email: 'forge@univ-tlse3.fr', last_name: 'Forge' })
    const before = await stats(app)
    const page = await postForm(app.url, confirmPath, { csrf: 'forged' })
    expect(page.status).toBe(400)
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed })
  })

  it('counts the signature once confirmed and lists the name publicly', async () => {
    const confirmPath = await signed({
      email: 'compte@univ-tlse3.fr',
      first_name: 'Nina',
      last_name: 'Compte',
      institution: 'Université Toulouse III',
    })
    const before = await stats(app)
    const form = await get(app.url, confirmPath)
    const page = await postForm(app.url, confirmPath, { csrf: hiddenValue(form.html, 'csrf') })
    expect(page.status).toBe(303)
    // The confirmation link rides along: it is what shows its owner their receipt.
    expect(page.location).toBe(`/confirmed?listed=1&receipt=${confirmPath.slice('/confirm/'.length)}`)
    const thanks = await get(app.url, page.location!)
    expect(thanks.html).toContain('Merci, votre signature est comptée')
    expect(thanks.html).toContain('http://paraphe.test/')
    const s = await stats(app)
    expect(s).toMatchObject({ confirmed: before.confirmed + 1, public: before.public + 1 })
    expect(s.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const home = await get(app.url, '/')
    expect(home.html).toContain(`${s.confirmed}\u00a0signature${s.confirmed > 1 ? 's' : ''} vérifiée`)
    const list = await get(app.url, '/signatories')
    expect(list.html).toContain('Nina Compte')
    expect(list.html).toContain('Université Toulouse III')
  })

  it('confirms only once when the link is used again', async () => {
    const confirmPath = await signed({ email: 'deux.fois@univ-tlse3.fr', last_name: 'Deuxfois' })
    const form = await get(app.url, confirmPath)
    await postForm(app.url, confirmPath, { csrf: hiddenValue(form.html, 'csrf') })
    const before = await stats(app)
    const again = await get(app.url, confirmPath)
    expect(again.status).toBe(303)
    expect(again.location).toBe('/confirmed?listed=1')
    expect((await postForm(app.url, confirmPath, { csrf: hiddenValue(form.html, 'csrf') })).status).toBe(303)
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed, public: before.public })
  })

  it('answers a second signature with the same address exactly as the first, and mails a manage link', async () => {
    await confirmed({ email: 'jo.martin@univ-tlse3.fr', first_name: 'Jo', last_name: 'Martin' })
    const before = await stats(app)
    const mail = await nextMail(app, async () => {
      const page = await postForm(
        app.url,
        '/sign',
        validSignature({ email: '  Jo.Martin@UNIV-TLSE3.FR ', first_name: 'Someone', last_name: 'Martin' }),
      )
      expect(page.status).toBe(303)
      expect(page.location).toBe('/sign/sent')
    })
    expect(mail.subject).toContain('— vous avez déjà signé')
    expect(mail.text).toContain('Bonjour Jo,')
    expect(linkIn(mail.text, 'manage')).toMatch(/^\/manage\//)
    expect(await signatureOf('Martin').execute()).toHaveLength(1)
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed })
  })

  it('mails a manage link on request, saying the same whether or not the address signed', async () => {
    await confirmed({ email: 'gere@univ-tlse3.fr', last_name: 'Gere' })
    const mail = await nextMail(app, async () => {
      const known = await postForm(app.url, '/manage', { email: 'gere@univ-tlse3.fr' })
      const unknown = await postForm(app.url, '/manage', { email: 'nobody@example.org' })
      expect(known.status).toBe(303)
      expect(unknown.status).toBe(303)
      expect(known.location).toBe(unknown.location)
    })
    expect(mail.subject).toContain('votre lien pour gérer votre signature')
    expect(mail.to).toBe('gere@univ-tlse3.fr')
    const invalid = await postForm(app.url, '/manage', { email: 'nope' })
    expect(invalid.status).toBe(422)
    expect(invalid.html).toContain('value="nope"')
  })

  it('lets the signatory edit their details and leave the public list while staying counted', async () => {
    const managePath = await confirmed({
      email: 'edite@univ-tlse3.fr',
      first_name: 'Eda',
      last_name: 'Edite',
    })
    const before = await stats(app)
    const form = await get(app.url, managePath)
    expect(form.status).toBe(200)
    expect(form.html).toContain('value="Eda"')
    const csrf = hiddenValue(form.html, 'csrf')
    const saved = await postForm(app.url, managePath, {
      csrf,
      first_name: 'Eda',
      last_name: 'Edite-Martin',
      category: 'teacher-researcher',
      institution: 'Université de Toulouse',
      discipline: 'Écologie',
      comment: '',
    })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`${managePath}?saved=1`)
    const after = await get(app.url, saved.location!)
    expect(after.html).toContain('Vos modifications sont enregistrées')
    expect(after.html).toContain('value="Edite-Martin"')
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed, public: before.public - 1 })
    const list = await get(app.url, '/signatories')
    expect(list.html).not.toContain('Edite')
  })

  it('refuses an edit that is invalid, keeping what was typed', async () => {
    const managePath = await confirmed({ email: 'invalide@univ-tlse3.fr', last_name: 'Invalide' })
    const form = await get(app.url, managePath)
    const page = await postForm(app.url, managePath, {
      csrf: hiddenValue(form.html, 'csrf'),
      first_name: '',
      last_name: 'X',
      category: 'nope',
    })
    expect(page.status).toBe(422)
    expect(page.html).toContain('Choisissez une catégorie dans la liste.')
    expect(page.html).toContain('value="X"')
    expect(await signatureOf('Invalide').execute()).toHaveLength(1)
  })

  it('keeps the address in clear only once the signatory asks for news and proves it is theirs', async () => {
    const managePath = await confirmed({
      email: 'nouvelles@univ-tlse3.fr',
      last_name: 'Nouvelles',
      public: '',
    })
    const before = await stats(app)
    const form = await get(app.url, managePath)
    const csrf = hiddenValue(form.html, 'csrf')
    const fields = {
      csrf,
      first_name: 'Camille',
      last_name: 'Nouvelles',
      category: 'researcher',
      institution: 'UT3',
      discipline: '',
      comment: '',
      public: '1',
      updates: '1',
    }
    const wrong = await postForm(app.url, managePath, { ...fields, email: 'someone.else@example.org' })
    expect(wrong.status).toBe(422)
    expect(wrong.html).toContain('Saisissez l’adresse avec laquelle vous avez signé.')
    const right = await postForm(app.url, managePath, { ...fields, email: 'nouvelles@univ-tlse3.fr' })
    expect(right.status).toBe(303)
    const row = await signatureOf('Nouvelles').executeTakeFirstOrThrow()
    expect({ email: row.email, wants_updates: row.wants_updates }).toEqual({
      email: 'nouvelles@univ-tlse3.fr',
      wants_updates: 1,
    })
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed, public: before.public + 1 })
  })

  it('withdraws the signature for real: gone from the counts, the list and the database', async () => {
    const managePath = await confirmed({
      email: 'retrait@univ-tlse3.fr',
      first_name: 'Rita',
      last_name: 'Retrait',
    })
    const { id } = await signatureOf('Retrait').executeTakeFirstOrThrow()
    const before = await stats(app)
    const form = await get(app.url, managePath)
    const page = await postForm(app.url, `${managePath}/withdraw`, { csrf: hiddenValue(form.html, 'csrf') })
    expect(page.status).toBe(303)
    expect(page.location).toBe('/manage/withdrawn')
    expect(await stats(app)).toMatchObject({ confirmed: before.confirmed - 1, public: before.public - 1 })
    expect((await get(app.url, '/signatories')).html).not.toContain('Retrait')
    expect(await signatureOf('Retrait').execute()).toHaveLength(0)
    const tokens = await app.server.ctx.db
      .selectFrom('tokens')
      .selectAll()
      .where('signature_id', '=', id)
      .execute()
    expect(tokens).toHaveLength(0)
    const gone = await get(app.url, managePath)
    expect(gone.status).toBe(404)
    expect(gone.html).toContain('Lien invalide ou expiré')
  })

  it('runs the same journey in English under /en/', async () => {
    const home = await get(app.url, '/en/')
    expect(home.html).toContain('<html lang="en">')
    expect(home.html).toContain('Facing generative AI')
    expect(home.html).toContain('action="/en/sign"')
    const mail = await nextMail(app, async () => {
      const page = await postForm(
        app.url,
        '/en/sign',
        validSignature({ email: 'alex@inria.fr', first_name: 'Alex', last_name: 'Smith' }),
      )
      expect(page.location).toBe('/en/sign/sent')
    })
    expect(mail.subject).toContain('— confirm your signature')
    const path = linkIn(mail.text, 'confirm')
    expect(path).toMatch(/^\/en\/confirm\//)
    const form = await get(app.url, path)
    expect(form.html).toContain('I confirm my signature')
    const done = await postForm(app.url, path, { csrf: hiddenValue(form.html, 'csrf') })
    expect(done.location).toBe(`/en/confirmed?listed=1&receipt=${path.slice('/en/confirm/'.length)}`)
    const list = await get(app.url, '/en/signatories')
    expect(list.html).toContain('Alex Smith')
    const { confirmed } = await stats(app)
    expect(list.html).toContain(`${confirmed} verified signature${confirmed === 1 ? '' : 's'}`)
  })
})
