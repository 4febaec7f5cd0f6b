// What one submission of the sign form asks to record, kept with the link mailed
// for it. Anyone who knows an address can submit the form with it: the person who
// owns the mailbox decides, by pressing the button behind one link, which of the
// submissions made in their name is theirs. So a link carries its own submission,
// shown in full on its page and recorded exactly as shown.
import { z } from 'zod'
import type { Signature } from '../db/schema.js'
import { DISPLAYS } from './display.js'
import { profileOf } from './profile.js'
import type { ProfileFields } from './sign-form.js'

export interface Submission {
  profile: ProfileFields
  /** The clear address, only when a choice needs it (news, debate relay). */
  email: string | null
  locale: string
  consentVersion: string
  /** Sent by npm run import: what it shows was passed on by the collective, not typed by its signatory. */
  imported?: boolean
}

/**
 * The clear address is kept only for what needs it: news from the collective, or
 * messages relayed to those willing to organise a debate.
 */
export function keepsAddress(p: Pick<ProfileFields, 'wantsUpdates' | 'wantsDebate'>): boolean {
  return p.wantsUpdates || p.wantsDebate
}

const schema = z.object({
  profile: z.object({
    firstName: z.string(),
    lastName: z.string(),
    category: z.string(),
    institution: z.string(),
    discipline: z.string(),
    // Links mailed before these fields existed carry none: what they meant then.
    title: z.string().default(''),
    unit: z.string().default(''),
    comment: z.string(),
    publishComment: z.boolean().default(false),
    isPublic: z.boolean(),
    display: z.enum(DISPLAYS).default('full'),
    wantsUpdates: z.boolean(),
    wantsDebate: z.boolean(),
  }),
  email: z.string().nullable(),
  locale: z.string(),
  consentVersion: z.string(),
  imported: z.boolean().optional(),
})

export function encodeSubmission(s: Submission): string {
  return JSON.stringify(s)
}

/** The submission a link carries; undefined for links made before links carried one. */
export function decodeSubmission(stored: string | null): Submission | undefined {
  if (stored === null) return undefined
  return schema.parse(JSON.parse(stored))
}

/** A stored signature as a submission: what a link sent again for it confirms. */
export function submissionOf(s: Signature): Submission {
  return { profile: profileOf(s), email: s.email, locale: s.locale, consentVersion: s.consent_version }
}
