// The list for publication as a sequence of typed blocks (title, headings, entries,
// closing note), in the moderator's chosen language: what the PDF, DOCX and text
// writers each lay out in their own way, so that the three say the same thing.
import { categoryPlural, type Locale, type SiteConfig } from '../../config.js'
import { entryText, type ListEvent, type ListHead, type SectionKind } from '../../domain/publication-list.js'
import { messagesFor } from '../../i18n/index.js'

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'totals'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'entry'; text: string }
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
  yield { kind: 'totals', text: m.publicationList.totals({ total: head.confirmed, listed: head.listed }) }
  for await (const e of events) {
    if (e.type === 'entry') yield { kind: 'entry', text: entryText(e.signatory, !underInstitution) }
    else if (e.type === 'withheld') yield { kind: 'note', text: m.publicationList.withheld({ n: e.count }) }
    else {
      const s = e.section
      underInstitution = s.kind === 'institution'
      yield { kind: 'heading', text: headingOf(site, locale, s) }
    }
  }
}
