// The list for publication as a sequence of typed blocks (title, headings, entries,
// closing note, then the organisations), in the moderator's chosen language: what the PDF, DOCX and text
// writers each lay out in their own way, so that the three say the same thing.
import { categoryPlural, type Locale, type SiteConfig } from '../../config.js'
import type { ListedOrganisation } from '../../domain/organisations.js'
import { entryText, type ListEvent, type ListHead, type SectionKind } from '../../domain/publication-list.js'
import { messagesFor } from '../../i18n/index.js'

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'totals'; text: string }
  | { kind: 'heading'; text: string }
  /**
   * A part of its own after the people: «Organisations signataires». Laid out above the
   * groups of people (a new page, a larger heading), so that it does not read as one more.
   */
  | { kind: 'part'; text: string }
  /** A heading within a part: the kinds of organisation under «Organisations signataires». */
  | { kind: 'subheading'; text: string }
  /** `url`: an organisation's web site, which only the plain text prints (text.ts says why). */
  | { kind: 'entry'; text: string; url?: string }
  | { kind: 'note'; text: string }

function headingOf(site: SiteConfig, locale: Locale, s: SectionKind): string {
  const m = messagesFor(locale).publicationList
  switch (s.kind) {
    case 'initial':
      return m.initial
    case 'initials':
      return m.initials
    case 'institution':
      return s.name
    case 'noInstitution':
      return m.noInstitution
    case 'category':
      return site.categories.some((c) => c.key === s.key)
        ? categoryPlural(site, s.key, locale)
        : m.otherCategory
  }
}

export async function* blocksOf(
  site: SiteConfig,
  locale: Locale,
  head: ListHead,
  events: AsyncIterable<ListEvent>,
): AsyncGenerator<Block> {
  // Under an institution's heading, its entries do not name it again.
  let underInstitution = false
  const m = messagesFor(locale)
  yield { kind: 'title', text: site.title[locale] ?? site.title[site.defaultLocale]! }
  yield { kind: 'subtitle', text: m.publicationList.asOf({ date: m.date(head.at.toISOString()) }) }
  const organisations = head.organisations.length
  yield {
    kind: 'totals',
    text:
      organisations > 0
        ? m.publicationList.organisationsTotals({ total: head.confirmed, listed: head.listed, organisations })
        : m.publicationList.totals({ total: head.confirmed, listed: head.listed }),
  }
  for await (const e of events) {
    if (e.type === 'entry') yield { kind: 'entry', text: entryText(e.signatory, !underInstitution) }
    else if (e.type === 'withheld') yield { kind: 'note', text: m.publicationList.withheld({ n: e.count }) }
    else {
      const s = e.section
      underInstitution = s.kind === 'institution'
      yield { kind: 'heading', text: headingOf(site, locale, s) }
    }
  }
  yield* organisationBlocks(site, locale, head.organisations)
}

/**
 * The organisations after the people, under their own heading with their count, then
 * under each kind's plural in the order of site.toml; kinds no longer configured come
 * last (listOrganisations sorts them there), together. Nothing at all when there are none.
 */
function* organisationBlocks(
  site: SiteConfig,
  locale: Locale,
  organisations: readonly ListedOrganisation[],
): Generator<Block> {
  if (organisations.length === 0) return
  const m = messagesFor(locale).publicationList
  yield { kind: 'part', text: m.organisationsHeading }
  yield { kind: 'note', text: m.organisationsCount({ n: organisations.length }) }
  let current: string | undefined
  for (const o of organisations) {
    const kind = site.organisationKinds.find((k) => k.key === o.kind)
    const heading = kind ? kind.plurals[locale]! : m.organisationsOtherKind
    if (heading !== current) yield { kind: 'subheading', text: heading }
    current = heading
    yield { kind: 'entry', text: o.name, url: o.url || undefined }
  }
}
