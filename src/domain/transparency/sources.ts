// Where `npm run verify` reads a log from: a site's address (its JSON endpoints,
// docs/API.md) or a folder saved earlier (key.pem, checkpoints.json, entries.json).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Checkpoint } from './checkpoints.js'
import type { LogEntry } from './entries.js'
import type { Hash } from './merkle.js'
import type { EarlierCopy, PublishedLog, ServerProofs } from './verify.js'

export interface LoadedLog {
  log: PublishedLog
  /** The site's address, when read from it: its proofs can be asked for too. */
  url?: string
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  return (await res.json()) as T
}

export async function loadLog(source: string): Promise<LoadedLog> {
  if (/^https?:\/\//.test(source)) {
    const base = source.replace(/\/+$/, '')
    const keyRes = await fetch(`${base}/transparency/key`)
    if (!keyRes.ok) throw new Error(`${base}/transparency/key answered ${keyRes.status}`)
    const publicKeyPem = await keyRes.text()
    const { origin, checkpoints } = await fetchJson<{ origin: string; checkpoints: Checkpoint[] }>(
      `${base}/transparency/checkpoints`,
    )
    const entries: LogEntry[] = []
    for (;;) {
      const page = await fetchJson<{ to: number; size: number; entries: LogEntry[] }>(
        `${base}/transparency/entries?from=${entries.length}`,
      )
      entries.push(...page.entries)
      if (page.entries.length === 0 || entries.length >= page.size) break
    }
    return { log: { origin, publicKeyPem, checkpoints, entries }, url: base }
  }
  if (!existsSync(join(source, 'checkpoints.json'))) throw new Error('no checkpoints.json in this folder')
  const { origin, checkpoints } = JSON.parse(readFileSync(join(source, 'checkpoints.json'), 'utf8'))
  const { entries } = JSON.parse(readFileSync(join(source, 'entries.json'), 'utf8'))
  return {
    log: { origin, checkpoints, entries, publicKeyPem: readFileSync(join(source, 'key.pem'), 'utf8') },
  }
}

/** The checkpoints of a folder written by --save, with the key and address they were signed for. */
export function loadSavedCopy(dir: string): EarlierCopy {
  const file = join(dir, 'checkpoints.json')
  if (!existsSync(file)) throw new Error('no checkpoints.json in this folder (one written by --save)')
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { origin?: string; checkpoints?: Checkpoint[] }
  if (!Array.isArray(saved.checkpoints)) throw new Error('its checkpoints.json holds no list of checkpoints')
  const keyFile = join(dir, 'key.pem')
  return {
    checkpoints: saved.checkpoints,
    origin: saved.origin,
    publicKeyPem: existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined,
  }
}

export function saveLog(dir: string, log: PublishedLog): void {
  writeFileSync(join(dir, 'key.pem'), log.publicKeyPem)
  writeFileSync(
    join(dir, 'checkpoints.json'),
    `${JSON.stringify({ origin: log.origin, checkpoints: log.checkpoints }, null, 1)}\n`,
  )
  writeFileSync(join(dir, 'entries.json'), `${JSON.stringify({ entries: log.entries })}\n`)
}

export function serverProofs(base: string): ServerProofs {
  const hashes = (list: string[]): Hash[] => list.map((h) => Buffer.from(h, 'hex'))
  return {
    async consistency(first, second) {
      const r = await fetchJson<{ proof: string[] }>(
        `${base}/transparency/proof/consistency?first=${first}&second=${second}`,
      )
      return hashes(r.proof)
    },
    async inclusion(position, size) {
      const r = await fetchJson<{ path: string[] }>(
        `${base}/transparency/proof/inclusion?position=${position}&size=${size}`,
      )
      return hashes(r.path)
    },
  }
}
