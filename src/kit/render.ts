// Renders the kit's artwork once and keeps it: SVG with its text turned into paths
// (so no visitor's fonts are involved), PNG at the published widths; how a file is
// compressed and tagged is the server's business (src/http/kit.tsx). Nothing here is
// recomputed per request: logos are made on first demand and kept for the life of the
// process; the counter when the count changes; the social preview and the slide, which
// show the count, at most once a minute.
import { fileURLToPath } from 'node:url'
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js'
import QRCode from 'qrcode'
import type { Config, KitVariant } from '../config.js'
import { absoluteUrl } from '../domain/links.js'
import { messagesFor } from '../i18n/index.js'
import {
  badgeArtwork,
  bannerArtwork,
  counterArtwork,
  escapeXml,
  FONT_FAMILY,
  markSvg,
  PNG_WIDTHS,
  previewArtwork,
  SMALL_MARK_MAX,
  SMALL_MARK_WIDTHS,
  type Artwork,
} from './artwork.js'

/** The social preview and the slide are redrawn at most this often. */
export const PREVIEW_MAX_AGE_MS = 60_000

const FONT_FILE = fileURLToPath(new URL('../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url))
// Without a loaded font resvg silently drops text; system fonts would make the
// output depend on the machine, so only the shipped file is used.
const FONT: ResvgRenderOptions['font'] = {
  fontFiles: [FONT_FILE],
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
function measureText(Resvg: Resvg, text: string, fontSize: number): number {
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="${fontSize * 2}"><text x="0" y="${fontSize * 1.5}" font-family="${FONT_FAMILY}" font-weight="700" font-size="${fontSize}">${escapeXml(text)}</text></svg>`
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

const NAME = /^(mark|badge|qr)(?:-([a-z]{2}))?(?:-(colour|dark|mono))?(?:-(\d+))?\.(svg|png)$/

export interface KitRenderer {
  /** A file of the kit by name ("mark-dark-256.png"), or undefined when there is none. */
  file(name: string): Promise<KitFile | undefined>
  /** Size of the worded badge, for width and height attributes. */
  badgeSize(locale: string, variant: KitVariant): { width: number; height: number }
  /** The live counter badge for a count already formatted in its language. */
  counter(locale: string, label: string): KitFile
  /** The slide ("banner-fr.png", "banner-en.svg") with the count, drawn again only when older than a minute. */
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

  const measure = (() => {
    const widths = new Map<string, number>()
    return (text: string, size: number) => {
      const key = `${size}:${text}`
      let w = widths.get(key)
      if (w === undefined) {
        w = measureText(Resvg, text, size)
        widths.set(key, w)
      }
      return w
    }
  })()

  const badge = (locale: string, variant: KitVariant) => {
    const key = `${locale}-${variant}`
    let art = badges.get(key)
    if (!art) {
      art = badgeArtwork(kit, locale, variant, measure)
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

  async function artworkFor(
    kind: string,
    locale: string | undefined,
    variant: KitVariant | undefined,
  ): Promise<Artwork | undefined> {
    if (kind === 'mark') {
      if (locale || !variant) return undefined
      return {
        svg: markSvg(kit, variant),
        width: 64,
        height: 64,
        label: kit.badge[config.site.defaultLocale]!,
      }
    }
    if (!locale || !locales.includes(locale)) return undefined
    if (kind === 'badge') return variant ? badge(locale, variant) : undefined
    if (variant) return undefined
    const url = absoluteUrl(config, locale, '/')
    return { svg: await qrSvg(locale), width: 1024, height: 1024, label: url }
  }

  async function make(name: string): Promise<KitFile | undefined> {
    const m = NAME.exec(name)
    if (!m) return undefined
    const [, kind, locale, variant, widthText, ext] = m as unknown as [
      string,
      string,
      string | undefined,
      KitVariant | undefined,
      string | undefined,
      'svg' | 'png',
    ]
    const width = widthText === undefined ? undefined : Number(widthText)
    // Marks and badges come in the published widths; the QR code and the slide in one size.
    const sized = kind === 'mark' || kind === 'badge'
    if (ext === 'svg' && width !== undefined) return undefined
    const widths: readonly number[] = kind === 'mark' ? [...SMALL_MARK_WIDTHS, ...PNG_WIDTHS] : PNG_WIDTHS
    if (ext === 'png' && sized && !widths.includes(width!)) return undefined
    if (ext === 'png' && !sized && width !== undefined) return undefined
    let art = await artworkFor(kind, locale, variant)
    if (!art) return undefined
    // A few pixels wide, the full drawing turns to mush: the small one is drawn for it.
    if (kind === 'mark' && width !== undefined && width <= SMALL_MARK_MAX)
      art = { ...art, svg: markSvg(kit, variant!, true) }
    if (ext === 'svg') return svgFile(Resvg, art, kind !== 'qr')
    return pngFile(Resvg, art, width ?? art.width)
  }

  return {
    file(name) {
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
    badgeSize(locale, variant) {
      const { width, height } = badge(locale, variant)
      return { width, height }
    },
    counter(locale, label) {
      const cached = counters.get(locale)
      if (cached?.label === label) return cached.file
      const file = svgFile(Resvg, counterArtwork(kit, label, measure))
      counters.set(locale, { label, file })
      return file
    },
    async banner(name, readCount, now) {
      const m = /^banner-([a-z]{2})\.(svg|png)$/.exec(name)
      if (!m || !locales.includes(m[1]!)) return undefined
      const [, locale, ext] = m as unknown as [string, string, 'svg' | 'png']
      const cached = banners.get(name)
      if (cached && now - cached.at < PREVIEW_MAX_AGE_MS) return cached.file
      const label = messagesFor(locale).count.signatures(await readCount())
      if (cached?.label === label) {
        cached.at = now
        return cached.file
      }
      const art = bannerArtwork(
        kit,
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
