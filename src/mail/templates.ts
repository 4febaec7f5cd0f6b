// Mails sent to signatories, in their language: the confirmation link, the «already
// signed» answer and the manage link. Layout and text part come from layout.tsx.
import { messagesFor } from '../i18n/index.js'
import { composeMail, type MailSite, type RenderedMail } from './layout.js'

export type { RenderedMail } from './layout.js'

/** confirm_import: the consent request mailed to a person whose signature was gathered elsewhere (npm run import). */
export type MailKind =
  | 'confirm'
  | 'confirm_import'
  | 'already_signed'
  | 'manage'
  // To the contact of an organisation that signs in its own name (organisations.ts).
  | 'organisation_confirm'
  | 'organisation_already'
  | 'organisation_manage'
  | 'organisation_approved'
  | 'organisation_refused'

export interface MailInput {
  kind: MailKind
  site: MailSite
  firstName: string
  link: string
  /** Validity of the link, in days (confirm) or hours (manage). */
  validity: number
  /** The collective that gathered the signature (confirm_import). */
  organisation?: string
  /** The organisation that signs in its own name (organisation_*). */
  organisationName?: string
  /** Where a manage link is asked for (organisation_approved: the contact's address is erased). */
  manageRequestLink?: string
}

export function renderMail(input: MailInput): RenderedMail {
  const m = messagesFor(input.site.locale).mail
  const title = input.site.title
  const name = input.organisationName ?? ''
  const common = { site: input.site, greeting: m.greeting({ name: input.firstName }) }
  switch (input.kind) {
    case 'confirm':
      return composeMail({
        ...common,
        subject: m.confirmSubject({ title }),
        preheader: m.confirmPreheader({ days: input.validity }),
        blocks: [
          { paragraph: m.confirmBody({ title }) },
          { button: m.confirmButton, href: input.link },
          { paragraph: m.confirmExpiry({ days: input.validity }) },
          { paragraph: m.ignore },
        ],
      })
    case 'confirm_import':
      return composeMail({
        ...common,
        subject: m.importSubject({ title }),
        preheader: m.importPreheader({ days: input.validity }),
        blocks: [
          { paragraph: m.importBody({ title, org: input.organisation ?? '' }) },
          { button: m.confirmButton, href: input.link },
          { paragraph: m.importExpiry({ days: input.validity }) },
        ],
        // Nobody asked for this mail on the site: the footer says where the address came from.
        sentBecause: m.importSentBy({ domain: input.site.domain, title: input.site.title }),
      })
    case 'already_signed':
      return composeMail({
        ...common,
        subject: m.alreadySubject({ title }),
        preheader: m.alreadyPreheader,
        blocks: [
          { paragraph: m.alreadyBody({ title }) },
          { button: m.manageButton, href: input.link },
          { paragraph: m.manageExpiry({ hours: input.validity }) },
          { paragraph: m.ignoreUnchanged },
        ],
      })
    case 'manage':
      return composeMail({
        ...common,
        subject: m.manageSubject({ title }),
        preheader: m.managePreheader({ hours: input.validity }),
        blocks: [
          { paragraph: m.manageBody({ title }) },
          { button: m.manageButton, href: input.link },
          { paragraph: m.manageExpiry({ hours: input.validity }) },
          { paragraph: m.ignoreUnchanged },
        ],
      })
    case 'organisation_confirm':
      return composeMail({
        ...common,
        subject: m.orgConfirmSubject({ title }),
        preheader: m.confirmPreheader({ days: input.validity }),
        blocks: [
          { paragraph: m.orgConfirmBody({ title, name }) },
          { button: m.orgConfirmButton, href: input.link },
          { paragraph: m.confirmExpiry({ days: input.validity }) },
          { paragraph: m.orgModeration },
          { paragraph: m.ignore },
        ],
      })
    case 'organisation_already':
      return composeMail({
        ...common,
        subject: m.orgAlreadySubject({ title }),
        preheader: m.orgAlreadyPreheader,
        blocks: [
          { paragraph: m.orgAlreadyBody({ title, name }) },
          { button: m.orgManageButton, href: input.link },
          { paragraph: m.manageExpiry({ hours: input.validity }) },
          { paragraph: m.ignoreUnchanged },
        ],
      })
    case 'organisation_manage':
      return composeMail({
        ...common,
        subject: m.orgManageSubject({ title }),
        preheader: m.managePreheader({ hours: input.validity }),
        blocks: [
          { paragraph: m.orgManageBody({ title, name }) },
          { button: m.orgManageButton, href: input.link },
          { paragraph: m.manageExpiry({ hours: input.validity }) },
          { paragraph: m.ignoreUnchanged },
        ],
      })
    case 'organisation_approved':
      return composeMail({
        ...common,
        subject: m.orgApprovedSubject({ title }),
        preheader: m.orgApprovedPreheader({ name }),
        blocks: [
          { paragraph: m.orgApprovedBody({ title, name }) },
          { button: m.orgListButton, href: input.link },
          { paragraph: m.orgApprovedAfter },
          { link: input.manageRequestLink ?? input.link },
        ],
        sentBecause: m.orgDecisionSentBy({ domain: input.site.domain, title }),
      })
    case 'organisation_refused':
      return composeMail({
        ...common,
        subject: m.orgRefusedSubject({ title }),
        preheader: m.orgRefusedPreheader({ name }),
        blocks: [{ paragraph: m.orgRefusedBody({ title, name }) }, { paragraph: m.orgRefusedAfter }],
        sentBecause: m.orgDecisionSentBy({ domain: input.site.domain, title }),
      })
  }
}
