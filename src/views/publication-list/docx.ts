// The list for publication as a Word document (DOCX, Office Open XML), which editors
// open and paste from in Word or LibreOffice: a title, headings and one paragraph a
// signatory, with the document's own styles. The XML is written here, a few paragraphs
// at a time, into fflate's streaming zip: the `docx` library builds the whole document
// as objects first, and at 100,000 names ran out of the server's 96 MB heap (measured:
// it aborts after 1.2 s; 10,000 names already took 138 MB of RSS).
import { Zip, ZipDeflate } from 'fflate'
import type { Block } from './blocks.js'

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** Paragraph styles: built-in names, so that Word and LibreOffice map them to their own. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Part"><w:name w:val="Part"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:after="160"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Signatory"><w:name w:val="Signatory"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:style></w:styles>`

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Each block's paragraph style; an entry's next lines stand in from its first, as in the PDF. */
const STYLE_OF: Partial<Record<Block['kind'], string>> = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading: 'Heading1',
  part: 'Part',
  subheading: 'Heading2',
  entry: 'Signatory',
}

function paragraph(b: Block): string {
  const style = STYLE_OF[b.kind] ?? ''
  const spacing = b.kind === 'totals' || b.kind === 'note' ? '<w:spacing w:before="240" w:after="120"/>' : ''
  const props =
    style || spacing ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${spacing}</w:pPr>` : ''
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${escapeXml(b.text)}</w:t></w:r></w:p>`
}

async function* documentXml(blocks: AsyncIterable<Block>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  yield encoder.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>`,
  )
  let part = ''
  for await (const b of blocks) {
    part += paragraph(b)
    if (part.length > 64_000) {
      yield encoder.encode(part)
      part = ''
    }
  }
  // A4 portrait, 2 cm margins (in twentieths of a point).
  yield encoder.encode(
    `${part}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  )
}

/** The date of every entry: a file's date is its content's, so two downloads of one list are alike. */
const MTIME = new Date(1980, 0, 1)

export async function* docxList(blocks: AsyncIterable<Block>): AsyncGenerator<Uint8Array> {
  const produced: Uint8Array[] = []
  let failed: Error | null = null
  // fflate's deflate runs synchronously: each push hands over what it compressed at once.
  const zip = new Zip((err, chunk) => {
    if (err) failed = err
    else produced.push(chunk)
  })
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level: 6 })
    file.mtime = MTIME
    zip.add(file)
    return file
  }
  const encoder = new TextEncoder()
  for (const [name, text] of [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ['word/styles.xml', STYLES],
  ] as const)
    entry(name).push(encoder.encode(text), true)
  const document = entry('word/document.xml')
  for await (const part of documentXml(blocks)) {
    document.push(part)
    if (failed) throw failed
    yield* produced.splice(0)
  }
  document.push(new Uint8Array(0), true)
  zip.end()
  if (failed) throw failed
  yield* produced.splice(0)
}
