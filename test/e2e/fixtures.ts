// A site with a few confirmed, listed signatures (a title and unit, initials, a name
// withheld, an initial signatory, published testimonies), one waiting for confirmation,
// one live manage link, a signed checkpoint of the public log and a published news item:
// the states the page list needs, made through HTTP but for the moderators' decisions,
// taken through the domain as the admin pages do.
import { moderateSignature } from '../../src/domain/moderation.js'
import { createNews, newsStopKey, publishNews } from '../../src/domain/news.js'
import { writeCheckpoint } from '../../src/domain/transparency/checkpoints.js'
import type { TestApp } from '../helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from '../helpers/http.js'
import { lastMailTo } from '../helpers/mail-files.js'

export interface SiteFixtures {
  /** GET shows the confirm button of a signature still pending. */
  confirmPath: string
  /** The manage page of a confirmed signature, its receipt included. */
  managePath: string
  /** The thanks page a signatory lands on after confirming, with their receipt. */
  receiptPath: string
  /** The stop link of news mails of a signatory who asked for news. */
  newsStopPath: string
}

const SIGNATORIES: Record<string, string>[] = [
  {
    first_name: 'Camille',
    last_name: 'Durand',
    email: 'camille.durand@univ-tlse3.fr',
    title: 'Chargée de recherche',
    unit: 'IRIT – UMR 5505',
    comment: 'Parce que nos métiers méritent mieux qu’une machine à produire du texte plausible.',
    publish_comment: '1',
  },
  {
    first_name: 'Jean-Baptiste',
    last_name: 'Lefèvre-Montagné',
    email: 'jb.lefevre@cnrs.fr',
    category: 'teacher-researcher',
  },
  {
    first_name: 'Awa',
    last_name: 'Diallo',
    email: 'awa.diallo@inrae.fr',
    category: 'doctoral',
    discipline: 'Agronomie',
    updates: '1',
  },
  { first_name: 'Inès', last_name: 'Roux', email: 'ines.roux@univ-tlse3.fr', display: 'initials' },
  // A school address: /stats shows its académie and region.
  { first_name: 'Léa', last_name: 'Garnier', email: 'lea.garnier@ac-toulouse.fr', category: 'teacher' },
  {
    first_name: 'Noé',
    last_name: 'Blanc',
    email: 'noe.blanc@univ-tlse3.fr',
    display: 'withheld',
    comment: 'Je signe sans mon nom, mais je signe.',
    publish_comment: '1',
  },
]

/** Signs and confirms; returns where the confirmation lands (the thanks page, with the receipt). */
export async function signAndConfirm(app: TestApp, fields: Record<string, string>): Promise<string> {
  const answer = await postForm(app.url, '/sign', validSignature(fields))
  if (answer.status !== 303) throw new Error(`signing answered ${answer.status}`)
  const path = linkIn((await lastMailTo(app, fields.email!)).text ?? '', 'confirm')
  const page = await get(app.url, path)
  const done = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
  if (done.status !== 303) throw new Error(`confirming answered ${done.status}`)
  return done.location!
}

export async function seedSite(app: TestApp): Promise<SiteFixtures> {
  const landed: string[] = []
  for (const s of SIGNATORIES) landed.push(await signAndConfirm(app, s))
  const { ctx } = app.server
  const idOf = async (firstName: string) =>
    (
      await ctx.db
        .selectFrom('signatures')
        .select('id')
        .where('first_name', '=', firstName)
        .executeTakeFirstOrThrow()
    ).id
  for (const name of ['Camille', 'Noé'])
    await moderateSignature(ctx, 'fixtures', await idOf(name), 'approve_comment')
  await moderateSignature(ctx, 'fixtures', await idOf('Jean-Baptiste'), 'mark_initial')
  // A signed checkpoint, as the server makes every few minutes: /transparency and the
  // receipts are checked as they read once the log has one.
  await writeCheckpoint(ctx.transact, ctx.config.baseUrl, ctx.logKey, app.clock.now())
  const pending = 'pending.person@univ-lyon2.fr'
  await postForm(app.url, '/sign', validSignature({ first_name: 'Lou', last_name: 'Martin', email: pending }))
  const confirmPath = linkIn((await lastMailTo(app, pending)).text ?? '', 'confirm')
  await postForm(app.url, '/manage', { email: SIGNATORIES[0]!.email! })
  const managePath = linkIn((await lastMailTo(app, SIGNATORIES[0]!.email!)).text ?? '', 'manage')
  // One published news item, as moderators write it: two paragraphs, a list and a link.
  const id = await createNews(ctx, 'moderator@paraphe.test', {
    fr: {
      title: 'Le manifeste paraît dans la presse',
      body: 'Le texte a été repris avec **1 200 signatures** vérifiées.\n\n- un débat à Toulouse le 12 janvier\n- [la tribune](https://exemple.org/tribune)',
    },
    en: {
      title: 'The manifesto in the press',
      body: 'The text was printed with **1,200 verified signatures**.\n\n- a debate in Toulouse on 12 January\n- [the op-ed](https://example.org/op-ed)',
    },
  })
  await publishNews(ctx, 'moderator@paraphe.test', id, true)
  const reader = await ctx.db
    .selectFrom('signatures')
    .select('id')
    .where('email', '=', 'awa.diallo@inrae.fr')
    .executeTakeFirstOrThrow()
  const newsStopPath = `/news/stop/${reader.id}/${newsStopKey(app.config.secret, reader.id)}`
  return { confirmPath, managePath, receiptPath: landed[0]!, newsStopPath }
}
