// The moderators' area through HTTP, on each database: logging in by mailed link,
// moderating, exporting, the audit log, and the guard in front of every admin route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { newToken } from '../src/domain/tokens.js'
import { isPublicAdminPath } from '../src/http/admin/guard.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, postForm, validSignature } from './helpers/http.js'
import { loginLinkIn, logInAs, signAndConfirm, moderate } from './helpers/admin.js'

const MODERATOR = 'moderation@paraphe.test'

async function stats(app: TestApp) {
  const res = await fetch(`${app.url}/api/v1/stats`)
  return (await res.json()) as { confirmed: number; public: number }
}

describe.each(DATABASES)('moderation (%s)', (kind) => {
  let app: TestApp
  let cookie = ''
  let csrf = ''
  const as = () => ({ Cookie: cookie })

  beforeAll(async () => {
    app = await startTestApp(kind, { ADMIN_EMAILS: `someone-else@paraphe.test, ${MODERATOR.toUpperCase()}` })
  })
  afterAll(async () => {
    await app?.close()
  })

  describe('logging in', () => {
    it('answers the same whether or not the address moderates, mails only a moderator, sets no cookie', async () => {
      const stranger = await postForm(app.url, '/admin/login', { email: 'stranger@example.org' })
      const moderator = await postForm(app.url, '/admin/login', { email: MODERATOR })
      expect(stranger.status).toBe(303)
      expect(moderator.status).toBe(303)
      expect(stranger.location).toBe(moderator.location)
      expect(stranger.headers.get('set-cookie')).toBeNull()
      expect(moderator.headers.get('set-cookie')).toBeNull()
      const mails = await app.smtp.waitForMessages(1)
      await app.server.worker.drain()
      expect(app.smtp.messages).toHaveLength(1)
      expect(mails[0]!.to).toMatchObject({ text: MODERATOR })
    })

    it('shows a button behind the link, logs in on POST only, once, with a strict cookie', async () => {
      const path = loginLinkIn(app.smtp.messages[0]!.text!)
      const page = await get(app.url, path)
      expect(page.status).toBe(200)
      expect(page.headers.get('set-cookie')).toBeNull()
      const forged = await postForm(app.url, path, { csrf: 'forged' })
      expect(forged.headers.get('set-cookie')).toBeNull()
      const done = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
      expect(done.status).toBe(303)
      expect(done.location).toBe('/admin')
      const setCookie = done.headers.get('set-cookie')!
      expect(setCookie).toMatch(/^paraphe_admin=[A-Za-z0-9_-]{43};/)
      expect(setCookie).toContain('HttpOnly')
      expect(setCookie).toContain('SameSite=Strict')
      expect(setCookie).toContain('Path=/admin')
      expect(setCookie).toContain('Expires=')
      expect(setCookie).not.toContain('Secure')
      cookie = setCookie.split(';')[0]!
      const sessions = await app.server.ctx.db.selectFrom('admin_sessions').select('hash').execute()
      expect(sessions.map((s) => s.hash)).not.toContain(cookie.split('=')[1])
      const again = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
      expect(again.status).toBe(404)
      expect(again.headers.get('set-cookie')).toBeNull()
      const dashboard = await get(app.url, '/admin', as())
      expect(dashboard.status).toBe(200)
      expect(dashboard.html).toContain('Tableau de bord')
      csrf = hiddenValue(dashboard.html, 'csrf')
    })

    it('rate-limits login requests for one address from one network, answering the same', async () => {
      const before = app.smtp.messages.length
      const perHour = app.config.site.limits.loginPerAddressPerHour
      const forModerator = []
      const forStranger = []
      for (let i = 0; i <= perHour; i++) {
        forModerator.push(
          (await postForm(app.url, '/admin/login', { email: 'someone-else@paraphe.test' })).status,
        )
        forStranger.push((await postForm(app.url, '/admin/login', { email: 'nobody@paraphe.test' })).status)
      }
      expect(forModerator).toEqual([...Array(perHour).fill(303), 429])
      expect(forStranger).toEqual(forModerator)
      await app.server.afterAnswer.idle()
      await app.server.worker.drain()
      expect(app.smtp.messages.length - before).toBe(perHour)
    })

    it('sets no cookie for visitors anywhere on the public site', async () => {
      for (const path of ['/', '/signatories', '/sign', '/manage', '/admin/login', '/admin']) {
        const page = await get(app.url, path)
        expect(page.headers.get('set-cookie'), path).toBeNull()
      }
    })
  })

  describe('guard', () => {
    const routes = () => {
      const all = createApp(app.server.ctx).routes.filter(
        (r) => r.path.startsWith('/admin') && (r.method === 'GET' || r.method === 'POST'),
      )
      const unique = new Map(all.map((r) => [`${r.method} ${r.path}`, r]))
      return [...unique.values()]
        .filter((r) => !isPublicAdminPath(r.path.replace(/:[a-z]+/g, 'x')))
        .map((r) => ({ method: r.method, path: r.path.replace(':id', '1').replace(':action', 'hide') }))
    }

    it('knows every admin route (a new one cannot escape these tests)', () => {
      const list = routes().map((r) => `${r.method} ${r.path}`)
      expect(list).toEqual(
        expect.arrayContaining([
          'GET /admin',
          'POST /admin/signatures/1/hide',
          'POST /admin/organisations/1/hide',
          'POST /admin/export',
          'POST /admin/bulk/invalidate',
          'GET /admin/audit',
        ]),
      )
      expect(list.length).toBeGreaterThanOrEqual(17)
    })

    it('refuses every admin route without a session, with a forged one and with an expired one', async () => {
      const expired = newToken()
      await app.server.ctx.transact((tx) =>
        tx
          .insertInto('admin_sessions')
          .values({
            hash: expired.hash,
            email: MODERATOR,
            locale: 'fr',
            expires_at: '2000-01-01T00:00:00.000Z',
            created_at: '2000-01-01T00:00:00.000Z',
          })
          .execute(),
      )
      const forged = newToken().token
      for (const headers of <Record<string, string>[]>[
        {},
        { Cookie: `paraphe_admin=${forged}` },
        { Cookie: `paraphe_admin=${expired.token}` },
        { Cookie: 'paraphe_admin=x' },
      ]) {
        for (const r of routes()) {
          const page =
            r.method === 'GET'
              ? await get(app.url, r.path, headers)
              : await postForm(app.url, r.path, { csrf }, headers)
          const label = `${r.method} ${r.path} ${JSON.stringify(headers)}`
          if (r.method === 'GET') {
            expect(page.status, label).toBe(303)
            expect(page.location, label).toBe('/admin/login')
          } else expect(page.status, label).toBe(403)
          expect(page.headers.get('set-cookie'), label).toBeNull()
        }
      }
    })

    it('refuses every admin POST without the session’s CSRF token, or with another one', async () => {
      const before = await stats(app)
      for (const r of routes().filter((r) => r.method === 'POST')) {
        for (const fields of <Record<string, string>[]>[
          {},
          { csrf: 'forged' },
          { csrf: `${csrf.slice(1)}A` },
        ]) {
          const page = await postForm(app.url, r.path, fields, as())
          expect(page.status, `${r.path} ${JSON.stringify(fields)}`).toBe(403)
        }
      }
      expect(await stats(app)).toEqual(before)
      expect((await get(app.url, '/admin', as())).status).toBe(200)
    })
  })

  describe('moderating', () => {
    let id = 0
    let withComment = 0

    it('shows the latest signatures and finds one by name', async () => {
      id = await signAndConfirm(app, {
        email: 'mac@example.org',
        first_name: 'Emmanuel',
        last_name: 'Macron',
        institution: 'Élysée',
      })
      withComment = await signAndConfirm(app, {
        email: 'ines@univ-tlse3.fr',
        first_name: 'Inès',
        last_name: 'Garcia',
        comment: 'Bravo pour ce texte',
        updates: '1',
      })
      const dashboard = await get(app.url, '/admin', as())
      expect(dashboard.html).toContain('Emmanuel Macron')
      expect(dashboard.html).toContain('Inès Garcia')
      const found = await get(app.url, '/admin?q=macron', as())
      expect(found.html).toContain('Emmanuel Macron')
      expect(found.html).not.toContain('Inès Garcia')
      expect(await stats(app)).toMatchObject({ confirmed: 2, public: 2 })
    })

    it('hides a signature from the public list with a reason, keeping it counted, and restores it', async () => {
      const hidden = await moderate(app, id, 'hide', { csrf, reason: 'Usurpation' }, as())
      expect(hidden.status).toBe(303)
      expect((await get(app.url, '/signatories')).html).not.toContain('Macron')
      expect(await stats(app)).toMatchObject({ confirmed: 2, public: 1 })
      const page = await get(app.url, `/admin/signatures/${id}`, as())
      expect(page.html).toContain('Usurpation')
      await moderate(app, id, 'restore', { csrf }, as())
      expect((await get(app.url, '/signatories')).html).toContain('Macron')
      expect(await stats(app)).toMatchObject({ confirmed: 2, public: 2 })
    })

    it('keeps comments unpublished until approved, and approves one', async () => {
      expect((await get(app.url, '/signatories')).html).not.toContain('Bravo pour ce texte')
      const awaiting = await get(app.url, '/admin?filter=comments', as())
      expect(awaiting.html).toContain('Inès Garcia')
      await moderate(app, withComment, 'approve-comment', { csrf }, as())
      const row = await app.server.ctx.db
        .selectFrom('signatures')
        .select('comment_approved_at')
        .where('id', '=', withComment)
        .executeTakeFirstOrThrow()
      expect(row.comment_approved_at).not.toBeNull()
      expect((await get(app.url, '/admin?filter=comments', as())).html).not.toContain('Inès Garcia')
    })

    it('names an institution domain and blocks another, whose signatures are no longer recorded', async () => {
      await postForm(
        app.url,
        '/admin/domains',
        { csrf, domain: 'univ-tlse3.fr', display_name: 'Université Toulouse III – Paul Sabatier' },
        as(),
      )
      await postForm(
        app.url,
        '/admin/domains',
        { csrf, domain: 'spam.example', display_name: '', blocked: '1' },
        as(),
      )
      const bad = await postForm(app.url, '/admin/domains', { csrf, domain: 'not a domain' }, as())
      expect(bad.status).toBe(422)
      const page = await get(app.url, '/admin/domains', as())
      expect(page.html).toContain('Université Toulouse III – Paul Sabatier')
      expect((await get(app.url, `/admin/signatures/${withComment}`, as())).html).toContain(
        'univ-tlse3.fr (Université Toulouse III – Paul Sabatier)',
      )
      expect(page.html).toContain('spam.example')
      const sign = await postForm(app.url, '/sign', validSignature({ email: 'bot@spam.example' }))
      expect(sign.status).toBe(303)
      const rows = await app.server.ctx.db
        .selectFrom('signatures')
        .select('id')
        .where('email_domain', '=', 'spam.example')
        .execute()
      expect(rows).toHaveLength(0)
    })

    it('exports confirmed signatures as CSV, with e-mail only for those who asked for news, formulas neutralised', async () => {
      await signAndConfirm(app, {
        email: 'formula@cnrs.fr',
        first_name: 'Zoé',
        last_name: 'Formule',
        institution: '=HYPERLINK("http://evil")',
      })
      const get403 = await get(app.url, '/admin/export', as())
      expect(get403.status).toBe(200)
      const res = await fetch(`${app.url}/admin/export`, {
        method: 'POST',
        headers: { ...as(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf }).toString(),
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/csv')
      expect(res.headers.get('content-disposition')).toMatch(
        /attachment; filename="signatures-\d{4}-\d{2}-\d{2}\.csv"/,
      )
      const csv = await res.text()
      const lines = csv.trim().split('\n')
      expect(lines[0]).toBe(
        'first_name,last_name,category,institution,discipline,title,unit,comment,listed,display,confirmed_at,consent_version,locale,email',
      )
      expect(lines).toHaveLength(4)
      expect(csv).toContain('ines@univ-tlse3.fr')
      expect(csv).not.toContain('mac@example.org')
      expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    })

    it('closes and reopens signing: the form disappears and signatures are refused meanwhile', async () => {
      await postForm(app.url, '/admin/signing', { csrf, open: '0' }, as())
      const home = await get(app.url, '/')
      expect(home.html).not.toContain('action="/sign"')
      expect(home.html).toContain('La signature de ce manifeste est close')
      expect((await postForm(app.url, '/sign', validSignature({ email: 'late@cnrs.fr' }))).status).toBe(403)
      await postForm(app.url, '/admin/signing', { csrf, open: '1' }, as())
      expect((await get(app.url, '/')).html).toContain('action="/sign"')
    })

    it('invalidates in bulk after a preview; the signatures leave the counts at once', async () => {
      const before = await stats(app)
      const missing = await postForm(app.url, '/admin/bulk/preview', { csrf }, as())
      expect(missing.status).toBe(422)
      const preview = await postForm(app.url, '/admin/bulk/preview', { csrf, namePattern: 'form*' }, as())
      expect(preview.html).toContain('1\u00a0signature correspond')
      expect(preview.html).toContain('Zoé Formule')
      const done = await postForm(app.url, '/admin/bulk/invalidate', { csrf, namePattern: 'form*' }, as())
      expect(done.status).toBe(303)
      const after = await stats(app)
      expect(after).toMatchObject({ confirmed: before.confirmed - 1, public: before.public - 1 })
      // Every dimension loses it too (the invalidated signature was a researcher).
      expect((after as unknown as { by_category: Record<string, number> }).by_category.researcher).toBe(
        (before as unknown as { by_category: Record<string, number> }).by_category.researcher! - 1,
      )
      expect((await get(app.url, '/signatories')).html).not.toContain('Formule')
    })

    it('deletes a signature, adjusting the counts', async () => {
      const before = await stats(app)
      const page = await moderate(app, id, 'delete', { csrf }, as())
      expect(page.status).toBe(200)
      expect(await stats(app)).toMatchObject({ confirmed: before.confirmed - 1, public: before.public - 1 })
      expect((await get(app.url, `/admin/signatures/${id}`, as())).status).toBe(404)
    })

    it('lists mails that failed for good', async () => {
      app.smtp.refuseWith(550)
      await postForm(app.url, '/sign', validSignature({ email: 'gone@cnrs.fr', first_name: 'Perdu' }))
      await app.server.worker.drain()
      app.smtp.refuseWith(undefined)
      const page = await get(app.url, '/admin/mails', as())
      expect(page.html).toContain('Perdu')
      expect(page.html).toContain('550')
    })

    it('records every action in an audit log that moderators can read, and checks the counts on demand', async () => {
      const page = await postForm(app.url, '/admin/reconcile', { csrf }, as())
      expect(page.html).toContain('Décomptes vérifiés')
      const log = await get(app.url, '/admin/audit', as())
      for (const action of [
        'login',
        'signature.hide',
        'signature.restore',
        'signature.approve_comment',
        'signature.delete',
        'domain.set',
        'export.csv',
        'signing.close',
        'signing.open',
        'bulk.preview',
        'bulk.invalidate',
        'reconcile.ok',
      ]) {
        expect(log.html, action).toContain(`>${action}</td>`)
      }
      expect(log.html).toContain(MODERATOR)
      expect(log.html).toContain('Usurpation')
    })

    it('switches the admin to English and logs out', async () => {
      await postForm(app.url, '/admin/language', { csrf, locale: 'en' }, as())
      expect((await get(app.url, '/admin', as())).html).toContain('Dashboard')
      const out = await postForm(app.url, '/admin/logout', { csrf }, as())
      expect(out.status).toBe(303)
      expect((await get(app.url, '/admin', as())).status).toBe(303)
    })

    it('lets a moderator added in the database log in, and ends their sessions when removed', async () => {
      const { addModerator, removeModerator } = await import('../src/domain/moderators.js')
      await addModerator(app.server.ctx.transact, 'Added@Paraphe.test', new Date())
      const theirs = await logInAs(app, 'added@paraphe.test')
      expect((await get(app.url, '/admin', { Cookie: theirs })).status).toBe(200)
      await removeModerator(app.server.ctx.transact, 'added@paraphe.test')
      expect((await get(app.url, '/admin', { Cookie: theirs })).status).toBe(303)
    })
  })
})
