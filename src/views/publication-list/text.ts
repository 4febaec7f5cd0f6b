// The list for publication as plain UTF-8 text: what an editor pastes anywhere.
import type { Block } from './blocks.js'

export async function* textList(blocks: AsyncIterable<Block>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  let lines: string[] = []
  for await (const b of blocks) {
    if (b.kind === 'heading') lines.push('', b.text.toLocaleUpperCase(), '')
    else if (b.kind === 'note' || b.kind === 'totals') lines.push('', b.text)
    else lines.push(b.text)
    // A few hundred lines at a time: small writes cost more than they carry.
    if (lines.length >= 500) {
      yield encoder.encode(`${lines.join('\n')}\n`)
      lines = []
    }
  }
  yield encoder.encode(`${lines.join('\n')}\n`)
}
