// A site with a few confirmed, listed signatures (a title and unit, initials, a name
// withheld, an initial signatory, published testimonies), one waiting for confirmation
// and one live manage link: the states the page list needs, made through HTTP but for
// the moderators' two decisions, taken through the domain as the admin pages do.
import { moderateSignature } from '../../src/domain/moderation.js'
import type { TestApp } from '../helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from '../helpers/http.js'
import { lastMailTo } from '../helpers/mail-files.js'

export interface SiteFixtures {
  /** GET shows the confirm button of a signature still pending. */
  confirmPath: string
  /** The manage page of a confirmed signature. */
  managePath: string
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
  },
  { first_name: 'Inès', last_name: 'Roux', email: 'ines.roux@univ-tlse3.fr', display: 'initials' },
  {
    first_name: 'Noé',
    last_name: 'Blanc',
    email: 'noe.blanc@univ-tlse3.fr',
    display: 'withheld',
    comment: 'Je signe sans mon nom, mais je signe.',
    publish_comment: '1',
  },
]

export async function signAndConfirm(app: TestApp, fields: Record<string, string>): Promise<void> {
  const answer = await postForm(app.url, '/sign', validSignature(fields))
  if (answer.status !== 303) throw new Error(`signing answered ${answer.status}`)
  const path = linkIn((await lastMailTo(app, fields.email!)).text ?? '', 'confirm')
  const page = await get(app.url, path)
  const done = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
  if (done.status !== 303) throw new Error(`confirming answered ${done.status}`)
}

export async function seedSite(app: TestApp): Promise<SiteFixtures> {
  for (const s of SIGNATORIES) await signAndConfirm(app, s)
  const id = async (firstName: string) =>
    (
      await app.server.ctx.db
        .selectFrom('signatures')
        .select('id')
        .where('first_name', '=', firstName)
        .executeTakeFirstOrThrow()
    ).id
  for (const name of ['Camille', 'Noé'])
    await moderateSignature(app.server.ctx, 'fixtures', await id(name), 'approve_comment')
  await moderateSignature(app.server.ctx, 'fixtures', await id('Jean-Baptiste'), 'mark_initial')
  const pending = 'pending.person@univ-lyon2.fr'
  await postForm(app.url, '/sign', validSignature({ first_name: 'Lou', last_name: 'Martin', email: pending }))
  const confirmPath = linkIn((await lastMailTo(app, pending)).text ?? '', 'confirm')
  await postForm(app.url, '/manage', { email: SIGNATORIES[0]!.email! })
  const managePath = linkIn((await lastMailTo(app, SIGNATORIES[0]!.email!)).text ?? '', 'manage')
  return { confirmPath, managePath }
}
