// The kit's artwork as a designer checks it: every mark and badge rendered at 16, 32,
// 64 px and full size, on light and dark grounds, written to test-results/marks/ to be
// looked at; and the geometry that keeps the mark clean at those sizes, checked on the
// pixels themselves so that a new drawing cannot quietly regress.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Config, loadSiteConfig } from '../config.js'
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
        const variant = KIT_VARIANTS.find((v) => name === `mark-${v}`)
        const source = variant && width <= SMALL_MARK_MAX ? markSvg(site.kit, variant, true) : svg
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
    for (const variant of KIT_VARIANTS) {
      const names = [`mark-${variant}`, ...site.locales.map((l) => `badge-${l}-${variant}`)]
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
    writeFileSync(join(OUT, 'sheet-marks.png'), await sheet(KIT_VARIANTS.map((v) => `mark-${v}`)))
    for (const l of site.locales)
      writeFileSync(
        join(OUT, `sheet-badges-${l}.png`),
        await sheet(KIT_VARIANTS.map((v) => `badge-${l}-${v}`)),
      )
    for (const l of site.locales) {
      const slide = await kit.banner(`banner-${l}.png`, async () => 1234, 0)
      writeFileSync(join(OUT, `banner-${l}.png`), slide!.body)
      writeFileSync(join(OUT, `counter-${l}.svg`), kit.counter(l, messagesFor(l).kit.counter(1234)).body)
    }
  })
})

describe('the mark, drawn with care', () => {
  const SIZE = 256
  const scale = SIZE / 64
  /** The colour render at 256 px as [r, g, b] per pixel, with where its ring lies (from the drawing). */
  function drawn(small: boolean) {
    const svg = markSvg(site.kit, 'colour', small)
    const ring = /<circle cx="32" cy="32" r="([\d.]+)"[^>]*stroke-width="([\d.]+)"/.exec(svg)
    expect(ring, 'a ring centred in the 64-unit square').not.toBeNull()
    const [r, w] = [Number(ring![1]), Number(ring![2])]
    const px = rasterise(svg, SIZE, '#ffffff').pixels
    const at = (x: number, y: number) => [
      px[(y * SIZE + x) * 4]!,
      px[(y * SIZE + x) * 4 + 1]!,
      px[(y * SIZE + x) * 4 + 2]!,
    ]
    return { at, inner: (r - w / 2) * scale, outer: (r + w / 2) * scale }
  }
  // #a4161a and #1b1b1b, with room for antialiasing.
  const isAccent = ([r, g]: number[]) => r! > 120 && g! < 80
  const isInk = ([r, g, b]: number[]) => r! < 90 && g! < 90 && b! < 90

  for (const small of [false, true]) {
    const name = small ? 'the small mark' : 'the mark'
    it(`${name}: the ring is whole, with no notch cut by the bar's outline`, () => {
      const { at, inner, outer } = drawn(small)
      for (let a = 0; a < 360; a += 1) {
        for (let d = inner + 2; d <= outer - 2; d += 1) {
          const x = Math.round(SIZE / 2 + d * Math.cos((a * Math.PI) / 180))
          const y = Math.round(SIZE / 2 + d * Math.sin((a * Math.PI) / 180))
          expect(isAccent(at(x, y)), `${name} at ${a}°, ${d.toFixed(0)} px from the centre`).toBe(true)
        }
      }
    })

    it(`${name}: no spark touches the ring or the bar, so they stay apart in one colour`, () => {
      const { at } = drawn(small)
      // At least 1.5 units of paper between ink and accent: 6 px here, 0.4 px at 16 px.
      const gap = 1.5 * scale
      for (let y = 0; y < SIZE; y++)
        for (let x = 0; x < SIZE; x++) {
          if (!isInk(at(x, y))) continue
          for (let dy = -gap; dy <= gap; dy++)
            for (let dx = -gap; dx <= gap; dx++) {
              const [nx, ny] = [x + dx, y + dy]
              if (nx < 0 || ny < 0 || nx >= SIZE || ny >= SIZE || dx * dx + dy * dy > gap * gap) continue
              if (isAccent(at(nx, ny)))
                expect.fail(`${name}: ink at (${x}, ${y}) touches the accent at (${nx}, ${ny})`)
            }
        }
    })
  }
})
