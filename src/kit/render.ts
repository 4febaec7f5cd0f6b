// Renders the kit's artwork once and keeps it: SVG with its text turned into paths
// (so no visitor's fonts are involved), PNG at the published widths; how a file is
// compressed and tagged is the server's business (src/http/kit.tsx). Nothing here is
// recomputed per request: logos are made on first demand and kept for the life of the
// process; the counter when the count changes; the social preview and the slide, which
// show the count, at most once a minute.
import { fileURLToPath } from 'node:url'
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js'
import QRCode from 'qrcode'
import type { Config, KitMark, KitVariant } from '../config.js'
import { absoluteUrl } from '../domain/links.js'
import { messagesFor } from '../i18n/index.js'
import {
  badgeArtwork,
  bannerArtwork,
  counterArtwork,
  escapeXml,
  FONT_FAMILY,
  KIT_VARIANTS,
  markSvg,
  PNG_WIDTHS,
  previewArtwork,
  SMALL_MARK_MAX,
  SMALL_MARK_WIDTHS,
  type Artwork,
  type Weight,
} from './artwork.js'

/** The social preview and the slide are redrawn at most this often. */
export const PREVIEW_MAX_AGE_MS = 60_000

const fontFile = (name: string) => fileURLToPath(new URL(`../assets/fonts/${name}`, import.meta.url))
// Without a loaded font resvg silently drops text; system fonts would make the
// output depend on the machine, so only the shipped files are used: DejaVu Sans in
// bold, and in book weight (reduced to Latin, Greek and Cyrillic; a character it lacks
// is drawn from the bold file).
const FONT: ResvgRenderOptions['font'] = {
  fontFiles: [fontFile('DejaVuSans-Bold.ttf'), fontFile('DejaVuSans.ttf')],
  loadSystemFonts: false,
  defaultFontFamily: FONT_FAMILY,
}

type Resvg = typeof ResvgClass

export interface KitFile {
  body: Buffer
  type: 'image/svg+xml' | 'image/png'
  width: number
  height: number
}

/** The width of one line of text in the shipped font. */
function measureText(Resvg: Resvg, text: string, fontSize: number, weight: Weight): number {
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="${fontSize * 2}"><text x="0" y="${fontSize * 1.5}" font-family="${FONT_FAMILY}" font-weight="${weight}" font-size="${fontSize}">${escapeXml(text)}</text></svg>`
  const box = new Resvg(probe, { font: FONT }).innerBBox()
  return box ? box.x + box.width : 0
}

/**
 * An SVG file with a <title> and an accessible name. Drawings with text go through
 * resvg first, which turns the text into paths; the QR code has none and stays as it is.
 */
function svgFile(Resvg: Resvg, art: Artwork, flatten = true): KitFile {
  const source = flatten
    ? new Resvg(art.svg, { font: FONT })
        .toString()
        // A tenth of a unit is far below a pixel at any size we publish.
        .replace(/(\d+\.\d)\d+/g, '$1')
        .replace(/>\s+</g, '><')
        .replace(/<defs\/>/g, '')
    : art.svg.trim()
  const label = escapeXml(art.label)
  const svg = source.replace(
    /^<svg\b([^>]*)>/,
    (_, attrs: string) => `<svg${attrs} role="img" aria-label="${label}"><title>${label}</title>`,
  )
  return { body: Buffer.from(svg), type: 'image/svg+xml', width: art.width, height: art.height }
}

function pngFile(Resvg: Resvg, art: Artwork, width: number): KitFile {
  const rendered = new Resvg(art.svg, { font: FONT, fitTo: { mode: 'width', value: width } }).render()
  return { body: rendered.asPng(), type: 'image/png', width: rendered.width, height: rendered.height }
}

const VARIANT = '(colour|dark|mono-dark|mono)'
// A mark's id may hold dashes: it is matched as short as the rest of the name allows,
// then looked up among the configured marks.
const MARK_NAME = new RegExp(`^mark-([a-z0-9-]+?)-${VARIANT}(?:-(\\d+))?\\.(svg|png)$`)
const BADGE_NAME = new RegExp(`^badge-([a-z0-9-]+?)-([a-z]{2})-${VARIANT}(?:-(\\d+))?\\.(svg|png)$`)
const QR_NAME = /^qr-([a-z]{2})\.(svg|png)$/
const BANNER_NAME = /^banner-([a-z0-9-]+?)-([a-z]{2})\.(svg|png)$/
const PREVIEWS_NAME = /^previews-([a-z]{2})\.svg$/

// The names of the kit's files before it offered several marks («badge-fr-colour-200.png»).
// Signatories pasted them into mail signatures, slides and pages: they must keep working.
const FORMER_NAME = /^(mark|badge|banner)(?:-([a-z]{2}))?(?:-(colour|dark|mono))?(?:-(\d+))?\.(svg|png)$/

/**
 * Today's name of a file named as the kit named it when it had one mark (now the first
 * configured mark), or undefined when the name was never the kit's.
 */
export function formerKitName(name: string, firstMarkId: string): string | undefined {
  const m = FORMER_NAME.exec(name)
  if (!m) return undefined
  const [, kind, locale, variant = 'colour', width, ext] = m
  const size = width === undefined ? '' : `-${width}`
  if (kind === 'mark' && locale === undefined) return `mark-${firstMarkId}-${variant}${size}.${ext}`
  if (kind === 'badge' && locale !== undefined)
    return `badge-${firstMarkId}-${locale}-${variant}${size}.${ext}`
  if (kind === 'banner' && locale !== undefined && m[3] === undefined && width === undefined)
    return `banner-${firstMarkId}-${locale}.${ext}`
  return undefined
}

/** Where a drawing sits in the previews sheet of a locale: `/kit/previews-fr.svg#<id>`. */
export interface PreviewView {
  id: string
  width: number
  height: number
}

export interface KitPreviews {
  /** Each mark in each variant: its full drawing, then its small one at 32 and 16 px, on the variant's ground. */
  mark(mark: KitMark, variant: KitVariant): PreviewView
  /** The worded badge of a mark in a variant, on the variant's ground. */
  badge(mark: KitMark, variant: KitVariant): PreviewView
  qr: PreviewView
}

export interface KitRenderer {
  /** A file of the kit by name ("mark-main-levee-dark-256.png"), or undefined when there is none. */
  file(name: string): Promise<KitFile | undefined>
  /** Size of the worded badge of a mark, for width and height attributes. */
  badgeSize(mark: KitMark, locale: string, variant: KitVariant): { width: number; height: number }
  /** Where each drawing is in the previews sheet of a locale (made with it). */
  previews(locale: string): Promise<KitPreviews>
  /** The live counter badge for a count already formatted in its language. */
  counter(locale: string, label: string): KitFile
  /** The slide ("banner-main-levee-fr.png") with the count, drawn again only when older than a minute. */
  banner(name: string, readCount: () => Promise<number>, now: number): Promise<KitFile | undefined>
  /** The social preview, drawn again only when older than a minute. */
  preview(locale: string, readLabel: () => Promise<string>, now: number): Promise<KitFile>
}

export async function createKitRenderer(config: Config): Promise<KitRenderer> {
  // The native renderer is loaded with the first kit file asked for, not at start-up:
  // a server whose kit nobody opens never holds it in memory.
  const { Resvg } = await import('@resvg/resvg-js')
  const kit = config.site.kit
  const locales = config.site.locales
  const files = new Map<string, Promise<KitFile | undefined>>()
  const badges = new Map<string, Artwork>()
  const counters = new Map<string, { label: string; file: KitFile }>()
  const previews = new Map<string, { at: number; label: string; file: KitFile }>()
  const banners = new Map<string, { at: number; label: string; file: KitFile }>()
  const sheets = new Map<string, Promise<{ file: KitFile; views: KitPreviews }>>()
  const markById = (id: string) => kit.marks.find((m) => m.id === id)

  const measure = (() => {
    const widths = new Map<string, number>()
    return (text: string, size: number, weight: Weight = 700) => {
      const key = `${weight}:${size}:${text}`
      let w = widths.get(key)
      if (w === undefined) {
        w = measureText(Resvg, text, size, weight)
        widths.set(key, w)
      }
      return w
    }
  })()

  const badge = (mark: KitMark, locale: string, variant: KitVariant) => {
    const key = `${mark.id}-${locale}-${variant}`
    let art = badges.get(key)
    if (!art) {
      art = badgeArtwork(kit, mark, locale, variant, measure)
      badges.set(key, art)
    }
    return art
  }

  const qrSvg = (locale: string) =>
    QRCode.toString(absoluteUrl(config, locale, '/'), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    })

  const markArtwork = (mark: KitMark, variant: KitVariant, small: boolean): Artwork => ({
    svg: markSvg(kit, mark, variant, small),
    width: 64,
    height: 64,
    label: mark.alt[config.site.defaultLocale]!,
  })

  /** A PNG width the name may ask for: the published ones, and 16 and 32 for the mark alone. */
  const publishedWidth = (width: number | undefined, forMark: boolean) =>
    width === undefined ||
    (PNG_WIDTHS as readonly number[]).includes(width) ||
    (forMark && (SMALL_MARK_WIDTHS as readonly number[]).includes(width))

  async function make(name: string): Promise<KitFile | undefined> {
    let m = MARK_NAME.exec(name)
    if (m) {
      const [, id, variant, widthText, ext] = m as unknown as [string, string, KitVariant, string?, string?]
      const mark = markById(id)
      const width = widthText === undefined ? undefined : Number(widthText)
      if (!mark || (ext === 'svg') !== (width === undefined) || !publishedWidth(width, true)) return undefined
      // A few pixels wide, the full drawing turns to mush: the small one is drawn for it.
      const art = markArtwork(mark, variant, width !== undefined && width <= SMALL_MARK_MAX)
      return ext === 'svg' ? svgFile(Resvg, art) : pngFile(Resvg, art, width!)
    }
    m = BADGE_NAME.exec(name)
    if (m) {
      const [, id, locale, variant, widthText, ext] = m as unknown as [
        string,
        string,
        string,
        KitVariant,
        string?,
        string?,
      ]
      const mark = markById(id)
      const width = widthText === undefined ? undefined : Number(widthText)
      if (!mark || !locales.includes(locale) || (ext === 'svg') !== (width === undefined)) return undefined
      if (!publishedWidth(width, false)) return undefined
      const art = badge(mark, locale, variant)
      return ext === 'svg' ? svgFile(Resvg, art) : pngFile(Resvg, art, width!)
    }
    m = QR_NAME.exec(name)
    if (m && locales.includes(m[1]!)) {
      const art = {
        svg: await qrSvg(m[1]!),
        width: 1024,
        height: 1024,
        label: absoluteUrl(config, m[1]!, '/'),
      }
      // The QR code has no text to flatten: it is served as the library draws it.
      return m[2] === 'svg' ? svgFile(Resvg, art, false) : pngFile(Resvg, art, art.width)
    }
    return undefined
  }

  /**
   * One SVG per locale holding every preview the kit page shows, each reachable by a
   * fragment (`previews-fr.svg#main-levee-dark`) that names a <view> of it: the page
   * shows a dozen drawings for one request. Each preview carries its own ground, so
   * that the variant for dark backgrounds is seen on one whatever the page's scheme.
   */
  function sheet(locale: string) {
    let pending = sheets.get(locale)
    if (!pending) {
      pending = (async () => {
        const gap = 8
        const parts: string[] = []
        let y = 0
        let width = 0
        const place = (id: string, w: number, h: number, body: string): PreviewView => {
          parts.push(
            `<view id="${id}" viewBox="0 ${y} ${w} ${h}"/>`,
            `<g transform="translate(0 ${y})">${body}</g>`,
          )
          y += h + gap
          width = Math.max(width, w)
          return { id, width: w, height: h }
        }
        const nested = (svg: string, x: number, top: number, w: number, h: number) =>
          svg.replace(/<title>[\s\S]*?<\/title>/, '').replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
            const kept = attrs.replace(/\s(?:width|height|x|y|role|aria-label)="[^"]*"/g, '')
            return `<svg${kept} x="${x}" y="${top}" width="${w}" height="${h}">`
          })
        const flat = (art: Artwork) => svgFile(Resvg, art).body.toString('utf8')
        const marks = new Map<string, PreviewView>()
        const badgeViews = new Map<string, PreviewView>()
        for (const mark of kit.marks)
          for (const variant of KIT_VARIANTS) {
            // Each preview on its variant's own paper: what the variant is drawn for.
            const ground = kit.palettes[variant].paper
            // The mark at 64 px from its drawing, then at 32 and 16 px from its small one,
            // bottoms aligned, 16 units of ground around and 24 between.
            const small = markSvg(kit, mark, variant, true)
            const w = 16 + 64 + 24 + 32 + 24 + 16 + 16
            const h = 16 + 64 + 16
            const body = [
              `<rect width="${w}" height="${h}" rx="6" fill="${ground}"/>`,
              nested(markSvg(kit, mark, variant), 16, 16, 64, 64),
              nested(small, 16 + 64 + 24, 16 + 64 - 32, 32, 32),
              nested(small, 16 + 64 + 24 + 32 + 24, 16 + 64 - 16, 16, 16),
            ].join('')
            marks.set(`${mark.id}-${variant}`, place(`${mark.id}-${variant}`, w, h, body))
            const art = badge(mark, locale, variant)
            // The badge at 256 px wide, as the snippets show it, with a margin of its ground.
            const bw = 256
            const bh = Math.round((bw * art.height) / art.width)
            const badgeBody = [
              `<rect width="${bw + 32}" height="${bh + 32}" rx="6" fill="${ground}"/>`,
              nested(flat(art), 16, 16, bw, bh),
            ].join('')
            badgeViews.set(
              `${mark.id}-${variant}`,
              place(`badge-${mark.id}-${variant}`, bw + 32, bh + 32, badgeBody),
            )
          }
        const qrBody = nested((await qrSvg(locale)).replace(/<\?xml[^>]*\?>/g, ''), 0, 0, 160, 160)
        const qr = place('qr', 160, 160, qrBody)
        // No width and height on the sheet: a browser showing one of its views takes that
        // view's own proportions, where the sheet's size would letterbox the view in it.
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${y}">${parts.join('')}</svg>`
        const views: KitPreviews = {
          mark: (mark, variant) => marks.get(`${mark.id}-${variant}`)!,
          badge: (mark, variant) => badgeViews.get(`${mark.id}-${variant}`)!,
          qr,
        }
        return { file: { body: Buffer.from(svg), type: 'image/svg+xml' as const, width, height: y }, views }
      })()
      sheets.set(locale, pending)
    }
    return pending
  }

  return {
    file(name) {
      const sheetName = PREVIEWS_NAME.exec(name)
      if (sheetName)
        return locales.includes(sheetName[1]!)
          ? sheet(sheetName[1]!).then((s) => s.file)
          : Promise.resolve(undefined)
      let pending = files.get(name)
      if (!pending) {
        pending = make(name)
        // Only names that exist are kept, so a crawler inventing names cannot fill memory.
        pending.then(
          (f) => (f ? undefined : files.delete(name)),
          () => files.delete(name),
        )
        files.set(name, pending)
      }
      return pending
    },
    badgeSize(mark, locale, variant) {
      const { width, height } = badge(mark, locale, variant)
      return { width, height }
    },
    async previews(locale) {
      return (await sheet(locale)).views
    },
    counter(locale, label) {
      const cached = counters.get(locale)
      if (cached?.label === label) return cached.file
      const file = svgFile(Resvg, counterArtwork(kit, label, measure))
      counters.set(locale, { label, file })
      return file
    },
    async banner(name, readCount, now) {
      const m = BANNER_NAME.exec(name)
      const mark = m ? markById(m[1]!) : undefined
      if (!m || !mark || !locales.includes(m[2]!)) return undefined
      const [, , locale, ext] = m as unknown as [string, string, string, 'svg' | 'png']
      const cached = banners.get(name)
      if (cached && now - cached.at < PREVIEW_MAX_AGE_MS) return cached.file
      const label = messagesFor(locale).count.signatures({ n: await readCount() })
      if (cached?.label === label) {
        cached.at = now
        return cached.file
      }
      const art = bannerArtwork(
        kit,
        mark,
        {
          title: config.site.title[locale]!,
          invite: messagesFor(locale).kit.slideInvite,
          url: absoluteUrl(config, locale, '/'),
          count: label,
          qrSvg: await qrSvg(locale),
        },
        measure,
      )
      const file = ext === 'svg' ? svgFile(Resvg, art) : pngFile(Resvg, art, art.width)
      banners.set(name, { at: now, label, file })
      return file
    },
    async preview(locale, readLabel, now) {
      const cached = previews.get(locale)
      if (cached && now - cached.at < PREVIEW_MAX_AGE_MS) return cached.file
      const label = await readLabel()
      if (cached?.label === label) {
        cached.at = now
        return cached.file
      }
      const art = previewArtwork(
        kit,
        { title: config.site.title[locale]!, count: label, host: new URL(config.baseUrl).host },
        measure,
      )
      const file = pngFile(Resvg, art, art.width)
      previews.set(locale, { at: now, label, file })
      return file
    },
  }
}
