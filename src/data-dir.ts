// DATA_DIR holds what must stay private: the SQLite database (names, choices and
// address hashes of every signatory), the secret that keys those hashes, and mails
// whose links let their reader confirm, edit or withdraw a signature. Whatever
// Paraphe creates there is readable by the server's user only, whatever the umask.
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { type Config, ConfigError, type LoadedConfig } from './config.js'

/** Permissions of a folder Paraphe creates or owns in DATA_DIR. */
export const PRIVATE_DIR = 0o700
/** Permissions of a file Paraphe creates or owns in DATA_DIR. */
export const PRIVATE_FILE = 0o600

/**
 * Narrows an existing file or folder of ours to `mode` when group or others can reach
 * it (a copy restored with cp, a folder made by hand, an older version). Returns a
 * line for the log when it cannot (the file belongs to someone else), else undefined.
 */
export function tighten(path: string, mode: number): string | undefined {
  if (!existsSync(path)) return undefined
  if ((statSync(path).mode & 0o077) === 0) return undefined
  try {
    chmodSync(path, mode)
    return undefined
  } catch (err) {
    return `warning: ${path} is readable by other users and cannot be restricted (${(err as NodeJS.ErrnoException).code}); chmod ${mode.toString(8)} it`
  }
}

/** A folder of ours (the mail folder): created 0700, or narrowed to it. */
export function privateDir(path: string): string | undefined {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR })
  return tighten(path, PRIVATE_DIR)
}

/**
 * A file of ours that another library will open (the SQLite database): created empty
 * with 0600 before it does, so that it never exists with looser permissions, or
 * narrowed to 0600 if it was there already.
 */
export function privateFile(path: string): string | undefined {
  if (!existsSync(path)) {
    closeSync(openSync(path, 'a', PRIVATE_FILE))
    return undefined
  }
  return tighten(path, PRIVATE_FILE)
}

/**
 * DATA_DIR itself may have been made by the operator, looser on purpose (a backup
 * group): it is named in the log rather than changed. Created by Paraphe, it is 0700.
 */
export function dataDirWarning(dataDir: string): string | undefined {
  const mode = statSync(dataDir).mode & 0o777
  if ((mode & 0o077) === 0) return undefined
  return `warning: DATA_DIR ${dataDir} is open to other users (mode ${mode.toString(8)}); it holds the database, the secret and mails with live links: chmod 700 it`
}

/**
 * Start-up's first step, for the server and every command alike: DATA_DIR exists,
 * readable by the server's user only, and the secret is known (SECRET, or the one
 * generated there on the first start).
 */
export function prepareDataDir(loaded: LoadedConfig): Config {
  mkdirSync(loaded.dataDir, { recursive: true, mode: PRIVATE_DIR })
  return Object.freeze({ ...loaded, secret: loaded.secret ?? readOrCreateSecret(loaded.dataDir) })
}

/** The HMAC key for e-mail hashes and form signatures: generated once, readable by the owner only. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret')
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim()
    if (secret.length < 32) throw new ConfigError('SECRET', `${file} holds fewer than 32 characters`)
    return secret
  }
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, `${secret}\n`, { mode: PRIVATE_FILE, flag: 'wx' })
  chmodSync(file, PRIVATE_FILE)
  return secret
}
