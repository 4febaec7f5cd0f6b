// An organisation signing as its contact and a moderator make it: the form's values
// checked as the form checks them, the link of the mail the SMTP server received,
// then the moderator's decision, through the domain functions of organisations.ts.
import type { ParsedMail } from 'mailparser'
import {
  confirmOrganisation,
  moderateOrganisation,
  parseOrganisationForm,
  requestOrganisation,
  type OrganisationValues,
} from '../../src/domain/organisations.js'
import type { TestApp } from './app.js'
import { linkIn } from './http.js'
import { waitFor } from './wait.js'

/** How far it goes: requested only, confirmed by its contact, approved (listed), approved then hidden. */
export type OrganisationStage = 'pending' | 'awaiting' | 'listed' | 'hidden'

function recipientOf(mail: ParsedMail): string {
  return Array.isArray(mail.to) ? (mail.to[0]?.text ?? '') : (mail.to?.text ?? '')
}

/**
 * The first mail to `to` received since the `from`-th whose text holds `pattern`: mails to
 * other contacts (a decision about the previous organisation) may arrive in between.
 */
function mailTo(app: TestApp, from: number, to: string, pattern: RegExp): Promise<ParsedMail> {
  return waitFor(`a mail to ${to} matching ${pattern}`, () =>
    app.smtp.messages.slice(from).find((m) => recipientOf(m) === to && pattern.test(m.text ?? '')),
  )
}

/** Signs for an organisation up to `stage`; returns its id, or undefined while pending. */
export async function signForOrganisation(
  app: TestApp,
  fields: OrganisationValues & { name: string; email: string },
  stage: OrganisationStage = 'listed',
): Promise<number | undefined> {
  const ctx = app.server.ctx
  const form = parseOrganisationForm(ctx.config.site, {
    contact_name: 'Hortense Mandataire',
    contact_role: 'Rôle-Secret de la contacte',
    mandate: 'Mandat-Secret voté en conseil',
    kind: 'lab',
    consent: '1',
    ...fields,
  })
  if (!form.ok) throw new Error(`the organisation's form refused ${JSON.stringify(form.errors)}`)
  const before = app.smtp.messages.length
  await requestOrganisation(ctx, form.value, 'fr', null)
  const mail = await mailTo(app, before, form.value.email.address, /\/organisations\/confirm\//)
  if (stage === 'pending') return undefined
  const token = linkIn(mail.text ?? '', 'organisations/confirm')
    .split('/')
    .at(-1)!
  const { id } = await confirmOrganisation(ctx, token)
  if (stage === 'awaiting') return id
  if (!(await moderateOrganisation(ctx, 'test', id, 'approve'))) throw new Error('approval refused')
  if (stage === 'hidden' && !(await moderateOrganisation(ctx, 'test', id, 'hide')))
    throw new Error('hiding refused')
  return id
}
