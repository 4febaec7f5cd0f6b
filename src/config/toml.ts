import { readFileSync } from 'node:fs'
import { parse as parseToml } from 'smol-toml'
import { ConfigError } from './error.js'

/** A TOML file of the content folder, parsed; a syntax error names the file and its first line. */
export function readToml(file: string): unknown {
  try {
    return parseToml(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(file, (err as Error).message.split('\n')[0]!)
  }
}
