// The debate relay, end to end through a real SMTP server: a sender confirms their
// own address, the message reaches each willing signatory of the institution alone,
// nobody's address is revealed, limits hold, and one click stops the messages.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllCounters, recountAll } from '../src/domain/counters.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get, hiddenValue, linkIn, postForm } from './helpers/http.js'
import { nextMail, signAndConfirm } from './helpers/signing.js'

const message = (
  from: string,
  text = 'Bonjour,\n\nOrganisons un débat sur l’IA générative au laboratoire.',
) => ({
  name: `Orga ${from}`,
  email: `${from}@cnrs.fr`,
  message: text,
  website: '',
})

describe.each(DATABASES)('the debate relay (%s)', (kind) => {
  let app: TestApp
  let contentDir = ''
  beforeAll(async () => {
    contentDir = contentWith({
      max_per_sender_per_day: '1',
      max_per_institution_per_day: '2',
      // A few signatures, counted exactly: the threshold of small groups is aggregates.test.ts's subject.
      min_group_size: '1',
    })
    app = await startTestApp(kind, { CONTENT_DIR: contentDir })
    await signAndConfirm(app, {
      email: 'willing.one@cnrs.fr',
      first_name: 'Wil',
      last_name: 'One',
      institution: 'CNRS',
      debate: '1',
    })
    await signAndConfirm(app, {
      email: 'willing.two@cnrs.fr',
      first_name: 'Wil',
      last_name: 'Two',
      institution: 'CNRS',
      debate: '1',
      public: '',
      locale: 'en',
    })
    await signAndConfirm(app, {
      email: 'not.willing@cnrs.fr',
      first_name: 'Not',
      last_name: 'Willing',
      institution: 'CNRS',
    })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(contentDir, { recursive: true, force: true })
  })

  const relayed = () =>
    app.smtp.messages.filter(
      (m) => (m.subject ?? '').includes('débat') || (m.subject ?? '').includes('debate'),
    )

  it('keeps the address of the willing, and only theirs, to relay messages', async () => {
    const rows = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['email', 'wants_debate'])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { email: 'willing.one@cnrs.fr', wants_debate: 1 },
      { email: 'willing.two@cnrs.fr', wants_debate: 1 },
      { email: null, wants_debate: 0 },
    ])
    const page = await get(app.url, '/institutions/cnrs.fr')
    expect(page.html).toContain('2 personnes sont prêtes à aider à organiser un débat')
    expect(page.html).not.toContain('willing.')
  })

  it('refuses an incomplete message, keeping what was typed', async () => {
    const page = await postForm(app.url, '/institutions/cnrs.fr/contact', {
      ...message('a'),
      email: 'nope',
      message: '',
    })
    expect(page.status).toBe(422)
    expect(page.html).toContain('value="nope"')
    expect(page.html).toContain('id="error-relay-message"')
  })

  let confirmPath = ''

  it('relays nothing until the sender confirms their own address', async () => {
    const mail = await nextMail(app, async () => {
      const page = await postForm(app.url, '/institutions/cnrs.fr/contact', message('alice'))
      expect(page.status).toBe(303)
      expect(page.location).toBe('/relay/sent')
    })
    expect(mail.to).toBe('alice@cnrs.fr')
    expect(mail.subject).toContain('confirmez l’envoi de votre message')
    confirmPath = linkIn(mail.text, 'relay')
    await app.server.worker.drain()
    expect(relayed()).toHaveLength(0)
    // Without the form's CSRF value, or with a made-up link, nothing goes either.
    expect((await postForm(app.url, confirmPath, { csrf: 'forged' })).status).toBe(400)
    expect((await postForm(app.url, `/relay/${'x'.repeat(43)}`, { csrf: 'forged' })).status).toBe(404)
    await app.server.worker.drain()
    expect(relayed()).toHaveLength(0)
  })

  it('delivers the confirmed message to each willing signatory alone, revealing no address of theirs', async () => {
    const form = await get(app.url, confirmPath)
    expect(form.status).toBe(200)
    expect(form.html).toContain('Organisons un débat')
    expect(form.html).toContain('2 personnes prêtes')
    const before = app.smtp.messages.length
    const done = await postForm(app.url, confirmPath, { csrf: hiddenValue(form.html, 'csrf') })
    expect(done.status).toBe(303)
    expect(done.location).toBe('/relay/done?n=2')
    expect((await get(app.url, done.location!)).html).toContain('transmis à 2 personnes')
    const mails = (await app.smtp.waitForMessages(before + 2)).slice(before)
    const to = mails.map((m) => (Array.isArray(m.to) ? m.to[0]!.text : m.to!.text)).sort()
    expect(to).toEqual(['willing.one@cnrs.fr', 'willing.two@cnrs.fr'])
    for (const mail of mails) {
      expect(mail.text).toContain('Organisons un débat sur l’IA générative au laboratoire.')
      expect(mail.text).toContain('alice@cnrs.fr')
      expect(mail.text).toMatch(/\/debate\/stop\/\d+\/[A-Za-z0-9_-]{43}/)
      // A reply reaches the sender, not the site: the footer does not say the site reads it.
      expect(mail.text).not.toContain('Répondez à ce message')
      expect(mail.cc).toBeUndefined()
      // One-click unsubscribe in mail clients (RFC 8058), and answers go to the sender.
      const lines = mail.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' ')).join('\n')
      expect(lines).toMatch(
        /^List-Unsubscribe: <http:\/\/paraphe\.test(\/en)?\/debate\/stop\/\d+\/[A-Za-z0-9_-]{43}>$/m,
      )
      expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
      expect(mail.replyTo?.text).toBe('alice@cnrs.fr')
      const self = Array.isArray(mail.to) ? mail.to[0]!.text : mail.to!.text
      const other = self === 'willing.one@cnrs.fr' ? 'willing.two@cnrs.fr' : 'willing.one@cnrs.fr'
      expect(mail.text).not.toContain(other)
      expect(mail.html).not.toContain(other)
    }
    // Each in the language its recipient signed in.
    expect(mails.find((m) => (m.to as { text: string }).text === 'willing.two@cnrs.fr')!.subject).toContain(
      'Organising a debate at CNRS',
    )
    await app.server.worker.drain()
    const row = await app.server.ctx.db.selectFrom('relay_messages').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'sent',
      recipients: 2,
      sender_email: null,
      sender_name: null,
      body: null,
    })
    // The link works once.
    expect((await get(app.url, confirmPath)).status).toBe(404)
  })

  it('limits messages per sender and per institution', async () => {
    const confirmAndSend = async (from: string) => {
      const before = app.smtp.messages.length
      await postForm(app.url, '/institutions/cnrs.fr/contact', message(from))
      // Relayed mails of an earlier message may arrive meanwhile: take the one for this sender.
      const address = `${from}@cnrs.fr`
      const find = () =>
        app.smtp.messages.slice(before).find((m) => (m.to as { text: string }).text === address)
      let mail = find()
      while (!mail) {
        await app.smtp.waitForMessages(app.smtp.messages.length + 1)
        mail = find()
      }
      const path = linkIn(mail.text!, 'relay')
      const form = await get(app.url, path)
      return postForm(app.url, path, { csrf: hiddenValue(form.html, 'csrf') })
    }
    const again = await confirmAndSend('alice')
    expect(again.status).toBe(429)
    expect(again.html).toContain('Trop de messages pour le moment')
    expect((await confirmAndSend('bob')).status).toBe(303)
    // Two messages relayed to this institution today: the third sender waits.
    expect((await confirmAndSend('carol')).status).toBe(429)
  })

  it('stops relayed messages in one click from the mail, and counts it', async () => {
    const mail = relayed().find((m) => (m.to as { text: string }).text === 'willing.two@cnrs.fr')!
    const stopPath = /https?:\/\/[^/\s]+((?:\/[a-z]{2})?\/debate\/stop\/\d+\/[A-Za-z0-9_-]{43})/.exec(
      mail.text!,
    )![1]!
    expect(stopPath.startsWith('/en/')).toBe(true)
    const page = await get(app.url, stopPath)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Stop receiving these messages')
    expect((await get(app.url, `${stopPath.slice(0, -3)}AAA`)).status).toBe(404)
    // What a mail client sends for a one-click unsubscribe.
    const stopped = await postForm(app.url, stopPath, { 'List-Unsubscribe': 'One-Click' })
    expect(stopped.status).toBe(200)
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['email', 'wants_debate'])
      .where('last_name', '=', 'Two')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ email: null, wants_debate: 0 })
    expect((await get(app.url, '/institutions/cnrs.fr')).html).toContain('Une personne est prête')
    const db = app.server.ctx.db
    expect(await readAllCounters(db)).toEqual(await recountAll(db, app.config.site))
  })

  it('lets a signatory offer from the manage page, proving the address the relay will use', async () => {
    const managePath = linkIn(
      (await nextMail(app, () => postForm(app.url, '/manage', { email: 'not.willing@cnrs.fr' }))).text,
      'manage',
    )
    const form = await get(app.url, managePath)
    expect(form.html).toContain('name="debate"')
    const fields = {
      csrf: hiddenValue(form.html, 'csrf'),
      first_name: 'Not',
      last_name: 'Willing',
      category: 'researcher',
      institution: 'CNRS',
      public: '1',
      debate: '1',
    }
    const refused = await postForm(app.url, managePath, fields)
    expect(refused.status).toBe(422)
    const saved = await postForm(app.url, managePath, { ...fields, email: 'not.willing@cnrs.fr' })
    expect(saved.status).toBe(303)
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['email', 'wants_debate'])
      .where('last_name', '=', 'Willing')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ email: 'not.willing@cnrs.fr', wants_debate: 1 })
    expect((await get(app.url, '/institutions/cnrs.fr')).html).toContain('2 personnes sont prêtes')
    const db = app.server.ctx.db
    expect(await readAllCounters(db)).toEqual(await recountAll(db, app.config.site))
  })
  it('lets only people of the institution write, and says so before they type', async () => {
    app.clock.advance(61_000) // out of the contact form's rate window of the tests above
    const form = await get(app.url, '/institutions/cnrs.fr')
    expect(form.html).toContain('Seules les personnes de l’établissement peuvent écrire')
    expect(form.html).toContain('Une adresse en @cnrs.fr.')
    const before = app.smtp.messages.length
    const outsider = { ...message('x'), email: 'stranger@gmail.com', message: 'Bonjour' }
    const page = await postForm(app.url, '/institutions/cnrs.fr/contact', outsider)
    expect(page.status).toBe(422)
    expect(page.html).toContain('Seules les personnes de cet établissement peuvent écrire')
    expect(page.html).toContain('value="stranger@gmail.com"')
    expect(page.html).toContain('>Bonjour</textarea>')
    const subdomain = await postForm(app.url, '/institutions/cnrs.fr/contact', {
      ...message('y'),
      email: 'y@lab.cnrs.fr',
    })
    expect(subdomain.status).toBe(303)
    await app.server.worker.drain()
    expect(app.smtp.messages.slice(before).map((m) => (m.to as { text: string }).text)).toEqual([
      'y@lab.cnrs.fr',
    ])
    // A look-alike domain is another institution.
    expect(
      (await postForm(app.url, '/institutions/cnrs.fr/contact', { ...message('z'), email: 'z@notcnrs.fr' }))
        .status,
    ).toBe(422)
  })

  it('tells a volunteer signing with a personal address that nobody can reach them', async () => {
    const mail = await nextMail(app, () =>
      postForm(app.url, '/sign', {
        first_name: 'Per',
        last_name: 'Sonal',
        email: 'per.sonal@gmail.com',
        category: 'researcher',
        institution: 'CNRS',
        discipline: '',
        public: '',
        debate: '1',
        consent: '1',
        website: '',
      }),
    )
    const page = await get(app.url, linkIn(mail.text, 'confirm'))
    expect(page.html).toContain('avec une adresse personnelle, personne ne peut vous joindre par le site')
    const colleague = await nextMail(app, () =>
      postForm(app.url, '/sign', {
        first_name: 'Col',
        last_name: 'Lègue',
        email: 'col.legue@cnrs.fr',
        category: 'researcher',
        institution: 'CNRS',
        discipline: '',
        public: '',
        debate: '1',
        consent: '1',
        website: '',
      }),
    )
    expect((await get(app.url, linkIn(colleague.text, 'confirm'))).html).toContain(
      'des personnes de votre établissement pourront vous écrire',
    )
  })
})
