// The signatory kit: logos to download, copy-ready snippets with how to paste them,
// the QR code, the live counter, links to share, the embeddable form. Snippets sit
// in read-only text areas, selectable and copyable as they are: the page loads no
// script, and its previews come from one image (the previews sheet).
import type { KitMark } from '../config.js'
import { KIT_VARIANTS, PNG_WIDTHS, SMALL_MARK_WIDTHS } from '../kit/artwork.js'
import type { KitPreviews, PreviewView } from '../kit/render.js'
import type { ShareLinks } from '../kit/share.js'
import type { Snippets } from '../kit/snippets.js'
import { Layout } from './layout.js'
import { MessagePage } from './pages.js'
import type { PageContext } from './page-context.js'

export interface KitPageProps {
  p: PageContext
  /** The mark whose files and snippets the page gives. */
  mark: KitMark
  /** Where each preview is in the page's one previews sheet. */
  previews: KitPreviews
  snippets: Snippets
  share: ShareLinks
  /** Natural size of the worded badge (the same in every variant). */
  badge: { width: number; height: number }
  /** Natural size of the live counter as the count stands. */
  counter: { width: number; height: number }
}

function Snippet(props: {
  p: PageContext
  id: string
  label: string
  value: string
  hint?: string
  rows?: number
}) {
  // Long lines wrap in the box: one row per line, plus one per 64 characters of wrapping.
  const lines = props.value.split('\n')
  const rows =
    props.rows ??
    Math.min(
      14,
      lines.reduce((n, line) => n + 1 + Math.floor(line.length / 64), 0),
    )
  // No wrapper around the three: the page counts its elements (its EcoIndex), and
  // the label, the hint and the box read as one group by their spacing alone.
  return (
    <>
      <label class="snippet-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        class="snippet"
        id={props.id}
        readonly
        rows={rows}
        spellcheck={false}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      >
        {props.value}
      </textarea>
    </>
  )
}

/** "Logo: SVG · PNG 64 128 256 512 1024", each a download link (the mark also 16 and 32). */
function Downloads({
  p,
  label,
  base,
  widths = PNG_WIDTHS,
}: {
  p: PageContext
  label: string
  base: string
  widths?: readonly number[]
}) {
  return (
    <p class="downloads">
      {label}{' '}
      <a href={`/kit/${base}.svg`} download="">
        SVG
      </a>
      {' · '}
      {p.m.kit.pngWidths}{' '}
      {widths.map((w, i) => (
        <>
          {i > 0 ? ' ' : null}
          <a href={`/kit/${base}-${w}.png`} download="">
            {w}
          </a>
        </>
      ))}
    </p>
  )
}

/**
 * A drawing of the previews sheet: every preview of the page comes from that one file
 * (`/kit/previews-fr.svg#main-levee-dark`), so a dozen of them cost one request.
 */
function Preview({
  p,
  view,
  alt,
  scale = 1,
}: {
  p: PageContext
  view: PreviewView
  alt: string
  scale?: number
}) {
  return (
    <img
      src={`/kit/previews-${p.locale}.svg#${view.id}`}
      width={Math.round(view.width * scale)}
      height={Math.round(view.height * scale)}
      alt={alt}
    />
  )
}

export function MastodonForm({ p, value = '', error }: { p: PageContext; value?: string; error?: boolean }) {
  const m = p.m.kit
  return (
    <form method="get" action={p.href('/kit/mastodon')} class={`mastodon${error ? ' has-error' : ''}`}>
      <label for="instance">{m.mastodonInstance}</label>
      <p class="hint" id="instance-hint">
        {m.mastodonHint}
      </p>
      {error ? (
        <p class="field-error" id="instance-error">
          {m.mastodonInvalid}
        </p>
      ) : null}
      <div class="search-row">
        <input
          type="text"
          id="instance"
          name="instance"
          value={value}
          maxlength={253}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={error ? 'instance-hint instance-error' : 'instance-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
        <button type="submit">{m.mastodonButton}</button>
      </div>
    </form>
  )
}

export function KitPage({ p, mark, previews, snippets, share, badge, counter }: KitPageProps) {
  const m = p.m.kit
  const title = p.site.title[p.locale]!
  const words = p.site.kit.badge[p.locale]!
  const marks = p.site.kit.marks
  const shown = { width: 256, height: Math.round((256 * badge.height) / badge.width) }
  const name = mark.name[p.locale]!
  const sections: [string, string][] = [
    ['logos', m.logosTitle],
    ['email', m.emailTitle],
    ['web', m.webTitle],
    ['slides', m.slidesTitle],
    ['qr', m.qrTitle],
    ['counter', m.counterTitle],
    ['share', m.shareTitle],
    ['embed', m.formTitle],
  ]
  // The page of the first mark is /kit itself; another's carries its id.
  const markPage = (other: KitMark) =>
    other === marks[0] ? p.href('/kit') : `${p.href('/kit')}?mark=${encodeURIComponent(other.id)}`
  const badgeBase = `badge-${mark.id}-${p.locale}`
  return (
    <Layout p={p} title={marks.length > 1 ? `${m.title} — ${name}` : m.title} description={m.intro}>
      <article class="kit">
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <p>
          {m.free} {m.snippetHint}
        </p>
        <nav aria-labelledby="kit-contents" class="kit-contents">
          <h2 id="kit-contents">{m.contents}</h2>
          <ul>
            {sections.map(([id, label]) => (
              <li>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>

        <section id="logos" aria-labelledby="logos-title">
          <h2 id="logos-title">{m.logosTitle}</h2>
          <p>
            {marks.length > 1 ? `${m.chooseMark} ` : null}
            {m.originalsAt}{' '}
            {p.site.organisationUrl ? (
              <a href={p.site.organisationUrl}>{m.originalsSite({ org: p.site.organisation })}</a>
            ) : (
              m.originalsSite({ org: p.site.organisation })
            )}
            . {m.ownMarks}
          </p>
          {marks.length > 1 ? (
            <ul class="mark-choice">
              {marks.map((other) => (
                <li>
                  <a href={`${markPage(other)}#logos`} aria-current={other === mark ? 'page' : undefined}>
                    <Preview p={p} view={previews.mark(other, 'colour')} alt="" scale={0.75} />
                    {other.name[p.locale]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <h3>{m.variantsTitle({ name })}</h3>
          <p>{m.markBody}</p>
          {/* One card per variant: the mark at 64, 32 and 16 px, then its badge, each with its files. */}
          <ul class="variants">
            {KIT_VARIANTS.map((v) => (
              <li>
                <p class="variant-name">{m.variants[v]}</p>
                <Preview
                  p={p}
                  view={previews.mark(mark, v)}
                  alt={v === 'colour' ? mark.alt[p.locale]! : ''}
                />
                <Downloads
                  p={p}
                  label={m.markFiles}
                  base={`mark-${mark.id}-${v}`}
                  widths={[...SMALL_MARK_WIDTHS, ...PNG_WIDTHS]}
                />
                <Preview p={p} view={previews.badge(mark, v)} alt={v === 'colour' ? words : ''} />
                <Downloads p={p} label={m.badgeFiles} base={`${badgeBase}-${v}`} />
              </li>
            ))}
          </ul>
        </section>

        <section id="email" aria-labelledby="email-title">
          <h2 id="email-title">{m.emailTitle}</h2>
          <p>{m.emailBody}</p>
          <h3>{m.emailPreview}</h3>
          <div class="email-preview">
            <a href={snippets.manifestoUrl}>
              {/* Copied and pasted into a mail signature, the image keeps its src: the sharp
                  512 px file, as in the snippet. A screen at 1x only loads the 256 px one. */}
              <img
                src={`/kit/${badgeBase}-colour-512.png`}
                srcset={`/kit/${badgeBase}-colour-256.png 1x, /kit/${badgeBase}-colour-512.png 2x`}
                width={shown.width}
                height={shown.height}
                alt={words}
                loading="lazy"
              />
            </a>{' '}
            <a href={snippets.manifestoUrl}>{title}</a>
          </div>
          <Snippet p={p} id="snippet-email" label={m.emailHtml} value={snippets.emailHtml} />
          <h3>{m.howTo}</h3>
          <ul class="how-to">
            <li>{m.howThunderbird}</li>
            <li>{m.howZimbra}</li>
            <li>{m.howOutlook}</li>
            <li>{m.howRoundcube}</li>
          </ul>
          <h3>{m.plainTitle}</h3>
          <Snippet p={p} id="snippet-text" label={m.plainBody} value={snippets.emailText} />
        </section>

        <section id="web" aria-labelledby="web-title">
          <h2 id="web-title">{m.webTitle}</h2>
          <Snippet p={p} id="snippet-web" label={m.webHtml} hint={m.webHowTo} value={snippets.websiteHtml} />
          <Snippet
            p={p}
            id="snippet-markdown"
            label={m.markdown}
            hint={m.markdownHowTo}
            value={snippets.markdown}
          />
          <Snippet p={p} id="snippet-latex" label={m.latex} hint={m.latexHowTo} value={snippets.latex} />
          <Snippet p={p} id="snippet-beamer" label={m.beamer} value={snippets.beamer} />
        </section>

        <section id="slides" aria-labelledby="slides-title">
          <h2 id="slides-title">{m.slidesTitle}</h2>
          <p>{m.slidesBody}</p>
          <p class="downloads">
            {m.slideDownload}{' '}
            <a href={`/kit/banner-${mark.id}-${p.locale}.png`} download="">
              PNG
            </a>
            {' · '}
            <a href={`/kit/banner-${mark.id}-${p.locale}.svg`} download="">
              SVG
            </a>
          </p>
          <p>{m.slidesHowTo}</p>
        </section>

        <section id="qr" aria-labelledby="qr-title">
          <h2 id="qr-title">{m.qrTitle}</h2>
          <p>{m.qrBody}</p>
          <p>
            <Preview p={p} view={previews.qr} alt={m.qrAlt({ url: snippets.manifestoUrl })} />
          </p>
          <p class="downloads">
            <a href={`/kit/qr-${p.locale}.svg`} download="">
              SVG
            </a>
            {' · '}
            <a href={`/kit/qr-${p.locale}.png`} download="">
              PNG (1024 px)
            </a>
          </p>
        </section>

        <section id="counter" aria-labelledby="counter-title">
          <h2 id="counter-title">{m.counterTitle}</h2>
          <p>{m.counterBody}</p>
          <p>
            <img
              src={p.href('/badge.svg')}
              width={Math.round((40 * counter.width) / counter.height)}
              height={40}
              alt={m.counterAlt({ title })}
              loading="lazy"
            />
          </p>
          <Snippet p={p} id="snippet-counter" label={m.counterHtml} value={snippets.counterHtml} />
          <Snippet p={p} id="snippet-counter-md" label={m.counterMarkdown} value={snippets.counterMarkdown} />
          <p>
            {m.counterApi} <a href="/api/v1/stats">/api/v1/stats</a>
          </p>
        </section>

        <section id="share" aria-labelledby="share-title">
          <h2 id="share-title">{m.shareTitle}</h2>
          <p>{m.shareBody}</p>
          <ul class="share">
            <li>
              <a href={share.email}>{m.shareEmail}</a>
            </li>
            <li>
              <a href={share.bluesky}>{m.shareBluesky}</a>
            </li>
            <li>
              <a href={share.linkedin}>{m.shareLinkedIn}</a>
            </li>
          </ul>
          <h3>{m.shareMastodon}</h3>
          <MastodonForm p={p} />
          <Snippet p={p} id="snippet-link" label={m.shareLink} value={share.url} rows={1} />
        </section>

        <section id="embed" aria-labelledby="embed-title">
          <h2 id="embed-title">{m.formTitle}</h2>
          <p>{m.formBody}</p>
          <Snippet
            p={p}
            id="snippet-form"
            label={m.formTitle}
            hint={m.formHowTo}
            value={snippets.form}
            rows={12}
          />
        </section>
      </article>
    </Layout>
  )
}

/** After the instance is typed: one link to its compose page, or the form again. */
export function MastodonPage(props: { p: PageContext; host?: string; shareUrl?: string; value: string }) {
  const { p } = props
  const m = p.m.kit
  if (props.host && props.shareUrl) {
    return (
      <MessagePage p={p} title={m.mastodonReady({ instance: props.host })}>
        <p>{m.mastodonReadyBody}</p>
        <p class="share-link">
          <a href={props.shareUrl}>{m.mastodonOpen({ instance: props.host })}</a>
        </p>
        <p>
          <a href={p.href('/kit#share')}>{m.title}</a>
        </p>
      </MessagePage>
    )
  }
  return (
    <MessagePage p={p} title={m.shareMastodon}>
      <MastodonForm p={p} value={props.value} error={props.value !== ''} />
      <p>
        <a href={p.href('/kit#share')}>{m.title}</a>
      </p>
    </MessagePage>
  )
}
