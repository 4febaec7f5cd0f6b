// The list for publication as an A4 PDF, drawn by pdfkit with the DejaVu fonts
// shipped in src/assets/fonts (so that every accent and «·» prints, whatever the
// machine). Pages are written out as they fill: the generator feeds the document a
// few hundred blocks at a time and hands on what it produced meanwhile, so memory
// stays flat (the server runs under a bounded heap) and the answer starts at once.
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'
import type { Block } from './blocks.js'

const REGULAR = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url))
const BOLD = fileURLToPath(new URL('../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url))
/** 2 cm, in points. */
const MARGIN = 57
/**
 * How far an entry's next lines stand in from its first (5 mm): a long entry wraps, and
 * without it «Université Grenoble Alpes» on the next line read as another signatory.
 */
const HANGING = 14

export async function* pdfList(
  blocks: AsyncIterable<Block>,
  meta: { title: string },
): AsyncGenerator<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: meta.title, Producer: 'Paraphe', Creator: 'Paraphe' },
    // The file's date would make two downloads of the same list differ for nothing.
    compress: true,
  })
  const produced: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => produced.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  doc.registerFont('regular', REGULAR)
  doc.registerFont('bold', BOLD)
  let written = 0
  for await (const b of blocks) {
    switch (b.kind) {
      case 'title':
        doc.font('bold').fontSize(18).text(b.text, { paragraphGap: 6 })
        break
      case 'subtitle':
        doc.font('regular').fontSize(12).text(b.text, { paragraphGap: 4 })
        break
      case 'totals':
      case 'note':
        doc.moveDown(0.5).font('regular').fontSize(10).text(b.text, { paragraphGap: 6 })
        break
      case 'heading':
        // A heading is not left alone at the foot of a page.
        if (doc.y > doc.page.height - MARGIN - 60) doc.addPage()
        doc.moveDown(0.8).font('bold').fontSize(13).text(b.text, { paragraphGap: 4 })
        break
      case 'part':
        doc.addPage()
        doc.font('bold').fontSize(16).text(b.text, { paragraphGap: 6 })
        break
      case 'subheading':
        if (doc.y > doc.page.height - MARGIN - 50) doc.addPage()
        doc.moveDown(0.6).font('bold').fontSize(11).text(b.text, { paragraphGap: 3 })
        break
      case 'entry':
        doc
          .font('regular')
          .fontSize(10)
          .text(b.text, MARGIN + HANGING, doc.y, {
            indent: -HANGING,
            width: doc.page.width - 2 * MARGIN - HANGING,
            paragraphGap: 1,
          })
        doc.x = MARGIN
        break
    }
    if (++written % 200 === 0) {
      // pdfkit is a stream: what it wrote reaches 'data' only once the event loop turns.
      // On SQLite nothing else lets it turn (every read is synchronous), and the whole
      // file was held until the end: 12 s before the first byte at 100,000 names.
      await new Promise((resolve) => setImmediate(resolve))
      yield* produced.splice(0)
    }
  }
  doc.end()
  await ended
  yield* produced.splice(0)
}
