// The list for publication as plain UTF-8 text: what an editor pastes anywhere.
// An organisation's entry carries its web address here, and only here: the text is what
// goes into a web article or a mail, where an address becomes a link and lets the editor
// check who signed; the PDF and the DOCX are laid out as a newspaper prints the list,
// where an address is noise in a column (and people's entries carry none either).
import type { Block } from './blocks.js'

export async function* textList(blocks: AsyncIterable<Block>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  let lines: string[] = []
  let blank = false
  // One blank line between parts, never two (a heading followed by a note would give two).
  const put = (...added: string[]) => {
    for (const line of added) {
      if (line === '' && blank) continue
      lines.push(line)
      blank = line === ''
    }
  }
  for await (const b of blocks) {
    if (b.kind === 'heading') put('', b.text.toLocaleUpperCase(), '')
    // A part of its own, underlined: not one more group of people.
    else if (b.kind === 'part') put('', b.text.toLocaleUpperCase(), '='.repeat(b.text.length), '')
    else if (b.kind === 'subheading') put('', b.text, '')
    else if (b.kind === 'note' || b.kind === 'totals') put('', b.text)
    else if (b.kind === 'entry' && b.url) put(`${b.text} (${b.url})`)
    else put(b.text)
    // A few hundred lines at a time: small writes cost more than they carry.
    if (lines.length >= 500) {
      yield encoder.encode(`${lines.join('\n')}\n`)
      lines = []
    }
  }
  yield encoder.encode(`${lines.join('\n')}\n`)
}
