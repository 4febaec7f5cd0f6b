// A site with a few confirmed, listed signatures, one waiting for confirmation and
// one live manage link: the states the page list needs, made through HTTP.
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
  { first_name: 'Camille', last_name: 'Durand', email: 'camille.durand@univ-tlse3.fr' },
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
  const pending = 'pending.person@univ-lyon2.fr'
  await postForm(app.url, '/sign', validSignature({ first_name: 'Lou', last_name: 'Martin', email: pending }))
  const confirmPath = linkIn((await lastMailTo(app, pending)).text ?? '', 'confirm')
  await postForm(app.url, '/manage', { email: SIGNATORIES[0]!.email! })
  const managePath = linkIn((await lastMailTo(app, SIGNATORIES[0]!.email!)).text ?? '', 'manage')
  return { confirmPath, managePath }
}
