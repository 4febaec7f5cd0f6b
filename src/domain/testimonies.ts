// «Pourquoi nous signons»: the comments their signatories asked to publish and a
// moderator approved (SignatureStates.testimony), newest approval first, by keyset,
// each with the name as its signatory chose to appear (display.ts). A comment is
// published only this way: unlisted, hidden, withdrawn or edited, it is gone.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { decodeCursor, latestFirstPage } from '../db/keyset.js'
import { PUBLIC_COLUMNS, type PublicSignature, toPublicSignatures } from './public-list.js'
import { SignatureStates } from './signature-state.js'

export interface Testimony {
  /** Who, as they chose to appear. */
  signatory: PublicSignature
  comment: string
  approvedAt: string
}

export interface TestimonyPage {
  items: Testimony[]
  next?: string
}

/** One page of published testimonies, newest approval first. */
export async function listTestimonies(
  db: Db,
  site: SiteConfig,
  options: { cursor?: string; limit: number },
): Promise<TestimonyPage> {
  const query = db
    .selectFrom('signatures')
    .select([...PUBLIC_COLUMNS, 'comment', 'comment_approved_at'])
    .where(SignatureStates.testimony.where)
  const page = await latestFirstPage(
    query,
    'comment_approved_at',
    options.cursor ? decodeCursor(options.cursor) : undefined,
    options.limit,
  )
  const signatories = await toPublicSignatures(db, site, page.rows)
  return {
    items: page.rows.map((r, i) => ({
      signatory: signatories[i]!,
      comment: r.comment,
      approvedAt: r.comment_approved_at!,
    })),
    next: page.next,
  }
}

/** How many recent testimonies the home page shows. */
export const HOME_TESTIMONIES = 3
