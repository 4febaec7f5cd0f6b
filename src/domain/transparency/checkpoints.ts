// Signed checkpoints of the public log: at most one every few minutes, when the log
// grew, the server signs its size, root hash and count with an Ed25519 key kept in
// DATA_DIR. Copies of them (the Atom feed carries the latest) bind the site: a later
// log that does not extend the one they describe is caught by anyone who kept one.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PRIVATE_FILE, tighten } from '../../data-dir.js'
import type { Db, Tx } from '../../db/database.js'
import type { Transact } from '../../db/transactor.js'
import { countOf, NUMBERING_BATCH, numberPending, readHead, rootOfHead } from './log.js'

export interface Checkpoint {
  size: number
  /** Root hash of the tree of the first `size` entries, hex. */
  root: string
  /** Additions minus cancellations among those entries: the public count. */
  count: number
  at: string
  /** Ed25519 signature of checkpointText(origin, …), base64. */
  signature: string
}

/** The bytes signed: the site's address first, so that a checkpoint cannot pass for another site's. */
export function checkpointText(origin: string, c: Omit<Checkpoint, 'signature'>): string {
  return `paraphe checkpoint v1\n${origin}\n${c.size}\n${c.root}\n${c.count}\n${c.at}\n`
}

export interface LogKey {
  /** The public half, PEM (SPKI): published at /transparency/key. */
  publicKeyPem: string
  /** SHA-256 of the public half (DER), hex: what people compare with a copy published elsewhere. */
  fingerprint: string
  sign(text: string): string
}

/**
 * A public key's SHA-256 fingerprint, hex, or undefined when the text is no key. The
 * same as `openssl pkey -pubin -outform DER | sha256sum`, so that anyone can compute it.
 */
export function keyFingerprint(publicKeyPem: string): string | undefined {
  try {
    const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })
    return createHash('sha256').update(der).digest('hex')
  } catch {
    return undefined
  }
}

export function keyFrom(privateKey: KeyObject): LogKey {
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
  return {
    publicKeyPem,
    fingerprint: keyFingerprint(publicKeyPem)!,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  }
}

/**
 * The log's signing key, DATA_DIR/transparency-key.pem, created at the first start
 * (0600, like the secret). Never logged: whoever holds it can sign checkpoints in the
 * site's name. Lose it and the next checkpoints need a new key announced publicly.
 */
export function loadOrCreateLogKey(dataDir: string): { key: LogKey; warning?: string } {
  const file = join(dataDir, 'transparency-key.pem')
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519')
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: PRIVATE_FILE,
      flag: 'wx',
    })
    return { key: keyFrom(privateKey) }
  }
  const warning = tighten(file, PRIVATE_FILE)
  return { key: keyFrom(createPrivateKey(readFileSync(file))), warning }
}

export function verifyCheckpoint(origin: string, c: Checkpoint, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(checkpointText(origin, c), 'utf8'),
      publicKeyPem,
      Buffer.from(c.signature, 'base64'),
    )
  } catch {
    return false
  }
}

/**
 * Signs a checkpoint if the log grew since the last one; returns it, or undefined.
 * What waits to be numbered is numbered first, in the same transaction: the count a
 * checkpoint signs includes every change committed before it.
 */
export async function writeCheckpoint(
  transact: Transact,
  origin: string,
  key: LogKey,
  now: Date,
): Promise<Checkpoint | undefined> {
  return transact(async (tx) => {
    while ((await numberPending(tx)) === NUMBERING_BATCH);
    const head = await readHead(tx)
    const last = await latestCheckpoint(tx)
    if (head.size === 0 || (last && last.size >= head.size)) return undefined
    const unsigned = {
      size: head.size,
      root: rootOfHead(head).toString('hex'),
      count: countOf(head),
      at: now.toISOString(),
    }
    const checkpoint = { ...unsigned, signature: key.sign(checkpointText(origin, unsigned)) }
    // Two instances on one PostgreSQL database may sign the same size: the first stays.
    await tx
      .insertInto('transparency_checkpoints')
      .values(checkpoint)
      .onConflict((oc) => oc.column('size').doNothing())
      .execute()
    return checkpoint
  })
}

function asCheckpoint(r: Checkpoint): Checkpoint {
  return { size: Number(r.size), root: r.root, count: Number(r.count), at: r.at, signature: r.signature }
}

export async function latestCheckpoint(db: Db | Tx): Promise<Checkpoint | undefined> {
  const row = await db
    .selectFrom('transparency_checkpoints')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? asCheckpoint(row) : undefined
}

export async function listCheckpoints(db: Db | Tx): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('transparency_checkpoints').selectAll().orderBy('size').execute()
  return rows.map(asCheckpoint)
}
