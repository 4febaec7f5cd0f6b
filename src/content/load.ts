// The content folder: the manifesto and pages of one collective, in Markdown with
// TOML front matter, rendered to HTML once at start-up (never per request).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { parse as parseToml } from 'smol-toml'
import { z } from 'zod'
import { ConfigError, type Config } from '../config.js'

export interface ContentDoc {
  /** File name without extension: twin pages in two locales share it. */
  key: string
  slug: string
  title: string
  description: string
  authors?: string
  /** HTML rendered by us from the content folder (raw HTML in Markdown is escaped). */
  html: string
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
})

// Slugs the application itself serves: a page may not shadow them.
const RESERVED_SLUGS = new Set([
  'confidentialite',
  'privacy',
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
  'api',
  'assets',
  'en',
  'fr',
  'favicon.ico',
  'robots.txt',
])

function markdown() {
  // html: false escapes any raw HTML a content author writes; links are validated
  // by markdown-it (no javascript: URLs).
  return new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote)
}

function parseDoc(
  file: string,
  md: ReturnType<typeof markdown>,
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
  return {
    key,
    slug: front.slug ?? key,
    title: front.title,
    description: front.description,
    authors: front.authors,
    html: md.render(body),
  }
}

export function loadContent(config: Config): Content {
  const md = markdown()
  const substitutions = {
    organisation: config.site.organisation,
    contact_email: config.site.contactEmail,
    base_url: config.baseUrl,
  }
  const content: Content = { manifesto: {}, pages: {} }
  for (const locale of config.site.locales) {
    const dir = join(config.contentDir, locale)
    const manifestoFile = join(dir, 'manifesto.md')
    if (!existsSync(manifestoFile))
      throw new ConfigError(manifestoFile, 'is missing: every locale needs its manifesto')
    content.manifesto[locale] = parseDoc(manifestoFile, md, substitutions)
    const pages = new Map<string, ContentDoc>()
    const pagesDir = join(dir, 'pages')
    const files = existsSync(pagesDir)
      ? readdirSync(pagesDir)
          .filter((f) => f.endsWith('.md'))
          .sort()
      : []
    for (const f of files) {
      const doc = parseDoc(join(pagesDir, f), md, substitutions)
      if (RESERVED_SLUGS.has(doc.slug))
        throw new ConfigError(join(pagesDir, f), `slug "${doc.slug}" is reserved`)
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
