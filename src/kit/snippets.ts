// The copy-ready snippets of the kit, as text. HTML goes through hono's `html`
// template, which escapes every interpolated value; every link is absolute.
import { html } from 'hono/html'
import type { Config, KitMark } from '../config.js'
import { absoluteUrl } from '../domain/links.js'
import { messagesFor } from '../i18n/index.js'

export interface Snippets {
  manifestoUrl: string
  emailHtml: string
  emailText: string
  websiteHtml: string
  markdown: string
  latex: string
  beamer: string
  counterHtml: string
  counterMarkdown: string
  form: string
}

/** The address of a kit file: /kit/badge-fr-colour-512.png → https://…/kit/badge-fr-colour-512.png */
export const kitFileUrl = (config: Config, name: string) => `${config.baseUrl}/kit/${name}`

/** The counter badge of a locale: /badge.svg, /en/badge.svg. */
export const counterUrl = (config: Config, locale: string) => absoluteUrl(config, locale, '/badge.svg')

/** A URL inside \href: the characters TeX would read as commands. */
export function latexUrl(url: string): string {
  return url.replace(/[\\%#{}]/g, (ch) => `\\${ch}`)
}

/** Markdown text inside [ ]: brackets and backslashes escaped. */
const markdownText = (text: string) => text.replace(/[\\[\]]/g, (ch) => `\\${ch}`)
/** A Markdown link destination: spaces and parentheses encoded. */
const markdownUrl = (url: string) => url.replace(/[ ()]/g, (ch) => encodeURIComponent(ch))

/** The snippets of one mark's badge in a language, and those that are the same for every mark. */
export function buildSnippets(
  config: Config,
  mark: KitMark,
  locale: string,
  badge: { width: number; height: number },
): Snippets {
  const site = config.site
  const m = messagesFor(locale)
  const title = site.title[locale]!
  const words = site.kit.badge[locale]!
  const manifestoUrl = absoluteUrl(config, locale, '/')
  const accent = site.kit.palettes.colour.accent
  // Signatures and pages show the badge at 256 px wide; the 512 px PNG keeps it sharp on dense screens.
  const shown = { width: 256, height: Math.round((256 * badge.height) / badge.width) }
  const badgeFile = `badge-${mark.id}-${locale}-colour`
  const png512 = kitFileUrl(config, `${badgeFile}-512.png`)
  const svg = kitFileUrl(config, `${badgeFile}.svg`)
  const png1024 = kitFileUrl(config, `${badgeFile}-1024.png`)
  // The name the LaTeX snippets give the saved file.
  const latexFile = `${badgeFile}.png`
  const counter = counterUrl(config, locale)
  const counterAlt = m.kit.counterAlt({ title })

  const emailHtml = html`<div style="font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:#1b1b1b;">
<a href="${manifestoUrl}" style="text-decoration:none;border:0;"><img src="${png512}" width="${shown.width}" height="${shown.height}" alt="${words}" style="display:block;border:0;width:${shown.width}px;height:${shown.height}px;"></a>
<a href="${manifestoUrl}" style="color:${accent};">${title}</a>
</div>`

  const websiteHtml = html`<a href="${manifestoUrl}"><img src="${svg}" width="${shown.width}" height="${shown.height}" alt="${words}"></a>`

  const counterHtml = html`<a href="${manifestoUrl}"><img src="${counter}" height="40" alt="${counterAlt}"></a>`

  const latex = [
    m.kit.latexPreamble,
    m.kit.latexComment({ pngUrl: png1024, file: latexFile }),
    `\\href{${latexUrl(manifestoUrl)}}{\\includegraphics[height=2.5em]{${latexFile}}}`,
  ].join('\n')

  const beamer = [
    m.kit.latexPreamble,
    m.kit.latexComment({ pngUrl: png1024, file: latexFile }),
    '\\setbeamertemplate{footline}{%',
    `  \\hfill\\raisebox{1.5mm}{\\href{${latexUrl(manifestoUrl)}}{\\includegraphics[height=6mm]{${latexFile}}}}\\hspace{2mm}%`,
    '}',
  ].join('\n')

  return {
    manifestoUrl,
    emailHtml: String(emailHtml),
    emailText: m.kit.plainLine({ words, title, url: manifestoUrl }),
    websiteHtml: String(websiteHtml),
    markdown: `[![${markdownText(words)}](${markdownUrl(svg)})](${markdownUrl(manifestoUrl)})`,
    latex,
    beamer,
    counterHtml: String(counterHtml),
    counterMarkdown: `[![${markdownText(counterAlt)}](${markdownUrl(counter)})](${markdownUrl(manifestoUrl)})`,
    form: embeddableForm(config, locale),
  }
}

/** A form another site may paste to post signatures to /sign (the form contract of the README). */
export function embeddableForm(config: Config, locale: string): string {
  const site = config.site
  const m = messagesFor(locale)
  const s = m.sign
  const action = absoluteUrl(config, locale, '/sign')
  const privacy = absoluteUrl(config, locale, `/${m.privacy.slug}`)
  const req = (field: 'institution' | 'discipline') => (site.requiredFields.has(field) ? html` required` : '')
  const options = site.categories.map(
    (c) => html`
      <option value="${c.key}">${c.labels[locale]}</option>`,
  )
  return String(html`<form method="post" action="${action}" accept-charset="utf-8">
  <p><label>${s.firstName} <input name="first_name" required maxlength="100" autocomplete="given-name"></label></p>
  <p><label>${s.lastName} <input name="last_name" required maxlength="100" autocomplete="family-name"></label></p>
  <p><label>${s.email} <input type="email" name="email" required autocomplete="email"></label></p>
  <p><label>${s.category}
    <select name="category" required>
      <option value="">${s.categoryChoose}</option>${options}
    </select></label></p>
  <p><label>${s.institution} <input name="institution" maxlength="200"${req('institution')}></label></p>
  <p><label>${s.discipline} <input name="discipline" maxlength="200"${req('discipline')}></label></p>
  <p><label><input type="checkbox" name="public" value="1"> ${s.public}</label></p>
  <p><label><input type="checkbox" name="consent" value="1" required> ${s.consent}</label>
    <a href="${privacy}">${s.consentMore}</a></p>
  <p style="position:absolute;left:-10000px;" aria-hidden="true"><label>${s.honeypot} <input name="website" tabindex="-1" autocomplete="off"></label></p>
  <p><button type="submit">${s.submit}</button></p>
</form>`)
}
