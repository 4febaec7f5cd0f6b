// «Pourquoi nous signons»: a comment is published only when its signatory ticks
// «publier mon commentaire», is listed, and a moderator approved it; edited, it goes
// back to the moderators; withdrawn, it is gone. Each appears with the name as its
// signatory chose to appear, and the home page shows the latest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { logInAs, signAndConfirm as signAs, moderate } from './helpers/admin.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { nextMail } from './helpers/signing.js'
import { listTestimonies } from '../src/domain/testimonies.js'

const MODERATOR = 'moderatrice@paraphe.test'

describe.each(DATABASES)('testimonies (%s)', (kind) => {
  let app: TestApp
  let cookie = ''
  let csrf = ''
  const as = () => ({ Cookie: cookie })
  const approveComment = (id: number) => moderate(app, id, 'approve-comment', { csrf }, as())
  const manageLink = async (email: string) =>
    linkIn((await nextMail(app, () => postForm(app.url, '/manage', { email }))).text, 'manage')
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR })
    ids.ana = await signAs(app, {
      email: 'ana@univ-tlse3.fr',
      first_name: 'Ana',
      last_name: 'Témoin',
      title: 'Maîtresse de conférences',
      comment: 'Parce que la recherche mérite mieux.\nEt l’enseignement aussi.',
      publish_comment: '1',
    })
    ids.bo = await signAs(app, {
      email: 'bo@univ-tlse3.fr',
      first_name: 'Bo',
      last_name: 'Discret',
      comment: 'Un mot pour le collectif seulement.',
    })
    ids.cy = await signAs(app, {
      email: 'cy@univ-tlse3.fr',
      first_name: 'Cy',
      last_name: 'Privée',
      public: '',
      comment: 'Publiez-moi sans me nommer.',
      publish_comment: '1',
    })
    ids.dee = await signAs(app, {
      email: 'dee@univ-tlse3.fr',
      first_name: 'Dee',
      last_name: 'Anonyme',
      display: 'withheld',
      comment: 'Sans mon nom, mais avec conviction.',
      publish_comment: '1',
    })
    cookie = await logInAs(app, MODERATOR)
    csrf = hiddenValue((await get(app.url, '/admin', as())).html, 'csrf')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('asks on the form, unticked, and says that comments are not published otherwise', async () => {
    const form = (await get(app.url, '/sign')).html
    expect(form).toMatch(
      /<input type="checkbox" id="field-publish-comment" name="publish_comment" value="1"(?! checked)/,
    )
    expect(form).toContain('Il n’est publié que si vous cochez la case qui suit.')
    expect(form).toContain('Publier mon commentaire')
    const en = (await get(app.url, '/en/sign')).html
    expect(en).toContain('It is published only if you tick the box below.')
  })

  it('shows the choice on the confirmation page', async () => {
    const mail = await nextMail(app, () =>
      postForm(
        app.url,
        '/sign',
        validSignature({ email: 'eve@univ-tlse3.fr', comment: 'Oui.', publish_comment: '1' }),
      ),
    )
    const page = await get(app.url, linkIn(mail.text, 'confirm'))
    expect(page.html).toContain(
      '<dt>Publication du commentaire</dt><dd>Oui, une fois approuvé par la modération, si vous figurez dans la liste publique</dd>',
    )
  })

  it('publishes nothing before a moderator approves it', async () => {
    const page = await get(app.url, '/testimonies')
    expect(page.status).toBe(200)
    expect(page.html).toContain('Aucun commentaire publié pour le moment.')
    expect(page.html).not.toContain('recherche mérite')
  })

  it('publishes an approved comment only when its signatory asked and is listed', async () => {
    for (const id of [ids.ana!, ids.bo!, ids.cy!, ids.dee!])
      expect((await approveComment(id)).status).toBe(303)
    const page = (await get(app.url, '/testimonies')).html
    expect(page).toContain('<h1>Pourquoi nous signons</h1>')
    expect(page).toContain(
      '<blockquote>Parce que la recherche mérite mieux.\nEt l’enseignement aussi.</blockquote>',
    )
    expect(page).toContain(
      '<cite>Ana Témoin</cite>, Maîtresse de conférences, Université Toulouse III – Paul Sabatier',
    )
    // Withheld name: the name chosen, and nothing typed that would point at the person.
    expect(page).toContain('Sans mon nom, mais avec conviction.')
    expect(page).toContain('<cite>Un·e signataire</cite>')
    expect(page).not.toContain('Anonyme')
    // Not asked to be published, or not listed: never shown.
    expect(page).not.toContain('Un mot pour le collectif')
    expect(page).not.toContain('Publiez-moi')
    expect(page).toContain('<meta name="robots" content="noindex"')
    const en = (await get(app.url, '/en/testimonies')).html
    expect(en).toContain('<h1>Why we sign</h1>')
    expect(en).toContain('<cite>A signatory</cite>')
  })

  it('shows the latest on the home page, without names while signatories are kept out of search engines', async () => {
    const home = (await get(app.url, '/')).html
    expect(home).toContain('<h2 id="testimonies-title">Pourquoi nous signons</h2>')
    expect(home).toContain('<blockquote class="testimony">Parce que la recherche mérite mieux.')
    expect(home).not.toContain('Ana Témoin')
    expect(home).not.toContain('<cite>')
    expect(home).toContain('Lire tous les commentaires publiés, avec le nom de leurs signataires')
    expect(home).not.toContain('Un mot pour le collectif')
  })

  it('reads every testimony a page at a time, newest approval first', async () => {
    const { db, config } = app.server.ctx
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await listTestimonies(db, config.site, { cursor, limit: 1 })
      seen.push(...page.items.map((t) => t.comment))
      cursor = page.next
    } while (cursor)
    expect(seen).toEqual([
      'Sans mon nom, mais avec conviction.',
      'Parce que la recherche mérite mieux.\nEt l’enseignement aussi.',
    ])
  })

  it('sends an edited comment back to the moderators, and one newly asked to be published too', async () => {
    const path = await manageLink('bo@univ-tlse3.fr')
    const form = await get(app.url, path)
    // Bo's comment was approved for the collective's use, not for publication: asking now waits for approval.
    const fields = {
      csrf: hiddenValue(form.html, 'csrf'),
      first_name: 'Bo',
      last_name: 'Discret',
      category: 'researcher',
      institution: 'Université Toulouse III',
      comment: 'Un mot pour le collectif seulement.',
      public: '1',
      publish_comment: '1',
    }
    expect((await postForm(app.url, path, fields)).status).toBe(303)
    expect((await get(app.url, '/testimonies')).html).not.toContain('Un mot pour le collectif')
    await approveComment(ids.bo!)
    expect((await get(app.url, '/testimonies')).html).toContain('Un mot pour le collectif')
    // Edited: off the page until approved again.
    expect((await postForm(app.url, path, { ...fields, comment: 'Un mot changé.' })).status).toBe(303)
    const page = (await get(app.url, '/testimonies')).html
    expect(page).not.toContain('Un mot changé.')
    expect(page).not.toContain('Un mot pour le collectif')
    // Unticked: off the page, whatever was approved.
    await approveComment(ids.bo!)
    expect((await get(app.url, '/testimonies')).html).toContain('Un mot changé.')
    const { publish_comment: _, ...unticked } = fields
    expect((await postForm(app.url, path, { ...unticked, comment: 'Un mot changé.' })).status).toBe(303)
    expect((await get(app.url, '/testimonies')).html).not.toContain('Un mot changé.')
  })

  it('approves only the comment the moderator read: one edited since the page was shown stays unpublished', async () => {
    const path = await manageLink('bo@univ-tlse3.fr')
    const form = await get(app.url, path)
    const fields = {
      csrf: hiddenValue(form.html, 'csrf'),
      first_name: 'Bo',
      last_name: 'Discret',
      category: 'researcher',
      institution: 'Université Toulouse III',
      comment: 'Un texte que la modération a lu.',
      public: '1',
      publish_comment: '1',
    }
    expect((await postForm(app.url, path, fields)).status).toBe(303)
    const page = await get(app.url, `/admin/signatures/${ids.bo}`, as())
    const seen = /name="seen" value="([^"]+)"/.exec(page.html)![1]!
    // Bo swaps the text while the moderator reads the page.
    app.clock.advance(1000)
    expect(
      (await postForm(app.url, path, { ...fields, comment: 'Un texte que personne n’a lu.' })).status,
    ).toBe(303)
    const answer = await postForm(
      app.url,
      `/admin/signatures/${ids.bo}/approve-comment`,
      { csrf, seen },
      as(),
    )
    expect(answer.location).toBe(`/admin/signatures/${ids.bo}?done=stale`)
    expect((await get(app.url, answer.location!, as())).html).toContain('Relisez-la avant de décider.')
    expect((await get(app.url, '/testimonies')).html).not.toContain('personne n’a lu')
  })

  it('withdraws a testimony with its signature, from the page and the home page', async () => {
    const path = await manageLink('dee@univ-tlse3.fr')
    const form = await get(app.url, path)
    const done = await postForm(app.url, `${path}/withdraw`, { csrf: hiddenValue(form.html, 'csrf') })
    expect(done.status).toBe(303)
    expect((await get(app.url, '/testimonies')).html).not.toContain('avec conviction')
    expect((await get(app.url, '/')).html).not.toContain('avec conviction')
  })

  it('hides a testimony with its signature when a moderator hides it', async () => {
    await moderate(app, ids.ana, 'hide', { csrf, reason: 'test' }, as())
    expect((await get(app.url, '/testimonies')).html).not.toContain('recherche mérite')
    await moderate(app, ids.ana, 'restore', { csrf }, as())
    expect((await get(app.url, '/testimonies')).html).toContain('recherche mérite')
  })
})
