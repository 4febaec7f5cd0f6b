import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Block } from './blocks.js'
import { pdfList } from './pdf.js'

async function* blocks(): AsyncGenerator<Block> {
  yield { kind: 'heading', text: 'Premiers signataires' }
  yield {
    kind: 'entry',
    text: 'Léa Benali, directrice de recherche, Laboratoire Évolution et diversité biologique (UMR 5174), Université Grenoble Alpes',
  }
  yield { kind: 'entry', text: 'Lou Mercier, Université Toulouse III – Paul Sabatier' }
  yield { kind: 'heading', text: 'Chercheur·e' }
}

/** The left edge of each line of the page, in reading order, with its first word. */
function lineStarts(pdf: Uint8Array): { x: number; word: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'paraphe-pdf-'))
  try {
    writeFileSync(join(dir, 'list.pdf'), pdf)
    const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', join(dir, 'list.pdf'), '-'], {
      encoding: 'utf8',
    })
    return [...html.matchAll(/<line xMin="([\d.]+)"[^>]*>\s*<word[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      word: m[2]!,
    }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the list for publication as PDF', () => {
  it('stands the next lines of a long entry in from its first, so that they do not read as another signatory', async () => {
    const chunks: Uint8Array[] = []
    for await (const c of pdfList(blocks(), { title: 'Liste' })) chunks.push(c)
    const lines = lineStarts(Buffer.concat(chunks))
    expect(lines.map((l) => l.word)).toEqual(['Premiers', 'Léa', expect.any(String), 'Lou', 'Chercheur·e'])
    const [heading, first, next, another, nextHeading] = lines.map((l) => l.x) as number[]
    expect(first).toBeCloseTo(heading!, 0)
    expect(another).toBeCloseTo(heading!, 0)
    expect(nextHeading).toBeCloseTo(heading!, 0)
    expect(next! - first!).toBeGreaterThan(10)
  })
})
