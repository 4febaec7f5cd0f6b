// A site with a few confirmed, listed signatures (a title and unit, initials, a name
// withheld, an initial signatory, published testimonies), one waiting for confirmation,
// one live manage link, a signed checkpoint of the public log and a published news item:
// the states the page list needs, made through HTTP but for the moderators' decisions,
// taken through the domain as the admin pages do.
import { moderateSignature } from '../../src/domain/moderation.js'
import { moderateOrganisation } from '../../src/domain/organisations.js'
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
  /** GET shows the confirm button of an organisation's request still pending. */
  organisationConfirmPath: string
  /** The manage page of an organisation's signature, listed. */
  organisationManagePath: string
}

/** Organisations signing in their own name: two approved (listed), one awaiting the moderators. */
const ORGANISATIONS: Record<string, string>[] = [
  {
    name: 'Institut de recherche en informatique de Toulouse (IRIT)',
    kind: 'lab',
    url: 'https://www.irit.fr/',
    contact_name: 'Aurore Lasserre',
    contact_role: 'Directrice',
    mandate: 'Vote du conseil de laboratoire du 12 janvier.',
    email: 'direction@irit.fr',
  },
  {
    name: 'Section SNESUP-FSU de l’Université Toulouse III',
    kind: 'union',
    url: '',
    contact_name: 'Paul Vidal',
    contact_role: 'Secrétaire de section',
    mandate: '',
    email: 'snesup@univ-tlse3.fr',
  },
  {
    name: 'Société française d’écologie',
    kind: 'society',
    url: 'sfecologie.org',
    contact_name: 'Lina Morel',
    contact_role: '',
    mandate: '',
    email: 'bureau@sfecologie.org',
  },
]

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
  for (const [i, o] of ORGANISATIONS.entries()) {
    await postForm(app.url, '/organisations/sign', { ...o, consent: '1' })
    const path = linkIn((await lastMailTo(app, o.email!)).text ?? '', 'organisations/confirm')
    const form = await get(app.url, path)
    await postForm(app.url, path, { csrf: hiddenValue(form.html, 'csrf') })
    const { id } = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', o.name!)
      .executeTakeFirstOrThrow()
    // The last one still awaits the moderators.
    if (i < ORGANISATIONS.length - 1) await moderateOrganisation(ctx, 'fixtures', id, 'approve')
  }
  const orgPending = 'contact@labo-en-attente.fr'
  await postForm(app.url, '/organisations/sign', {
    ...ORGANISATIONS[0]!,
    name: 'Laboratoire en attente',
    email: orgPending,
    consent: '1',
  })
  const organisationConfirmPath = linkIn(
    (await lastMailTo(app, orgPending)).text ?? '',
    'organisations/confirm',
  )
  await postForm(app.url, '/manage', { email: ORGANISATIONS[0]!.email! })
  const organisationManagePath = linkIn(
    (await lastMailTo(app, ORGANISATIONS[0]!.email!)).text ?? '',
    'organisations/manage',
  )
  return {
    confirmPath,
    managePath,
    receiptPath: landed[0]!,
    newsStopPath,
    organisationConfirmPath,
    organisationManagePath,
  }
}
