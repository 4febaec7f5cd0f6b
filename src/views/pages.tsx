// Page views: pure functions of their props. Markdown HTML comes only from the
// content folder, rendered by us with raw HTML disabled.
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { ContentDoc } from '../content/load.js'
import { type Display, initialOf } from '../domain/display.js'
import { nextMilestone } from '../domain/milestones.js'
import { SEARCH_MIN_CHARACTERS, type PublicSignature } from '../domain/public-list.js'
import type { FieldErrors, FormValues } from '../domain/sign-form.js'
import type { Submission } from '../domain/submission.js'
import type { Testimony } from '../domain/testimonies.js'
import type { Receipt } from '../domain/transparency/receipt.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'
import { categoryLabel, LinkWithin, SignatoryList } from './parts.js'
import { SignForm } from './sign-form.js'
import { LatestTestimonies } from './testimonies-page.js'
import { ReceiptBox } from './transparency-page.js'

/**
 * Momentum: how far the count is from the next milestone of site.toml (a native
 * progress bar, drawn by the browser from its value, no script), and how many
 * institutions signatories come from.
 */
function Momentum(props: { p: PageContext; count: number; institutions: number }) {
  const { p, count } = props
  const m = p.m.momentum
  const target = nextMilestone(count, p.site.milestones)
  return (
    <>
      {target !== undefined ? (
        <p class="momentum">
          <label for="next-milestone">{m.next({ target })}</label>
          <progress id="next-milestone" value={count} max={target}>
            {m.progress({ count, target })}
          </progress>
        </p>
      ) : null}
      {props.institutions > 0 ? (
        <p>
          <a href={p.href('/institutions')}>{m.institutions({ n: props.institutions })}</a>
        </p>
      ) : null}
    </>
  )
}

function CountLine({ p, count }: { p: PageContext; count: number }) {
  return (
    <p class="count">
      <strong>{p.m.count.signatures({ n: count })}</strong>
    </p>
  )
}

/** Where and when the text first appeared, as site.toml's [publication] says; nothing if it says nothing. */
function Provenance({ p }: { p: PageContext }) {
  const { date, venue, title, url } = p.site.publication
  if (!venue) return null
  return (
    <p class="provenance">
      {date ? p.m.provenance.firstPublishedOn({ date: p.m.date(date) }) : p.m.provenance.firstPublished}
      {url ? <a href={url}>{venue}</a> : venue}
      {title ? p.m.provenance.underTitle({ title }) : p.m.provenance.end}
    </p>
  )
}

export function HomePage(props: {
  p: PageContext
  manifesto: ContentDoc
  /** Pages shown at the end of the text too (the bibliography it announces «en fin de document»). */
  appendices: ContentDoc[]
  count: number
  /** Organisations listed as signatories, counted apart from people. */
  organisations: number
  /** Institutions with at least one counted signature. */
  institutions: number
  /** The latest published testimonies. */
  testimonies: Testimony[]
  url?: string
}) {
  const { p, manifesto } = props
  return (
    <Layout p={p} description={manifesto.description} wide>
      <article class="manifesto">
        <h1>{manifesto.title}</h1>
        {manifesto.authors ? <p class="authors">{manifesto.authors}</p> : null}
        {/* The count and the way to sign come before the lead, within a phone's first screen. */}
        <div class="count-box">
          <CountLine p={p} count={props.count} />
          {props.organisations > 0 ? (
            <p class="count-organisations">
              <a href={p.href('/organisations')}>{p.m.organisations.homeLink({ n: props.organisations })}</a>
            </p>
          ) : null}
          <p class="count-actions">
            {p.signingOpen ? (
              <a class="button to-sign" href="#sign">
                {p.m.sign.title}
              </a>
            ) : null}
            <a href={p.href('/signatories')}>{p.m.nav.signatories}</a>
          </p>
          <Momentum p={p} count={props.count} institutions={props.institutions} />
          {props.url ? (
            <figure class="poster-qr">
              <img src={`/kit/qr-${p.locale}.svg`} width={110} height={110} alt="" loading="lazy" />
              <figcaption>
                {p.signingOpen ? p.m.kit.poster : p.m.kit.posterRead}
                <br />
                <span class="poster-url">{props.url}</span>
              </figcaption>
            </figure>
          ) : null}
        </div>
        <Provenance p={p} />
        {manifesto.lead ? <p class="lead">{manifesto.lead}</p> : null}
        {raw(manifesto.html)}
        {props.appendices.map((doc) => (
          <section class="appendix" aria-labelledby={doc.slug}>
            <h2 id={doc.slug}>{doc.title}</h2>
            {raw(doc.appendixHtml ?? '')}
          </section>
        ))}
      </article>
      {p.signingOpen ? <SignForm p={p} suggestEveryTitle={false} /> : <SigningClosed p={p} />}
      {/* After the form: on wide screens the form stays beside the text, these go below it. */}
      <LatestTestimonies p={p} items={props.testimonies} />
    </Layout>
  )
}

function SigningClosed({ p }: { p: PageContext }) {
  return (
    <section class="sign closed" id="sign">
      <p>{p.m.sign.closed}</p>
    </section>
  )
}

export function SignPage(props: {
  p: PageContext
  values?: FormValues
  errors?: FieldErrors
  count: number
  emailSuggestion?: string
  notice?: string
}) {
  const { p } = props
  return (
    <Layout p={p} title={p.m.sign.title} description={p.m.meta.sign}>
      <CountLine p={p} count={props.count} />
      {p.signingOpen ? (
        <SignForm
          p={p}
          values={props.values}
          errors={props.errors}
          headingLevel={1}
          emailSuggestion={props.emailSuggestion}
          notice={props.notice}
        />
      ) : (
        <SigningClosed p={p} />
      )}
    </Layout>
  )
}

/** A short page: a heading, a few paragraphs, maybe an action. */
export function MessagePage(props: { p: PageContext; title: string; noindex?: boolean; children?: Child }) {
  return (
    <Layout p={props.p} title={props.title} noindex={props.noindex}>
      <div class="message">
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </Layout>
  )
}

export function SentPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.sent.title}>
      <p>{p.m.sent.body}</p>
      <p>{p.m.sent.spam}</p>
      <p>
        <a href={p.href('/')}>{p.m.sent.back}</a>
      </p>
    </MessagePage>
  )
}

/** How a signatory will appear on the list, as the confirmation page tells them. */
function displayedAs(p: PageContext, s: Submission['profile']): string {
  const m = p.m.confirm
  if (s.display === 'initials')
    return m.displayInitials({
      initials: `${initialOf(s.firstName)} ${initialOf(s.lastName, { firstWordOnly: true })}`,
    })
  if (s.display === 'withheld') return m.displayWithheld
  return `${s.firstName} ${s.lastName}`
}

/** Behind the mailed link: one button, because mail scanners open links but do not post forms. */
/** Every choice a confirmation link will record, shown before its button. */
export function ConfirmPage(props: {
  p: PageContext
  submission: Submission
  /** The domain of the address being confirmed (the address itself is in the mailbox that opened the link). */
  domain: string
  /** What the address proves, shown as verified on the public list: the institution's canonical name, or its domain. */
  verifiedInstitution: string | undefined
  action: string
  csrf: string
}) {
  const { p, submission } = props
  const m = p.m.confirm
  const s = submission.profile
  const institutionRows: [string, string][] = props.verifiedInstitution
    ? [
        [m.verifiedInstitution, props.verifiedInstitution],
        ...(s.institution
          ? [
              [submission.imported ? m.passedOnInstitution : m.typedInstitution, s.institution] as [
                string,
                string,
              ],
            ]
          : []),
      ]
    : [[m.institution, s.institution || m.notGivenInstitution]]
  const rows: [string, string][] = [
    [m.name, `${s.firstName} ${s.lastName}`],
    [m.address, `…@${props.domain}`],
    [m.category, categoryLabel(p, s.category)],
    ...institutionRows,
    [m.discipline, s.discipline || m.notGivenDiscipline],
    ...(p.site.formFields.has('title')
      ? [[m.jobTitle, s.title || m.notGivenFeminine] as [string, string]]
      : []),
    ...(p.site.formFields.has('unit') ? [[m.unit, s.unit || m.notGivenFeminine] as [string, string]] : []),
    [m.publicListing, s.isPublic ? m.publicYes : m.publicNo],
    ...(s.isPublic ? [[m.display, displayedAs(p, s)] as [string, string]] : []),
    [m.updates, s.wantsUpdates ? m.updatesYes : m.no],
    [
      m.debate,
      !s.wantsDebate ? m.no : props.verifiedInstitution !== undefined ? m.debateYes : m.debateUnreachable,
    ],
    [m.comment, s.comment || m.none],
    ...(s.comment
      ? [[m.publishComment, s.publishComment ? m.publishCommentYes : m.no] as [string, string]]
      : []),
  ]
  return (
    <MessagePage p={p} title={m.title}>
      <p>{m.lead({ name: `${s.firstName} ${s.lastName}` })}</p>
      {/* What an import passed on, its person did not type: they are told so, and to sign themselves. */}
      <p>{submission.imported ? m.summaryIntroImported : m.summaryIntro}</p>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <p>
        {submission.imported ? m.notMineImported : m.notMine}{' '}
        <a href={p.href('/sign')}>{submission.imported ? m.signYourself : m.signAgain}</a>.
      </p>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button type="submit">{m.button}</button>
      </form>
    </MessagePage>
  )
}

export function ConfirmedPage(props: {
  p: PageContext
  listed: boolean
  /** How the signatory chose to appear when listed. */
  display: Display
  count: number
  manifestoUrl: string
  /** The signature's entry in the public log, when the page is reached from its confirmation link. */
  receipt?: { receipt: Receipt; siteUrl: string }
}) {
  const { p } = props
  // One person's thanks, reached from their own link (with their receipt): nothing to index.
  return (
    <MessagePage p={p} title={p.m.confirm.doneTitle} noindex>
      <p>{p.m.confirm.doneBody}</p>
      <CountLine p={p} count={props.count} />
      <p>
        {!props.listed
          ? p.m.confirm.donePrivate
          : props.display === 'initials'
            ? p.m.confirm.donePublicInitials
            : props.display === 'withheld'
              ? p.m.confirm.donePublicWithheld
              : p.m.confirm.donePublic}
      </p>
      {props.receipt ? <ReceiptBox p={p} {...props.receipt} /> : null}
      {/* Three ways on, each a link: share the text, take the kit, edit the signature later. */}
      <h2>{p.m.confirm.shareTitle}</h2>
      <p>{p.m.confirm.shareBody}</p>
      <p class="share-link">
        <a href={props.manifestoUrl}>{props.manifestoUrl}</a>
      </p>
      <p class="kit-link">
        <a class="button" href={p.href('/kit')}>
          {p.m.kit.fromConfirmation}
        </a>
      </p>
      <p>
        <a href={p.href('/signatories')}>{p.m.nav.signatories}</a>
      </p>
      <p>
        <LinkWithin text={p.m.confirm.manageHint} phrase={p.m.nav.manage} href={p.href('/manage')} />
      </p>
    </MessagePage>
  )
}

export function TokenInvalidPage({
  p,
  purpose,
  signPath = '/sign',
}: {
  p: PageContext
  purpose: 'confirm' | 'manage'
  /** The form that makes a new confirmation link: people's, or organisations'. */
  signPath?: string
}) {
  return (
    <MessagePage p={p} title={p.m.token.invalidTitle}>
      <p>{p.m.token.invalidBody}</p>
      <p>
        {purpose === 'confirm' && p.signingOpen ? (
          <a href={p.href(signPath)}>{p.m.token.signAgain}</a>
        ) : (
          <a href={p.href('/manage')}>{p.m.token.requestManage}</a>
        )}
      </p>
    </MessagePage>
  )
}

export function ErrorPage(props: { p: PageContext; title: string; body: string }) {
  return (
    <MessagePage p={props.p} title={props.title}>
      <p>{props.body}</p>
      <p>
        <a href={props.p.href('/')}>{props.p.m.error.backHome}</a>
      </p>
    </MessagePage>
  )
}

export function ContentPage(props: { p: PageContext; doc: ContentDoc }) {
  return (
    <Layout p={props.p} title={props.doc.title} description={props.doc.description}>
      <article class="prose">
        <h1>{props.doc.title}</h1>
        {raw(props.doc.html)}
      </article>
    </Layout>
  )
}

export function SignatoriesPage(props: {
  p: PageContext
  items: PublicSignature[]
  /** The «Premiers signataires», shown first on the first page of the whole list. */
  initial: PublicSignature[]
  total: number
  listed: number
  /** Organisations listed apart: the page leads to them. */
  organisations: number
  query: string
  next?: string
  /** A term too short to search for (SEARCH_MIN_CHARACTERS): nothing was searched. */
  termTooShort?: boolean
  isFirstPage: boolean
}) {
  const { p, items, query } = props
  const m = p.m.signatories
  const nextHref = props.next
    ? `${p.href('/signatories')}?${new URLSearchParams({ ...(query ? { q: query } : {}), after: props.next }).toString()}`
    : undefined
  return (
    <Layout p={p} title={m.title} description={p.m.meta.signatories} noindex={!p.site.indexSignatories}>
      <h1>{m.title}</h1>
      <p>{m.intro({ total: props.total, listed: props.listed })}</p>
      {props.organisations > 0 ? (
        <p>
          <a href={p.href('/organisations')}>{p.m.organisations.count({ n: props.organisations })}</a>
        </p>
      ) : null}
      <form method="get" action={p.href('/signatories')} role="search" class="search">
        <label for="q">{m.search}</label>
        <div class="search-row">
          <input type="search" id="q" name="q" value={query} maxlength={100} />
          <button type="submit">{m.searchButton}</button>
        </div>
      </form>
      {query ? (
        <p>
          <a href={p.href('/signatories')}>{m.clear}</a>
        </p>
      ) : null}
      {query ? <h2>{m.results({ q: query })}</h2> : null}
      {props.termTooShort ? (
        <p>{m.searchTooShort({ n: SEARCH_MIN_CHARACTERS })}</p>
      ) : items.length === 0 && props.initial.length === 0 ? (
        <p>{query ? m.noResults({ q: query }) : m.empty}</p>
      ) : props.initial.length > 0 ? (
        <>
          <h2>{m.initialTitle}</h2>
          <SignatoryList p={p} items={props.initial} markVerified={true} />
          {items.length > 0 ? (
            <>
              <h2>{m.othersTitle}</h2>
              <SignatoryList p={p} items={items} markVerified={true} />
            </>
          ) : null}
        </>
      ) : (
        <SignatoryList p={p} items={items} markVerified={true} />
      )}
      {nextHref || !props.isFirstPage ? (
        <nav aria-label={m.pagination} class="pagination">
          {!props.isFirstPage ? (
            <a
              href={
                query ? `${p.href('/signatories')}?q=${encodeURIComponent(query)}` : p.href('/signatories')
              }
            >
              {m.first}
            </a>
          ) : null}
          {nextHref ? <a href={nextHref}>{m.next}</a> : null}
        </nav>
      ) : null}
    </Layout>
  )
}

export function PrivacyPage({ p }: { p: PageContext }) {
  const m = p.m.privacy
  // The contact address and the page that edits a signature are links in their sentences.
  const linked: Record<string, { phrase: string; href: string }> = {
    [m.controllerTitle]: { phrase: p.site.contactEmail, href: `mailto:${p.site.contactEmail}` },
    [m.rightsTitle]: { phrase: p.m.nav.manage, href: p.href('/manage') },
    [m.logTitle]: { phrase: p.m.transparency.navLabel, href: p.href('/transparency') },
  }
  const sections: [string, string][] = [
    [m.controllerTitle, m.controller({ org: p.site.organisation, email: p.site.contactEmail })],
    [m.purposeTitle, m.purpose],
    [m.basisTitle, m.basis],
    [m.collectedTitle, m.collected],
    [m.emailTitle, m.email],
    [m.publicTitle, m.public],
    [m.displayTitle, m.display({ k: p.site.minGroupSize })],
    [m.aggregatesTitle, m.aggregates({ k: p.site.minGroupSize })],
    [m.logTitle, m.log({ invalidatedDays: p.site.moderation.invalidatedDays })],
    [p.m.debate.privacyTitle, p.m.debate.privacy({ licence: p.site.openDataLicence })],
    ...(p.site.organisationKinds.length > 0
      ? [[p.m.organisations.privacyTitle, p.m.organisations.privacy] as [string, string]]
      : []),
    [m.retentionTitle, m.retention({ days: p.site.unconfirmedDays, hours: p.site.manageLinkHours })],
    [
      p.m.admin.privacyTitle,
      p.m.admin.privacy({
        traceDays: p.site.moderation.networkTraceDays,
        invalidatedDays: p.site.moderation.invalidatedDays,
        auditDays: p.site.moderation.auditDays,
      }),
    ],
    [m.rightsTitle, m.rights],
    [m.noTrackingTitle, m.noTracking],
  ]
  return (
    <Layout p={p} title={m.title} description={p.m.meta.privacy}>
      <article class="prose">
        <h1>{m.title}</h1>
        {sections.map(([title, body]) => (
          <section>
            <h2>{title}</h2>
            <p>{linked[title] ? <LinkWithin text={body} {...linked[title]} /> : body}</p>
          </section>
        ))}
      </article>
    </Layout>
  )
}
