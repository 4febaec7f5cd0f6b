// The kit's artwork as SVG sources: the mark, the worded badge, the live counter,
// the social preview and the slide banner. Text is written as SVG <text> in the
// font shipped with Paraphe; render.ts turns it into paths, so what a visitor
// downloads looks the same on every machine.
import type { KitConfig, KitPalette, KitVariant } from '../config.js'

export const KIT_VARIANTS: readonly KitVariant[] = ['colour', 'dark', 'mono']
/** Widths of the published PNG renders of the mark and the badge. */
export const PNG_WIDTHS = [64, 128, 256, 512, 1024] as const
/** The mark alone also comes this small (a favicon, a slide footer), drawn from its small version. */
export const SMALL_MARK_WIDTHS = [16, 32] as const
/** Up to this width a render of the mark uses the drawing made for small sizes. */
export const SMALL_MARK_MAX = 32
export const FONT_FAMILY = 'DejaVu Sans'

/** Text for XML: the only way anything dynamic enters an SVG. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  )
}

/** Measures the width of one line of text in the shipped font, in SVG units. */
export type Measure = (text: string, fontSize: number) => number

export interface Artwork {
  svg: string
  width: number
  height: number
  /** What the image says, for its <title> and alt text. */
  label: string
}

/** The mark in one palette, as a standalone SVG; `small` picks the drawing made for 16 and 32 px. */
export function markSvg(kit: KitConfig, variant: KitVariant, small = false): string {
  const palette = kit.palettes[variant]
  return (small ? kit.markSmallSvg : kit.markSvg)
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\{(accent|ink|paper)\}\}/g, (_, name: keyof KitPalette) => palette[name])
    .trim()
}

/** The mark placed inside another drawing, as a nested <svg> at (x, y), size × size. */
function placeMark(kit: KitConfig, variant: KitVariant, x: number, y: number, size: number): string {
  return markSvg(kit, variant, size <= SMALL_MARK_MAX).replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(?:width|height|x|y)="[^"]*"/g, '')
    return `<svg${kept} x="${x}" y="${y}" width="${size}" height="${size}">`
  })
}

function text(x: number, y: number, size: number, fill: string, content: string, anchor = 'start'): string {
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-weight="700" font-size="${size}" fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`
}

function svgRoot(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`
}

/** The badge's words split over at most two lines, at " · ". */
export function badgeLines(words: string): string[] {
  const at = words.indexOf(' · ')
  return at < 0 ? [words] : [words.slice(0, at), words.slice(at + 3)]
}

/** The worded badge: the mark, then «Objection de conscience» over «IA générative». */
export function badgeArtwork(kit: KitConfig, locale: string, variant: KitVariant, measure: Measure): Artwork {
  const palette = kit.palettes[variant]
  const words = kit.badge[locale]!
  const lines = badgeLines(words)
  const size = 27
  const height = lines.length === 2 ? 96 : 72
  // The same margin around the mark on three sides and after the text; the text block,
  // from the top of its capitals to its last baseline, centred on the badge's height.
  const pad = 14
  const markSize = height - 2 * pad
  const textX = pad + markSize + 16
  const width = Math.ceil(textX + Math.max(...lines.map((l) => measure(l, size))) + pad + 2)
  const capHeight = 0.73 * size
  const leading = 36
  const first = Math.round((height + capHeight - leading * (lines.length - 1)) / 2)
  const baselines = lines.map((_, i) => first + i * leading)
  const body = [
    `<rect x="1.5" y="1.5" width="${width - 3}" height="${height - 3}" rx="14" fill="${palette.paper}" stroke="${palette.accent}" stroke-width="3"/>`,
    placeMark(kit, variant, pad, pad, markSize),
    ...lines.map((line, i) => text(textX, baselines[i]!, size, i === 0 ? palette.ink : palette.accent, line)),
  ].join('')
  return { svg: svgRoot(width, height, body), width, height, label: words }
}

/** The live counter: the mark on the left, «1 234 signataires» on the accent colour. */
export function counterArtwork(kit: KitConfig, label: string, measure: Measure): Artwork {
  const palette = kit.palettes.colour
  const height = 40
  const size = 17
  const width = Math.ceil(height + 12 + measure(label, size) + 14)
  const body = [
    `<rect width="${width}" height="${height}" rx="6" fill="${palette.accent}"/>`,
    `<rect x="2" y="2" width="${height - 4}" height="${height - 4}" rx="5" fill="${palette.paper}"/>`,
    placeMark(kit, 'colour', 5, 5, height - 10),
    text(height + 12, 26.5, size, palette.paper, label),
  ].join('')
  return { svg: svgRoot(width, height, body), width, height, label }
}

/** Greedy word wrap for a line width, measured in the shipped font. */
export function wrap(words: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && measure(candidate, size) > width) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line) lines.push(line)
  return lines
}

/** The 1200×630 social preview: the mark, the title, the count, the address. */
export function previewArtwork(
  kit: KitConfig,
  opts: { title: string; count: string; host: string },
  measure: Measure,
): Artwork {
  const width = 1200
  const height = 630
  const palette = kit.palettes.colour
  let size = 64
  let lines = wrap(opts.title, 1000, size, measure)
  while (lines.length > 3 && size > 36) {
    size -= 4
    lines = wrap(opts.title, 1000, size, measure)
  }
  lines = lines.slice(0, 4)
  const top = 230
  const body = [
    `<rect width="${width}" height="${height}" fill="#fdfcf9"/>`,
    `<rect width="24" height="${height}" fill="${palette.accent}"/>`,
    placeMark(kit, 'colour', 100, 60, 120),
    ...lines.map((line, i) => text(100, top + size + i * size * 1.2, size, palette.ink, line)),
    text(100, 560, 44, palette.accent, opts.count),
    text(1120, 560, 28, '#555555', opts.host, 'end'),
  ].join('')
  return { svg: svgRoot(width, height, body), width, height, label: `${opts.title} — ${opts.count}` }
}

/**
 * A 16:9 slide (1920×1080) for Impress, PowerPoint or Keynote, composed as one: the
 * mark, the text's title, one line of invitation, the link with its QR code, the count.
 * The badge's words are left out: beside the title they would say the same thing twice.
 */
export function bannerArtwork(
  kit: KitConfig,
  opts: { title: string; invite: string; url: string; count: string; qrSvg: string },
  measure: Measure,
): Artwork {
  const width = 1920
  const height = 1080
  const palette = kit.palettes.colour
  const left = 160
  // The text column ends where the QR code's quiet zone begins.
  const column = 1040
  let size = 76
  let titleLines = wrap(opts.title, column, size, measure)
  while (titleLines.length > 3 && size > 56) {
    size -= 4
    titleLines = wrap(opts.title, column, size, measure)
  }
  titleLines = titleLines.slice(0, 4)
  const titleTop = 360
  const titleEnd = titleTop + size + (titleLines.length - 1) * size * 1.15
  const urlSize = Math.min(44, Math.floor((column / Math.max(1, measure(opts.url, 44))) * 44))
  const qrSize = 520
  const qrX = width - 160 - qrSize
  const qrY = (height - qrSize) / 2
  const qr = opts.qrSvg.replace(/<\?xml[^>]*\?>/g, '').replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(?:width|height|x|y)="[^"]*"/g, '')
    return `<svg${kept} x="${qrX}" y="${qrY}" width="${qrSize}" height="${qrSize}">`
  })
  const body = [
    `<rect width="${width}" height="${height}" fill="${palette.paper}"/>`,
    `<rect width="32" height="${height}" fill="${palette.accent}"/>`,
    placeMark(kit, 'colour', left, 140, 180),
    ...titleLines.map((line, i) => text(left, titleTop + size + i * size * 1.15, size, palette.ink, line)),
    text(left, titleEnd + 100, 44, palette.ink, opts.invite),
    text(left, titleEnd + 170, urlSize, palette.accent, opts.url),
    text(left, height - 140, 56, palette.accent, opts.count),
    `<rect x="${qrX}" y="${qrY}" width="${qrSize}" height="${qrSize}" fill="#ffffff"/>`,
    qr,
  ].join('')
  return {
    svg: svgRoot(width, height, body),
    width,
    height,
    label: `${opts.title} — ${opts.invite} ${opts.url} — ${opts.count}`,
  }
}
