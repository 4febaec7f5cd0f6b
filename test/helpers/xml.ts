// A strict XML well-formedness check, enough for the SVG files we serve: balanced
// tags, quoted attributes without duplicates, only the five named entities and
// numeric character references. It throws on the first fault; it does not validate
// against a schema.
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  text: string
}

const NAME = /^[A-Za-z_:][\w:.-]*/
const ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'" })[n]!)
    .replace(/&amp;/g, '&')
}

export function parseXml(source: string): XmlElement {
  let i = 0
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at ${i}: ${why}: ${JSON.stringify(source.slice(i, i + 40))}`)
  }
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i)
      if (end < 0) fail('unclosed comment')
      i = end + 3
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i)
      if (end < 0 || root) fail('misplaced processing instruction')
      i = end + 2
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE or CDATA not expected in an SVG file')
    } else if (source.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_:][\w:.-]*)\s*>/.exec(source.slice(i))
      if (!m) fail('bad end tag')
      const open = stack.pop()
      if (!open || open.name !== m![1]) fail(`end tag </${m![1]}> does not close <${open?.name}>`)
      i += m![0].length
    } else if (source[i] === '<') {
      const rest = source.slice(i + 1)
      const name = NAME.exec(rest)?.[0] ?? fail('bad tag name')
      let j = i + 1 + name.length
      const attrs: Record<string, string> = {}
      for (;;) {
        const m = /^\s+([A-Za-z_:][\w:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(j))
        if (!m) break
        if (m[1]! in attrs) fail(`duplicate attribute ${m[1]}`)
        const value = m[3] ?? m[4] ?? ''
        if (ENTITY.test(value)) fail('bare & in attribute')
        attrs[m[1]!] = decode(value)
        j += m[0].length
      }
      const close = /^\s*(\/?)>/.exec(source.slice(j)) ?? fail(`bad attributes in <${name}>`)
      const element: XmlElement = { name, attrs, children: [], text: '' }
      if (stack.length) stack[stack.length - 1]!.children.push(element)
      else if (root) fail('second root element')
      else root = element
      if (!close[1]) stack.push(element)
      i = j + close[0].length
    } else {
      const end = source.indexOf('<', i)
      const text = source.slice(i, end < 0 ? source.length : end)
      if (ENTITY.test(text)) fail('bare & in text')
      if (!stack.length && text.trim()) fail('text outside the root element')
      if (stack.length) stack[stack.length - 1]!.text += decode(text)
      i += text.length
    }
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]!.name}>`)
  return root ?? fail('no root element')
}

/** Every element of a tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)]
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG file')
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}
