import type { SiteConfig } from '../config.js'

/**
 * Whether the form accepts signatures at this instant. `override` is the moderators'
 * choice from the admin (stored in the database), which takes the place of
 * signing_open; the closing date applies either way.
 */
export function isSigningOpen(site: SiteConfig, now: Date, override?: boolean): boolean {
  return (override ?? site.signingOpen) && (site.closesAt === undefined || now < site.closesAt)
}
