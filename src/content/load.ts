// The content folder: the manifesto and pages of one collective, in Markdown with
// TOML front matter, rendered to HTML once at start-up (never per request).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { parse as parseToml } from 'smol-toml'
import { z } from 'zod'
import { ConfigError, type Config } from '../config.js'
import { messagesFor } from '../i18n/index.js'
import { typeset } from '../i18n/typeset.js'

export interface ContentDoc {
  /** File name without extension: twin pages in two locales share it. */
  key: string
  slug: string
  title: string
  description: string
  authors?: string
  /** The collective's own introduction (a chapô), shown before the text. */
  lead?: string
  /** HTML rendered by us from the content folder (raw HTML in Markdown is escaped). */
  html: string
  /**
   * For a page also shown at the end of the manifesto (`appendix = true`, as the
   * bibliography that the text announces «en fin de document»): the same HTML with
   * its headings one level down, under the section heading the manifesto gives it.
   */
  appendixHtml?: string
}

export interface Content {
  manifesto: Record<string, ContentDoc>
  /** Pages per locale, by slug. */
  pages: Record<string, Map<string, ContentDoc>>
}

const frontMatterSchema = z.object({
  title: z.string().min(1),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
    .optional(),
  description: z.string().default(''),
  authors: z.string().optional(),
  lead: z.string().optional(),
  appendix: z.boolean().default(false),
})

// Slugs the application itself serves: a page may not shadow them. Add to these the
// locales' prefixes and the slugs each catalogue gives its privacy and news pages.
const RESERVED_SLUGS = new Set([
  'kit',
  'stats',
  'institutions',
  'open-data',
  'admin',
  'confirmed',
  'sign',
  'confirm',
  'manage',
  'signatories',
  'testimonies',
  'transparency',
  'news',
  'api',
  'assets',
  'favicon.ico',
  'robots.txt',
])

function reservedSlugs(locales: readonly string[]): Set<string> {
  const reserved = new Set(RESERVED_SLUGS)
  for (const locale of locales) {
    const m = messagesFor(locale)
    reserved.add(locale).add(m.privacy.slug).add(m.news.slug)
  }
  return reserved
}

/** The Markdown of the content folder, also what moderators write news in. */
export function createMarkdown() {
  // html: false escapes any raw HTML a content author writes; links are validated
  // by markdown-it (no javascript: URLs).
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote)
  // A link whose address is an empty setting (`[« Oui mais l’IAg... »]({{companion_url}})`
  // while site.toml gives no address yet) keeps its words and loses the link, so that
  // the text reads as its authors wrote it instead of pointing nowhere.
  md.core.ruler.push('optional_links', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue
      const dropped: boolean[] = []
      block.children = block.children.filter((token) => {
        if (token.type === 'link_open') {
          const empty = (token.attrGet('href') ?? '') === ''
          dropped.push(empty)
          return !empty
        }
        return !(token.type === 'link_close' && dropped.pop())
      })
    }
  })
  return md
}

/** The same Markdown rendered with every heading one level down (## becomes <h3>). */
function renderOneLevelDown(md: ReturnType<typeof createMarkdown>, body: string): string {
  const env = {}
  const tokens = md.parse(body, env)
  for (const token of tokens)
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Number(token.tag.slice(1)) + 1)
      token.tag = `h${level}`
    }
  return md.renderer.render(tokens, md.options, env)
}

function parseDoc(
  file: string,
  locale: string,
  md: ReturnType<typeof createMarkdown>,
  substitutions: Record<string, string>,
): ContentDoc {
  const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const match = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+\r?\n?([\s\S]*)$/.exec(source)
  if (!match) throw new ConfigError(file, 'must start with TOML front matter between +++ lines')
  let front: z.infer<typeof frontMatterSchema>
  try {
    const parsed = frontMatterSchema.safeParse(parseToml(match[1]!))
    if (!parsed.success)
      throw new Error(`${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`)
    front = parsed.data
  } catch (err) {
    throw new ConfigError(file, (err as Error).message.split('\n')[0]!)
  }
  const body = match[2]!.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name: string) => substitutions[name] ?? whole,
  )
  const key = basename(file, '.md')
  // Front matter is typed with a keyboard's straight apostrophes («Face à l'IA»): the
  // page, its <title> and its links show it typeset, as site.toml's title, without
  // the collective's file being edited for it.
  const typed = (text: string | undefined) => (text === undefined ? undefined : typeset(text, locale))
  return {
    key,
    slug: front.slug ?? key,
    title: typeset(front.title, locale),
    description: typeset(front.description, locale),
    authors: typed(front.authors),
    lead: typed(front.lead),
    html: md.render(body),
    appendixHtml: front.appendix ? renderOneLevelDown(md, body) : undefined,
  }
}

export function loadContent(config: Config): Content {
  const md = createMarkdown()
  const substitutions = {
    organisation: config.site.organisation,
    organisation_url: config.site.organisationUrl,
    companion_url: config.site.companionUrl,
    publication_url: config.site.publication.url,
    contact_email: config.site.contactEmail,
    base_url: config.baseUrl,
  }
  const content: Content = { manifesto: {}, pages: {} }
  const reserved = reservedSlugs(config.site.locales)
  for (const locale of config.site.locales) {
    const dir = join(config.contentDir, locale)
    const manifestoFile = join(dir, 'manifesto.md')
    if (!existsSync(manifestoFile))
      throw new ConfigError(manifestoFile, 'is missing: every locale needs its manifesto')
    content.manifesto[locale] = parseDoc(manifestoFile, locale, md, substitutions)
    const pages = new Map<string, ContentDoc>()
    const pagesDir = join(dir, 'pages')
    const files = existsSync(pagesDir)
      ? readdirSync(pagesDir)
          .filter((f) => f.endsWith('.md'))
          .sort()
      : []
    for (const f of files) {
      const doc = parseDoc(join(pagesDir, f), locale, md, substitutions)
      if (reserved.has(doc.slug)) throw new ConfigError(join(pagesDir, f), `slug "${doc.slug}" is reserved`)
      if (pages.has(doc.slug)) throw new ConfigError(join(pagesDir, f), `slug "${doc.slug}" is used twice`)
      pages.set(doc.slug, doc)
    }
    content.pages[locale] = pages
  }
  return content
}

/** The same page in another locale (twin pages share their file name), if it exists. */
export function twinPage(content: Content, page: ContentDoc, locale: string): ContentDoc | undefined {
  for (const doc of content.pages[locale]?.values() ?? []) if (doc.key === page.key) return doc
  return undefined
}
