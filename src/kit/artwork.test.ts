// The kit's artwork as a designer checks it: every mark and badge rendered at 16, 32,
// 64 px and full size, on light and dark grounds, written to test-results/marks/ to be
// looked at; and the geometry that keeps each mark clean at those sizes, checked on the
// pixels themselves so that a new drawing, the collective's own included, cannot
// quietly regress.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Config, type KitMark, loadSiteConfig } from '../config.js'
import { messagesFor } from '../i18n/index.js'
import {
  badgeArtwork,
  KIT_VARIANTS,
  legibleWidths,
  markSvg,
  PNG_WIDTHS,
  SMALL_MARK_WIDTHS,
} from './artwork.js'
import { createKitRenderer, type KitRenderer } from './render.js'

const OUT = 'test-results/marks'
const site = loadSiteConfig('content')
const config = { site, baseUrl: 'https://paraphe.test' } as unknown as Config
const GROUNDS = { light: '#ffffff', dark: '#1b1b1b' } as const

/** The file drawn on a ground at a width, as resvg rasterises it. */
function rasterise(svg: string, width: number, ground: string) {
  return new Resvg(svg, { background: ground, fitTo: { mode: 'width', value: width } }).render()
}

/**
 * The PNG the kit serves under `name` at `width` («mark-main-levee-colour-16.png»), laid
 * pixel for pixel on a ground: what someone who downloads it sees, its 16 and 32 px
 * drawn from the mark's small drawing.
 */
async function served(name: string, width: number, ground: string) {
  const file = await kit.file(`${name}-${width}.png`)
  if (!file) throw new Error(`the kit serves no ${name}-${width}.png`)
  const uri = `data:image/png;base64,${file.body.toString('base64')}`
  return rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${file.width}" height="${file.height}"><rect width="100%" height="100%" fill="${ground}"/><image width="${file.width}" height="${file.height}" href="${uri}"/></svg>`,
    file.width,
    ground,
  )
}

/**
 * One contact sheet: each file a row, on light then dark, rendered at the given widths
 * and enlarged without smoothing (each pixel seen as it is): a mark at 16, 32 and 64 px
 * then 256; a badge at the widths it is offered in, 256 and 512.
 */
async function sheet(
  names: string[],
  sizes: readonly (readonly [number, number])[] = [
    [16, 8],
    [32, 4],
    [64, 2],
    [256, 1],
  ],
): Promise<Buffer> {
  const cells: string[] = []
  let y = 8
  for (const name of names) {
    const file = (await kit.file(`${name}.svg`))!
    const svg = file.body.toString('utf8')
    let x = 8
    let rowHeight = 0
    for (const ground of Object.values(GROUNDS)) {
      for (const [width, zoom] of sizes) {
        // A mark as the kit serves it at that width (at 16 and 32 px, its small drawing).
        const r = name.startsWith('mark-') ? await served(name, width, ground) : rasterise(svg, width, ground)
        const uri = `data:image/png;base64,${r.asPng().toString('base64')}`
        cells.push(
          `<image x="${x}" y="${y}" width="${r.width * zoom}" height="${r.height * zoom}" image-rendering="optimizeSpeed" href="${uri}"/>`,
        )
        x += r.width * zoom + 8
        rowHeight = Math.max(rowHeight, r.height * zoom)
      }
      x += 16
    }
    y += rowHeight + 8
    cells.unshift(`<rect y="${y - rowHeight - 8}" width="100%" height="${rowHeight + 8}" fill="#888888"/>`)
  }
  const doc = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="${y}">${cells.join('')}</svg>`
  return new Resvg(doc, { background: '#888888' }).render().asPng()
}

let kit: KitRenderer
beforeAll(async () => {
  kit = await createKitRenderer(config)
  mkdirSync(OUT, { recursive: true })
})

describe('the kit artwork, looked at', () => {
  it('writes every mark at 16, 32, 64 px and full size, and every badge at the widths it is offered in, on light and dark', async () => {
    for (const mark of site.kit.marks)
      for (const variant of KIT_VARIANTS) {
        const names = [
          `mark-${mark.id}-${variant}`,
          ...site.locales.map((l) => `badge-${mark.id}-${l}-${variant}`),
        ]
        for (const name of names) {
          const file = await kit.file(`${name}.svg`)
          expect(file, name).toBeDefined()
          const svg = file!.body.toString('utf8')
          for (const [groundName, ground] of Object.entries(GROUNDS)) {
            const widths = name.startsWith('badge-')
              ? [256, 512, file!.width * 4]
              : [16, 32, 64, file!.width * 4]
            for (const width of widths) {
              // A mark as it is served at each width; a badge drawn from its SVG, also at
              // the widths the kit leaves out, to see why it does.
              const png = (
                name.startsWith('mark-') ? await served(name, width, ground) : rasterise(svg, width, ground)
              ).asPng()
              writeFileSync(join(OUT, `${name}-on-${groundName}-${width}.png`), png)
            }
          }
        }
      }
    for (const mark of site.kit.marks) {
      writeFileSync(
        join(OUT, `sheet-mark-${mark.id}.png`),
        await sheet(KIT_VARIANTS.map((v) => `mark-${mark.id}-${v}`)),
      )
      for (const l of site.locales) {
        writeFileSync(
          join(OUT, `sheet-badges-${mark.id}-${l}.png`),
          await sheet(
            KIT_VARIANTS.map((v) => `badge-${mark.id}-${l}-${v}`),
            [
              [256, 2],
              [512, 1],
            ],
          ),
        )
        const slide = await kit.banner(`banner-${mark.id}-${l}.png`, async () => 1234, 0)
        writeFileSync(join(OUT, `banner-${mark.id}-${l}.png`), slide!.body)
      }
    }
    for (const l of site.locales) {
      const counter = kit.counter(l, messagesFor(l).kit.counter({ n: 1234 }))
      writeFileSync(join(OUT, `counter-${l}.svg`), counter.body)
      for (const ground of Object.values(GROUNDS))
        writeFileSync(
          join(OUT, `counter-${l}-on-${ground.slice(1)}.png`),
          rasterise(counter.body.toString('utf8'), counter.width * 2, ground).asPng(),
        )
    }
  })
})

describe('the badges, legible wherever they are offered', () => {
  const measure = (text: string, size: number) => text.length * size * 0.6
  it('offers a badge only at widths where its smallest words are 12 px or more', () => {
    for (const mark of site.kit.marks)
      for (const locale of site.locales) {
        const art = badgeArtwork(site.kit, mark, locale, 'colour', measure)
        // Read from the drawing itself, not from what the artwork says of it.
        const sizes = [...art.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]))
        expect(sizes.length, `${mark.id} ${locale}`).toBeGreaterThan(0)
        const pixels = (w: number) => (Math.min(...sizes) * w) / art.width
        const offered = legibleWidths(art)
        expect(offered.length, `${mark.id} ${locale}`).toBeGreaterThan(0)
        for (const w of PNG_WIDTHS)
          expect(
            offered.includes(w),
            `${mark.id} ${locale} at ${w} px: ${pixels(w).toFixed(1)} px text`,
          ).toBe(pixels(w) >= 11)
      }
  })
  it('leaves out the sizes at which a badge of longer words would be a smudge', () => {
    const long = { ...site.kit, badge: { fr: `${'Objection '.repeat(8)}· x` } }
    const art = badgeArtwork(long, site.kit.marks[0]!, 'fr', 'colour', measure)
    expect(legibleWidths(art)).not.toContain(256)
  })
})

describe('the marks, drawn with care', () => {
  type Classify = (r: number, g: number, b: number) => number
  /**
   * Connected regions of each class of pixel (4-neighbours), leaving out specks of a
   * few antialiased pixels; `grow` first widens every region of class `grown` by that
   * many pixels, which closes any gap narrower than twice as much.
   */
  function regions(svg: string, size: number, ground: string, classify: Classify, grow = 0, grown = -1) {
    const px = rasterise(svg, size, ground).pixels
    let cls = Array.from({ length: size * size }, (_, i) =>
      classify(px[i * 4]!, px[i * 4 + 1]!, px[i * 4 + 2]!),
    )
    if (grow > 0) {
      const out = [...cls]
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) {
          if (cls[y * size + x] !== grown) continue
          for (let dy = -grow; dy <= grow; dy++)
            for (let dx = -grow; dx <= grow; dx++) {
              const [nx, ny] = [x + dx, y + dy]
              if (nx >= 0 && ny >= 0 && nx < size && ny < size && dx * dx + dy * dy <= grow * grow)
                out[ny * size + nx] = grown
            }
        }
      cls = out
    }
    const seen = new Uint8Array(size * size)
    const counts = new Map<number, number>()
    for (let start = 0; start < size * size; start++) {
      if (seen[start]) continue
      const c = cls[start]!
      let area = 0
      const stack = [start]
      seen[start] = 1
      while (stack.length) {
        const i = stack.pop()!
        area++
        const [x, y] = [i % size, Math.floor(i / size)]
        for (const [nx, ny] of [
          [x + 1, y],
          [x - 1, y],
          [x, y + 1],
          [x, y - 1],
        ] as const) {
          const j = ny * size + nx
          if (nx < 0 || ny < 0 || nx >= size || ny >= size || seen[j] || cls[j] !== c) continue
          seen[j] = 1
          stack.push(j)
        }
      }
      if (area > size / 16) counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    return counts
  }
  const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16))
  /** The palette colour a pixel is nearest to: 0 ground or paper, 1 accent, 2 ink. */
  const byColour = (palette: { accent: string; ink: string; paper: string }): Classify => {
    const colours = [hex(palette.paper), hex(palette.accent), hex(palette.ink)]
    return (r, g, b) => {
      const d = colours.map(([cr, cg, cb]) => (r - cr!) ** 2 + (g - cg!) ** 2 + (b - cb!) ** 2)
      return d.indexOf(Math.min(...d))
    }
  }
  const dark: Classify = (r, g, b) => (r + g + b < 384 ? 1 : 0)
  const drawn = (counts: Map<number, number>) => (counts.get(1) ?? 0) + (counts.get(2) ?? 0)

  /** Parts drawn, and regions of ground, in colour and in black: equal when nothing merges. */
  const partsInColourAndMono = (mark: KitMark, small: boolean) => {
    const colour = regions(
      markSvg(site.kit, mark, 'colour', small),
      256,
      '#ffffff',
      byColour(site.kit.palettes.colour),
    )
    const mono = regions(markSvg(site.kit, mark, 'mono', small), 256, '#ffffff', dark)
    return { colour: [drawn(colour), colour.get(0)], mono: [drawn(mono), mono.get(0)] }
  }

  it('tells a drawing whose parts touch from one whose parts stand apart', () => {
    const drawing = (barX: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="26" fill="none" stroke="{{accent}}" stroke-width="6"/><rect x="${barX}" y="20" width="8" height="24" fill="{{ink}}"/></svg>`
    const mark = (svg: string): KitMark => ({ id: 'probe', name: {}, alt: {}, svg, smallSvg: svg })
    const apart = partsInColourAndMono(mark(drawing(28)), false)
    expect(apart.mono).toEqual(apart.colour)
    // The bar moved onto the ring: in black, ring and bar become one part.
    const touching = partsInColourAndMono(mark(drawing(6)), false)
    expect(touching.mono).not.toEqual(touching.colour)
  })

  for (const mark of site.kit.marks) {
    for (const small of [false, true]) {
      const name = `${mark.id}${small ? ', small drawing' : ''}`
      it(`${name}: no part touches another, so that none merge in one colour`, () => {
        const { colour, mono } = partsInColourAndMono(mark, small)
        expect(mono, 'parts drawn, regions of ground').toEqual(colour)
      })
      it(`${name}: sits in the middle of its square with even margins`, () => {
        const px = rasterise(markSvg(site.kit, mark, 'mono', small), 64, '#ffffff').pixels
        let [left, right, top, bottom] = [64, -1, 64, -1]
        for (let y = 0; y < 64; y++)
          for (let x = 0; x < 64; x++)
            if (px[(y * 64 + x) * 4]! < 200) {
              left = Math.min(left, x)
              right = Math.max(right, x)
              top = Math.min(top, y)
              bottom = Math.max(bottom, y)
            }
        const margins = [left, 63 - right, top, 63 - bottom]
        expect(Math.abs(margins[0]! - margins[1]!), `left and right margins ${margins}`).toBeLessThanOrEqual(
          1,
        )
        expect(Math.abs(margins[2]! - margins[3]!), `top and bottom margins ${margins}`).toBeLessThanOrEqual(
          1,
        )
        expect(Math.min(...margins), `margins ${margins}`).toBeGreaterThanOrEqual(1)
        expect(Math.max(...margins) - Math.min(...margins), `margins ${margins}`).toBeLessThanOrEqual(3)
      })
    }
    it(`${mark.id}: keeps every gap and every band at least ¾ px wide at 16 px`, () => {
      // At 64 px, widening one colour by 1.5 px closes any gap of the other under 3 px,
      // that is under ¾ px at 16 px: the parts must still be as many.
      const svg = markSvg(site.kit, mark, 'mono', true)
      const plain = regions(svg, 64, '#ffffff', dark)
      expect(regions(svg, 64, '#ffffff', dark, 1.5, 1), 'the drawn parts, widened').toEqual(plain)
      expect(regions(svg, 64, '#ffffff', dark, 1.5, 0), 'the gaps, widened').toEqual(plain)
    })
    it(`${mark.id}: is served at 16 and 32 px from its small drawing`, async () => {
      for (const variant of KIT_VARIANTS)
        for (const width of SMALL_MARK_WIDTHS) {
          const ground = variant.includes('dark') ? GROUNDS.dark : GROUNDS.light
          const small = rasterise(markSvg(site.kit, mark, variant, true), width, ground).pixels
          const { pixels } = await served(`mark-${mark.id}-${variant}`, width, ground)
          // Laid on its ground afterwards, an edge pixel may round a unit away.
          const off = pixels.filter((v, i) => Math.abs(v - small[i]!) > 2).length
          expect(off, `${variant} at ${width} px: values off`).toBe(0)
        }
    })
    it(`${mark.id}: at 16 px, reads as one thing (broken, perhaps), not as two side by side`, async () => {
      // The spark first cut along its diagonal read, at 16 px, as two slanted bars: a
      // part may come off, but one part must carry the drawing.
      const { pixels } = await served(`mark-${mark.id}-mono`, 16, GROUNDS.light)
      const inked = (i: number) => pixels[i * 4]! < 128
      const seen = new Uint8Array(256)
      const areas: number[] = []
      for (let start = 0; start < 256; start++) {
        if (seen[start] || !inked(start)) continue
        let area = 0
        const stack = [start]
        seen[start] = 1
        while (stack.length) {
          const i = stack.pop()!
          area++
          const [x, y] = [i % 16, Math.floor(i / 16)]
          for (const [nx, ny] of [
            [x + 1, y],
            [x - 1, y],
            [x, y + 1],
            [x, y - 1],
          ] as const) {
            const j = ny * 16 + nx
            if (nx < 0 || ny < 0 || nx >= 16 || ny >= 16 || seen[j] || !inked(j)) continue
            seen[j] = 1
            stack.push(j)
          }
        }
        areas.push(area)
      }
      const total = areas.reduce((a, b) => a + b, 0)
      expect(Math.max(...areas) / total, `parts of ${areas.join(', ')} pixels`).toBeGreaterThanOrEqual(3 / 4)
    })
  }
})
