// A zip archive written as it goes, for the DOCX list: each entry deflated as its
// chunks arrive, its sizes and checksum given after it (a data descriptor, bit 3),
// the directory at the end. Nothing is held but the entry's running checksum and
// sizes, so a document of 100,000 names streams in constant memory. Only what a
// DOCX needs: no ZIP64 (entries under 4 GB), no encryption, UTF-8 names.
import { once } from 'node:events'
import { constants, crc32, createDeflateRaw } from 'node:zlib'

interface Written {
  name: Buffer
  crc: number
  compressed: number
  size: number
  offset: number
}

const FLAGS = 0x0808 // bit 3: sizes in a data descriptor; bit 11: UTF-8 names
const DEFLATE = 8
// 1980-01-01 00:00, the earliest date the format knows: the file's date is its content's.
const DOS_TIME = 0
const DOS_DATE = 0x21

function u16(n: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16LE(n)
  return b
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n >>> 0)
  return b
}

/** Deflates a stream of chunks, yielding compressed bytes and reporting the totals at the end. */
async function* deflated(
  chunks: AsyncIterable<Uint8Array>,
  totals: { crc: number; size: number; compressed: number },
): AsyncGenerator<Buffer> {
  const deflate = createDeflateRaw()
  const out: Buffer[] = []
  deflate.on('data', (b: Buffer) => out.push(b))
  const ended = once(deflate, 'end')
  // A sync flush hands on what each chunk compressed to, keeping the dictionary (a full
  // flush would reset it); the data events of the flush come before the next turn.
  const flushed = () =>
    new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => setImmediate(resolve)))
  for await (const chunk of chunks) {
    totals.crc = crc32(chunk, totals.crc)
    totals.size += chunk.length
    deflate.write(chunk)
    await flushed()
    while (out.length > 0) {
      const b = out.shift()!
      totals.compressed += b.length
      yield b
    }
  }
  deflate.end()
  await ended
  for (const b of out) {
    totals.compressed += b.length
    yield b
  }
}

/** The archive's bytes, entry after entry: each given as a name and its content's chunks. */
export async function* zipStream(
  entries: AsyncIterable<{ name: string; content: AsyncIterable<Uint8Array> }>,
): AsyncGenerator<Buffer> {
  const written: Written[] = []
  let offset = 0
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const header = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(FLAGS),
      u16(DEFLATE),
      u16(DOS_TIME),
      u16(DOS_DATE),
      u32(0),
      u32(0),
      u32(0),
      u16(name.length),
      u16(0),
      name,
    ])
    const start = offset
    yield header
    offset += header.length
    const totals = { crc: 0, size: 0, compressed: 0 }
    for await (const b of deflated(entry.content, totals)) yield b
    offset += totals.compressed
    const descriptor = Buffer.concat([
      u32(0x08074b50),
      u32(totals.crc),
      u32(totals.compressed),
      u32(totals.size),
    ])
    yield descriptor
    offset += descriptor.length
    written.push({ name, crc: totals.crc, compressed: totals.compressed, size: totals.size, offset: start })
  }
  const directory = Buffer.concat(
    written.map((w) =>
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(FLAGS),
        u16(DEFLATE),
        u16(DOS_TIME),
        u16(DOS_DATE),
        u32(w.crc),
        u32(w.compressed),
        u32(w.size),
        u16(w.name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(w.offset),
        w.name,
      ]),
    ),
  )
  yield directory
  yield Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(written.length),
    u16(written.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ])
}
