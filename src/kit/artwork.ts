// The kit's artwork as SVG sources: the mark, the worded badge, the live counter,
// the social preview and the slide banner. Text is written as SVG <text> in the
// font shipped with Paraphe; render.ts turns it into paths, so what a visitor
// downloads looks the same on every machine.
import type { KitConfig, KitMark, KitPalette, KitVariant } from '../config.js'

/** Colour on light grounds, colour on dark ones, black on light, white on dark. */
export const KIT_VARIANTS: readonly KitVariant[] = ['colour', 'dark', 'mono', 'mono-dark']
/** Widths of the published PNG renders of the mark and the badge. */
export const PNG_WIDTHS = [64, 128, 256, 512, 1024] as const
/** The mark alone also comes this small (a favicon, a slide footer), drawn from its small version. */
export const SMALL_MARK_WIDTHS = [16, 32] as const
/** Up to this width a render of the mark uses the drawing made for small sizes. */
export const SMALL_MARK_MAX = 32
export const FONT_FAMILY = 'Source Sans 3'
/** The two weights shipped: titles and figures in semibold, what accompanies them in regular. */
export type Weight = 400 | 600

/** Text for XML: the only way anything dynamic enters an SVG. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  )
}

/** Measures the width of one line of text in the shipped font, in SVG units. */
export type Measure = (text: string, fontSize: number, weight?: Weight) => number

export interface Artwork {
  svg: string
  width: number
  height: number
  /** What the image says, for its <title> and alt text. */
  label: string
  /** The size of its smallest text, in its own units; none when it has no text. */
  smallestText?: number
}

/** A mark in one palette, as a standalone SVG; `small` picks the drawing made for 16 and 32 px. */
export function markSvg(kit: KitConfig, mark: KitMark, variant: KitVariant, small = false): string {
  const palette = kit.palettes[variant]
  return (small ? mark.smallSvg : mark.svg)
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\{(accent|ink|paper)\}\}/g, (_, name: keyof KitPalette) => palette[name])
    .replace(/>\s+</g, '><')
    .trim()
}

/** The mark placed inside another drawing, as a nested <svg> at (x, y), size × size. */
function placeMark(
  kit: KitConfig,
  mark: KitMark,
  variant: KitVariant,
  x: number,
  y: number,
  size: number,
): string {
  return markSvg(kit, mark, variant, size <= SMALL_MARK_MAX).replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(?:width|height|x|y)="[^"]*"/g, '')
    return `<svg${kept} x="${x}" y="${y}" width="${size}" height="${size}">`
  })
}

/** One line of text; its `weight` is one of the two shipped. */
function text(
  x: number,
  y: number,
  size: number,
  fill: string,
  content: string,
  options: { anchor?: 'start' | 'middle' | 'end'; weight?: Weight } = {},
): string {
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-weight="${options.weight ?? 600}" font-size="${size}" fill="${fill}" text-anchor="${options.anchor ?? 'start'}">${escapeXml(content)}</text>`
}

function svgRoot(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`
}

/** Height of Source Sans 3's capitals and figures, per unit of font size. */
const CAP_HEIGHT = 0.66

/** The baseline that centres a line's capitals and figures on `middle`. */
const centredBaseline = (middle: number, size: number) =>
  Math.round((middle + (CAP_HEIGHT * size) / 2) * 10) / 10

/** The badge's words split over at most two lines, at " · ". */
export function badgeLines(words: string): string[] {
  const at = words.indexOf(' · ')
  return at < 0 ? [words] : [words.slice(0, at), words.slice(at + 3)]
}

/**
 * The smallest text, in pixels, that the kit lets a file show: below it the words of a
 * badge are a grey smudge (the badge at 128 px wide had letters 3 px high; Source Sans's small letters are half its size). A badge is
 * published only at the widths where its smallest line is at least this large; smaller
 * uses take the mark alone, which is drawn for 16 and 32 px.
 */
export const MIN_TEXT_PX = 12

/** The published PNG widths at which an artwork's smallest text is legible. */
export function legibleWidths(art: Artwork): number[] {
  const smallest = art.smallestText
  if (smallest === undefined) return [...PNG_WIDTHS]
  return PNG_WIDTHS.filter((w) => (smallest * w) / art.width >= MIN_TEXT_PX)
}

/**
 * The worded badge: the mark, then the words in two levels, «Objection de conscience»
 * in bold and the ink colour, «face à l’IA générative» under it, smaller, in book
 * weight and the accent colour. A hairline frame, the ink at a fifth, holds it on a
 * ground of another colour without weighing on the words.
 */
export function badgeArtwork(
  kit: KitConfig,
  mark: KitMark,
  locale: string,
  variant: KitVariant,
  measure: Measure,
): Artwork {
  const palette = kit.palettes[variant]
  const words = kit.badge[locale]!
  const lines = badgeLines(words)
  const two = lines.length === 2
  const [first, second] = [31, 26]
  const height = two ? 96 : 72
  // The mark square with the same margin above, below and before it; the text block,
  // from the top of the first line's capitals to the last baseline, centred on the height.
  const pad = 16
  const markSize = height - 2 * pad
  const textX = pad + markSize + 18
  const sizes = lines.map((_, i) => (i === 0 ? first : second))
  const weights: Weight[] = lines.map((_, i) => (i === 0 ? 600 : 400))
  const textWidth = Math.max(...lines.map((l, i) => measure(l, sizes[i]!, weights[i])))
  const width = Math.ceil(textX + textWidth + pad + 6)
  const leading = 32
  const block = CAP_HEIGHT * first + (two ? leading : 0)
  const top = (height - block) / 2
  const baselines = [Math.round((top + CAP_HEIGHT * first) * 10) / 10, Math.round((top + block) * 10) / 10]
  const body = [
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="12" fill="${palette.paper}" stroke="${palette.ink}" stroke-opacity="0.2" stroke-width="2"/>`,
    placeMark(kit, mark, variant, pad, pad, markSize),
    ...lines.map((line, i) =>
      text(textX, baselines[i]!, sizes[i]!, i === 0 ? palette.ink : palette.accent, line, {
        weight: weights[i],
      }),
    ),
  ].join('')
  return { svg: svgRoot(width, height, body), width, height, label: words, smallestText: Math.min(...sizes) }
}

/**
 * The live counter, «1 234 signatures vérifiées» beside the first mark, as the site
 * says it. The mark sits in a square of the badge's height with equal margins, and the
 * figures' capitals are centred on the same middle line as the mark.
 */
export function counterArtwork(kit: KitConfig, label: string, measure: Measure): Artwork {
  const palette = kit.palettes.colour
  const mark = kit.marks[0]!
  const height = 40
  const size = 16
  const markSize = 26
  const pad = (height - markSize) / 2
  const textX = pad + markSize + 9
  // After the text, the margin the mark has on its left, and the border's width again.
  const width = Math.ceil(textX + measure(label, size) + pad + 4)
  const body = [
    // The badge's hairline frame: the ink at a fifth, not the accent.
    `<rect x="0.75" y="0.75" width="${width - 1.5}" height="${height - 1.5}" rx="8" fill="${palette.paper}" stroke="${palette.ink}" stroke-opacity="0.2" stroke-width="1.5"/>`,
    placeMark(kit, mark, 'colour', pad, pad, markSize),
    text(textX, centredBaseline(height / 2, size), size, palette.ink, label),
  ].join('')
  return { svg: svgRoot(width, height, body), width, height, label }
}

/** Greedy word wrap for a line width, measured in the shipped font. */
export function wrap(
  words: string,
  width: number,
  size: number,
  measure: Measure,
  weight: Weight = 600,
): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && measure(candidate, size, weight) > width) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line) lines.push(line)
  return lines
}

/**
 * The title in at most `maxLines` lines of `column` width. A title reads best broken
 * where its own punctuation breaks it («Face à l’IA générative, / l’objection de
 * conscience»): the largest size at which each phrase holds on one line is taken, if
 * there is one down to `smallest`; otherwise words are wrapped greedily, the size
 * lowered until the lines are few enough.
 */
function fitTitle(
  title: string,
  column: number,
  largest: number,
  smallest: number,
  maxLines: number,
  measure: Measure,
) {
  const phrases = title.split(/(?<=[,:;—])\s+/)
  if (phrases.length > 1 && phrases.length <= maxLines)
    for (let size = largest; size >= smallest; size -= 2)
      if (phrases.every((phrase) => measure(phrase, size) <= column)) return { size, lines: phrases }
  let size = largest
  let lines = wrap(title, column, size, measure)
  while (lines.length > maxLines && size > smallest) {
    size -= 4
    lines = wrap(title, column, size, measure)
  }
  return { size, lines: lines.slice(0, maxLines + 1) }
}

/** A text no wider than `width`: its size, from `largest` down. */
const fittingSize = (content: string, width: number, largest: number, measure: Measure, weight: Weight) =>
  Math.min(largest, Math.floor((width / Math.max(1, measure(content, largest, weight))) * largest))

/** The 1200×630 social preview: the mark, the title, the count, the address. */
export function previewArtwork(
  kit: KitConfig,
  opts: { title: string; count: string; host: string },
  measure: Measure,
): Artwork {
  const width = 1200
  const height = 630
  const palette = kit.palettes.colour
  const left = 96
  const { size, lines } = fitTitle(opts.title, 1000, 72, 36, 3, measure)
  const top = 236
  const body = [
    `<rect width="${width}" height="${height}" fill="${palette.paper}"/>`,
    placeMark(kit, kit.marks[0]!, 'colour', left, 76, 112),
    ...lines.map((line, i) => text(left, top + size + i * size * 1.18, size, palette.ink, line)),
    text(left, 560, 40, palette.accent, opts.count),
    text(width - left, 560, 28, palette.ink, opts.host, { anchor: 'end', weight: 400 }),
  ].join('')
  return { svg: svgRoot(width, height, body), width, height, label: `${opts.title} — ${opts.count}` }
}

/**
 * A 16:9 slide (1920×1080) for Impress, PowerPoint or Keynote, composed as one. Read
 * in this order: the title, large, in bold; the line of invitation and the link under
 * it; the count, in book weight like the invitation, at the foot of the column, where
 * it informs without competing with the title. The QR code stands on the slide's own
 * white at the right, as tall as the text column, with no card or rule around it.
 * The mark opens the column; the badge's words are left out: beside the title they
 * would say the same thing twice.
 */
export function bannerArtwork(
  kit: KitConfig,
  mark: KitMark,
  opts: { title: string; invite: string; url: string; count: string; qrSvg: string },
  measure: Measure,
): Artwork {
  const width = 1920
  const height = 1080
  const palette = kit.palettes.colour
  const margin = 144
  const qrSize = 456
  const qrX = width - margin - qrSize
  const column = qrX - 120 - margin
  const { size, lines } = fitTitle(opts.title, column, 108, 72, 3, measure)
  const leading = Math.round(size * 1.12)
  const markSize = 112
  const markY = margin
  const titleTop = markY + markSize + 96 + Math.round(CAP_HEIGHT * size)
  const titleEnd = titleTop + (lines.length - 1) * leading
  const inviteSize = 44
  const inviteY = titleEnd + 104
  const urlSize = fittingSize(opts.url, column, 44, measure, 400)
  const countY = height - margin
  // The code's modules, quiet zone included, end on the count's baseline.
  const qrY = countY - qrSize + 16
  const qr = opts.qrSvg.replace(/<\?xml[^>]*\?>/g, '').replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(?:width|height|x|y)="[^"]*"/g, '')
    return `<svg${kept} x="${qrX}" y="${qrY}" width="${qrSize}" height="${qrSize}">`
  })
  const body = [
    `<rect width="${width}" height="${height}" fill="${palette.paper}"/>`,
    placeMark(kit, mark, 'colour', margin, markY, markSize),
    ...lines.map((line, i) => text(margin, titleTop + i * leading, size, palette.ink, line)),
    text(margin, inviteY, inviteSize, palette.ink, opts.invite, { weight: 400 }),
    text(margin, inviteY + 66, urlSize, palette.accent, opts.url, { weight: 400 }),
    text(margin, countY, 40, palette.ink, opts.count, { weight: 400 }),
    qr,
  ].join('')
  return {
    svg: svgRoot(width, height, body),
    width,
    height,
    label: `${opts.title} — ${opts.invite} ${opts.url} — ${opts.count}`,
  }
}
