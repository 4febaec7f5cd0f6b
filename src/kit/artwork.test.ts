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
import { KIT_VARIANTS, markSvg, SMALL_MARK_MAX } from './artwork.js'
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
 * One contact sheet: each file a row, on light then dark, rendered at 16, 32 and 64 px
 * wide and enlarged without smoothing (each pixel seen as it is), then at 256 px.
 */
async function sheet(names: string[]): Promise<Buffer> {
  const cells: string[] = []
  let y = 8
  for (const name of names) {
    const file = (await kit.file(`${name}.svg`))!
    const svg = file.body.toString('utf8')
    let x = 8
    let rowHeight = 0
    for (const ground of Object.values(GROUNDS)) {
      for (const [width, zoom] of [
        [16, 8],
        [32, 4],
        [64, 2],
        [256, 1],
      ] as const) {
        // Small renders of the mark are drawn from its small version, as the kit publishes them.
        const [mark, variant] =
          site.kit.marks
            .flatMap((m) => KIT_VARIANTS.map((v) => [m, v] as const))
            .find(([m, v]) => name === `mark-${m.id}-${v}`) ?? []
        const source =
          mark && variant && width <= SMALL_MARK_MAX ? markSvg(site.kit, mark, variant, true) : svg
        const r = rasterise(source, width, ground)
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
  it('writes every mark and badge at 16, 32, 64 px and full size, on light and dark', async () => {
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
            for (const width of [16, 32, 64, file!.width * 4]) {
              const png = rasterise(svg, width, ground).asPng()
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
          await sheet(KIT_VARIANTS.map((v) => `badge-${mark.id}-${l}-${v}`)),
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
  }
})
