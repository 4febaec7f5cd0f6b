// Whether an e-mail domain belongs to an institution concerned by the manifesto, by
// the patterns of the site config: "*" stands for any run of characters inside one
// label ("univ-*.fr" matches univ-tlse3.fr, not a.b.fr). No downloaded list: the
// maintained ones are huge and miss cnrs.fr or inria.fr.
import { derivedOnce, type SiteConfig } from '../config.js'

const patternsOf = derivedOnce((site: SiteConfig): RegExp[] =>
  site.institutionDomainPatterns.map(
    (p) => new RegExp('^' + p.toLowerCase().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('[^.]*') + '$'),
  ),
)

/** A verified institutional address: its domain matches a configured pattern or is named in the config. */
export function isInstitutionalDomain(site: SiteConfig, domain: string): boolean {
  const d = domain.toLowerCase()
  return d in site.institutionNames || patternsOf(site).some((r) => r.test(d))
}
